"""Small MkDocs projects built in a subprocess, for inputs that must fail or finish fast."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

MKDOCS_YML = (
    "site_name: Test\n"
    "theme: {name: material, font: false}\n"
    "plugins: [search, {clausemark: {cache_dir: ''}}]\n"
)
ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def make_project(root: Path, sources: dict[str, str | bytes], mkdocs_yml: str = MKDOCS_YML):
    """A project with docs/index.md and the given files under sources/ (paths may nest)."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    for name, content in sources.items():
        path = root / "sources" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    (root / "sources").mkdir(exist_ok=True)
    return root


def run(args: list[str], cwd: Path, timeout: float = 120) -> Run:
    """A command in a fresh process; a hang fails the test after `timeout` seconds."""
    result = subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **ENV},
        check=False,
    )
    return Run(result.returncode, result.stdout, result.stderr)


def mkdocs_build(project: Path, *extra: str, timeout: float = 120) -> Run:
    return run([sys.executable, "-m", "mkdocs", "build", *extra], project, timeout)


def clausemark(*args: str, cwd: Path, timeout: float = 120) -> Run:
    return run([sys.executable, "-m", "clausemark.cli", *args], cwd, timeout)
