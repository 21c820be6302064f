"""The clause search index is made in memory from the model and the theme's in-memory
entries, and written once: nothing reads the theme's search_index.json back."""

from __future__ import annotations

import json
from pathlib import Path

import mkdocs.utils
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from site_builds import MKDOCS_YML, make_project

pytestmark = pytest.mark.build  # builds a site in this process

RULES = """---
title: Rules on Visits
label: Part 8
---
1. VISITS

1.1 A member visiting a depot tells the manager first.

1.2 The manager must:
(a) show the member the safety rules;
(b) keep a record of the visit.
"""


def _build(project: Path) -> Path:
    """`mkdocs build` of the project in this process (its plugins started and shut down
    as the command does); the site folder."""
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return Path(config.site_dir)


def test_the_search_index_is_made_in_memory_and_written_once(tmp_path, monkeypatch):
    project = make_project(tmp_path / "project", {"rules.txt": RULES})
    written: list[str] = []
    read: list[str] = []
    write_file = mkdocs.utils.write_file
    read_text = Path.read_text

    def counting_write(content, path):
        if str(path).endswith("search_index.json"):
            written.append(str(path))
        return write_file(content, path)

    def watched_read(self, *args, **kwargs):
        if self.name == "search_index.json":
            read.append(str(self))
        return read_text(self, *args, **kwargs)

    monkeypatch.setattr(mkdocs.utils, "write_file", counting_write)
    monkeypatch.setattr(Path, "read_text", watched_read)
    site = _build(project)
    # once, into the folder the build fills (then published as the site)
    assert len(written) == 1 and written[0].endswith("/search/search_index.json"), written
    assert read == []
    index = json.loads(read_text(site / "search" / "search_index.json", encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert "rules/#sec_1__para_1-2" in locations  # from the model
    assert "" in locations  # the home page, from the theme's entries in memory
    clause = next(d for d in index["docs"] if d["location"] == "rules/#sec_1__para_1-2")
    assert clause["title"] == "Rules on Visits (Part 8) · 1.2"
    assert index["config"]["clausemark"]["lemmas"]["visits"] == "visit"


VISITS = """# Visiting hours

Depots open to members on weekdays.

Staff rota codes for the depot.
{ data-search-exclude="true" }
"""


def test_the_theme_indexes_only_the_pages_it_gives_entries_of(tmp_path, monkeypatch):
    """Material's search parses the HTML of the pages whose entries it gives (a page of
    docs/), not of a document's page (its entries come from the model); and it still
    strips what it reads for itself (`data-search-exclude="..."`) from a page that has it."""
    from material.plugins.search.plugin import SearchIndex

    docs = {"index.md": "# Home\n\nWelcome.\n", "visits.md": VISITS}
    project = make_project(tmp_path / "project", {"rules.txt": RULES}, docs=docs)
    parsed: list[str] = []
    real = SearchIndex.add_entry_from_context

    def counting(self, page):
        parsed.append(page.file.src_uri)
        return real(self, page)

    monkeypatch.setattr(SearchIndex, "add_entry_from_context", counting)
    site = _build(project)
    assert "rules.md" not in parsed and {"index.md", "visits.md"} <= set(parsed), parsed
    page = (site / "visits" / "index.html").read_text(encoding="utf-8")
    assert "Staff rota codes" in page and "data-search-exclude" not in page
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Depots open to members" in index and "Staff rota codes" not in index
    assert "A member visiting a depot" in index  # the document's clauses, from the model


def test_an_unchanged_site_writes_the_search_index_it_made_before(tmp_path, monkeypatch):
    """A rebuild whose documents, pages and data files are as before reads the written
    index back from the cache instead of making it again (7% of a warm build at 1x); an
    edited source, or an edited everyday-words file of the council's, makes it again."""
    from clausemark.site_builder import outputs

    cached = MKDOCS_YML.replace("cache_dir: ''", "cache_dir: .cache/clausemark")
    assert cached != MKDOCS_YML
    project = make_project(tmp_path / "project", {"rules.txt": RULES}, mkdocs_yml=cached)
    made: list[int] = []
    real = outputs.build_search_index

    def counted(*args, **kwargs):
        made.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(outputs, "build_search_index", counted)
    first = (_build(project) / "search" / "search_index.json").read_bytes()
    assert len(made) == 1
    again = (_build(project) / "search" / "search_index.json").read_bytes()
    assert len(made) == 1 and again == first
    rules = project / "sources" / "rules.txt"
    rules.write_text(RULES.replace("safety rules", "fire rules"), encoding="utf-8")
    edited = (_build(project) / "search" / "search_index.json").read_text(encoding="utf-8")
    assert len(made) == 2 and "fire rules" in edited and "safety rules" not in edited
    concepts = project / "sources" / "search_concepts.yml"
    concepts.write_text("- ask: [trip]\n  find: [visit]\n", encoding="utf-8")
    index = json.loads((_build(project) / "search" / "search_index.json").read_text())
    assert len(made) == 3
    assert [[["trip"]], [["visit"]]] in index["config"]["clausemark"]["concepts"]
