"""`mkdocs build --dirty` (and `mkdocs serve --dirty`): an edit rebuilds the pages it can
change, the edited page and the pages whose links print what changed, and no other."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from clausemark.index.search import merge_search_index
from site_builds import build_site, make_project

pytestmark = pytest.mark.build  # every test here runs `mkdocs build`

DOCUMENTS = {
    "alpha": (
        "Alpha Rules",
        "1. Scope\n\n1.1 These rules follow paragraph 1.1 of the Beta Rules.\n",
    ),
    "beta": ("Beta Rules", "1. Scope\n\n1.1 Beta says one thing.\n\n1.2 Beta says another.\n"),
    "gamma": ("Gamma Rules", "1. Scope\n\n1.1 Gamma stands alone.\n"),
}
PAGES = ("alpha", "beta", "gamma", "glossary")


SOURCES = {
    **{f"{name}.yml": f"title: {title}\n" for name, (title, _text) in DOCUMENTS.items()},
    **{f"{name}.txt": text for name, (_title, text) in DOCUMENTS.items()},
}
# The plugin's own default settings (its disk cache included), as a new site has them.
MKDOCS_YML = (
    "site_name: Test\ntheme: {name: material, font: false}\nplugins: [search, clausemark]\n"
)


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, SOURCES, mkdocs_yml=MKDOCS_YML)


def dirty_build(project: Path) -> None:
    build_site(project, strict=False, dirty=True)


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / "sources" / f"{name}.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def html(project: Path, name: str) -> str:
    return (project / "site" / name / "index.html").read_text(encoding="utf-8")


def mark_as_old(project: Path) -> dict[str, int]:
    """Set every built page's time back, so a rewritten page shows a newer one."""
    for name in PAGES:
        os.utime(project / "site" / name / "index.html", ns=(10**18, 10**18))
    return {name: 10**18 for name in PAGES}


def rewritten(project: Path) -> set[str]:
    return {
        name
        for name in PAGES
        if (project / "site" / name / "index.html").stat().st_mtime_ns != 10**18
    }


def test_an_edit_rebuilds_only_the_pages_it_changes(project):
    dirty_build(project)
    assert 'href="../beta/#sec_1__para_1-1"' in html(project, "alpha")
    mark_as_old(project)
    edit(project, "beta", "one thing", "one new thing")
    dirty_build(project)
    assert rewritten(project) == {"beta"}  # alpha's link to 1.1 prints the same
    assert "Beta says one new thing." in html(project, "beta")
    mark_as_old(project)
    # Alpha's paragraph 1.1 no longer exists; a renumbering may change what any reference
    # on any page (a footnote's, a table cell's) resolves to, so every page is rebuilt.
    edit(project, "beta", "1.1 Beta", "1.3 Beta")
    dirty_build(project)
    assert rewritten(project) == set(PAGES)
    assert 'href="../beta/#sec_1__para_1-1"' not in html(project, "alpha")


def full_build(project: Path) -> None:
    build_site(project, strict=False)


def test_a_full_build_in_between_is_not_mistaken_for_the_last_dirty_one(project):
    dirty_build(project)
    edit(project, "beta", "one thing", "one other thing")
    full_build(project)
    edit(project, "beta", "one other thing", "one thing")  # back to what the dirty build saw
    dirty_build(project)
    assert "Beta says one thing." in html(project, "beta")


def test_a_title_change_rebuilds_every_page_for_the_menu(project):
    dirty_build(project)
    mark_as_old(project)
    (project / "sources" / "gamma.yml").write_text("title: Gamma Standing Orders\n")
    dirty_build(project)
    assert rewritten(project) == set(PAGES)
    assert "Gamma Standing Orders" in html(project, "alpha")


def test_the_search_index_holds_every_page_once_with_its_newest_words(project):
    dirty_build(project)
    for old, new in (("one thing", "one first thing"), ("one first thing", "one second thing")):
        edit(project, "beta", old, new)
        dirty_build(project)  # a new process each time, as after a restart
    index = json.loads((project / "site" / "search" / "search_index.json").read_text())
    locations = [entry["location"] for entry in index["docs"]]
    assert len(locations) == len(set(locations))
    assert {"", "alpha/", "beta/", "gamma/", "glossary/"} <= set(locations)  # "" is home
    texts = " ".join(entry["text"] for entry in index["docs"])
    assert "Beta says one second thing." in texts and "one first thing" not in texts
    assert "Gamma stands alone." in texts  # a page not rebuilt keeps its entries


def test_merging_takes_built_pages_fresh_and_drops_pages_that_are_gone():
    before = {
        "docs": [
            {"location": "", "text": "home"},
            {"location": "a/", "text": "old a"},
            {"location": "a/#removed-section", "text": "old section"},
            {"location": "b/", "text": "b as built before"},
            {"location": "gone/", "text": "a page since deleted"},
        ]
    }
    after = {
        "config": {"lang": ["en"]},
        "docs": [
            {"location": "a/", "text": "new a"},
            {"location": "a/#kept", "text": "a section still on the page"},
            {"location": "a/#removed-section", "text": "left over by Material in a serve"},
        ],
    }
    built = {"a/": {"kept", "title"}}
    merged = merge_search_index(before, after, built, pages={"", "a/", "b/"})
    assert merged["config"] == {"lang": ["en"]}
    assert sorted((e["location"], e["text"]) for e in merged["docs"]) == [
        ("", "home"),
        ("a/", "new a"),
        ("a/#kept", "a section still on the page"),
        ("b/", "b as built before"),
    ]


def test_the_home_directory_follows_a_documents_metadata_under_dirty(project):
    dirty_build(project)
    home = project / "site" / "index.html"
    assert "Gamma Rules" in home.read_text(encoding="utf-8")
    (project / "sources" / "gamma.yml").write_text(
        "title: Gamma Rules\nversion: '7'\nadopted: 2026-05-04\n", encoding="utf-8"
    )
    dirty_build(project)
    assert "4 May 2026" in home.read_text(encoding="utf-8")


def search_texts(project: Path) -> str:
    index = json.loads((project / "site" / "search" / "search_index.json").read_text())
    return " ".join(entry["text"] for entry in index["docs"])


@pytest.mark.parametrize("damage", ["deleted", "altered"])
def test_a_dirty_build_never_reads_the_search_index_it_wrote(project, damage):
    """The entries of pages a dirty build leaves alone come from what the last build made
    in memory (kept with the pages' signatures), not from site/search/search_index.json."""
    dirty_build(project)
    written = project / "site" / "search" / "search_index.json"
    if damage == "deleted":
        written.unlink()
    else:
        written.write_text('{"docs": [{"location": "gamma/", "text": "tampered", "title": ""}]}')
    edit(project, "beta", "one thing", "one new thing")
    dirty_build(project)  # rebuilds beta only
    texts = search_texts(project)
    assert "Beta says one new thing." in texts
    assert "Gamma stands alone." in texts and "tampered" not in texts


def test_a_page_of_docs_keeps_its_entries_in_a_dirty_build_after_a_full_one(tmp_path):
    docs = {"index.md": "# Home\n\nWelcome.\n", "about.md": "# About\n\nOur own words here.\n"}
    project = make_project(tmp_path, SOURCES, mkdocs_yml=MKDOCS_YML, docs=docs)
    full_build(project)
    dirty_build(project)  # MkDocs alone would leave about/ (older than its page) unbuilt
    assert "Our own words here." in search_texts(project)
    edit(project, "beta", "one thing", "one new thing")
    dirty_build(project)
    texts = search_texts(project)
    assert "Our own words here." in texts and "Beta says one new thing." in texts


def test_a_dirty_build_indexes_notes_and_footnotes_as_a_clean_build_does(tmp_path):
    """attack16 F1: every dirty build (the first one too) left out the search entries of a
    note between clauses and of a footnote: the rebuilt page's ids given to the merge were
    its clauses' and headings' only. The same entries as a clean build, whatever order."""
    sources = {
        **SOURCES,
        "gamma.txt": "1. Scope\n\nA note on how to read these rules.\n\n"
        "1.1 Gamma stands alone.[^1]\n\n[^1]: As the parish agreed in May.\n",
    }
    project = make_project(tmp_path, sources, mkdocs_yml=MKDOCS_YML)

    def entries() -> list[str]:
        index = json.loads((project / "site" / "search" / "search_index.json").read_text())
        return sorted(entry["location"] for entry in index["docs"])

    full_build(project)
    clean = entries()
    assert any("#fn:1" in location for location in clean), clean
    dirty_build(project)
    assert entries() == clean
    edit(project, "gamma", "stands alone", "stands apart")
    dirty_build(project)
    assert entries() == clean
