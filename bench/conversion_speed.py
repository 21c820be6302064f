"""Conversion throughput on its own: source text to Markdown, in MB/s (target >= 5).

Converts the five seeds and the layout corpus (tests/layouts/), each text as it is and
repeated into one long text, so that nothing in the parser grows faster than the text.
Prints one row per set, side by side: MB/s without and with the nothing-lost proof, and
the ratio to the 5 MB/s target.

Run: .venv/bin/python bench/conversion_speed.py [--repeat 20] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from clausemark.parse.parser import parse
from clausemark.readers.text import SourceText
from clausemark.render.fidelity import lost_words
from clausemark.render.markdown_writer import render_document

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB_S = 5.0


def texts(pattern_root: Path, pattern: str) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(pattern_root.glob(pattern))]


def seconds(sources: list[str], proof: bool) -> float:
    start = time.process_time()  # CPU time: other work on a shared machine does not count
    for number, text in enumerate(sources):
        source = SourceText(f"bench-{number}.txt", text)
        document = parse(source, f"bench-{number}")
        render_document(document)
        if proof:
            lost_words(source, document)
    return time.process_time() - start


def row(label: str, sources: list[str], runs: int) -> str:
    size = sum(len(text.encode("utf-8")) for text in sources) / 1e6
    plain = statistics.median(seconds(sources, False) for _ in range(runs))
    proved = statistics.median(seconds(sources, True) for _ in range(runs))
    fast, slow = size / plain, size / proved
    return (
        f"| {label} | {size * 1000:,.0f} kB | {fast:.1f} | {slow:.1f} | "
        f"{fast / TARGET_MB_S:.1f}x | {slow / TARGET_MB_S:.1f}x |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="copies in the long texts")
    parser.add_argument("--runs", type=int, default=3, help="runs per row (median)")
    args = parser.parse_args(argv)
    seeds = texts(ROOT / "sources", "**/*.txt")
    corpus = texts(ROOT / "tests" / "layouts", "*.txt")
    print("| Texts | Size | MB/s | MB/s with proof | vs 5 MB/s | with proof |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(row("seeds, each file", seeds, args.runs))
    print(row("layout corpus, each file", corpus, args.runs))
    print(row(f"seeds x{args.repeat}, one text each", [t * args.repeat for t in seeds], args.runs))
    long_corpus = ["\n\n".join(corpus * max(1, args.repeat // 4))]
    print(row("layout corpus as one long text", long_corpus, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
