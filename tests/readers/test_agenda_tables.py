"""An agenda laid out as a table, the item's number in the first cell and its title over a
paragraph in the second (trial14 F1: a saved web page; the same typed in Word): the items it
lists, each citable, each title and paragraph as the page shows them; a table of other
things stays a table. Own wording throughout."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import (
    Document,
    Section,
    iter_clauses,
    iter_headings,
    iter_notes,
    iter_tables,
)
from clausemark.render.markdown_writer import render_document
from format_fixtures import WordParts, build_docx, para, run

AGENDA = """<!DOCTYPE html>
<html><head><title>Estates Committee agenda - Wrenhallow Town Council</title></head>
<body>
<div id="content">
<h1>Estates Committee agenda</h1>
<table class="items">
<tr><td>1</td><td>Apologies<p>To note the apologies sent to the clerk.</p></td></tr>
<tr><td>2</td><td>Minutes<p>To confirm the notes of the March meeting.</p></td></tr>
<tr><td>3</td><td>Interests<p>Members to say whether they hold an interest.</p></td></tr>
<tr><td>6</td><td>Allotments</td></tr>
<tr><td>6a</td><td>Water supply<p>Quote from the plumber for two new standpipes.</p></td></tr>
<tr><td>6b</td><td>Hedges<p>Cutting the boundary hedge before nesting begins.</p></td></tr>
</table>
</div>
<div id="footer">Wrenhallow Town Council, Market Hall, Wrenhallow</div>
</body></html>
"""


def _convert(tmp_path: Path, page: str) -> Document:
    path = tmp_path / "agenda.html"
    path.write_text(page, encoding="utf-8")
    return convert_file(path)


def _ids(blocks) -> list[str]:
    """Every section's and clause's id, in reading order."""
    found: list[str] = []
    for block in blocks:
        if isinstance(block, Section):
            found.append(block.heading.anchor)
            found += _ids(block.blocks)
        elif hasattr(block, "children"):
            found += [clause.anchor for clause, *_ in iter_clauses([block])]
    return found


def test_an_agenda_table_is_its_items_each_citable(tmp_path):
    """Before, 6a and 6b stayed rows of a table (no anchors): 'item 6a' could not be cited.
    Now each row is an item: 1-3 are titles over their own paragraph (R8: sec_N), 6 a
    title right over its inserted items 6a, 6b, which are its sub-items (R30)."""
    document = _convert(tmp_path, AGENDA)
    assert _ids(document.blocks) == [
        "sec_1",
        "sec_2",
        "sec_3",
        "sec_6",
        "sec_6__para_6a",
        "sec_6__para_6b",
    ]
    assert list(iter_tables(document.blocks)) == []
    titles = {h.anchor: h.title for h in iter_headings(document.blocks)}
    assert titles["sec_6"] == "Allotments"


def test_an_items_title_and_its_paragraph_stay_apart(tmp_path):
    """Before, a cell's title ran into its paragraph: 'Apologies To note the apologies'."""
    document = _convert(tmp_path, AGENDA)
    written = render_document(document)
    assert "Apologies To note" not in written and "Water supply Quote" not in written
    headings = {h.anchor: h.title for h in iter_headings(document.blocks)}
    assert headings["sec_1"] == "Apologies"
    notes = [note.text for note, _ in iter_notes(document.blocks)]
    assert "To note the apologies sent to the clerk." in notes
    clauses = {clause.anchor: clause for clause, *_ in iter_clauses(document.blocks)}
    water = clauses["sec_6__para_6a"]
    assert water.text == "Water supply"
    assert water.paragraphs == ["Quote from the plumber for two new standpipes."]


def test_the_pages_footer_is_no_items_text(tmp_path):
    """Before, the page's footer line was written under the last item (in its section)."""
    document = _convert(tmp_path, AGENDA)
    clauses = {clause.anchor: clause for clause, *_ in iter_clauses(document.blocks)}
    hedges = clauses["sec_6__para_6b"]
    assert "Market Hall" not in " ".join([hedges.text, *hedges.paragraphs, *hedges.tail])
    assert "Market Hall" not in " ".join(note.text for note, _ in iter_notes(document.blocks))
    # left out as the page's frame, and said so (an INFO line of the drop report)
    assert any("Market Hall" in dropped.text for dropped in document.dropped)


def _rows(*rows: tuple[str, str], head: tuple[str, str] | None = None) -> str:
    header = f"<tr><th>{head[0]}</th><th>{head[1]}</th></tr>" if head else ""
    body = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows)
    return (
        "<html><body><h1>Committees</h1><p>The quorum of each committee is set out here.</p>"
        f"<table>{header}{body}</table><p>The clerk keeps the list.</p></body></html>"
    )


@pytest.mark.parametrize(
    ("rows", "head"),
    [
        ([("Planning", "5"), ("Licensing", "3")], None),  # names and numbers: issue 23's
        ([("1", "£35"), ("2", "£60")], None),  # a number and a value: a table of fees (R28)
        ([("1", "Planning"), ("2", "Licensing")], ("No.", "Committee")),  # a header row
    ],
    ids=["committee-quorum", "fees", "headed"],
)
def test_a_table_of_other_things_stays_a_table(tmp_path, rows, head):
    (table,) = list(iter_tables(_convert(tmp_path, _rows(*rows, head=head)).blocks))
    kept = [row for row in [table.header, *table.rows] if any(row)]
    assert kept == [list(row) for row in ([head] if head else []) + rows]
    assert table.header_shown == (head is not None) or not any(table.header)


MIXED = """<html><body><h1>Village Meeting Agenda</h1>
<table>
<tr><td>1</td><td>To note apologies for absence.</td></tr>
<tr><td>2</td><td>To sign the minutes of the last meeting.</td></tr>
<tr><td>Note</td><td>Items may be taken in any order.</td></tr>
<tr><td>Venue</td><td>The Old School Room.</td></tr>
</table></body></html>
"""


def test_rows_left_after_the_items_get_no_invented_header_row(tmp_path):
    """A table of <td>s prints no row of headings: when its numbered rows are read as
    items, the rows left are a table whose first row is a row, not drawn as headings."""
    document = _convert(tmp_path, MIXED)
    assert [clause.anchor for clause, *_ in iter_clauses(document.blocks)] == ["para_1", "para_2"]
    (table,) = list(iter_tables(document.blocks))
    assert not table.header_shown
    assert [table.header, *table.rows][-2:] == [
        ["Note", "Items may be taken in any order."],
        ["Venue", "The Old School Room."],
    ]


def _word_cell(*paragraphs: str) -> str:
    return "<w:tc>" + "".join(para(run(text)) for text in paragraphs) + "</w:tc>"


def test_an_agenda_typed_as_a_word_table_is_its_items_too(tmp_path):
    """The same layout in a .docx: before, 6a and 6b were table rows and each title ran
    into its paragraph ('Apologies To note ...')."""
    rows = [
        ("1", "Apologies", "To note the apologies sent to the clerk."),
        ("2", "Minutes", "To confirm the notes of the March meeting."),
        ("6", "Allotments"),
        ("6a", "Water supply", "Quote from the plumber for two new standpipes."),
        ("6b", "Hedges", "Cutting the boundary hedge before nesting begins."),
    ]
    table = "".join(f"<w:tr>{_word_cell(row[0])}{_word_cell(*row[1:])}</w:tr>" for row in rows)
    body = [para(run("Estates Committee agenda"), style="Title"), f"<w:tbl>{table}</w:tbl>"]
    path = tmp_path / "agenda.docx"
    path.write_bytes(build_docx(WordParts(body=body)))
    document = convert_file(path)
    assert _ids(document.blocks) == ["sec_1", "sec_2", "sec_6", "sec_6__para_6a", "sec_6__para_6b"]
    assert list(iter_tables(document.blocks)) == []
    clauses = {clause.anchor: clause for clause, *_ in iter_clauses(document.blocks)}
    assert clauses["sec_6__para_6a"].text == "Water supply"
    assert clauses["sec_6__para_6a"].paragraphs == [
        "Quote from the plumber for two new standpipes."
    ]


def test_a_footer_div_holding_the_texts_own_clauses_is_kept(tmp_path):
    """attack16 X2 on c09e6df: a '<div id="footer">' around the minutes' own '2. Minutes'
    was left out as the page's frame. A footer holding a numbered line is the text's."""
    page = (
        "<html><body><h1>Minutes</h1><p>1. Apologies</p><p>None.</p>"
        '<div id="footer"><p>2. Minutes</p><p>Approved, signed by the chair.</p></div>'
        "<p>3. Close</p></body></html>"
    )
    document = _convert(tmp_path, page)
    written = render_document(document)
    assert "Approved, signed by the chair." in written and not document.dropped


def test_a_tallys_counts_are_no_list_of_items(tmp_path):
    """attack16 X2 on c09e6df: '5 | For', '2 | Against' read as items (R29: a tally's
    counts never are): numbers that do not go up are no list, the reader keeps the table
    for the parser's rules."""
    from clausemark.readers.layout import listed_items

    tally = [[["5"], ["For"]], [["2"], ["Against"]], [["1"], ["Abstained"]]]
    assert listed_items(tally) is None
    agenda = [[["6"], ["Allotments"]], [["6a"], ["Water supply"]], [["7"], ["Close"]]]
    assert [number for number, _ in listed_items(agenda) or []] == ["6", "6a", "7"]
