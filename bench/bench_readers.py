"""A large constitution in every format: convert time of a ~300-page PDF and its .docx.

Makes one invented protocol of numbered sections, clauses and lettered items, then
writes it as text, as Word (automatic numbering) and as a PDF printed by Chromium with
a running header and footer, and times `convert_file` (read, parse, nothing-lost
proof) on each, in one run, side by side. The target (issue 11): under 15 s each.
Wall-clock and CPU seconds are both printed, with the load average: on a shared
machine the wall clock also counts other processes' turns; conversion is
single-threaded, so its CPU time is what it takes on an idle machine.

    .venv/bin/python bench/bench_readers.py [--sections 420] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser_support import CHROMIUM_ARGS, CHROMIUM_PATH  # noqa: E402
from clausemark.convert import convert_file  # noqa: E402
from clausemark.model.records import clause_records
from format_fixtures import (  # noqa: E402
    long_spec,
    print_html,
    spec_docx,
    spec_print_html,
    spec_text,
    word_export_html,
)

TARGET_SECONDS = 15.0


def write_formats(folder: Path, sections: int) -> dict[str, Path]:
    from playwright.sync_api import sync_playwright

    spec = long_spec(sections)
    paths = {
        "txt": folder / "constitution.txt",
        "docx": folder / "constitution.docx",
        "html": folder / "constitution.html",
        "pdf": folder / "constitution.pdf",
    }
    paths["txt"].write_text(spec_text(spec), encoding="utf-8")
    paths["docx"].write_bytes(spec_docx(spec))
    paths["html"].write_text(word_export_html(spec), encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
        )
        page = spec_print_html(spec, contents=True)
        paths["pdf"].write_bytes(print_html(browser, page, header="Example Council Protocol"))
        browser.close()
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sections", type=int, default=420)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    import pypdfium2

    with tempfile.TemporaryDirectory() as tmp:
        paths = write_formats(Path(tmp), args.sections)
        pages = len(pypdfium2.PdfDocument(str(paths["pdf"])))
        print(f"{args.sections} sections; the PDF has {pages} pages; median of {args.runs} runs")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(
            f"{'format':8}{'size':>10}{'clauses':>9}{'wall s':>9}{'cpu s':>8}{'x text':>8}  "
            "target (cpu)"
        )
        baseline = None
        for kind, path in paths.items():
            walls, cpus = [], []
            for _ in range(args.runs):
                wall, cpu = time.perf_counter(), time.process_time()
                document = convert_file(path)
                walls.append(time.perf_counter() - wall)
                cpus.append(time.process_time() - cpu)
            seconds, cpu_seconds = statistics.median(walls), statistics.median(cpus)
            baseline = baseline or cpu_seconds
            clauses = len(clause_records(document))
            verdict = "PASS" if cpu_seconds < TARGET_SECONDS else "MISS"
            size = f"{path.stat().st_size / 1e6:.1f} MB"
            print(
                f"{kind:8}{size:>10}{clauses:>9}{seconds:>9.2f}{cpu_seconds:>8.2f}"
                f"{cpu_seconds / baseline:>8.1f}  {verdict} (< {TARGET_SECONDS:.0f} s)"
            )


if __name__ == "__main__":
    main()
