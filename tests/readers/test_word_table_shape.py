"""A Word table keeps the shape Word lays it out in: a cell merged across columns
(w:gridSpan) fills them, columns a row skips (w:gridBefore, w:gridAfter) stay empty,
a cell merged down (w:vMerge) shows where it starts and every word is kept; its first
row is the header when marked to repeat (w:tblHeader) or left to the table's look
(w:tblLook firstRow off: printed as a row). Checked on my own tables and against
pandoc's readings (.native) of its own test files (tests/corpus/LICENSES-pandoc.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import iter_tables
from clausemark.readers import docx as docx_reader
from format_fixtures import WordParts, build_docx, para

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
EMPTY = "\u00a0"  # an empty cell, as the reader writes it (layout.EMPTY_CELL)
MOST_COLUMNS = 63  # Word's own limit on a table's columns (readers/word_tables.py)


def cell(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{para(text) if text else '<w:p/>'}</w:tc>"


def row(*cells: str, props: str = "") -> str:
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def table(*rows: str, look: str = "") -> str:
    return f"<w:tbl><w:tblPr>{look}</w:tblPr>{''.join(rows)}</w:tbl>"


SPAN2, SPAN3 = '<w:gridSpan w:val="2"/>', '<w:gridSpan w:val="3"/>'
DOWN, ON = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
HEADER = "<w:tblHeader/>"
LOOK_OFF = '<w:tblLook w:val="0400" w:firstRow="0" w:lastRow="0"/>'
LOOK_ON = '<w:tblLook w:val="04A0" w:firstRow="1"/>'

BOOKINGS = table(
    row(cell("Room"), cell("Day"), cell("Session"), cell("Charge"), props=HEADER),
    row(cell("Main hall", DOWN), cell("Monday"), cell("Evening"), cell("40 pounds")),
    row(cell("", ON), cell("Saturday", SPAN2), cell("65 pounds")),
    row(cell("Meeting room"), cell("Any day or session", SPAN3)),
    row(cell("Kitchen"), cell("By arrangement"), props='<w:gridAfter w:val="2"/>'),
    row(cell("Garden"), cell("No charge"), props='<w:gridBefore w:val="2"/>'),
    look=LOOK_OFF,  # marked header row wins over the look
)
PLAIN_FIRST = table(
    row(cell("Deposit"), cell("Returned within 14 days")),
    row(cell("Keys"), cell("Collected from reception")),
    look=LOOK_OFF,
)
HEADED_BY_LOOK = table(
    row(cell("Item"), cell("Amount")),
    row(cell("Hire"), cell("20 pounds")),
    look=LOOK_ON,
)
NO_LOOK = table(row(cell("Term"), cell("Meaning")), row(cell("Hirer"), cell("The person booking")))


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    body = [
        para("Hall Hire Rules", "Title"),
        para("1. Charges are set out below."),
        BOOKINGS,
        para("2. Terms."),
        PLAIN_FIRST,
        para("3. Hire."),
        HEADED_BY_LOOK,
        para("4. Words."),
        NO_LOOK,
    ]
    path = tmp_path_factory.mktemp("shape") / "hall.docx"
    path.write_bytes(build_docx(WordParts(body=body)))
    return convert_file(path)


def test_merged_and_skipped_columns_keep_each_cell_under_its_column(document):
    bookings = next(iter_tables(document.blocks))
    assert bookings.header == ["Room", "Day", "Session", "Charge"]
    assert bookings.header_shown
    assert bookings.rows == [
        ["Main hall", "Monday", "Evening", "40 pounds"],
        ["", "Saturday", "", "65 pounds"],  # "65 pounds" is a charge, not a session
        ["Meeting room", "Any day or session", "", ""],
        ["Kitchen", "By arrangement", "", ""],
        ["", "", "Garden", "No charge"],
    ]
    assert not [w for w in document.warnings if w.code == "lost-words"]


def test_the_header_row_is_the_marked_one_or_the_one_the_look_sets(document):
    tables = list(iter_tables(document.blocks))
    shown = {t.header[0]: t.header_shown for t in tables}
    assert shown == {"Room": True, "Deposit": False, "Item": True, "Term": True}
    plain = next(t for t in tables if t.header[0] == "Deposit")
    assert plain.rows == [["Keys", "Collected from reception"]]  # the first row is a row


def test_a_forged_span_pads_no_more_than_words_columns():
    huge = table(
        row(cell("Name", '<w:gridSpan w:val="1000000000"/>'), cell("Value")),
        row(cell("Odd", '<w:gridSpan w:val="two"/>'), cell("kept")),
        row(cell("x"), cell("y"), props='<w:gridBefore w:val="99999999"/>'),
    )
    source = docx_reader.read(build_docx(WordParts(body=[para("A table."), huge])), "t.docx")
    rows = [line.split("\t") for line in source.text.splitlines() if "\t" in line]
    assert len(rows) == 3 and all(len(r) <= MOST_COLUMNS + 2 for r in rows)  # + its cells
    assert rows[1][:2] == ["Odd", "kept"]  # a span that is no number is one column
    for word in ("Name", "Value", "Odd", "kept", "x", "y"):
        assert word in source.text


def _native_rows(name: str) -> list[list[str]]:
    """pandoc's reading of one of its test files: each row's cells, a cell spanning n
    columns as its words then n - 1 empty ones (the .native's ColSpan)."""
    native = (CORPUS / "pandoc/test/docx" / f"{name}.native").read_text(encoding="utf-8")
    rows = []
    for part in native.split("Row\n")[1:]:
        cells = []
        for span, inner in re.findall(r"\(ColSpan (\d+)\)\s*\[(.*?)\]\s*\n\s*[,\]]", part, re.S):
            words = " ".join(re.findall(r'Str "([^"]*)"', inner))
            cells += [words] + [""] * (int(span) - 1)
        if any(cells):  # a row of empty cells shows nothing: the reader writes none
            rows.append(cells)
    return rows


def _reader_rows(name: str) -> list[list[str]]:
    path = CORPUS / "pandoc/test/docx" / f"{name}.docx"
    text = docx_reader.read(path.read_bytes(), path.name).text
    rows = []
    for line in text.splitlines():
        if "\t" in line:
            cells = [re.sub(r"\*+", "", c).replace(EMPTY, "").strip() for c in line.split("\t")]
            rows.append(cells)
    return rows


@pytest.mark.parametrize("name", ["table_gridbefore", "table_variable_width"])
def test_pandocs_spanned_tables_read_in_the_columns_pandoc_reads(name):
    """pandoc's .native gives each cell's column span; every row here puts each
    cell's words in the column pandoc does (a word cut by a space compared whole)."""
    native = _native_rows(name)
    ours = _reader_rows(name)
    assert len(ours) == len(native)
    for got, expected in zip(ours, native, strict=True):
        squeeze = [" ".join(c.split()) for c in got]
        assert [c.split(" ")[0] for c in squeeze] == [c.split(" ")[0] for c in expected]


def test_pandocs_tables_with_and_without_a_header_row_read_as_pandoc_reads_them():
    """pandoc's tables.docx: its first table has a header row, the next two none;
    table_one_row.docx: none (each .native's TableHead)."""
    for name, expected in (("tables", [True, False, False]), ("table_one_row", [False])):
        native = (CORPUS / "pandoc/test/docx" / f"{name}.native").read_text(encoding="utf-8")
        heads = re.findall(
            r"\(TableHead\s*\(\s*\"\"\s*,\s*\[\]\s*,\s*\[\]\s*\)\s*\[\s*(\S)", native
        )
        assert [h == "R" for h in heads] == expected
        document = convert_file(CORPUS / "pandoc/test/docx" / f"{name}.docx")
        assert [t.header_shown for t in iter_tables(document.blocks)] == expected
