"""Build time on repetitive and hostile sources at three sizes: it must grow linearly.

Run: .venv/bin/python bench/bench_hostile.py --mkdocs [--scale 1]
(bench/bench_hostile.py measures every hostile file in one process; this is the whole build.)

Each case is a small MkDocs project (two documents) built by `mkdocs build` in a fresh
process, at sizes n, 2n and 4n. It prints the wall time and the CPU time of the build
(children's rusage; the machine may be shared, so CPU time is the steadier measure) and
the ratios of each size to the one before: linear growth shows as ratios near 2.

Cases:
- similar: n near-identical numbered clauses per document, each citing the one before
  (related clauses, "Referenced by" asides, the site index);
- emphasis, unclosed links, autolinks, abbreviations, inline matches: one clause holding
  a line of n repeated fragments, each of which used to rescan the rest of the line.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MKDOCS_YML = (
    "site_name: Bench\n"
    "theme: {name: material, font: false}\n"
    "plugins: [search, {clausemark: {cache_dir: ''}}]\n"
)


def _number(i: int) -> str:
    return f"{i // 10 + 1}.{i % 10 + 1}"


def similar(n: int) -> dict[str, str]:
    text = "".join(
        f"{_number(i)} The officer shall record every decision of the committee in the "
        f"register kept for that purpose. See paragraph {_number(max(i - 1, 0))}.\n\n"
        for i in range(n)
    )
    return {"alpha.txt": text, "beta.txt": text}


def one_line(fragment: str):
    def make(n: int) -> dict[str, str]:
        return {"alpha.txt": f"1. Scope\n\n1.1 {fragment * n}\n", "beta.txt": "1. Scope\n"}

    return make


# name -> (sources for size n, n at scale 1)
CASES = {
    "similar": (similar, 500),
    "emphasis": (one_line("*a "), 100_000),
    "unclosed links": (one_line("[x]( "), 20_000),
    "autolinks": (one_line("<http://a "), 20_000),
    "abbreviations": (one_line("Oak of (OO) "), 20_000),
    "inline matches": (one_line("**a** b "), 20_000),
}


def build(sources: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `mkdocs build` of a fresh project."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "docs").mkdir()
        (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
        (root / "sources").mkdir()
        (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
        for name, text in sources.items():
            (root / "sources" / name).write_text(text, encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q"],
            cwd=root,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return wall, cpu


def main(scale: float = 1.0, only: list[str] | None = None) -> None:
    base_wall, base_cpu = build({"alpha.txt": "1. Scope\n", "beta.txt": "1. Scope\n"})
    print(f"empty project: {base_wall:.2f} s wall, {base_cpu:.2f} s CPU (subtracted below)")
    header = f"{'case':<16}{'n':>8}{'wall s':>9}{'CPU s':>8}{'CPU ratio':>11}{'wall ratio':>12}"
    print(header)
    for name in only or CASES:
        make, n = CASES[name]
        previous = None
        for size in (int(n * scale), int(2 * n * scale), int(4 * n * scale)):
            wall, cpu = build(make(size))
            wall, cpu = max(wall - base_wall, 0.01), max(cpu - base_cpu, 0.01)
            ratios = ("", "")
            if previous is not None:
                ratios = (f"{cpu / previous[1]:.2f}", f"{wall / previous[0]:.2f}")
            print(f"{name:<16}{size:>8}{wall:>9.2f}{cpu:>8.2f}{ratios[0]:>11}{ratios[1]:>12}")
            previous = (wall, cpu)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies every n")
    parser.add_argument("--only", action="append", choices=sorted(CASES))
    args = parser.parse_args()
    main(args.scale, args.only)
