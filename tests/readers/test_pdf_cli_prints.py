"""Council documents printed by Chromium's command line (tests/cli_pdfs.py, invented
wording) read as their text files read: the title, numbers, parents, tables, words in
order and emphasis, under running heads in @page margin boxes and Chromium's own
header and footer, numbers hung by a grid, a list marker or an inline block. Also the
rules those prints needed, on lines made by hand: a bare number one line under a
table cell's words is the cell's, not a page number; rows padded by a point part; a
cell's wrapped last word under a short cell stays in its row."""

from __future__ import annotations

import re
from array import array

import cli_pdfs
import pytest
from browser_support import require_chromium
from clausemark.convert import convert_file
from clausemark.readers import pdf_running, pdf_tables
from clausemark.readers.pdf import Line, Page
from council_pdfs import compare, document_text, shape
from pdf_properties import properties

PRINTS = {
    name: (documents, spec)
    for documents, prints in cli_pdfs.SETS.values()
    for name, spec in prints.items()
}


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Each print made once for the module: name -> (document, pdf, text)."""
    require_chromium()
    folder = tmp_path_factory.mktemp("cli_prints")
    made: dict[str, tuple] = {}

    def make(name: str) -> tuple:
        if name not in made:
            documents, (document_name, style) = PRINTS[name]
            document = documents[document_name]
            page = cli_pdfs.document_html(document, style, cli_pdfs.short_title(document))
            pdf = folder / f"{name}.pdf"
            pdf.write_bytes(cli_pdfs.print_cli(page, style.furniture))
            text = folder / f"{document_name}.txt"
            text.write_text(document_text(document), encoding="utf-8")
            made[name] = (document, pdf, text)
        return made[name]

    return make


@pytest.mark.browser
@pytest.mark.parametrize("name", sorted(PRINTS))
def test_a_command_line_print_gives_the_model_its_text_gives(printed, name):
    document, pdf, text = printed(name)
    want, got = shape(convert_file(text)), shape(convert_file(pdf))
    _same, diff = compare(want, got)
    assert not diff, "\n".join(diff)
    assert all(properties(want, got).values())
    assert got[0] == ("title", document.title)


@pytest.mark.browser
def test_the_command_line_prints_are_what_they_claim(printed):
    """Titles over two lines at least (three in half the prints), wrapped lines that
    begin with a paragraph's number, clauses over page breaks, running heads and page
    numbers on every page, in each kind of furniture, one-page prints among them."""
    import pypdfium2

    wrapped_numbers = crossing = several = three = 0
    for name in sorted(PRINTS):
        document, pdf, _text = printed(name)
        pdf_document = pypdfium2.PdfDocument(str(pdf))
        pages = [
            pdf_document[n].get_textpage().get_text_range().split("\r\n")
            for n in range(len(pdf_document))
        ]
        several += len(pages) >= 2
        words = document.title.split()
        title_lines = [line for line in pages[0] if line and set(line.split()) <= set(words)]
        assert len(title_lines) >= 2, (name, title_lines)
        three += len(title_lines) >= 3
        wrapped_numbers += sum(
            bool(re.match(r"\d+(\.\d+)+,? (of|and|or|to|the)\b", line))
            for page in pages
            for line in page
        )
        furniture = PRINTS[name][1][1].furniture
        mark = {
            "margin-boxes": r"Page \d of \d",
            "corners": r"^\d$",
            "chromium": r" \d/\d$",
            "version": r"Page \d",
        }
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
    assert several >= len(PRINTS) // 2 and three >= len(PRINTS) // 2
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


def _glued(text: str, x0: float, bottom: float, styles: str = "", size: float = 10.0) -> Line:
    """A line of one part, each letter 6 pt wide and each space 0 (a column may start
    inside it, after a space or glued)."""
    xs, at = array("f"), x0
    for ch in text:
        xs.append(at)
        at += 0 if ch == " " else 6
    return Line(text, x0, at, bottom - size, bottom, size, styles=styles, xs=xs)


def _version_rows(top: float) -> list[Line]:
    return [
        _cells(("1.0", 30), ("Terms agreed by both councils", 72), bottom=top),
        _cells(("2.1", 30), ("Membership raised to eight", 72), bottom=top + 12),
        _cells(("and the quorum changed", 72), bottom=top + 24),
        _cells(("2.2", 30), ("Paragraph 4.3 added", 72), bottom=top + 36),
    ]


def test_a_version_tables_header_set_close_makes_its_numbered_rows_a_table():
    """'VersionSummary of changes' (no gap) or 'Version Summary of changes' (a space,
    bold over plain rows) over '1.0 | Terms ...' rows: a version table, never clauses
    1.0, 2.1, 2.2. Fails before: the rows were numbers in a hanging indent (invented
    clauses) under a heading 'VersionSummary of changes'."""
    for header in (
        _glued("VersionSummary of changes", 30, 100),
        _glued("Version Summary of changes", 30, 100, styles="1" * 26),
    ):
        found = pdf_tables.find_tables([header, *_version_rows(112)])
        assert len(found) == 1 and isinstance(found[0], pdf_tables.FoundTable), header.text
        assert _texts(found[0]) == [
            ["Version", "Summary of changes"],
            ["1.0", "Terms agreed by both councils"],
            ["2.1", "Membership raised to eight and the quorum changed"],
            ["2.2", "Paragraph 4.3 added"],
        ]


def _spaced(*cells, bottom: float, size: float = 10.0) -> Line:
    """A row whose cells are (text, x0), each character 6 pt wide, with where each
    character starts (a column may start inside a cell, after a space)."""
    xs: array = array("f")
    for position, (text, x0) in enumerate(cells):
        if position:
            xs.append(x0)  # the tab between cells
        xs.extend(x0 + 6 * n for n in range(len(text)))
    line = _cells(*cells, bottom=bottom, size=size)
    line.xs = xs
    return line


def test_a_version_table_of_one_entry_takes_its_columns_from_the_headers_gaps():
    """A header whose cells sit a space apart ('Revision Approved', as a grid of narrow
    columns prints it) over one entry '2 | 7 March 2024 | Fees ...': the column between
    is seen in one row only, and the header starts a word there. Fails before (pdf11's
    cli_pdfs.KNOWN_MISSES): two columns, 'Revision Approved' and '2 7 March 2024'."""
    lines = [
        _spaced(("Revision Approved", 30), ("Summary", 150), bottom=110),
        _cells(("2", 30), ("7 March", 84), ("Fees moved to a schedule", 150), bottom=124),
        _cells(("2024", 84), ("and memorials added", 150), bottom=135),
    ]
    [table] = pdf_tables.find_tables(lines)
    assert _texts(table) == [
        ["Revision", "Approved", "Summary"],
        ["2", "7 March 2024", "Fees moved to a schedule and memorials added"],
    ]


def test_a_line_of_prose_over_the_entry_is_no_header_for_it():
    """A sentence over the same entry, a word of it starting where the column starts
    ('The fees for 2024 ...': 'for' at the column): a line of one part stays a line of
    the text, never the table's header row. Passes before and after (a guard)."""
    lines = [
        _spaced(("The fees for 2024 were set as below.", 30), bottom=110),
        _cells(("2", 30), ("7 March", 84), ("Fees moved to a schedule", 150), bottom=124),
        _cells(("2024", 84), ("and memorials added", 150), bottom=135),
    ]
    found = pdf_tables.find_tables(lines)
    assert lines[0] in found
    tables = [item for item in found if isinstance(item, pdf_tables.FoundTable)]
    assert all("fees for" not in str(_texts(table)) for table in tables)


def test_a_heading_over_numbered_paragraphs_stays_a_heading():
    """The same rows under a plain line parted only at a space, or a bold line of two
    words before the text's column: no table (numbered paragraphs in a hanging indent)."""
    for header in (
        _glued("Version Summary of changes", 30, 100),
        _glued("Our rows Summary of changes", 30, 100, styles="1" * 27),
    ):
        found = pdf_tables.find_tables([header, *_version_rows(112)])
        assert not any(isinstance(item, pdf_tables.FoundTable) for item in found), header.text


def test_a_one_page_documents_footer_set_apart_in_small_type_is_left_out():
    """Chromium's own footer on a one-page print ('file:///.../page.html 1/1'), in small
    type well below the text: left out, as its header is; a footnote there ('1 See
    ...') is the text's own and stays. Fails before: the footer was the last clause's
    paragraph."""
    body = [
        _cells((f"Line {n} of the text of the rules", 40), bottom=100 + 14 * n) for n in range(6)
    ]
    footer = _cells(("file:///tmp/page.html 1/1", 40), bottom=560, size=7.0)
    kept, dropped = pdf_running.body_lines(Page(400, 600, [*body, footer]), set(), 10.0, True)
    assert [line.text for line in dropped] == [footer.text]
    note = _cells(("1 See paragraph 5.1 of the Code", 40), bottom=560, size=7.0)
    kept, dropped = pdf_running.body_lines(Page(400, 600, [*body, note]), set(), 10.0, True)
    assert not dropped and kept[-1] is note


def test_rows_part_where_only_one_row_wraps():
    """One row's cells wrap (their lines 10 pt apart), rows padded 12 pt apart, every
    line starting in capitals: three rows. Fails before (on 889f72a): a pitch seen
    once was no pitch, and under 1.15 pitches + 0.5 a capital started a row."""
    lines = [
        _cells(("Version", 30), ("Summary", 100), bottom=100),
        _cells(("1.0", 30), ("Terms agreed", 100), bottom=112),
        _cells(("2.1 and", 30), ("Membership raised to", 100), bottom=124),
        _cells(("Draft", 30), ("Eight members", 100), bottom=134),
        _cells(("2.2", 30), ("Paragraph added", 100), bottom=146),
    ]
    table = pdf_tables.find_tables(lines)[0]
    assert _texts(table) == [
        ["Version", "Summary"],
        ["1.0", "Terms agreed"],
        ["2.1 and Draft", "Membership raised to Eight members"],
        ["2.2", "Paragraph added"],
    ]
