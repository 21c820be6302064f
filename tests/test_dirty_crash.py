"""A `mkdocs build --dirty` killed with SIGKILL at any point, then run again, gives the
site a clean build gives: no page keeps what the killed build wrote into it."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from test_dirty_builds import DOCUMENTS, PAGES, dirty_build, edit, full_build

pytestmark = pytest.mark.build  # every test here runs `mkdocs build` or the CLI on a site

# Runs `mkdocs build --dirty`, killing its own process with SIGKILL (no clean-up, no
# finally) right after MkDocs has written the KILL_AFTER-th page, or, with "post", when
# the plugins' on_post_build begins: after every page, before anything is committed.
KILLING_BUILD = """
import os, signal, sys
import mkdocs.commands.build as build
from mkdocs.plugins import PluginCollection

point = sys.argv[1]
written = 0
write_page = build._build_page

def counting(*args, **kwargs):
    global written
    write_page(*args, **kwargs)
    written += 1
    if point != "post" and written == int(point):
        os.kill(os.getpid(), signal.SIGKILL)

def killed(self, *args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

build._build_page = counting
if point == "post":
    PluginCollection.on_post_build = killed
from mkdocs.__main__ import cli
cli(["build", "--dirty"])
"""


def killed_dirty_build(project: Path, point: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", KILLING_BUILD, point],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == -signal.SIGKILL, result.stderr


def site_pages(site: Path) -> dict[str, str]:
    pages = {name: (site / name / "index.html").read_text(encoding="utf-8") for name in PAGES}
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages["search"] = json.dumps(sorted((e["location"], e["text"]) for e in index["docs"]))
    return pages


def make_project(root: Path) -> Path:
    (root / "sources").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    for name, (title, text) in DOCUMENTS.items():
        (root / "sources" / f"{name}.yml").write_text(f"title: {title}\n", encoding="utf-8")
        (root / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Test\ntheme: {name: material, font: false}\nplugins: [search, clausemark]\n",
        encoding="utf-8",
    )
    return root


@pytest.mark.parametrize("point", ["1", "2", "3", "post"])
def test_a_dirty_build_killed_at_any_point_then_rerun_matches_a_clean_build(tmp_path, point):
    project = make_project(tmp_path / "project")
    dirty_build(project)  # the signatures now describe the pages of the original text
    edit(project, "beta", "one thing", "one edited thing")
    edit(project, "gamma", "stands alone", "stands apart")
    killed_dirty_build(project, point)  # some pages now show the edit, some may not
    edit(project, "beta", "one edited thing", "one thing")  # back to the original text
    edit(project, "gamma", "stands apart", "stands alone")
    dirty_build(project)

    clean = tmp_path / "clean"
    shutil.copytree(project / "sources", clean / "sources")
    shutil.copytree(project / "docs", clean / "docs")
    shutil.copy(project / "mkdocs.yml", clean / "mkdocs.yml")
    full_build(clean)
    after_crash, expected = site_pages(project / "site"), site_pages(clean / "site")
    assert "Beta says one thing." in after_crash["beta"]
    assert "edited" not in after_crash["beta"] and "apart" not in after_crash["gamma"]
    assert after_crash == expected
