"""A clause number inserted with a letter ('6.3A' between 6.3 and 6.4, '2.1A') is found by
its number as printed, in any case, with or without a word before it ('rule 6.3A') and
with an item ('6.3A(b)'). The site's search worker is run in Node on an index of a small
invented text; no question set is read."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from clausemark.adapters.mkdocs_plugin import LUNR
from clausemark.convert import convert_file
from clausemark.index.search import clause_entries, search_index, search_worker_script
from clausemark.model.records import text_records

RULES = """Harbour Board Rules

1. Meetings

1.1 The board meets four times a year.

2. Notice

2.1 Notice of a meeting is given a week before it.

2.1A Notice of an urgent meeting is given a day before it.

6. Motions

6.3 A motion is moved and seconded before debate.

6.3A A motion to close the debate is put at once:

(a) without debate; and

(b) only once in each debate.

6.4 A motion may be withdrawn with the consent of the meeting.
"""

# Runs the worker as the site's page does: the index posted once, then each query.
RUN = """
const fs = require("fs"), vm = require("vm");
const [workerFile, indexFile, queriesFile] = process.argv.slice(2);
let listener = null, last = null;
const context = {
  postMessage: (m) => { last = m; },
  addEventListener: (t, f) => { listener = f; },
};
context.self = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(workerFile, "utf8"), context);
listener({ data: { type: 0, data: JSON.parse(fs.readFileSync(indexFile, "utf8")) } });
const out = {};
for (const query of JSON.parse(fs.readFileSync(queriesFile, "utf8"))) {
  listener({ data: { type: 2, data: query } });
  out[query] = last.data.items.map((group) => group[group.length - 1].location);
}
console.log(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def first_results(tmp_path_factory):
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it)")
    folder = tmp_path_factory.mktemp("search")
    source = folder / "rules.txt"
    source.write_text(RULES, encoding="utf-8")
    document = convert_file(source)
    entries = clause_entries(document, text_records(document), "rules/")
    (folder / "index.json").write_text(json.dumps(search_index(entries, {}, [])), "utf-8")
    (folder / "worker.js").write_text(search_worker_script(LUNR), "utf-8")
    (folder / "run.js").write_text(RUN, "utf-8")
    queries = ["6.3A", "6.3a", "rule 6.3A", "6.3A(b)", "para 2.1a", "2.1", "6.3", "6.4"]
    (folder / "queries.json").write_text(json.dumps(queries), "utf-8")
    run = subprocess.run(
        ["node", str(folder / "run.js")]
        + [str(folder / name) for name in ("worker.js", "index.json", "queries.json")],
        capture_output=True,
        text=True,
        check=True,
    )
    return {query: found[0] if found else None for query, found in json.loads(run.stdout).items()}


@pytest.mark.parametrize(
    ("query", "anchor"),
    [
        ("6.3A", "sec_6__para_6-3A"),
        ("6.3a", "sec_6__para_6-3A"),
        ("rule 6.3A", "sec_6__para_6-3A"),
        ("6.3A(b)", "sec_6__para_6-3A__subpara_b"),
        ("para 2.1a", "sec_2__para_2-1A"),
        ("2.1", "sec_2__para_2-1"),
        ("6.3", "sec_6__para_6-3"),  # the number without its letter is another clause
        ("6.4", "sec_6__para_6-4"),
    ],
)
def test_a_number_with_a_letter_finds_its_clause_first(first_results, query, anchor):
    assert first_results[query] == f"rules/#{anchor}"
