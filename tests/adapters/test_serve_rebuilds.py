"""`mkdocs serve` (its default full rebuilds): after an edit, a page that nothing in the
edit can change is rendered from memory, and its theme's template output too, and every
page reads exactly as a fresh build of the edited sources makes it: the edited page,
each page whose links print what the edit changed (a clause renumbered: every page
citing it), and every page when the menu or a template changes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from site_builds import built_pages as pages
from site_builds import make_project, run_python

pytestmark = pytest.mark.build  # every test here runs MkDocs builds

DOCUMENTS = {
    "alpha": (
        "Alpha Rules",
        "1. Scope\n\n1.1 These rules follow paragraph 1.1 of the Beta Rules.\n",
    ),
    "beta": ("Beta Rules", "1. Scope\n\n1.1 Beta says one thing.\n\n1.2 Beta says another.\n"),
    "gamma": ("Gamma Rules", "1. Scope\n\n1.1 Gamma stands alone.\n"),
    # a footnote's reference is resolved as its page is rendered, not read by the index
    "delta": (
        "Delta Rules",
        "1. Scope\n\n1.1 Delta says this.[^1]\n\n[^1]: As paragraph 1.2 of the Beta Rules says.\n",
    ),
}
SOURCES = {
    **{f"{name}.yml": f"title: {title}\n" for name, (title, _text) in DOCUMENTS.items()},
    **{f"{name}.txt": text for name, (_title, text) in DOCUMENTS.items()},
}
MKDOCS_YML = (
    "site_name: Test\ntheme: {name: material, font: false}\n"
    "plugins: [search, {clausemark: {cache_dir: ''}}]\n"
)

# As `mkdocs serve` builds: one process, the plugins kept across builds (on_startup),
# the configuration read again for each rebuild, into one folder it empties each time.
SERVE = """
import json, shutil, sys, tempfile
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, steps, out = Path(sys.argv[1]), json.loads(sys.argv[2]), Path(sys.argv[3])
site, url = tempfile.mkdtemp(), "http://127.0.0.1:8000/"
config = None
rendered, templated = [], []
for step in [None, *steps]:
    if step is not None:
        source = project / "sources" / step[0]
        source.write_text(source.read_text().replace(step[1], step[2]))
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site)
    config.site_url = url
    if step is None:
        config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url=url)
    rendered.append(sorted(config.plugins["clausemark"].rendered.rendered))
    templated.append(sorted(config.plugins["clausemark"].outputs.templated))
config.plugins.on_shutdown()
assert not list(Path(site).parent.glob(Path(site).name + "-old-*"))  # set aside, then gone
shutil.copytree(site, out)
(out / "rendered.json").write_text(json.dumps([rendered, templated]))
"""


def serve(project: Path, out: Path, steps: list[tuple[str, str, str]]) -> list[list[str]]:
    """Serve `project`, make each edit (file under sources/, old, new) and rebuild; the
    last site is copied to `out`. Returns the pages each build rendered (not from memory)."""
    return serve_both(project, out, steps)[0]


def serve_both(project: Path, out: Path, steps: list[tuple[str, str, str]]):
    """`serve`, and the pages each build rendered the theme's template of."""
    script = project.parent / "serve_builds.py"
    script.write_text(SERVE, encoding="utf-8")
    result = run_python([str(script), str(project), json.dumps(steps), str(out)], project)
    assert result.returncode == 0, result.output[-4000:]
    rendered, templated = json.loads((out / "rendered.json").read_text())
    return rendered, templated


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "project", SOURCES, mkdocs_yml=MKDOCS_YML)


def fresh(project: Path, tmp_path: Path) -> dict[str, str]:
    """What a server started on the edited sources shows."""
    copy = tmp_path / "fresh"
    shutil.copytree(project, copy)
    serve(copy, tmp_path / "fresh-site", [])
    return pages(tmp_path / "fresh-site")


def test_an_edit_renders_only_its_pages_and_the_site_reads_as_built_fresh(project, tmp_path):
    rendered = serve(project, tmp_path / "served", [("beta.txt", "one thing", "one new thing")])
    assert "alpha.md" in rendered[0] and "gamma.md" in rendered[0]  # the first build
    assert rendered[1] == ["beta.md"]  # alpha's links to beta print the same
    served = pages(tmp_path / "served")
    assert "Beta says one new thing." in served["beta/index.html"]
    assert served == fresh(project, tmp_path)


def test_a_renumbered_clause_updates_every_page_that_cites_it(project, tmp_path):
    steps = [
        ("beta.txt", "one thing", "one new thing"),
        ("beta.txt", "1.2 Beta", "1.4 Beta"),  # cited by delta's footnote only
        ("beta.txt", "1.1 Beta", "1.3 Beta"),  # cited by alpha's clause 1.1 only
    ]
    rendered = serve(project, tmp_path / "served", steps)
    assert rendered[1] == ["beta.md"]
    assert rendered[2] == ["beta.md", "build-report.md", "delta.md"]  # a new warning
    assert "alpha.md" in rendered[3] and "gamma.md" not in rendered[3]
    served = pages(tmp_path / "served")
    assert 'href="../beta/#sec_1__para_1-1"' not in served["alpha/index.html"]
    assert 'href="../beta/#sec_1__para_1-2"' not in served["delta/index.html"]
    assert served == fresh(project, tmp_path)


def test_an_edit_renders_the_theme_template_of_its_pages_only(project, tmp_path):
    """Every page's template output is kept: the menu of the whole site on each page is
    not rendered again when an edit changes one page's text."""
    rendered, templated = serve_both(
        project, tmp_path / "served", [("beta.txt", "one thing", "one new thing")]
    )
    assert "alpha.md" in templated[0] and "gamma.md" in templated[0]
    assert templated[1] == ["beta.md"]
    assert pages(tmp_path / "served") == fresh(project, tmp_path)


def test_a_new_title_in_the_menu_renders_every_page_again(project, tmp_path):
    """The menu is on every page: a document's new title reaches each (a memory keyed
    without the menu leaves the old title on the other pages)."""
    _rendered, templated = serve_both(
        project, tmp_path / "served", [("beta.yml", "Beta Rules", "Beta Standing Orders")]
    )
    assert {"alpha.md", "gamma.md", "delta.md"} <= set(templated[1])
    served = pages(tmp_path / "served")
    assert "Beta Standing Orders" in served["gamma/index.html"]
    assert served == fresh(project, tmp_path)


def test_an_edited_template_renders_every_page_again(tmp_path):
    """A theme override saved while serving: every page's output comes from the new
    template, as a fresh build makes it."""
    overrides = {
        "main.html": '{% extends "base.html" %}\n{% block footer %}Old foot{% endblock %}\n'
    }
    project = make_project(
        tmp_path / "project",
        SOURCES,
        mkdocs_yml=MKDOCS_YML.replace("font: false}", "font: false, custom_dir: overrides}"),
    )
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").write_text(overrides["main.html"], encoding="utf-8")
    _rendered, templated = serve_both(
        project, tmp_path / "served", [("../overrides/main.html", "Old foot", "New foot")]
    )
    assert {"alpha.md", "beta.md", "gamma.md", "delta.md"} <= set(templated[1])
    served = pages(tmp_path / "served")
    assert "New foot" in served["gamma/index.html"] and "Old foot" not in served["gamma/index.html"]
    assert served == fresh(project, tmp_path)
