"""Council documents printed by Chromium's command line (tests/cli_pdfs.py, invented
wording) read as their text files read: the title, numbers, parents, tables, words in
order and emphasis, under running heads in @page margin boxes and Chromium's own
header and footer, numbers hung by a grid, a list marker or an inline block. Also the
rules those prints needed, on lines made by hand: a bare number one line under a
table cell's words is the cell's, not a page number; rows padded by a point part; a
cell's wrapped last word under a short cell stays in its row."""

from __future__ import annotations

import re

import cli_pdfs
import pytest
from browser_support import require_chromium
from clausemark.convert import convert_file
from clausemark.readers import pdf_running, pdf_tables
from clausemark.readers.pdf import Line, Page
from council_pdfs import compare, document_text, shape
from pdf_properties import properties

PRINTS = {
    **{name: (cli_pdfs.TUNING, spec) for name, spec in cli_pdfs.TUNING_PRINTS.items()},
    **{name: (cli_pdfs.HELDOUT, spec) for name, spec in cli_pdfs.HELDOUT_PRINTS.items()},
}


def _print(name: str, folder) -> tuple:
    documents, (document_name, style) = PRINTS[name]
    document = documents[document_name]
    page = cli_pdfs.document_html(document, style, cli_pdfs.short_title(document))
    pdf = folder / f"{name}.pdf"
    pdf.write_bytes(cli_pdfs.print_cli(page, style.furniture))
    text = folder / f"{document_name}.txt"
    text.write_text(document_text(document), encoding="utf-8")
    return document, pdf, text


@pytest.mark.browser
@pytest.mark.parametrize("name", sorted(PRINTS))
def test_a_command_line_print_gives_the_model_its_text_gives(tmp_path, name):
    require_chromium()
    document, pdf, text = _print(name, tmp_path)
    want, got = shape(convert_file(text)), shape(convert_file(pdf))
    _same, diff = compare(want, got)
    assert not diff, "\n".join(diff)
    assert all(properties(want, got).values())
    assert got[0] == ("title", document.title)


@pytest.mark.browser
def test_the_command_line_prints_are_what_they_claim(tmp_path):
    """Titles over three lines at least, wrapped lines that begin with a paragraph's
    number, a clause over a page break, running heads and page numbers on every page,
    in each kind of furniture."""
    import pypdfium2

    require_chromium()
    wrapped_numbers = crossing = several = 0
    for name in sorted(PRINTS):
        document, pdf, _text = _print(name, tmp_path)
        pdf_document = pypdfium2.PdfDocument(str(pdf))
        pages = [
            pdf_document[n].get_textpage().get_text_range().split("\r\n")
            for n in range(len(pdf_document))
        ]
        several += len(pages) >= 2
        words = document.title.split()
        title_lines = [line for line in pages[0] if line and set(line.split()) <= set(words)]
        assert len(title_lines) >= 3, (name, title_lines)
        wrapped_numbers += sum(
            bool(re.match(r"\d+(\.\d+)+,? (of|and|or|to|the)\b", line))
            for page in pages
            for line in page
        )
        furniture = PRINTS[name][1][1].furniture
        mark = {"margin-boxes": r"Page \d of \d", "corners": r"^\d$", "chromium": r" \d/\d$"}
        for page in pages:
            assert any(re.search(mark[furniture], line) for line in page), (name, furniture)
        clauses = [b.text for b in document.blocks if b.kind == "clause"]
        for before, after in zip(pages, pages[1:], strict=False):
            tail = " ".join(before[-6:])
            crossing += any(
                clause.split()[5] in tail and clause.split()[-1] in " ".join(after)
                for clause in clauses
                if len(clause.split()) > 60
            )
    assert several >= len(PRINTS) - 2
    assert wrapped_numbers >= 4
    assert crossing >= 3


def _cells(*cells, bottom, size=10.0):
    """A table row: (text, x0) cells, each 6 pt a letter wide."""
    text = "\t".join(t for t, _x in cells)
    spans = [(x, x + 6 * len(t)) for t, x in cells]
    return Line(text, spans[0][0], spans[-1][1], bottom - size, bottom, size, spans=spans)


def _texts(table) -> list[list[str]]:
    return [[" ".join(t for t, _s in cell.lines) for cell in row] for row in table.rows]


def test_a_bare_number_under_a_cells_words_is_no_page_number():
    """'50' one line under 'Fewer than' near the foot of a page is the cell's last word;
    a number set well below the text is the page's number. Fails before: '50' was
    dropped as a page number (a word lost)."""
    lines = [
        _cells(("Signatures", 30), ("What happens", 100), bottom=480),
        _cells(("Fewer than", 30), ("The clerk replies", 100), bottom=491),
        _cells(("50", 30), bottom=502),
        _cells(("50 to 499", 30), ("A committee decides", 100), bottom=515),
        _cells(("7", 150), bottom=560),
    ]
    kept, dropped = pdf_running.body_lines(Page(300, 600, lines), set(), 10.0)
    assert [line.text for line in dropped] == ["7"]
    assert "50" in [line.text for line in kept]


def test_rows_padded_by_a_point_part():
    """A cell's lines 10 pt apart, rows 11.5 pt apart (a point of padding above and
    below), wrapped lines that begin in capitals: each row its own. Fails before: a step
    under 1.15 pitches was no row's end, and a capital started a row at every line."""
    lines = [
        _cells(("Subject", 30), ("Contact", 160), bottom=100),
        _cells(("Matters at a station", 30), ("The station manager,", 160), bottom=111.5),
        _cells(("Fenwick Road", 30), ("who tells the area", 160), bottom=121.5),
        _cells(("manager", 160), bottom=131.5),
        _cells(("Complaints about", 30), ("The Director of", 160), bottom=143),
        _cells(("Officers", 30), ("People", 160), bottom=153),
        _cells(("Press enquiries", 30), ("The press team", 160), bottom=164.5),
    ]
    table = pdf_tables.find_tables(lines)[0]
    assert _texts(table) == [
        ["Subject", "Contact"],
        ["Matters at a station Fenwick Road", "The station manager, who tells the area manager"],
        ["Complaints about Officers", "The Director of People"],
        ["Press enquiries", "The press team"],
    ]


def test_a_cells_wrapped_last_word_under_a_short_cell_stays_in_its_row():
    """No padding: 'Fewer than' / '50' beside a one-line cell. '50' would not have fitted
    before the next column, and only the first column goes on: the cell's wrapped line.
    A line that would have fitted starts a row. Fails before: '50' was a row of its own."""
    lines = [
        _cells(("Signatures", 30), ("What happens", 100), bottom=100),
        _cells(("Fewer than", 30), ("The clerk replies", 100), bottom=110),
        _cells(("50", 30), bottom=120),
        _cells(("50 to 499", 30), ("A committee decides", 100), bottom=130),
        _cells(("More", 30), ("The council", 100), bottom=140),
        _cells(("Others", 30), bottom=150),
    ]
    table = pdf_tables.find_tables(lines)[0]
    assert _texts(table) == [
        ["Signatures", "What happens"],
        ["Fewer than 50", "The clerk replies"],
        ["50 to 499", "A committee decides"],
        ["More", "The council"],
        ["Others", ""],
    ]
