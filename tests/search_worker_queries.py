"""The clause search worker run in Node as the site's page runs it: the index posted once,
then each query; shared by the tests that ask it questions."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from clausemark.adapters.mkdocs_plugin import LUNR
from clausemark.convert import convert_file
from clausemark.index.search import SearchEntry, clause_entries, search_index, search_worker_script
from clausemark.model.records import text_records

# The worker loaded in a Node realm of its own as the page loads it (`workerFile` from the
# command line): `listener` is its message handler, `last` the message it posted last.
WORKER_REALM = """
let listener = null, last = null;
const context = {
  postMessage: (m) => { last = m; },
  addEventListener: (t, f) => { listener = f; },
};
context.self = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(workerFile, "utf8"), context);
"""

RUN = (
    """
const fs = require("fs"), vm = require("vm");
const [workerFile, indexFile, queriesFile] = process.argv.slice(2);
"""
    + WORKER_REALM
    + """listener({ data: { type: 0, data: JSON.parse(fs.readFileSync(indexFile, "utf8")) } });
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
)


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


def text_entries(folder: Path, name: str, text: str, url: str) -> list[SearchEntry]:
    """The search entries of a text (written to `folder` as `name`) at page `url`."""
    source = folder / name
    source.write_text(text, encoding="utf-8")
    document = convert_file(source)
    return clause_entries(document, text_records(document), url)


Asker = Callable[..., dict[str, list[str]]]


def texts_asker(tmp_path_factory: pytest.TempPathFactory) -> Asker:
    """ask(texts, queries, synonyms=(), concepts=None): each query -> the locations of its
    results, best first, from the worker in Node over an index of the texts ({page url:
    text}, each converted as a .txt); skips the test where Node is not installed."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it)")

    def ask(
        texts: Mapping[str, str],
        queries: list[str],
        synonyms: list | tuple = (),
        concepts: list | None = None,
    ) -> dict[str, list[str]]:
        folder = tmp_path_factory.mktemp("search")
        entries = [
            entry
            for url, text in texts.items()
            for entry in text_entries(folder, url.strip("/") + ".txt", text, url)
        ]
        index = search_index(entries, {}, list(synonyms), concepts=concepts)
        return result_locations(folder, index, queries)

    return ask
