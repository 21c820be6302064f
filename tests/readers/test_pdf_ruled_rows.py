"""A table of one column in a PDF, boxed and ruled across into rows (a list of venues,
of delegated officers), is read row by row: each row its own block, as the page shows
it, never one run-on paragraph. A single ruled box around a paragraph stays that
paragraph, and numbered paragraphs in a ruled box stay numbered paragraphs.

The rules are read on every page (such a table sets nothing apart on a line), so the
walk over a page's objects is linear: CPU time at n and 2n pages, in one process.
"""

from __future__ import annotations

import io

import pytest
from clausemark.convert import convert_file
from clausemark.readers import pdf_extract
from clausemark.render.markdown_writer import render_document
from format_fixtures import print_html
from hostile_files import assert_linear_cpu

CELL = 'style="border: 1px solid black; padding: 4px"'
MARKET = f"""<html><body style="font-family: serif; font-size: 12pt">
<h1>Market Standing Orders</h1>
<h2>1. Venues</h2>
<p>1.1 The market may be held at these venues:</p>
<table style="border-collapse: collapse; width: 60%">
<tr><td {CELL}>the cattle pens by the river</td></tr>
<tr><td {CELL}>the square outside the corn exchange</td></tr>
<tr><td {CELL}>the upper car park on fair days</td></tr>
</table>
<p>1.2 Stalls are let by the day.</p>
<h2>2. Notices</h2>
<div style="border: 1px solid black; padding: 6px; width: 60%">
<p style="margin: 0">2.1 A trader who leaves litter on the pitch may be refused a stall
at the next market and at any market in the following month.</p></div>
<p>2.2 Notices are posted at the gate.</p>
<h2>3. Tolls</h2>
<table style="border-collapse: collapse; width: 70%"><tr><td {CELL}>
<p style="margin: 0">3.1 The toll is paid to the market inspector.</p>
<p style="margin: 0">3.2 A receipt is given for every toll.</p></td></tr>
<tr><td {CELL}>3.3 Tolls are reviewed each April.</td></tr></table>
</body></html>"""


def test_a_boxed_one_column_table_is_read_row_by_row(browser, tmp_path, clauses_of):
    path = tmp_path / "market.pdf"
    path.write_bytes(print_html(browser, MARKET))
    document = convert_file(path)
    clauses = clauses_of(document)
    assert clauses["1.1"].text == "The market may be held at these venues:"
    assert clauses["1.1"].paragraphs == [
        "the cattle pens by the river",
        "the square outside the corn exchange",
        "the upper car park on fair days",
    ]
    assert clauses["1.2"].text == "Stalls are let by the day."
    page = render_document(document)
    assert "\n\nthe cattle pens by the river\n\nthe square outside the corn exchange\n\n" in page
    assert "river the square" not in page
    # a single ruled box around a paragraph: the paragraph, whole
    assert clauses["2.1"].text == (
        "A trader who leaves litter on the pitch may be refused a stall at the next "
        "market and at any market in the following month."
    )
    assert clauses["2.2"].text == "Notices are posted at the gate."
    # numbered paragraphs inside a ruled box: still numbered paragraphs
    assert clauses["3.1"].text == "The toll is paid to the market inspector."
    assert clauses["3.2"].text == "A receipt is given for every toll."
    assert clauses["3.3"].text == "Tolls are reviewed each April."
    assert not [w for w in document.warnings if w.code == "lost-words"]


def _officers_pdf(rows: int) -> bytes:
    """A word processor's boxed one-column grid (ReportLab), `rows` rows, no tabs."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=11, leading=14)
    heading = ParagraphStyle("h", fontName="Times-Bold", fontSize=13, leading=16)
    grid = Table(
        [[f"the officer for district {n}"] for n in range(1, rows + 1)],
        colWidths=[240],
        style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]),
    )
    story = [
        Paragraph("Scheme of Delegation", heading),
        Paragraph("1. Officers", heading),
        Paragraph("1.1 These officers act for the council:", body),
        grid,
        Paragraph("1.2 Each officer keeps a record of decisions.", body),
    ]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return out.getvalue()


def test_a_word_processors_one_column_grid_is_read_row_by_row(tmp_path, clauses_of):
    path = tmp_path / "officers.pdf"
    path.write_bytes(_officers_pdf(3))
    document = convert_file(path)
    clauses = clauses_of(document)
    assert clauses["1.1"].paragraphs == [f"the officer for district {n}" for n in (1, 2, 3)]
    assert clauses["1.2"].text == "Each officer keeps a record of decisions."
    assert "district 1 the officer" not in render_document(document)


@pytest.mark.build  # a whole-size CPU ratio (40 and 80 pages): runs with the builds
def test_rules_on_every_page_are_read_in_linear_time():
    small, large = _officers_pdf(1600), _officers_pdf(3200)
    assert len(pdf_extract._extract(large, "x.pdf")) > 10
    assert_linear_cpu(lambda raw: pdf_extract._extract(raw, "x.pdf"), small, large)
