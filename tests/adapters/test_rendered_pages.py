"""`mkdocs build` reuses a page's render (rendered_pages.py) only while everything it was
rendered from is as before: each build here runs in a fresh process, so what is reused
comes from the disk cache, and after every edit the site reads byte for byte as a build
with the cache emptied makes it (no stale page), while the pages the edit cannot change
are not rendered again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from site_builds import built_pages as pages
from site_builds import make_project, run_python

pytestmark = pytest.mark.build  # every test here runs MkDocs builds

# one clause two documents share: each lists the other's under "Related"
GIFTS = (
    "2. Gifts\n\n2.1 A member must register any gift or hospitality worth more than fifty "
    "pounds with the Monitoring Officer within twenty-eight days of receiving it.\n"
)
DOCUMENTS = {
    "alpha": (
        "Alpha Rules",
        "1. Scope\n\n1.1 These rules follow paragraph 1.1 of the Beta Rules.\n\n"
        "1.2 Section 2 of the Beta Rules governs meetings.\n",
    ),
    "beta": (
        "Beta Rules",
        "1. Scope\n\n1.1 Beta says one thing.\n\n1.2 Beta says another.\n\n"
        "2. Meetings\n\n2.1 Meetings are held monthly.\n",
    ),
    "gamma": ("Gamma Rules", "1. Scope\n\n1.1 Gamma stands alone.\n\n" + GIFTS),
    "epsilon": ("Epsilon Protocol", "1. Scope\n\n1.1 Epsilon applies to members.\n\n" + GIFTS),
    # a footnote's reference is resolved as its page is rendered, not read by the index
    "delta": (
        "Delta Rules",
        "1. Scope\n\n1.1 Delta says this.[^1]\n\n[^1]: As paragraph 1.2 of the Beta Rules says.\n",
    ),
}
SOURCES = {
    **{f"{name}.yml": f"title: {title}\n" for name, (title, _text) in DOCUMENTS.items()},
    "epsilon.yml": "title: Epsilon Protocol\nlabel: Part 5 Protocol 1\n",
    **{f"{name}.txt": text for name, (_title, text) in DOCUMENTS.items()},
}
MKDOCS_YML = (
    "site_name: Test\ntheme: {name: material, font: false}\n"
    "plugins: [search, {clausemark: {cache_dir: .cache}}]\n"
)

# `mkdocs build` as a user runs it, in its own process; prints the pages it rendered.
BUILD = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, site = Path(sys.argv[1]), sys.argv[2]
config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site)
config.plugins.on_startup(command="build", dirty=False)
build(config)
config.plugins.on_shutdown()
print(json.dumps(sorted(config.plugins["clausemark"].rendered.rendered)))
"""


def build(project: Path, site: Path) -> list[str]:
    """Build `project` into `site` in a fresh process; the pages it rendered (not reused)."""
    script = project.parent / "build_once.py"
    script.write_text(BUILD, encoding="utf-8")
    result = run_python([str(script), str(project), str(site)], project)
    assert result.returncode == 0, result.output[-4000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def fresh(project: Path, tmp_path: Path, name: str) -> dict[str, str]:
    """The site a build of the same sources makes with no cache."""
    copy = tmp_path / f"fresh-{name}"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns(".cache"))
    build(copy, tmp_path / f"fresh-{name}-site")
    return pages(tmp_path / f"fresh-{name}-site")


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / "sources" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "project", SOURCES, mkdocs_yml=MKDOCS_YML)


def test_an_unchanged_site_renders_no_page_and_reads_as_built(project, tmp_path):
    first = build(project, tmp_path / "site")
    assert {"alpha.md", "beta.md", "gamma.md", "delta.md"} <= set(first)
    built = pages(tmp_path / "site")
    assert "Part 5 Protocol 1: Epsilon Protocol, para 2.1" in built["gamma/index.html"]
    assert build(project, tmp_path / "site") == []
    assert pages(tmp_path / "site") == built


def test_each_edit_renders_the_pages_it_changes_and_no_page_is_stale(project, tmp_path):
    build(project, tmp_path / "site")
    steps = [
        # a change of wording: only beta's page prints it
        (("beta.txt", "one thing", "one new thing"), {"beta.md"}, {"alpha.md", "delta.md"}),
        # the title of a clause another document cites: the citing page (alpha) prints
        # its number and its document's title, not its title, so reads as it did
        (("beta.txt", "1. Scope", "1. Purpose"), {"beta.md"}, {"alpha.md", "gamma.md"}),
        # a cited clause renumbered: the footnote resolved at render (delta) re-renders
        (("beta.txt", "1.2 Beta", "1.4 Beta"), {"beta.md", "delta.md"}, {"gamma.md"}),
        # the label a related clause's document prints in gamma's "Related" list (delta's
        # footnote, resolved at render against the registry of documents, renders too)
        (("epsilon.yml", "Protocol 1", "Protocol 2"), {"epsilon.md", "gamma.md"}, {"alpha.md"}),
        # a cited document's title: in the menu, so on every page
        (("beta.yml", "Beta Rules", "Beta Standing Orders"), {"alpha.md", "gamma.md"}, set()),
    ]
    for number, ((name, old, new), rendered_again, reused) in enumerate(steps):
        edit(project, name, old, new)
        rendered = set(build(project, tmp_path / "site"))
        assert rendered_again <= rendered, (old, new, rendered)
        assert not reused & rendered, (old, new, rendered)
        assert pages(tmp_path / "site") == fresh(project, tmp_path, str(number)), (old, new)


def test_a_damaged_render_entry_is_rendered_again(project, tmp_path):
    build(project, tmp_path / "site")
    built = pages(tmp_path / "site")
    entries = sorted((project / ".cache").glob("render-*.json"))
    assert entries
    for entry in entries:
        data = entry.read_bytes()
        entry.write_bytes(data[: len(data) // 2])  # a write cut short
    rendered = build(project, tmp_path / "site")
    assert {"alpha.md", "beta.md", "gamma.md", "delta.md"} <= set(rendered)
    assert pages(tmp_path / "site") == built


def test_a_changed_markdown_option_renders_every_page_again(project, tmp_path):
    build(project, tmp_path / "site")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text() + "markdown_extensions: [{toc: {permalink: '#'}}]\n", encoding="utf-8"
    )
    rendered = build(project, tmp_path / "site")
    assert {"alpha.md", "beta.md", "gamma.md", "delta.md"} <= set(rendered)
    assert pages(tmp_path / "site") == fresh(project, tmp_path, "toc")
