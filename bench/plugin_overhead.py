"""Issue 3's measure: the plugin build against the same pages built by plain MkDocs.

The plugin's own generated Markdown (every page it adds) is written to a temporary
project and built by MkDocs + Material without the clausemark plugin or extension, so
both builds produce the same pages; CPU time, median of --runs, measured alternately.

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

import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import Files

REPO = Path(__file__).resolve().parent.parent
MKDOCS = [str(REPO / ".venv" / "bin" / "mkdocs"), "build", "-q", "-d"]


def plain_project(work: Path) -> None:
    config = load_config(str(REPO / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(Files([]), config=config)
    for file in files:
        if file.src_uri.endswith(".md"):
            target = work / "docs" / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(file.content_string, encoding="utf-8")
    shutil.copy(REPO / "docs" / "index.md", work / "docs" / "index.md")
    settings = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["plugins"] = [p for p in settings["plugins"] if "clausemark" not in str(p)]
    settings["markdown_extensions"] = [
        e for e in settings["markdown_extensions"] if e != "clausemark"
    ]
    settings["theme"] = {"name": "material", "font": False, "features": ["navigation.prune"]}
    (work / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")


def cpu_seconds(command: list[str], cwd: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        plain_project(work)
        plugin, plain = [], []
        for _ in range(runs):
            plugin.append(cpu_seconds([*MKDOCS, str(work / "site-plugin")], REPO))
            plain.append(cpu_seconds([*MKDOCS, str(work / "site-plain")], work))
        pages = len(list((work / "site-plain").rglob("*.html")))
        with_plugin, without = statistics.median(plugin), statistics.median(plain)
        print(
            f"{pages} pages: plugin {with_plugin:.2f} s CPU, plain {without:.2f} s CPU, "
            f"ratio {with_plugin / without:.2f}x (median of {runs})"
        )


if __name__ == "__main__":
    main()
