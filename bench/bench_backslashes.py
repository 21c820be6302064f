"""How a printed backslash is written into Markdown: an escape ('\\\\') or a character
reference ('&#92;'), chosen by this measurement; ratios side by side in one run.

Run: .venv/bin/python bench/bench_backslashes.py [--repeats 2]

Part 1 times Python-Markdown alone on one paragraph of n escapes (and n references),
at n, 2n and 4n: both grow with the square of n (it rebuilds a block's text at every
inline match), the references about twice as slow. Part 2 times the whole page pipeline
(read, parse, proof, index, Markdown, Python-Markdown: bench_hostile.py) on a text file
whose paragraph is full of backslashes, each written one way or the other: both linear,
since render/long_text.py cuts a long paragraph into pieces before the inline pass.
The escape is the cheaper at every size, so parse/inline.py writes a text file's
backslash '\\\\', as escaping.literal_words writes a Word, PDF or web page's.
CPU time is `time.process_time`, the least of `--repeats` runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
for folder in (HERE, HERE.parent / "tests", HERE.parent / "tests" / "hostile"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import markdown  # noqa: E402
from bench_hostile import _markdown_pipeline  # noqa: E402
from hostile_files import cpu_times, txt_line  # noqa: E402

EXTENSIONS = ["attr_list", "md_in_html", "footnotes", "tables", "abbr", "toc"]
WRITTEN = {"escape \\\\": "\\\\", "reference &#92;": "&#92;"}


def markdown_alone(repeats: int) -> None:
    md = markdown.Markdown(extensions=EXTENSIONS)
    print("Python-Markdown alone, one paragraph of n backslashes (CPU s at n, 2n, 4n):")
    for name, written in WRITTEN.items():
        times = []
        for n in (10_000, 20_000, 40_000):
            text = "a " + f"{written} " * n + "b"
            best = float("inf")
            for _ in range(repeats):
                md.reset()
                start = time.process_time()
                md.convert(text)
                best = min(best, time.process_time() - start)
            times.append(best)
        ratios = " ".join(f"{b / a:.2f}x" for a, b in zip(times, times[1:], strict=False))
        print(f"  {name:18} " + " / ".join(f"{t:.3f}" for t in times) + f"   ratios {ratios}")


def whole_pipeline(repeats: int) -> None:
    import clausemark.parse.inline as inline

    written_as = {
        "escape \\\\": inline.literal_backslashes,
        "reference &#92;": lambda text: text.replace("\\", "&#92;"),
    }
    run = _markdown_pipeline()
    folder = Path(tempfile.mkdtemp())
    print("The page pipeline, a text file's paragraph (CPU s at n and 2n):")
    try:
        for fragment, n in (("\\ ", 20_000), ("\\", 40_000), ("C:\\Users\\x a \\* b ", 5_000)):
            row = []
            for name, write in written_as.items():
                inline.literal_backslashes = write  # type: ignore[assignment]
                small, large = folder / "n.txt", folder / "2n.txt"
                small.write_bytes(txt_line(fragment)(n))
                large.write_bytes(txt_line(fragment)(2 * n))
                at_n, at_2n = cpu_times(run, small, large, repeats, most_repeats=repeats)
                row.append(f"{name}: {at_n:.3f} / {at_2n:.3f} ({at_2n / at_n:.2f}x)")
            print(f"  {fragment!r:24} n={n:<6} " + "   ".join(row))
    finally:
        inline.literal_backslashes = written_as["escape \\\\"]  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    markdown_alone(args.repeats)
    whole_pipeline(args.repeats)


if __name__ == "__main__":
    main()
