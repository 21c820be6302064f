"""clausemark is a package: its wheel, installed into a fresh venv with no npm and no
repository beside it, builds the example site (every runtime asset ships in the wheel;
the search worker's lunr is the copy MkDocs ships)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from site_builds import MKDOCS_ENV, REPO_ROOT

pytestmark = pytest.mark.build

INSTALL_TIMEOUT = 900.0  # a guard against a hang, never a measure of speed
# What a wheel is built from: the package and its metadata, nothing set up beside it.
PACKAGE_FILES = ("pyproject.toml", "README.md")
EXAMPLE = ("mkdocs.yml", "docs", "sources", "overrides")


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    done = subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, **MKDOCS_ENV, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT,
    )
    assert done.returncode == 0, f"{' '.join(command)}:\n{(done.stdout + done.stderr)[-4000:]}"
    return done


def package_copy(target: Path) -> Path:
    """The repository's package as git checks it out: its tracked files only (nothing
    setup.sh or npm put beside them), as they are in the working tree."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--", "plugins", *PACKAGE_FILES],
        cwd=REPO_ROOT,
        capture_output=True,
        check=True,
    )
    for name in filter(None, listed.stdout.decode().split("\0")):
        if (REPO_ROOT / name).is_file():  # a file deleted in the working tree is gone
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(REPO_ROOT / name, target / name)
    return target


def test_a_wheel_installed_into_a_fresh_venv_builds_the_example_site(tmp_path: Path) -> None:
    source = package_copy(tmp_path / "source")
    wheels = tmp_path / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(wheels), "."], source)
    (wheel,) = wheels.glob("clausemark-*.whl")
    with zipfile.ZipFile(wheel) as built:
        shipped = set(built.namelist())
    for asset in ("clausemark.css", "clausemark-search-worker.js", "material-inline.js"):
        assert f"clausemark/assets/{asset}" in shipped
    assert "clausemark/index/search_synonyms.yml" in shipped
    assert "clausemark/index/search_concepts.yml" in shipped
    assert not any("/vendor/" in name or "node_modules" in name for name in shipped)  # no npm

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], tmp_path)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    constraints = ["-c", str(REPO_ROOT / "constraints.txt")]
    run([*pip, *constraints, "--find-links", str(wheels), f"{wheel}[site]"], tmp_path)

    project = tmp_path / "project"
    project.mkdir()
    for name in EXAMPLE:
        copy = shutil.copytree if (REPO_ROOT / name).is_dir() else shutil.copy
        copy(REPO_ROOT / name, project / name)
    python = str(venv / "bin" / "python")
    where = run([python, "-c", "import clausemark; print(clausemark.__file__)"], project)
    assert str(venv) in where.stdout  # the installed package, not the repository's
    run([str(venv / "bin" / "mkdocs"), "build", "--strict", "-q"], project)
    site = project / "site"
    assert "Example Council Constitution" in (site / "index.html").read_text(encoding="utf-8")
    (worker,) = (site / "assets" / "javascripts" / "workers").glob("search.*.js")
    script = worker.read_text(encoding="utf-8")
    assert script.startswith("/**\n * lunr - http://lunrjs.com") and "clausemark" in script
