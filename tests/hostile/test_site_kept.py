"""The last good site survives every failed build: refused, aborted by --strict, or killed.

A build writes into a fresh folder beside site/ and swaps it in only when it succeeded
(support/site_folder.py). Characters no file can store (a lone UTF-16 surrogate, a file
name that is not UTF-8) are refused in one line naming the file and the place, before
anything is written.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from clausemark.readers import read_source
from clausemark.readers.text import SourceError, SourceText, check_writable
from clausemark.support import site_folder
from format_fixtures import text_pdf
from site_builds import MKDOCS_ENV, build_site, make_project, run_clausemark

GOOD = "Kept Rules\n\n1. Scope\n\n1.1 The first adopted wording stays on the site.\n"
# A PDF whose font maps the letter Z to half of a surrogate pair: Python holds the
# character the reader gets, no file can. (Word's w:sym "D800" is read as a space.)
SURROGATE_PDF = text_pdf("1.1 A Z symbol follows.", z_maps_to=b"D800")
NOT_UTF8_NAME = os.fsdecode(b"r\xffules.txt")


def _leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site."))


def _site_text(project: Path) -> str:
    return (project / "site" / "rules" / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def built(tmp_path) -> Path:
    """A project whose site was built once, with a hidden file a deployment keeps there."""
    project = make_project(tmp_path / "project", {"rules.txt": GOOD})
    build_site(project)
    (project / "site" / ".nojekyll").write_text("", encoding="utf-8")
    return project


def _assert_last_site_whole(project: Path) -> None:
    assert "The first adopted wording stays on the site." in _site_text(project)
    assert (project / "site" / "index.html").is_file()
    assert (project / "site" / "search" / "search_index.json").is_file()
    assert (project / "site" / ".nojekyll").is_file()


@pytest.mark.build
@pytest.mark.parametrize(
    "name, content, expected",
    [
        (
            "symbol.pdf",
            SURROGATE_PDF,
            "sources/symbol.pdf (page 1): holds U+D800, half of a UTF-16 surrogate pair",
        ),
        (NOT_UTF8_NAME, GOOD, "sources/r\\xffules.txt: the file name is not UTF-8 text"),
    ],
    ids=["lone-surrogate", "file-name-not-utf8"],
)
def test_an_unstorable_character_is_one_line_and_the_site_stays(built, name, content, expected):
    source = built / "sources" / name
    source.write_bytes(content if isinstance(content, bytes) else content.encode())
    result = build_site(built, expect_failure=True)
    assert result.returncode == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1 and expected in errors[0], result.stderr[-2000:]
    _assert_last_site_whole(built)
    assert _leftovers(built) == []
    converted = run_clausemark("convert", str(source), "--out", str(built / "out"), cwd=built)
    assert converted.returncode == 1 and "Traceback" not in converted.output
    assert expected.split(": ", 1)[1] in converted.stderr
    assert not (built / "out").exists() or not any((built / "out").iterdir())


def test_a_lone_surrogate_from_any_reader_is_refused_with_its_place(tmp_path):
    path = tmp_path / "symbol.pdf"
    path.write_bytes(SURROGATE_PDF)
    with pytest.raises(SourceError) as refused:
        read_source(path, "symbol.pdf")
    assert str(refused.value).startswith("symbol.pdf (page 1): holds U+D800")
    lone = SourceText("notes.txt", "Rules\n\n1.1 A \udfff here.\n", first_line=4)
    with pytest.raises(SourceError) as refused:
        check_writable(lone)
    assert str(refused.value).startswith("notes.txt:6: holds U+DFFF")


@pytest.mark.build
def test_a_strict_abort_publishes_nothing(built):
    (built / "sources" / "rules.txt").write_text(
        GOOD.replace("stays on the site.", "changed [x](javascript:alert(1))."),
        encoding="utf-8",
    )
    result = build_site(built, expect_failure=True)
    assert "Aborted with 1 warnings in strict mode" in result.output
    _assert_last_site_whole(built)
    assert "changed" not in _site_text(built)
    assert _leftovers(built) == []
    # without --strict the same build succeeds and is published whole
    build_site(built, strict=False)
    assert "The first adopted wording changed x." in _site_text(built)
    assert (built / "site" / ".nojekyll").is_file()  # hidden entries kept, as MkDocs keeps them
    assert _leftovers(built) == []


@pytest.mark.build
def test_a_build_killed_part_way_leaves_the_last_site_whole(built):
    (built / "sources" / "rules.txt").write_text(
        GOOD.replace("first adopted", "second"), encoding="utf-8"
    )
    build = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=built,
        env={**os.environ, **MKDOCS_ENV},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    partial = built / f".site.partial-{build.pid}"
    try:
        # killed once MkDocs has begun writing the new site (theme files copied)
        deadline = time.monotonic() + 300
        while not (partial / "assets").is_dir() and build.poll() is None:
            assert time.monotonic() < deadline, "the build never began writing"
            time.sleep(0.005)
        assert build.poll() is None, "the build ended before it could be killed"
        os.kill(build.pid, signal.SIGKILL)
    finally:
        build.wait()
    _assert_last_site_whole(built)
    assert "The second wording" not in _site_text(built)
    assert _leftovers(built) == [partial.name]  # what the kill left, beside the site
    build_site(built)  # the next build clears it and publishes
    assert "The second wording stays on the site." in _site_text(built)
    assert _leftovers(built) == []


def test_a_swap_killed_between_its_renames_is_undone_by_the_next_build(tmp_path):
    final = tmp_path / "site"
    dead = _dead_pid()
    old = tmp_path / f".site.old-{dead}"
    (old / "rules").mkdir(parents=True)
    (old / "rules" / "index.html").write_text("last good", encoding="utf-8")
    stale = tmp_path / f".site.partial-{dead}"
    (stale / "assets").mkdir(parents=True)
    other = tmp_path / ".other.partial-1"  # another site's: not ours to touch
    other.mkdir()
    partial = site_folder.begin(final)
    assert (final / "rules" / "index.html").read_text(encoding="utf-8") == "last good"
    assert not old.exists() and not stale.exists() and other.is_dir()
    (partial / "index.html").write_text("new", encoding="utf-8")
    site_folder.publish(partial, final)
    assert sorted(p.name for p in final.iterdir()) == ["index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.partial-1", "site"]


def _dead_pid() -> int:
    pid = 4_000_000  # above Linux's pid_max default: no process has it
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid += 1
