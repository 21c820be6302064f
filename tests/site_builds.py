"""The one way tests build a site: lay out a small project, run `mkdocs build` (or the
clausemark CLI) in a fresh process, and keep what it printed.

A fresh process per build, as a user runs it, so that the exit code, the log and the
state kept between builds (the disk cache, dirty builds) are what is tested. Environment,
output capture and the guard against hangs are set here, once (`run_python`).
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
BUILD_TIMEOUT = 600.0  # a guard against a hang, never a measure of speed
# A small site: Material without web fonts, search, and clausemark keeping no cache.
MKDOCS_YML = (
    "site_name: Test\n"
    "theme: {name: material, font: false}\n"
    "plugins: [search, {clausemark: {cache_dir: ''}}]\n"
)
HOME = {"index.md": "# Home\n"}
OUTPUT_SHOWN = 4000  # the end of a failed command's output (a hostile input's log is long)


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    stdout: str
    stderr: str
    project_dir: Path
    site_dir: Path | None = None  # where a build wrote the site (None for other commands)

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def page(self, path: str) -> str:
        """A built file's text: `page("rules/index.html")`."""
        assert self.site_dir is not None, "not a site build"
        return (self.site_dir / path).read_text(encoding="utf-8")


def run_python(args: Sequence[str], cwd: Path, *, timeout: float = BUILD_TIMEOUT) -> BuildResult:
    """`python ARGS` in `cwd`, with the test environment; a hang fails after `timeout` s."""
    result = subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env={**os.environ, **MKDOCS_ENV},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return BuildResult(result.returncode, result.stdout, result.stderr, Path(cwd))


def build_site(
    project_dir: Path,
    site_dir: Path | None = None,
    *,
    strict: bool = True,
    dirty: bool = False,
    config: str | None = None,
    extra_args: Sequence[str] = (),
    expect_failure: bool | None = False,
    timeout: float = BUILD_TIMEOUT,
) -> BuildResult:
    """`mkdocs build` of `project_dir` into `site_dir` (MkDocs' own default when None).

    `expect_failure`: False fails the test when the build fails (showing its output),
    True when it succeeds; None leaves the exit code to the test.
    """
    args = ["-m", "mkdocs", "build"]
    args += ["--strict"] if strict else []
    args += ["--dirty"] if dirty else []
    args += ["-f", config] if config else []
    args += ["-d", str(site_dir)] if site_dir is not None else []
    result = run_python([*args, *extra_args], project_dir, timeout=timeout)
    built = BuildResult(
        result.returncode,
        result.stdout,
        result.stderr,
        Path(project_dir),
        Path(site_dir) if site_dir is not None else Path(project_dir) / "site",
    )
    _expect(built, expect_failure, "mkdocs build")
    return built


def run_clausemark(
    *args: str,
    cwd: Path = REPO_ROOT,
    expect_failure: bool | None = None,
    timeout: float = BUILD_TIMEOUT,
) -> BuildResult:
    """The clausemark CLI (`clausemark ARGS`) in a fresh process."""
    result = run_python(["-m", "clausemark.cli", *args], cwd, timeout=timeout)
    _expect(result, expect_failure, f"clausemark {' '.join(args)}")
    return result


def clausemark_here(
    *args: str, cwd: Path = REPO_ROOT, expect_failure: bool | None = None
) -> BuildResult:
    """The clausemark CLI run inside this process: its exit code and what it printed, as
    a user sees them. For commands that build no site (convert, diff, init), so the fast
    loop pays no Python start per test; a build goes through `run_clausemark`."""
    from clausemark import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(args))
        except SystemExit as exit:  # argparse's own errors
            code = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
    result = BuildResult(code, out.getvalue(), err.getvalue(), Path(cwd))
    _expect(result, expect_failure, f"clausemark {' '.join(args)}")
    return result


def _expect(result: BuildResult, expect_failure: bool | None, what: str) -> None:
    if expect_failure is None or (result.returncode != 0) == expect_failure:
        return
    outcome = f"failed ({result.returncode})" if result.returncode else "succeeded"
    pytest.fail(
        f"{what} {outcome} in {result.project_dir}:\n"
        f"{result.stdout[-OUTPUT_SHOWN:]}\n{result.stderr[-OUTPUT_SHOWN:]}",
        pytrace=False,
    )


def make_project(
    root: Path,
    sources: Mapping[str, str | bytes] | None = None,
    *,
    mkdocs_yml: str | Mapping = MKDOCS_YML,
    docs: Mapping[str, str] | None = None,
) -> Path:
    """A project at `root`: mkdocs.yml (text, or a mapping written as YAML), docs/ (a
    home page unless given) and the given files under sources/ (names may hold folders)."""
    root.mkdir(parents=True, exist_ok=True)
    config = mkdocs_yml if isinstance(mkdocs_yml, str) else yaml.safe_dump(dict(mkdocs_yml))
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name, content in (HOME if docs is None else docs).items():
        _write(root / "docs" / name, content)
    for name, content in (sources or {}).items():
        _write(root / "sources" / name, content)
    (root / "docs").mkdir(exist_ok=True)
    (root / "sources").mkdir(exist_ok=True)
    return root


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def built_pages(site: Path) -> dict[str, str]:
    """Every HTML page of a built site and its search index, by path: two builds that must
    agree (a cached one and a fresh one) are compared as these maps."""
    found = {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in site.rglob("*.html")
    }
    found["search/search_index.json"] = (site / "search" / "search_index.json").read_text()
    return found
