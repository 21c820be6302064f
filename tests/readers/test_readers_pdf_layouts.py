"""PDF layouts councils print, read as their text files read: held-out documents
(tests/council_pdfs.py, invented wording) printed by Chromium on A4, A5, Letter and
120 mm pages, in one and two columns, ruled and unruled tables with padded, tight or
no cells, a font with no bold or italic face; and by ReportLab, a second generator,
as a word processor sets a page (one and two frames). `bench/pdf_heldout.py` scores
the same prints and gives the figures in the notes."""

from __future__ import annotations

import re
from array import array

import council_pdfs as prints
import pytest
from clausemark.convert import convert_file
from clausemark.readers import pdf as pdf_reader
from clausemark.readers import pdf_extract, pdf_tables
from clausemark.readers.pdf import Line, Page
from council_pdfs import compare, shape

ALL_DOCUMENTS = {**prints.DOCUMENTS, **prints.DOCUMENTS_2, **prints.tuning_documents()}
CHROMIUM = {
    name: spec
    for name, spec in {
        **prints.TUNING_PRINTS,
        **prints.CHROMIUM_PRINTS,
        **prints.CHROMIUM_PRINTS_2,
    }.items()
    if name not in prints.DEFECTIVE
}
REPORTLAB = {**prints.REPORTLAB_PRINTS, **prints.REPORTLAB_PRINTS_2}


def _same_model(tmp_path, name: str, document_name: str, raw: bytes) -> None:
    document = ALL_DOCUMENTS[document_name]
    text = tmp_path / f"{document_name}.txt"
    text.write_text(prints.document_text(document), encoding="utf-8")
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(raw)
    want, got = shape(convert_file(text)), shape(convert_file(pdf))
    _same, diff = compare(want, got)
    assert not diff, "\n".join(diff)
    assert got[0] == ("title", document.title)
    tables = [item for item in got if item[0] == "table"]
    assert len(tables) == sum(block.kind == "table" for block in document.blocks)


@pytest.mark.parametrize("name", sorted(CHROMIUM))
def test_a_chromium_print_gives_the_model_its_text_gives(browser, tmp_path, name):
    document_name, style = CHROMIUM[name]
    document = ALL_DOCUMENTS[document_name]
    page = prints.document_html(document, style)
    raw = prints.print_page(browser, page, style, prints.header_of(document))
    _same_model(tmp_path, name, document_name, raw)


@pytest.mark.parametrize("name", sorted(REPORTLAB))
def test_a_word_processor_like_print_gives_the_model_its_text_gives(tmp_path, name):
    document_name, *options = REPORTLAB[name]
    raw = prints.reportlab_pdf(ALL_DOCUMENTS[document_name], *options)
    _same_model(tmp_path, name, document_name, raw)


def _styles_of(raw: bytes) -> dict[str, set[str]]:
    pages = pdf_extract._extract(raw, "styles.pdf")
    out: dict[str, set[str]] = {}
    for line in pages[0].lines:
        for word, start in _words(line):
            out.setdefault(word, set()).add(line.styles[start] if line.styles else "0")
    return out


def _words(line: Line):
    for match in re.finditer(r"[^ \t]+", line.text):
        yield match.group(), match.start()


def test_a_slanted_matrix_is_italic_and_an_outlined_glyph_bold():
    """An italic made by slanting a regular font's text matrix, and a bold made by
    filling and outlining its glyphs (render mode 2), as word processors fake them.
    (The outline is looked for where the font, size or slant changes, as here.)"""
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(400, 300))
    text = page.beginText()
    text.setFont("Helvetica", 11)
    text.setTextOrigin(40, 250)
    text.textOut("plain words then ")
    page.drawText(text)
    slanted = page.beginText()
    slanted.setFont("Helvetica", 11)
    slanted.setTextTransform(1, 0, 0.21, 1, 130, 250)
    slanted.textOut("slanted")
    page.drawText(slanted)
    outlined = page.beginText()
    outlined.setFont("Helvetica", 11)
    outlined.setTextRenderMode(2)
    outlined.setTextOrigin(180, 250)
    outlined.textOut("outlined")
    page.drawText(outlined)
    page.showPage()
    page.save()
    styles = _styles_of(out.getvalue())
    assert styles["plain"] == {"0"}
    assert styles["slanted"] == {str(pdf_reader.ITALIC)}
    assert styles["outlined"] == {str(pdf_reader.BOLD)}


def test_unnamed_type3_glyphs_are_bold_only_among_named_fonts():
    def page(styles: str) -> Page:
        text = "a" * len(styles)
        return Page(300, 400, [Line(text, 0, 10, 0, 10, 10, styles=styles)])

    few = [page("0" * 40 + "4" * 5)]
    assert pdf_extract._resolve_type3(few)[0].lines[0].styles == "0" * 40 + "1" * 5
    all_type3 = [page("4" * 40)]
    assert pdf_extract._resolve_type3(all_type3)[0].lines[0].styles == ""


def _text_line(text, x0, x1, bottom, size=7.0):
    return Line(text, x0, x1, bottom - size, bottom, size)


def _column(x0, x1, top, paragraphs, size=7.0):
    """Lines of paragraphs of full lines (the last one short), a gap between them."""
    out, bottom = [], top
    for count in paragraphs:
        for n in range(count):
            end = x1 if n < count - 1 else x0 + (x1 - x0) / 2
            out.append(_text_line(f"words of line {n} go on here", x0, end, bottom, size))
            bottom += 8.2
        bottom += 6
    return out


def test_a_narrow_page_in_two_columns_is_read_column_by_column():
    """120 mm (340 pt) wide: columns as wide as each other whose paragraphs start at
    their own heights."""
    left = _column(28, 160, 100, [5, 3, 6])
    right = _column(180, 312, 100, [2, 6, 4, 2])
    order = pdf_reader.reading_order(left + right, 340)
    assert order == left + right


def test_a_narrow_page_with_a_two_column_table_is_read_row_by_row():
    """The same page with cells side by side: each row's cells start on one baseline,
    so it is a table, not two columns."""
    left = _column(28, 160, 100, [3, 2, 4, 3])
    right = [_text_line(line.text, line.x0 + 152, line.x1 + 152, line.bottom) for line in left]
    assert not pdf_reader.in_columns(left + right, 340)


def test_a_column_that_starts_inside_a_part_parts_it():
    """No padding: 'VersionDate' where the Date column starts (other rows show it)."""
    part = pdf_tables._Part(
        "VersionDate",
        "",
        30.0,
        90.0,
        100.0,
        9.0,
        array("f", [30, 36, 41, 45, 49, 52, 57, 63, 69, 75, 79]),
    )
    left, right = pdf_tables.split_at(part, [63.0])
    assert (left.text, right.text, right.x0) == ("Version", "Date", 63.0)
    # inside a word ('expenditure' over a column start) nothing is cut
    word = pdf_tables._Part("expenditure", "", 30.0, 90.0, 100.0, 9.0, part.xs)
    assert pdf_tables.split_at(word, [63.0]) == [word]


def _cells(*cells, bottom, size=10.0):
    """A table row: (text, x0) cells, each 6 pt a letter wide."""
    text = "\t".join(t for t, _x in cells)
    spans = [(x, x + 6 * len(t)) for t, x in cells]
    return Line(text, spans[0][0], spans[-1][1], bottom - size, bottom, size, spans=spans)


def test_rows_set_four_lines_apart_are_one_table():
    lines = [
        _cells(("Signatures", 30), ("Response", 160), bottom=100),
        _cells(("Under 50", 30), ("The clerk replies", 160), bottom=140),
        _cells(("50 to 249", 30), ("Reported to a committee", 160), bottom=180),
        _cells(("250 or more", 30), ("Debated by the council", 160), bottom=220),
    ]
    found = pdf_tables.find_tables(lines)
    assert len(found) == 1 and isinstance(found[0], pdf_tables.FoundTable)
    assert [[c.lines[0][0] for c in row] for row in found[0].rows][3] == [
        "250 or more",
        "Debated by the council",
    ]


def test_unpadded_rows_part_where_a_column_starts_again():
    """No space between rows: a column with no line at the baseline above starts a
    new cell, so a new row; a line in small letters goes on with its cell."""
    lines = [
        _cells(("Matter", 30), ("Who decides", 160), bottom=100),
        _cells(("A request for a", 30), ("The chair", 160), bottom=112),
        _cells(("site visit", 30), bottom=124),
        _cells(("A change of date", 30), ("The clerk, with", 160), bottom=136),
        _cells(("the chair", 160), bottom=148),
        _cells(("Urgent action", 30), ("The monitoring officer", 160), bottom=160),
    ]
    table = pdf_tables.find_tables(lines)[0]
    texts = [[" ".join(t for t, _s in cell.lines) for cell in row] for row in table.rows]
    assert texts == [
        ["Matter", "Who decides"],
        ["A request for a site visit", "The chair"],
        ["A change of date", "The clerk, with the chair"],
        ["Urgent action", "The monitoring officer"],
    ]


def test_numbers_after_a_wide_gap_are_contents_only_when_their_titles_come_back():
    def entry(title, number, bottom):
        line = _text_line(f"{title} {number}", 30, 270, bottom, 10.0)
        line.gap_before_last = 120.0
        return line

    rows = [entry("Members", 12, 100), entry("Quorum", 4, 112), entry("Substitutes", 2, 124)]
    kept, dropped = pdf_reader._drop_contents(rows, set())
    assert kept == rows and not dropped
    kept, dropped = pdf_reader._drop_contents(rows, {"members", "quorum", "substitutes"})
    assert dropped == rows


@pytest.mark.build  # a whole-size CPU ratio: runs with the builds
def test_two_column_pages_with_tables_read_in_linear_time():
    """Pages in two narrow columns holding aligned tables: CPU at 2n pages about 2x."""

    def pages(count):
        out = []
        for _ in range(count):
            left = _column(28, 160, 60, [5, 3, 6, 4])
            right = _column(180, 312, 60, [2, 6, 4])
            table = [
                _cells(("Post", 180), ("Pounds", 260), bottom=300 + 12 * n, size=7.0)
                for n in range(8)
            ]
            out.append(Page(340, 560, left + right + table))
        return out

    from hostile_files import assert_linear_cpu

    pdf_reader.assemble(pages(10))  # warm up
    assert_linear_cpu(pdf_reader.assemble, pages(60), pages(120), limit=3.0)


def test_the_prints_are_what_they_claim(browser):
    """A font with no bold or italic face makes Chromium draw a made-up bold (a Type 3
    font) and slant the regular face; unpadded cells run together ('VersionDate');
    two-column prints are in two columns, on narrow pages too."""

    def printed(name: str) -> bytes:
        document_name, style = CHROMIUM[name]
        document = ALL_DOCUMENTS[document_name]
        page = prints.document_html(document, style)
        return prints.print_page(browser, page, style, prints.header_of(document))

    synthetic = printed("protocol-110mm-synthetic-styles")
    assert b"/Type3" in synthetic
    styles = "".join(line.styles for line in pdf_extract._extract(synthetic, "s")[0].lines)
    assert str(pdf_reader.ITALIC) in styles and str(pdf_reader.BOLD) in styles
    glued = pdf_extract._extract(printed("protocol-a5-unruled-no-padding"), "g")
    assert any(line.text.startswith("VersionDate") for line in glued[0].lines)
    for name in ("protocol-120mm-two-columns", "orders-a4-two-columns-unruled-sans"):
        page = pdf_extract._extract(printed(name), name)[0]
        body = [line for line in page.lines if 40 < line.bottom < page.height - 40]
        assert pdf_reader.in_columns(body, page.width), name


def test_a_table_of_wide_rows_goes_on_over_the_page():
    page_one = Page(
        300,
        400,
        [
            _text_line("1.1 The thresholds are as the table shows in every case.", 30, 270, 60, 10),
            _cells(("Value", 30), ("Procedure", 160), bottom=90),
            _cells(("Up to 500", 30), ("One quotation", 160), bottom=130),
            _cells(("5,000 to 50,000", 30), ("Open tender", 160), bottom=170),
        ],
    )
    page_two = Page(
        300,
        400,
        [
            _cells(("Over 50,000", 30), ("Full council approval", 160), bottom=60),
            _cells(("Over 500,000", 30), ("Council and audit", 160), bottom=100),
            _text_line("1.2 The clerk keeps a register of every contract.", 30, 250, 140, 10),
        ],
    )
    text, _dropped = pdf_reader.assemble([page_one, page_two])
    assert text.split("\n\n")[1] == (
        "Value\tProcedure\nUp to 500\tOne quotation\n5,000 to 50,000\tOpen tender\n"
        "Over 50,000\tFull council approval\nOver 500,000\tCouncil and audit"
    )
