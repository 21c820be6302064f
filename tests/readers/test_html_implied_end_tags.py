"""A web page may leave out the end tags HTML says are optional: `</td>`, `</th>`,
`</tr>`, `</dt>`, `</dd>` (hand-written and older council pages do). A browser closes
the open cell when the next cell starts, and the open row when the next row or table
section starts; the reader does the same, so each row keeps its own cells in the order
printed. Before: each unclosed cell held the next, and the whole table came out as one
row with its cells in reverse order.
"""

from __future__ import annotations

from clausemark.readers import html

QUORUM = """<!doctype html><html><body><main>
<p>1. Scope</p>
<p>1.1 The quorum of each committee is:</p>
<table>
<thead><tr><th>Committee<th>Quorum
<tbody>
<tr><td>Planning<td>5
<tr><td>Licensing<td>3
</table>
<p>1.2 Words after the table.</p>
</main></body></html>"""


def _rows(page: str) -> list[str]:
    text = html.read(page.encode(), "page.html").text
    return [line for line in text.splitlines() if "\t" in line]


def test_cells_and_rows_left_open_close_as_a_browser_closes_them():
    assert _rows(QUORUM) == ["Committee\tQuorum", "Planning\t5", "Licensing\t3"]


def test_a_table_left_open_at_the_end_keeps_its_rows_in_order():
    page = "<html><body><table><tr><td>one<td>two<tr><td>three<td>four"
    assert _rows(page) == ["one\ttwo", "three\tfour"]


def test_a_table_in_an_open_cell_keeps_its_own_cells():
    page = (
        "<html><body><table><tr><td>outer one<td><table><tr><td>inner one<td>inner two"
        "</table><td>outer three<tr><td>outer four<td>outer five</table>"
    )
    text = html.read(page.encode(), "page.html").text
    # a cell holding a table makes the outer one a layout table, read as text in order
    assert [line for line in text.splitlines() if line] == [
        "outer one", "inner one\tinner two", "outer three", "outer four", "outer five",
    ]  # fmt: skip


def test_terms_and_definitions_left_open_pair_up():
    page = "<html><body><dl><dt>Quorum<dd>A third of the members<dt>Chair<dd>The mayor</dl>"
    assert _rows(page) == ["Quorum\tA third of the members", "Chair\tThe mayor"]
