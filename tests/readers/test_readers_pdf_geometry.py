"""PDF read by geometry: a protocol Chromium prints on narrow pages gives the document
its text file gives (tests/narrow_pdf.py: our own invented wording, printed here)."""

from __future__ import annotations

import re

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import Clause, Heading, Note, Section, Table
from clausemark.readers import pdf as pdf_reader
from clausemark.readers.pdf import Line, Page, styled_join
from narrow_pdf import (
    BLOCKS,
    ORDERS,
    ORDERS_TITLE,
    TITLE,
    print_narrow,
    protocol_html,
    protocol_text,
)

# (page width in mm, tables ruled, numbers in a hanging indent)
LAYOUTS = [
    (100, True, False),
    (100, False, False),
    (100, True, True),
    (100, False, True),
    (120, False, True),
    (120, True, False),
]


def _name(layout) -> str:
    width, ruled, hanging = layout
    return f"{width}mm-{'ruled' if ruled else 'unruled'}-{'hanging' if hanging else 'inline'}"


@pytest.fixture(scope="module")
def printed(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("narrow")
    text = folder / "protocol.txt"
    text.write_text(protocol_text(), encoding="utf-8")
    paths = {}
    for layout in LAYOUTS:
        width, ruled, hanging = layout
        path = folder / f"{_name(layout)}.pdf"
        path.write_bytes(print_narrow(browser, protocol_html(ruled=ruled, hanging=hanging), width))
        paths[layout] = path
    return text, paths


def shape(document):
    """What a reader of the page sees: every heading, clause (number, parent, words with
    their emphasis), note and table, in order, and the title."""
    out = []

    def walk(blocks, parent):
        for block in blocks:
            if isinstance(block, Section):
                out.append(("section", block.heading.number, block.heading.title))
                walk(block.blocks, None)
            elif isinstance(block, Heading):
                out.append(("heading", block.number, block.title))
            elif isinstance(block, Clause):
                out.append(("clause", block.number, parent, block.text, block.paragraphs))
                walk(block.tables, block.number)
                walk(block.children, block.number)
            elif isinstance(block, Table):
                out.append(("table", block.kind, block.header, block.rows))
            elif isinstance(block, Note):
                out.append(("note", block.text))

    walk(document.blocks, None)
    return document.metadata.title, out


@pytest.mark.parametrize("layout", LAYOUTS, ids=_name)
def test_a_narrow_print_gives_the_document_its_text_gives(printed, layout):
    text, paths = printed
    want_title, want = shape(convert_file(text))
    got_title, got = shape(convert_file(paths[layout]))
    assert got_title == want_title == TITLE  # three lines of large type, one title
    assert got == want
    numbers = [item[1] for item in got if item[0] == "clause"]
    assert numbers == [b.number for b in BLOCKS if b.kind == "clause" and b.number]
    tables = [item for item in got if item[0] == "table"]
    assert [t[1] for t in tables] == ["version-history", "table"]


@pytest.mark.parametrize("layout", LAYOUTS, ids=_name)
def test_the_fixture_is_what_it_claims(printed, layout):
    """The print really wraps the title over three lines or more, starts wrapped lines
    with numbers, wraps table cells, and sets words in bold and italic."""
    _text, paths = printed
    pages = pdf_reader._extract(paths[layout].read_bytes(), "narrow.pdf")
    lines = [line for page in pages for line in page.lines]
    title_size = lines[0].size
    assert len([ln for ln in lines if abs(ln.size - title_size) < 0.1]) >= 3
    starts = {f"{b.number} " for b in BLOCKS if b.number}
    wrapped_numbers = [
        ln.text
        for ln in lines
        if re.match(r"\d+(\.\d+)? ", ln.text) and not any(ln.text.startswith(s) for s in starts)
    ]
    assert wrapped_numbers, "no wrapped line begins with a number"
    WRAPPED_NUMBERS[layout] = len(wrapped_numbers)
    cells = [part for ln in lines for part in ln.text.split("\t")]
    assert "Matter" in cells and not any("who reports it to the next meeting" in c for c in cells)
    styles = "".join(ln.styles for ln in lines)
    assert str(pdf_reader.BOLD) in styles and str(pdf_reader.ITALIC) in styles


WRAPPED_NUMBERS: dict = {}

# Another document in other type: sans serif, justified, on A5 and narrower pages.
ORDERS_LAYOUTS = {
    "a5-serif-ruled": (148, "", True, False),
    "110mm-sans-justified-hanging": (
        110,
        "body{font-family:'DejaVu Sans',sans-serif;font-size:9.5pt;text-align:justify}"
        "p{margin:0 0 6pt}",
        True,
        True,
    ),
    "125mm-cells-centred-unruled": (125, "td,th{vertical-align:middle}", False, True),
}


@pytest.mark.parametrize("name", ORDERS_LAYOUTS)
def test_standing_orders_in_other_type_too(browser, tmp_path, name):
    width, style, ruled, hanging = ORDERS_LAYOUTS[name]
    text = tmp_path / "orders.txt"
    text.write_text(protocol_text(ORDERS, ORDERS_TITLE), encoding="utf-8")
    page = protocol_html(ORDERS, ruled=ruled, hanging=hanging, title=ORDERS_TITLE, style=style)
    printed = tmp_path / "orders.pdf"
    printed.write_bytes(print_narrow(browser, page, width))
    want_title, want = shape(convert_file(text))
    got_title, got = shape(convert_file(printed))
    assert got_title == want_title == ORDERS_TITLE
    assert got == want


def test_many_wrapped_lines_begin_with_numbers(printed):
    for layout in LAYOUTS:
        if layout not in WRAPPED_NUMBERS:
            test_the_fixture_is_what_it_claims(printed, layout)
    assert sum(WRAPPED_NUMBERS.values()) >= 10


def test_the_old_reader_failed_on_these_prints(printed):
    """What the issue reported, kept as the measure: line-start numbers became clauses."""
    _text, paths = printed
    text = pdf_reader.read(paths[LAYOUTS[0]].read_bytes(), "narrow.pdf").text
    assert "in accordance with paragraph 2.1 and paragraph 3.4" in text
    assert not re.search(r"^(5\.1|4\.1|2\.1) of ", text, re.M)


def _line(text, x0, x1, bottom, size=10.0, first_word=None, styles=""):
    first = first_word if first_word is not None else 0.55 * size * len(text.split()[0])
    return Line(text, x0, x1, bottom - size, bottom, size, styles=styles, first_word=first)


def test_a_wrapped_line_that_begins_with_a_number_goes_on_unless_broken_or_spaced():
    page = Page(300, 400)
    page.lines = [
        _line("1.1 Members act in accordance with paragraph", 30, 268, 100),
        _line("5.1 of the Members' Code and the law.", 30, 200, 112),
        _line("1.2 Officers advise members on the law and on", 30, 270, 124),
        _line("the procedure of the meeting.", 30, 160, 136),
        _line("1.3 The clerk keeps the minutes.", 30, 180, 160),  # after a gap
    ]
    text, _dropped = pdf_reader.assemble([page])
    assert text.split("\n\n") == [
        "1.1 Members act in accordance with paragraph 5.1 of the Members' Code and the law.",
        "1.2 Officers advise members on the law and on the procedure of the meeting.",
        "1.3 The clerk keeps the minutes.\n",
    ]


def test_a_line_broken_before_the_edge_ends_its_paragraph():
    """No spacing between paragraphs: the break is the writer's where the next line's
    first word would have fitted on the line before."""
    page = Page(300, 400)
    page.lines = [
        _line("2.1 The chair opens the meeting and reads the", 30, 270, 100),
        _line("notice aloud.", 30, 100, 112),
        _line("2.2 The clerk reads the minutes of the meeting", 30, 268, 124),
        _line("held before.", 30, 95, 136),
    ]
    text, _dropped = pdf_reader.assemble([page])
    assert text.rstrip("\n").split("\n\n") == [
        "2.1 The chair opens the meeting and reads the notice aloud.",
        "2.2 The clerk reads the minutes of the meeting held before.",
    ]


def test_bold_and_italic_become_markdown_around_the_words():
    b, i, o = str(pdf_reader.BOLD), str(pdf_reader.ITALIC), "0"
    line = "Members must act with care, in public."
    styles = o * 8 + b * 4 + o * 10 + i * 4 + o * (len(line) - 26)
    assert styled_join([(line, styles)], set()) == "Members **must** act with *care*, in public."
    # across a line end, and a hyphen the printer added inside the run
    lines = [("the arrange\u2010", o * 4 + i * 8), ("ments made", i * 5 + o * 5)]
    assert styled_join(lines, set()) == "the *arrangements* made"
    # a heading set wholly in bold is not emphasis; a number in front stays plain
    assert styled_join([("1. Purpose", b * 10)], set()) == "1. Purpose"
    assert styled_join([("1.1 Members must", b * 4 + o * 8 + b * 4)], set()) == (
        "1.1 Members **must**"
    )


def test_an_aligned_table_with_wrapping_cells_is_read_cell_by_cell():
    page = Page(300, 400)

    def row(left, right, bottom, x_right=160):
        text = "\t".join(t for t in (left, right) if t)
        spans = [(30, 30 + 5 * len(left))] * bool(left) + [
            (x_right, x_right + 5 * len(right))
        ] * bool(right)
        x0 = 30 if left else x_right
        return Line(text, x0, spans[-1][1], bottom - 10, bottom, 10.0, spans=spans)

    page.lines = [
        _line("The table shows who decides.", 30, 170, 80),
        row("Matter", "Who decides", 100),
        row("A request for a site", "The chair, after asking", 118),
        row("visit", "the clerk", 130),
        row("A change of date", "The clerk", 148),
        _line("Every decision is recorded in the minutes of the next meeting.", 30, 280, 172),
    ]
    text, _dropped = pdf_reader.assemble([page])
    blocks = text.split("\n\n")
    assert blocks[1] == (
        "Matter\tWho decides\nA request for a site visit\tThe chair, after asking the clerk\n"
        "A change of date\tThe clerk"
    )
    assert blocks[2].startswith("Every decision")


@pytest.mark.build  # a whole-size CPU ratio: runs with the builds
def test_reading_by_geometry_is_linear():
    """Pages of paragraphs and aligned tables: CPU time at 2n pages about twice n's."""

    def pages(count):
        out = []
        for number in range(count):
            page = Page(300, 800)
            bottom = 40.0
            for item in range(12):
                page.lines.append(
                    _line(f"{item + 1}.{number} Members act under paragraph", 30, 268, bottom)
                )
                page.lines.append(_line("5.1 of the code, and so on.", 30, 150, bottom + 12))
                bottom += 36
                text = f"Cell {item}\tThe officer who decides {number}"
                spans = [(30.0, 80.0), (160.0, 260.0)]
                page.lines.append(Line(text, 30, 260, bottom - 10, bottom, 10.0, spans=spans))
                bottom += 16
            page.rules = [(30.0, b, 270.0, b + 0.5) for b in range(40, 700, 7)]
            out.append(page)
        return out

    from hostile_files import assert_linear_cpu

    pdf_reader.assemble(pages(20))  # warm up
    assert_linear_cpu(pdf_reader.assemble, pages(100), pages(200), limit=3.0)


def test_a_block_indented_on_the_right_is_not_cut_into_lines():
    """A quotation set in from both margins: its lines end short of the page's edge,
    but the next line never shows that its first word would have fitted."""
    page = Page(300, 400)
    page.lines = [
        _line("3.1 The code says this about gifts and hospitality that", 30, 270, 100),
        _line("members are offered:", 30, 130, 112),
        _line("a member must register any gift or", 60, 238, 130),
        _line("hospitality worth more than fifty", 60, 236, 142),
        _line("pounds within twenty-eight days", 60, 232, 154),
        _line("of receiving it.", 60, 130, 166),
        _line("3.2 The clerk keeps the register of gifts and hospitality.", 30, 268, 184),
    ]
    text, _dropped = pdf_reader.assemble([page])
    assert text.rstrip("\n").split("\n\n") == [
        "3.1 The code says this about gifts and hospitality that members are offered:",
        "a member must register any gift or hospitality worth more than fifty pounds within "
        "twenty-eight days of receiving it.",
        "3.2 The clerk keeps the register of gifts and hospitality.",
    ]


def test_a_line_of_nothing_but_white_space_is_no_line():
    """pdf.js's issue5564 file draws a lone tab: no line, no crash."""
    from clausemark.readers.pdf_extract import _group_lines

    box = (10.0, 100.0, 14.0, 110.0)
    assert _group_lines([("\t", box, 10.0, 700.0, 0)], 800.0) == []


def test_pdfjs_white_space_only_file_is_one_line_not_a_crash(tmp_path):
    from pathlib import Path

    from clausemark.readers.text import SourceError

    corpus = Path(__file__).resolve().parent.parent / "corpus" / "pdfjs" / "test" / "pdfs"
    raw = (corpus / "issue5564_reduced.pdf").read_bytes()
    with pytest.raises(SourceError, match="issue5564_reduced.pdf: this PDF has no text layer"):
        pdf_reader.read(raw, "issue5564_reduced.pdf")


def test_numbered_paragraphs_between_rules_are_not_a_table():
    """Hanging numbers between two horizontal rules (a box, a page's separators) look
    like two columns; with no column borders they stay paragraphs."""
    page = Page(300, 400)

    def hanging(number, text, bottom):
        return Line(
            f"{number}\t{text}",
            30,
            260,
            bottom - 10,
            bottom,
            10.0,
            spans=[(30.0, 45.0), (64.0, 260.0)],
        )

    page.lines = [
        hanging("4.1", "The clerk keeps the minutes of every meeting.", 100),
        hanging("4.2", "The chair signs them at the next meeting.", 130),
        hanging("4.3", "Members may read them at the council offices.", 160),
    ]
    page.rules = [
        (28.0, 85.0, 272.0, 85.5),
        (28.0, 145.0, 272.0, 145.5),
        (28.0, 170.0, 272.0, 170.5),
    ]
    text, _dropped = pdf_reader.assemble([page])
    assert text.rstrip("\n").split("\n\n") == [
        "4.1 The clerk keeps the minutes of every meeting.",
        "4.2 The chair signs them at the next meeting.",
        "4.3 Members may read them at the council offices.",
    ]
