"""The search worker's setup reads each text of the index once, and leaves pairs of words
to the queries that ask for them.

Over file:// (the offline bundle) the worker runs on the page's own thread, so its setup
is part of the reader's wait for the first answer (bench/bundle_search.py). Splitting a
text into words is the setup's main cost: each entry's text is read once, and a heading
or a document's name that many entries share is read once for all of them. Two words side
by side (a pair, which scores again) are as many as the words: a pair's postings are made
when a query has the two words side by side, not for every pair of the site. Counted by
the calls of the worker's lower-casing (every reading of a text starts with one) and of
Map.set (one per term a unit has, as its weights are summed), never by the clock.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from clausemark.adapters.mkdocs_plugin import LUNR
from clausemark.index.search import search_worker_script
from search_worker_queries import WORKER_REALM

COUNT = (
    """
const fs = require("fs"), vm = require("vm");
const [workerFile, indexFile] = process.argv.slice(2);
"""
    + WORKER_REALM
    + """const index = JSON.parse(fs.readFileSync(indexFile, "utf8"));
// the worker's realm's own String.prototype.toLowerCase, counted during the setup only
vm.runInContext(`
  var readings = 0, lower = String.prototype.toLowerCase;
  String.prototype.toLowerCase = function () { readings++; return lower.call(this); };
  var weights = 0, set = Map.prototype.set;
  Map.prototype.set = function (key, value) { weights++; return set.call(this, key, value); };
`, context);
listener({ data: { type: 0, data: index } });
const readings = vm.runInContext("readings", context);
const weights = vm.runInContext("weights", context);
const found = {};
for (const query of ["gifts", "declares gifts"]) {
  listener({ data: { type: 2, data: query } });
  found[query] = last.data.items.map((group) => group[group.length - 1].location);
}
console.log(JSON.stringify({ readings: readings, weights: weights, found: found }));
"""
)

ENTRIES = 120
HEADINGS = 6
# the terms of a clause (its ten or eleven words but "a"; the number one of them), of its
# heading ("heading", its number) and of the document's name (each word)
NAME = "Ashvale Parish Council Code 3 Member Conduct Protocol"
TERMS_PER_UNIT = 10 + 2 + 8


def _index() -> dict:
    """Clauses of one document under a few headings, as index/search.py writes them; in
    every other clause "declares" and "gifts" stand apart ("declares such gifts")."""
    docs = [
        {
            "location": f"code-3/#para_{n}",
            "title": f"Code 3 · {n}",
            "text": f"Member {n} {'declares gifts' if n % 2 else 'declares such gifts'} "
            "worth over a tenner within weeks.",
            "kind": "clause",
            "heading": f"Heading {n % HEADINGS}",
            "document": NAME,
            "number": str(n),
        }
        for n in range(1, ENTRIES + 1)
    ]
    return {"config": {"clausemark": {"synonyms": []}}, "docs": docs}


@pytest.fixture(scope="module")
def counted(tmp_path_factory) -> dict:
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it)")
    folder = tmp_path_factory.mktemp("worker-setup")
    (folder / "worker.js").write_text(search_worker_script(LUNR), "utf-8")
    (folder / "count.js").write_text(COUNT, "utf-8")
    (folder / "index.json").write_text(json.dumps(_index()), "utf-8")
    files = [str(folder / name) for name in ("count.js", "worker.js", "index.json")]
    run = subprocess.run(["node", *files], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def test_the_setup_reads_each_text_once(counted):
    assert counted["found"]["gifts"]  # the index answers
    # each clause's text, each heading, the document's name and the empty title field
    distinct_texts = ENTRIES + HEADINGS + 1 + 1
    assert counted["readings"] <= distinct_texts, counted["readings"]


def test_pairs_of_words_are_counted_when_a_query_asks_for_them(counted):
    # one weight per term of each clause's fields (and a heading's or the name's words
    # kept once): none for the pairs its words make
    assert counted["weights"] <= ENTRIES * TERMS_PER_UNIT + HEADINGS + 2, counted["weights"]
    # and a pair asked for still counts: "declares gifts" side by side ranks first
    first = counted["found"]["declares gifts"][: ENTRIES // 2]
    assert all(int(location.rsplit("_", 1)[1]) % 2 for location in first), first


# The worker run in a context of its own, every lower-casing of a word counted (`readings`).
LOAD_COUNTING = """
context.self = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(workerFile, "utf8"), context);
vm.runInContext(`
  var readings = 0, lower = String.prototype.toLowerCase;
  String.prototype.toLowerCase = function () { readings++; return lower.call(this); };
`, context);
"""

PREPARED = (
    """
const fs = require("fs"), vm = require("vm");
const [workerFile, indexFile] = process.argv.slice(2);
let listener = null, messages = [], pending = 0;
const context = {
  postMessage: (m) => { messages.push(m); },
  addEventListener: (t, f) => { listener = f; },
  setTimeout: (f) => { pending++; setTimeout(() => { pending--; f(); }); },
};
"""
    + LOAD_COUNTING
    + """
const index = JSON.parse(fs.readFileSync(indexFile, "utf8"));
const answer = (query) => {
  listener({ data: { type: 2, data: query } });
  return messages[messages.length - 1].data.items.map((group) => group[group.length - 1].location);
};
listener({ data: { type: "clausemark-prepare", data: index } });
const done = () => {
  if (pending) return setImmediate(done);
  const prepared = vm.runInContext("readings", context);
  const before = messages.length;
  listener({ data: { type: 0, data: index } });  // Material's SETUP, the same objects
  const ready = messages.slice(before).map((m) => m.type);
  const again = vm.runInContext("readings", context) - prepared;
  console.log(JSON.stringify({ prepared, again, ready, found: answer("declares gifts") }));
};
done();
"""
)


def test_an_index_prepared_before_materials_setup_is_not_built_again(counted, tmp_path):
    """Over file:// the shim hands the worker the page's index once the page has loaded
    ("clausemark-prepare"); the worker sets it up in slices (timers), and Material's SETUP
    of the same objects then answers READY at once, with the same results."""
    (tmp_path / "worker.js").write_text(search_worker_script(LUNR), "utf-8")
    (tmp_path / "prepared.js").write_text(PREPARED, "utf-8")
    (tmp_path / "index.json").write_text(json.dumps(_index()), "utf-8")
    files = [str(tmp_path / name) for name in ("prepared.js", "worker.js", "index.json")]
    run = subprocess.run(["node", *files], capture_output=True, text=True, check=True)
    found = json.loads(run.stdout)
    assert found["prepared"] > 0  # the index was read when it was handed over
    assert found["ready"] == [1] and found["again"] == 0, found
    assert found["found"] == counted["found"]["declares gifts"]


THREADED = (
    """
const fs = require("fs"), vm = require("vm");
const [workerFile, scriptFile] = process.argv.slice(2);
let listener = null, messages = [], timers = 0;
const context = {
  postMessage: (m) => { messages.push(m); },
  addEventListener: (t, f) => { listener = f; },
  setTimeout: (f) => { timers++; setTimeout(f); },
  WorkerGlobalScope: function WorkerGlobalScope() {},  // a worker with a thread of its own
};
"""
    + LOAD_COUNTING
    + """
// the bundle's search_index.js, as the page reads it; a real worker gets copies
const index = vm.runInNewContext(fs.readFileSync(scriptFile, "utf8") + "; __index", { window: {} });
listener({ data: structuredClone({ type: "clausemark-prepare", data: index }) });
const prepared = vm.runInContext("readings", context);
const before = messages.length;
listener({ data: structuredClone({ type: 0, data: { config: index.config, docs: index.docs } }) });
const ready = messages.slice(before).map((m) => m.type);
const again = vm.runInContext("readings", context) - prepared;
listener({ data: { type: 2, data: "declares gifts" } });
const found = messages[messages.length - 1].data.items
  .map((group) => group[group.length - 1].location);
const kinds = [typeof index.docs, typeof index.config.clausemark];
console.log(JSON.stringify({ kinds, prepared, again, ready, timers, found }));
"""
)


def test_a_worker_on_its_own_thread_reads_the_bundles_index_text_at_once(counted, tmp_path):
    """The offline bundle's index script carries the clauses and clausemark's settings as
    JSON text (adapters/bundle.py), which a worker on its own thread gets as copies: it sets
    the index up at once when it is handed over (no slices, no timers), Material's SETUP of
    the same text answers READY without building it again, and the answers are those of the
    index as objects."""
    from clausemark.adapters.bundle import offline_search_index

    (tmp_path / "worker.js").write_text(search_worker_script(LUNR), "utf-8")
    (tmp_path / "threaded.js").write_text(THREADED, "utf-8")
    script = offline_search_index(json.dumps(_index()))
    (tmp_path / "search_index.js").write_text(script, "utf-8")
    files = [str(tmp_path / name) for name in ("threaded.js", "worker.js", "search_index.js")]
    run = subprocess.run(["node", *files], capture_output=True, text=True, check=True)
    found = json.loads(run.stdout)
    assert found["kinds"] == ["string", "string"], found
    assert found["prepared"] > 0 and found["timers"] == 0, found
    assert found["ready"] == [1] and found["again"] == 0, found
    assert found["found"] == counted["found"]["declares gifts"]
