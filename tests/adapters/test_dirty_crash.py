"""A `mkdocs build --dirty` killed with SIGKILL at any point, then run again, gives the
site a clean build gives: no page keeps what the killed build wrote into it."""

from __future__ import annotations

import json
import shutil
import signal
from pathlib import Path

import pytest
from site_builds import make_project, run_python
from test_dirty_builds import MKDOCS_YML, PAGES, SOURCES, dirty_build, edit, full_build

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
    result = run_python(["-c", KILLING_BUILD, point], project, timeout=300)
    assert result.returncode == -signal.SIGKILL, result.stderr


def site_pages(site: Path) -> dict[str, str]:
    pages = {name: (site / name / "index.html").read_text(encoding="utf-8") for name in PAGES}
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages["search"] = json.dumps(sorted((e["location"], e["text"]) for e in index["docs"]))
    return pages


@pytest.mark.parametrize("point", ["1", "2", "3", "post"])
def test_a_dirty_build_killed_at_any_point_then_rerun_matches_a_clean_build(tmp_path, point):
    project = make_project(tmp_path / "project", SOURCES, mkdocs_yml=MKDOCS_YML)
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
