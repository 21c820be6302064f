"""Score the PDF reader on held-out council prints (tests/council_pdfs.py).

Each print (Chromium on A4, A5, Letter and 120 mm pages; ReportLab as a word processor
sets a page) is converted and its model compared with the model of the same words in
a .txt file: title, every heading, clause (number, parent, words with emphasis), note
and table (kind, header, rows), in order, and the document-control fields. Prints one
line per print and the totals: prints that match whole, and model items that match.

    .venv/bin/python bench/pdf_heldout.py [--tuning] [--diff] [--properties] [--keep DIR]
        [--only NAME ...]

`--tuning` scores prints of tests/narrow_pdf.py's documents in the same kinds of layout
instead (the set the reader was tuned on); the held-out set is scored without it, and
`--set heldout2` scores a second held-out set, written after the first had been used.
`--set cli-tuning` and `--set cli-heldout` score tests/cli_pdfs.py's prints by Chromium's
command line (held-out: scored before the reader was changed for the tuning ones).
`--properties` adds a table of prints by property (tests/pdf_properties.py): title,
numbers, parents, tables, words in order, emphasis, no invented clause, control fields.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "plugins")]

import cli_pdfs  # noqa: E402
import council_pdfs as prints  # noqa: E402
from clausemark.convert import convert_file  # noqa: E402
from council_pdfs import compare, shape  # noqa: E402
from pdf_properties import properties, table_lines  # noqa: E402

SETS = {
    "heldout": (lambda: prints.DOCUMENTS, prints.CHROMIUM_PRINTS, prints.REPORTLAB_PRINTS),
    "heldout2": (lambda: prints.DOCUMENTS_2, prints.CHROMIUM_PRINTS_2, prints.REPORTLAB_PRINTS_2),
    "tuning": (prints.tuning_documents, prints.TUNING_PRINTS, {}),
}


def make_prints(folder: Path, only: list[str], which: str) -> dict[str, tuple[Path, Path]]:
    """Every print of the set `which` and its .txt, written to `folder`."""
    out: dict[str, tuple[Path, Path]] = {}
    if which in cli_pdfs.SETS:
        return make_cli_prints(folder, only, which)
    documents_of, chromium_prints, reportlab_prints = SETS[which]
    documents = documents_of()
    for name, document in documents.items():
        (folder / f"{name}.txt").write_text(prints.document_text(document), encoding="utf-8")
    wanted = {**chromium_prints, **reportlab_prints}
    names = [n for n in wanted if not only or n in only]
    chromium = [n for n in names if n in chromium_prints]
    if chromium:
        from browser_support import CHROMIUM_ARGS, CHROMIUM_PATH
        from playwright.sync_api import sync_playwright

        with sync_playwright() as play:
            browser = play.chromium.launch(
                executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
            )
            for name in chromium:
                doc_name, style = chromium_prints[name]
                document = documents[doc_name]
                page = prints.document_html(document, style)
                raw = prints.print_page(browser, page, style, prints.header_of(document))
                (folder / f"{name}.pdf").write_bytes(raw)
            browser.close()
    for name in names:
        if name in reportlab_prints:
            doc_name, *options = reportlab_prints[name]
            raw = prints.reportlab_pdf(documents[doc_name], *options)
            (folder / f"{name}.pdf").write_bytes(raw)
    for name in names:
        doc_name = wanted[name][0]
        out[name] = (folder / f"{name}.pdf", folder / f"{doc_name}.txt")
    return out


def make_cli_prints(folder: Path, only: list[str], which: str) -> dict[str, tuple[Path, Path]]:
    """The prints of tests/cli_pdfs.py's set `which` (Chromium's command line)."""
    documents, cli_prints = cli_pdfs.SETS[which]
    out: dict[str, tuple[Path, Path]] = {}
    for name, (doc_name, style) in cli_prints.items():
        if only and name not in only:
            continue
        document = documents[doc_name]
        text = folder / f"{doc_name}.txt"
        text.write_text(prints.document_text(document), encoding="utf-8")
        page = cli_pdfs.document_html(document, style, cli_pdfs.short_title(document))
        (folder / f"{name}.pdf").write_bytes(cli_pdfs.print_cli(page, style.furniture))
        out[name] = (folder / f"{name}.pdf", text)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="write the prints here and keep them")
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--tuning", action="store_true", help="the tuning prints instead")
    parser.add_argument("--set", choices=sorted([*SETS, *cli_pdfs.SETS]), default="heldout")
    parser.add_argument("--diff", action="store_true", help="show each print's differences")
    parser.add_argument("--properties", action="store_true", help="a table of prints by property")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        made = make_prints(folder, args.only, "tuning" if args.tuning else args.set)
        whole = items = total = 0
        found: dict[str, dict[str, bool]] = {}
        for name, (pdf, txt) in made.items():
            want = shape(convert_file(txt))
            try:
                got = shape(convert_file(pdf))
            except Exception as error:  # a crash scores nothing, and says so
                got = [("error", str(error))]
            same, diff = compare(want, got)
            found[name] = properties(want, got)
            whole += not diff
            items += same
            total += len(want)
            print(f"{'OK  ' if not diff else 'DIFF'} {name:40} {same}/{len(want)} items")
            if args.diff:
                for line in diff:
                    print("     ", line)
        print(f"whole prints {whole}/{len(made)}; items {items}/{total} ({items / total:.1%})")
        if args.properties:
            print("\n".join(table_lines(found)))


if __name__ == "__main__":
    main()
