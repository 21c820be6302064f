"""Tables with merged cells, as councils draw thresholds and delegations: a cell over
several rows (HTML rowspan, Word's vertical merge) or columns (colspan, Word's gridSpan)
keeps every row in the table, each cell in its column; the table was cut at the first
merged row and its other rows became headings and loose paragraphs."""

from __future__ import annotations

import docx
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses, iter_tables
from clausemark.readers import html_tables

POWERS = """<html><body><main><h1>Highways Delegations</h1><h2>3. Powers</h2><table>
<tr><th>Officer</th><th>Power</th><th>Limit</th></tr>
<tr><td rowspan="3">Head of Streets</td><td>Close a lane</td><td>7 days</td></tr>
<tr><td>Grant a skip licence</td><td rowspan="2">One year</td></tr>
<tr><td>Vary a skip licence</td></tr>
<tr><td colspan="3">Every power is used within the budget.</td></tr>
<tr><td>Chief Executive</td><td colspan="2">Any power in an emergency</td></tr>
</table><p>3.1 Powers are used in the Council's name.</p></main></body></html>"""


def test_a_web_pages_merged_cells_keep_every_row_in_its_columns(tmp_path):
    path = tmp_path / "powers.html"
    path.write_text(POWERS, encoding="utf-8")
    document = convert_file(path)
    [table] = list(iter_tables(document.blocks))
    assert table.header == ["Officer", "Power", "Limit"]
    assert table.rows == [
        ["Head of Streets", "Close a lane", "7 days"],
        ["", "Grant a skip licence", "One year"],
        ["", "Vary a skip licence", ""],
        ["Every power is used within the budget.", "", ""],
        ["Chief Executive", "Any power in an emergency", ""],
    ]
    assert [clause.anchor for clause, *_ in iter_clauses(document.blocks)] == ["sec_3__para_3-1"]


def test_a_word_tables_merged_cells_keep_every_row(tmp_path):
    made = docx.Document()
    made.add_paragraph("Skip Licences", style="Title")
    made.add_paragraph("1. Fees", style="Heading 1")
    grid = made.add_table(rows=4, cols=2)
    for (row, column), text in {
        (0, 0): "Licence",
        (0, 1): "Fee",
        (1, 0): "Skip on a road",
        (1, 1): "£40 a week",
        (2, 1): "£60 after four weeks",
    }.items():
        grid.cell(row, column).text = text
    grid.cell(1, 0).merge(grid.cell(2, 0))  # a vertical merge
    grid.cell(3, 0).merge(grid.cell(3, 1)).text = "No fee for a charity"  # across
    made.add_paragraph("1.1 Fees are paid when the licence is granted.")
    path = tmp_path / "skips.docx"
    made.save(str(path))
    document = convert_file(path)
    [table] = list(iter_tables(document.blocks))
    assert table.rows == [
        ["Skip on a road", "£40 a week"],
        ["", "£60 after four weeks"],
        ["No fee for a charity", ""],
    ]


def test_spans_add_no_more_empty_cells_than_the_cells_read():
    """colspan='1000' on every row: the grid grows linearly, not to a thousand columns."""
    rows = [[f"row {n}"] for n in range(50)]
    spans = [[(1000, 1)] for _ in range(50)]
    laid = html_tables.grid(rows, spans)
    assert sum(len(row) for row in laid) <= 2 * 50
    assert [row[0] for row in laid] == [f"row {n}" for n in range(50)]
