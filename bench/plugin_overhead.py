"""Issue 3's measure: the plugin build against the same pages built by plain MkDocs.

The plugin's own pages are written to a temporary project and built by MkDocs +
Material without the clausemark plugin or extension (bench/plain_site.py), so both
builds produce the same pages; CPU time, median of --runs, measured alternately. The
plugin is measured three ways: cache warm; sources converted but the site index made
again (the like of the plain build, which is given its Markdown converted); and cache
emptied, every source converted again.

    .venv/bin/python bench/plugin_overhead.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from plain_site import write_plain_project

REPO = Path(__file__).resolve().parent.parent
PROJECT = ("mkdocs.yml", "docs", "sources", "overrides")
MKDOCS = [str(REPO / ".venv" / "bin" / "mkdocs"), "build", "-q", "-d"]


def cpu_seconds(command: list[str], cwd: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode kept, as installed (constitution.py)
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        project, plain = work / "project", work / "plain"
        project.mkdir()
        for name in PROJECT:  # a copy: the repository's own .cache/ is left alone
            copy = shutil.copytree if (REPO / name).is_dir() else shutil.copy
            copy(REPO / name, project / name)
        write_plain_project(project / "mkdocs.yml", plain)
        cache = project / ".cache" / "clausemark"
        builds: dict[str, list[float]] = {"warm": [], "index": [], "cold": [], "plain": []}
        for _ in range(runs):
            builds["warm"].append(cpu_seconds([*MKDOCS, str(work / "site-plugin")], project))
            builds["plain"].append(cpu_seconds([*MKDOCS, str(work / "site-plain")], plain))
            for entry in cache.glob("site-index-*"):
                entry.unlink()
            builds["index"].append(cpu_seconds([*MKDOCS, str(work / "site-plugin")], project))
            shutil.rmtree(cache, ignore_errors=True)
            builds["cold"].append(cpu_seconds([*MKDOCS, str(work / "site-plugin")], project))
        pages = len(list((work / "site-plain").rglob("*.html")))
        median = {kind: statistics.median(times) for kind, times in builds.items()}
        print(f"{pages} pages, CPU seconds, median of {runs}: plain {median['plain']:.2f} s")
        for kind, meaning in (
            ("warm", "cache warm (an unchanged constitution rebuilt)"),
            ("index", "sources converted, site index made again"),
            ("cold", "cache emptied: every source converted again"),
        ):
            ratio = median[kind] / median["plain"]
            print(f"  plugin, {meaning}: {median[kind]:.2f} s, ratio {ratio:.2f}x")


if __name__ == "__main__":
    main()
