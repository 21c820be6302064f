"""A table of one row is a table: the reader knows it read a table (a web page's <table>
or <dl>, a Word table) and hands it on as one, whatever its row count. Written as one
tab-separated line, the parser read it as a paragraph or a cross-heading and the cell
boundary was lost. A .txt line with one tab in it stays text (a tab is no table there)."""

from __future__ import annotations

import docx
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses, iter_tables
from clausemark.readers import html as html_reader
from clausemark.render.markdown_writer import render_document

HALL = """<html><body><main><h1>Village Hall Hire Rules</h1>
<h2>1. Charges</h2>
<p>1.1 The charge for the main hall is:</p>
<table><tr><td>Evening session</td><td>£40 an hour</td></tr></table>
<p>1.2 Deposits are returned within a week.</p>
<h2>2. Terms used</h2>
<dl><dt>Hirer</dt><dd>The person who signs the booking form.</dd></dl>
<p>2.1 A hirer must be over eighteen.</p>
<h2>3. Keys</h2>
<table><tr><td>Key holder</td><td>Caretaker</td><td>01234 000000</td></tr></table>
</main></body></html>"""


def _cells(document) -> list[tuple[list[str], list[list[str]]]]:
    return [(table.header, table.rows) for table in iter_tables(document.blocks)]


def test_a_web_table_and_a_definitions_list_of_one_row_stay_tables(tmp_path, clauses_of):
    source = html_reader.read(HALL.encode(), "hall.html")
    rows = [n for n, line in enumerate(source.text.split("\n"), 1) if "\t" in line]
    assert set(rows) == set(source.table_lines) and len(rows) == 3
    path = tmp_path / "hall.html"
    path.write_text(HALL, encoding="utf-8")
    document = convert_file(path)
    assert _cells(document) == [
        (["", ""], [["Evening session", "£40 an hour"]]),
        (["", ""], [["Hirer", "The person who signs the booking form."]]),
        (["", "", ""], [["Key holder", "Caretaker", "01234 000000"]]),
    ]
    clauses = clauses_of(document)
    assert [t.rows for t in clauses["1.1"].tables] == [[["Evening session", "£40 an hour"]]]
    assert clauses["1.2"].text == "Deposits are returned within a week."
    page = render_document(document)
    assert "| Evening session | £40 an hour |" in page
    assert "| Hirer | The person who signs the booking form. |" in page
    assert "Item" not in page  # no invented column names over a plain table
    assert "Hirer The person" not in page and "## Key holder" not in page
    assert not [w for w in document.warnings if w.code == "lost-words"]


def test_a_word_table_of_one_row_stays_a_table(tmp_path, clauses_of):
    made = docx.Document()
    made.add_paragraph("Allotment Rules", style="Title")
    made.add_paragraph("1. Rents", style="Heading 1")
    made.add_paragraph("1.1 The yearly rent of a full plot is:")
    grid = made.add_table(rows=1, cols=2)
    grid.cell(0, 0).text = "Full plot"
    grid.cell(0, 1).text = "£30"
    made.add_paragraph("1.2 Rent is due on the first of October.")
    path = tmp_path / "allotments.docx"
    made.save(str(path))
    document = convert_file(path)
    assert _cells(document) == [(["", ""], [["Full plot", "£30"]])]
    clauses = clauses_of(document)
    assert [t.rows for t in clauses["1.1"].tables] == [[["Full plot", "£30"]]]
    assert set(clauses) == {"1.1", "1.2"}


def test_a_text_line_with_one_tab_stays_text(tmp_path):
    path = tmp_path / "rules.txt"
    path.write_text(
        "Allotment Rules\n\n1. Rents\n\n1.1 The yearly rent is due\tin October.\n",
        encoding="utf-8",
    )
    document = convert_file(path)
    assert _cells(document) == []
    [clause] = [clause for clause, *_ in iter_clauses(document.blocks)]
    assert clause.text == "The yearly rent is due in October."


def test_a_table_laying_out_numbered_clauses_still_gives_the_clauses(tmp_path):
    """Number | text tables (clauses drawn in a table, one or several rows) stay clauses:
    only what would have become a plain line is kept as a table."""
    page = """<html><body><main><h1>Standing Orders</h1><h2>1. Meetings</h2><table>
    <tr><td>1.1</td><td>The council meets monthly.</td></tr>
    <tr><td>1.2</td><td>The chair presides.</td></tr></table>
    <h2>2. Votes</h2><table><tr><td>2.1</td><td>Members vote by a show of hands.</td></tr>
    </table></main></body></html>"""
    path = tmp_path / "orders.html"
    path.write_text(page, encoding="utf-8")
    document = convert_file(path)
    assert [c.anchor for c, *_ in iter_clauses(document.blocks)] == [
        "sec_1__para_1-1",
        "sec_1__para_1-2",
        "sec_2__para_2-1",
    ]
    assert _cells(document) == []
    made = docx.Document()
    made.add_paragraph("Standing Orders", style="Title")
    made.add_paragraph("1. Meetings", style="Heading 1")
    grid = made.add_table(rows=2, cols=2)
    for row, (number, text) in enumerate([("1.1", "The council meets."), ("1.2", "It votes.")]):
        grid.cell(row, 0).text, grid.cell(row, 1).text = number, text
    path = tmp_path / "orders.docx"
    made.save(str(path))
    clauses = [(c.number, c.text) for c, *_ in iter_clauses(convert_file(path).blocks)]
    assert clauses == [("1.1", "The council meets."), ("1.2", "It votes.")]


def test_a_ruled_pdf_table_of_one_row_stays_a_table(tmp_path, clauses_of):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    grid = Table([["Evening session", "£40 an hour"]], colWidths=[200, 200])
    grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    path = tmp_path / "hall.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [
            Paragraph("Hall Hire Rules", styles["Title"]),
            Paragraph("1. Charges", styles["Heading1"]),
            Paragraph("1.1 The hire charge for the main hall is:", styles["Normal"]),
            grid,
            Paragraph("1.2 Deposits are returned within a week.", styles["Normal"]),
        ]
    )
    document = convert_file(path)
    clauses = clauses_of(document)
    assert [t.rows for t in clauses["1.1"].tables] == [[["Evening session", "£40 an hour"]]]
    assert clauses["1.2"].text == "Deposits are returned within a week."
