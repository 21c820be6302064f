"""Where the 50-times-real .docx conversion's CPU time goes, part by part, in one process
(least of 2 runs each), with the floor of the reader's parts: unpacking, cutting the
layout tags, libxml2's parse, and the least Python walk that visits every run.

    .venv/bin/python bench/bench_word_phases.py [--times 50]

Issue 18 asks the conversion to be 5 times faster than the old one
(bench/bench_readers.py --only word prints both); a part whose floor alone is over a
fifth of the old time bounds what a faster walk can give.
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from bench_readers import REAL_DOCX, repeated_docx
from clausemark.parse.parser import parse
from clausemark.readers import read_source
from clausemark.readers import word_package as package
from clausemark.readers.docx import HYPERLINK, INS, RPR, RUN, TEXT, P
from clausemark.render import fidelity
from clausemark.render.markdown_writer import render_document
from clausemark.support.markdown_text import word_string


def least(work: Callable[[], object], runs: int = 2) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        start = time.process_time()
        out = work()
        times.append(time.process_time() - start)
    return min(times), out


def reader_floor(raw: bytes) -> dict[str, float]:
    def unzip() -> None:
        with zipfile.ZipFile(io.BytesIO(raw)).open("word/document.xml") as stream:
            for _ in package._unpacked(stream, "x"):
                pass

    def cut() -> None:
        with zipfile.ZipFile(io.BytesIO(raw)).open("word/document.xml") as stream:
            for _ in package._chunks(stream, "x"):
                pass

    def parsed() -> None:
        package.open_package(raw, "x").body_blocks(lambda block: None)

    def runs(container, found: list[str]) -> None:
        for element in container:
            if element.tag == RUN:
                for child in element:
                    if child.tag == TEXT:
                        found.append(child.text or "")
                    elif child.tag == RPR:
                        for _prop in child:
                            pass
            elif element.tag in (HYPERLINK, INS):
                runs(element, found)

    def walk() -> None:
        def block(element) -> None:
            for paragraph in element.iter(P):
                found: list[str] = []
                runs(paragraph, found)

        package.open_package(raw, "x").body_blocks(block)

    return {
        "unpack": least(unzip)[0],
        "unpack, cut": least(cut)[0],
        "unpack, cut, parse, free": least(parsed)[0],
        "  and the least walk": least(walk)[0],
    }


def phases(path: Path) -> dict[str, float]:
    found: dict[str, float] = {}
    found["read"], source = least(lambda: read_source(path, None))
    found["parse"], document = least(lambda: parse(source, "big"))
    found["page's Markdown"], markdown = least(lambda: render_document(document))
    found["proof: render"], (body, _notes) = least(lambda: fidelity.rendered_text(markdown, True))
    skip = fidelity._lines_not_in_body(document)
    found["proof: source words"], expected = least(
        lambda: fidelity._source_word_string(source, skip)
    )
    found["proof: page words"], actual = least(lambda: word_string(body))
    found["proof: comparison"], _ = least(lambda: fidelity.first_lost_at(expected, actual))
    found["proof: drop report"], _ = least(lambda: fidelity.unreported_drops(source, document))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--times", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x{args.times}.docx"
        repeated_docx(REAL_DOCX, path, args.times)

        print(f"load average {os.getloadavg()[0]:.1f}; CPU s, least of 2")
        print("the reader's floor:")
        for name, seconds in reader_floor(path.read_bytes()).items():
            print(f"  {name:28}{seconds:6.2f}")
        print("the conversion, part by part:")
        parts = phases(path)
        for name, seconds in parts.items():
            print(f"  {name:28}{seconds:6.2f}")
        print(f"  {'all':28}{sum(parts.values()):6.2f}")


if __name__ == "__main__":
    main()
