"""A list of short lines in a PDF (an index, the entries under a lead-in, the rows of a
one-column table printed with no side borders) is read line by line, as printed: each
line ends far short of the text's right edge while the next line's first word would
have fitted, so its writer broke it there. None of them reaches further right than the
one before, which is all the reader used to ask. A one-column table ruled across only
(a rule under each row) is read row by row. A wrapped paragraph, and a quotation
indented on the right, stay whole; in two columns a column's own edge is the edge.

Chromium prints of invented wording (tests/format_fixtures.print_html)."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from format_fixtures import print_html

pytestmark = pytest.mark.browser

RULE = "border-bottom: 1px solid black; padding: 4px"
SCHEME = f"""<html><body style="font-family: serif; font-size: 12pt">
<h1>Allotment Scheme</h1>
<h2>1. Letting plots</h2>
<p>1.1 Plots are let to residents of the parish for one year at a time, and a tenancy runs
from the first day of April until the last day of March in the following year.</p>
<p>1.2 Plots are let on these sites, each of which the council holds for the use of
residents of the parish:</p>
<p style="margin:0">the glebe field behind the church</p>
<p style="margin:0">the old orchard on Mill Lane</p>
<p style="margin:0">the strip beside the railway</p>
<p>1.3 Sheds may be put up on these plots, with the written consent of the clerk and on
the terms that the council sets each year:</p>
<table style="width: 70%"><tr><td>the plots by the pond</td></tr>
<tr><td>the plots by the school</td></tr><tr><td>the plots on the green</td></tr></table>
<h2>2. Deposits</h2>
<p>2.1 A deposit is paid on these keys:</p>
<table style="border-collapse: collapse; width: 70%">
<tr><td style="border-top: 1px solid black; {RULE}">the key to the main gate</td></tr>
<tr><td style="{RULE}">the key to the water trough</td></tr>
<tr><td style="{RULE}">the key to the tool store</td></tr></table>
<p>2.2 A tenant who leaves returns the keys, and the deposit is paid back:</p>
<blockquote>The tenant shall keep the plot clean and free from weeds and otherwise maintain
it in a good state of cultivation and fertility and in good condition.</blockquote>
<h2>Index</h2>
<p style="margin:0">Allotment sites, 1</p>
<p style="margin:0">Letting plots, 1</p>
<p style="margin:0">Rent and deposits, 1, 2</p>
<p style="margin:0">Waiting list, 1</p>
<p style="margin:0">Water supply, 2</p>
</body></html>"""


@pytest.fixture(scope="module")
def document(browser, tmp_path_factory):
    path = tmp_path_factory.mktemp("short") / "allotments.pdf"
    path.write_bytes(print_html(browser, SCHEME))
    return convert_file(path)


def test_entries_under_a_lead_in_are_one_line_each(document, clauses_of):
    clauses = clauses_of(document)
    assert clauses["1.2"].paragraphs == [
        "the glebe field behind the church",
        "the old orchard on Mill Lane",
        "the strip beside the railway",
    ]
    assert clauses["1.3"].paragraphs == [
        "the plots by the pond",
        "the plots by the school",
        "the plots on the green",
    ]


def test_a_one_column_table_ruled_across_only_is_read_row_by_row(document, clauses_of):
    assert clauses_of(document)["2.1"].paragraphs == [
        "the key to the main gate",
        "the key to the water trough",
        "the key to the tool store",
    ]


def test_an_index_of_short_lines_reads_as_its_text_file_reads(document, tmp_path):
    """One entry a line, as the .txt of the same words has them (an index over page
    numbers is then left out as a printed list, and reported, as the .txt's is)."""
    entries = ["Allotment sites, 1", "Letting plots, 1", "Rent and deposits, 1, 2"]
    entries += ["Waiting list, 1", "Water supply, 2"]
    text = tmp_path / "allotments.txt"
    text.write_text("Allotment Scheme\n\nIndex\n\n" + "\n".join(entries) + "\n")
    want = [(d.text, d.kind) for d in convert_file(text).dropped]
    got = [(d.text, d.kind) for d in document.dropped if d.kind != "running-header"]
    assert (
        got
        == want
        == [("Index", "contents-guessed")] + [(entry, "contents-guessed") for entry in entries]
    )


def test_wrapped_paragraphs_and_a_quotation_stay_whole(document, clauses_of):
    clauses = clauses_of(document)
    assert clauses["1.1"].text.endswith("in the following year.")
    assert not clauses["1.1"].paragraphs
    assert clauses["2.2"].paragraphs == [
        "The tenant shall keep the plot clean and free from weeds and otherwise maintain it "
        "in a good state of cultivation and fertility and in good condition."
    ]
    assert not [w for w in document.warnings if w.code == "lost-words"]
