"""The search worker's setup reads each text of the index once.

Over file:// (the offline bundle) the worker runs on the page's own thread, so its setup
is part of the reader's wait for the first answer (bench/bundle_search.py). Splitting a
text into words is the setup's main cost: each entry's text is read once, and a heading
or a document's name that many entries share is read once for all of them. Counted by
the calls of the worker's lower-casing (every reading of a text starts with one), never
by the clock.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from clausemark.adapters.mkdocs_plugin import LUNR
from clausemark.index.search import search_worker_script

COUNT = """
const fs = require("fs"), vm = require("vm");
const [workerFile, indexFile] = process.argv.slice(2);
let listener = null, last = null;
const context = {
  postMessage: (m) => { last = m; },
  addEventListener: (t, f) => { listener = f; },
};
context.self = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(workerFile, "utf8"), context);
const index = JSON.parse(fs.readFileSync(indexFile, "utf8"));
// the worker's realm's own String.prototype.toLowerCase, counted during the setup only
vm.runInContext(`
  var readings = 0, lower = String.prototype.toLowerCase;
  String.prototype.toLowerCase = function () { readings++; return lower.call(this); };
`, context);
listener({ data: { type: 0, data: index } });
const readings = vm.runInContext("readings", context);
listener({ data: { type: 2, data: "gifts" } });
console.log(JSON.stringify({ readings: readings, first: last.data.items.length }));
"""

ENTRIES = 120
HEADINGS = 6


def _index() -> dict:
    """Clauses of one document under a few headings, as index/search.py writes them."""
    name = "Ashvale Parish Council Code 3 Member Conduct Protocol"
    docs = [
        {
            "location": f"code-3/#para_{n}",
            "title": f"Code 3 · {n}",
            "text": f"Clause {n}: a member declares gifts worth over £{n} within 28 days.",
            "kind": "clause",
            "heading": f"Heading {n % HEADINGS}",
            "document": name,
            "number": str(n),
        }
        for n in range(1, ENTRIES + 1)
    ]
    return {"config": {"clausemark": {"synonyms": []}}, "docs": docs}


def test_the_setup_reads_each_text_once(tmp_path):
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it)")
    (tmp_path / "worker.js").write_text(search_worker_script(LUNR), "utf-8")
    (tmp_path / "count.js").write_text(COUNT, "utf-8")
    (tmp_path / "index.json").write_text(json.dumps(_index()), "utf-8")
    files = [str(tmp_path / name) for name in ("count.js", "worker.js", "index.json")]
    run = subprocess.run(
        ["node", *files],
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(run.stdout)
    assert found["first"] > 0  # the index answers
    # each clause's text, each heading, the document's name and the empty title field
    distinct_texts = ENTRIES + HEADINGS + 1 + 1
    assert found["readings"] <= distinct_texts, found
