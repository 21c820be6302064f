"""The clause search worker run in Node as the site's page runs it: the index posted once,
then each query; shared by the tests that ask it questions."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from clausemark.adapters.mkdocs_plugin import LUNR
from clausemark.index.search import search_worker_script

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
  out[query] = last.data.items.map((group) => {
    const head = group[group.length - 1];
    return { location: head.location, title: head.title, text: group[0].text };
  });
}
console.log(JSON.stringify(out));
"""


def result_locations(folder: Path, index: dict, queries: list[str]) -> dict[str, list[str]]:
    """Each query -> the locations of its results, best first (files written in `folder`)."""
    found = results(folder, index, queries)
    return {query: [result["location"] for result in shown] for query, shown in found.items()}


def results(folder: Path, index: dict, queries: list[str]) -> dict[str, list[dict]]:
    """Each query -> its results, best first, as the page shows them: location, title (the
    result's first line) and `text` (its snippet); files written in `folder`."""
    (folder / "worker.js").write_text(search_worker_script(LUNR), "utf-8")
    (folder / "run.js").write_text(RUN, "utf-8")
    (folder / "index.json").write_text(json.dumps(index), "utf-8")
    (folder / "queries.json").write_text(json.dumps(queries), "utf-8")
    run = subprocess.run(
        ["node", str(folder / "run.js")]
        + [str(folder / name) for name in ("worker.js", "index.json", "queries.json")],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)
