"""Which library reads Chromium-printed PDFs best: speed and words kept in reading order.

Prints PDFs with Chromium (page.pdf()) from invented HTML: one column with a contents
page, running header and footer; two columns; narrow lines hyphenated with soft
hyphens. Each candidate library extracts the plain text; we report CPU seconds per
100 pages (the machine is shared) and the share of the source's words found in the same
order (difflib's matching blocks: a word split by a hyphen, or text read across two
columns, scores lower). Only the chosen library is a dependency; install the others
to run this:

    .venv/bin/pip install pdfminer.six==20260107 pdfplumber==0.11.10 pypdf==7.1.0
    .venv/bin/python bench/bench_pdf_libraries.py
"""

from __future__ import annotations

import difflib
import importlib.util
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser_support import CHROMIUM_ARGS, CHROMIUM_PATH  # noqa: E402
from format_fixtures import long_spec, print_html, spec_print_html, spec_text  # noqa: E402

HEADER = "Example Council Planning Committee Protocol"


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u00ad", ""))


def in_order_share(expected: list[str], actual: list[str]) -> float:
    """Share of expected words that `actual` has in the same order (difflib's matching
    blocks: a word split by a hyphen, or text read across two columns, scores lower)."""
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(expected)


def pypdfium2_text(path: Path) -> tuple[str, int]:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    return "\n".join(pages), len(pages)


def pdfminer_text(path: Path) -> tuple[str, int]:
    from pdfminer.high_level import extract_text

    return extract_text(str(path)), 0


def pdfplumber_text(path: Path) -> tuple[str, int]:
    import pdfplumber

    with pdfplumber.open(str(path)) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages), 0


def pypdf_text(path: Path) -> tuple[str, int]:
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages), 0


def clausemark_text(path: Path) -> tuple[str, int]:
    from clausemark.readers import read_source

    return read_source(path).text, 0


CANDIDATES = {
    "pypdfium2": ("pypdfium2", pypdfium2_text),
    "pdfminer.six": ("pdfminer", pdfminer_text),
    "pdfplumber": ("pdfplumber", pdfplumber_text),
    "pypdf": ("pypdf", pypdf_text),
    "clausemark (pypdfium2 + layout)": ("pypdfium2", clausemark_text),
}


def make_pdfs(folder: Path) -> tuple[dict[str, Path], list[str], int]:
    from playwright.sync_api import sync_playwright

    spec = long_spec(20)
    narrow = spec_print_html(spec).replace("<body>", "<body style='width:260px'>")
    narrow = re.sub(r"(respons)(ibilities)|(recom)(mendation)|(applic)(ant)", _shy, narrow)
    pages = {
        "one column, contents, header/footer": spec_print_html(spec, contents=True),
        "two columns": spec_print_html(spec, columns=2),
        "narrow, soft hyphens": narrow,
    }
    paths = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
        )
        for index, (name, page_html) in enumerate(pages.items()):
            path = folder / f"sample-{index}.pdf"
            path.write_bytes(print_html(browser, page_html, header=HEADER))
            paths[name] = path
        browser.close()
    import pypdfium2

    total = sum(len(pypdfium2.PdfDocument(str(p))) for p in paths.values())
    return paths, words(spec_text(spec)), total


def _shy(match: re.Match) -> str:
    parts = [g for g in match.groups() if g]
    return "&shy;".join(parts)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths, expected, total_pages = make_pdfs(Path(tmp))
        print(f"{total_pages} pages in {len(paths)} PDFs printed by Chromium")
        header = f"{'library':34}{'cpu s/100 pp':>12}  " + "  ".join(
            f"{name[:22]:>22}" for name in paths
        )
        print(header)
        for label, (module, extract) in CANDIDATES.items():
            if importlib.util.find_spec(module) is None:
                print(f"{label:34}{'not installed':>12}")
                continue
            shares, seconds, pages = [], 0.0, 0
            for path in paths.values():
                start = _cpu_with_children()
                text, _ = extract(path)
                seconds += _cpu_with_children() - start
                shares.append(in_order_share(expected, words(text)))
            pages = total_pages
            cells = "  ".join(f"{share:>21.1%} " for share in shares)
            print(f"{label:34}{seconds / pages * 100:>12.2f}  {cells}")


def _cpu_with_children() -> float:
    """CPU seconds of this process and its waited-for children (clausemark's PDF reader
    reads in a child process: support/child_process.py)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main()
