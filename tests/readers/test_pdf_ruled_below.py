"""A PDF table whose rows are ruled below only (Word's "horizontal lines" look: no top
rule, no borders down) is read as a table, and the sentence that leads into it is not
one of its rows: the first row stands above the first rule no higher than the rows
below stand above theirs, and rules stacked across a paragraph's gap (a lead-in between
two such tables) start a new table. A table with one rule, below its header row, is a
table too; and a short clause a paragraph's gap below a table of no rules is no row of
it. Chromium prints of invented wording (tests/format_fixtures.print_html)."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses, iter_tables
from format_fixtures import print_html

pytestmark = pytest.mark.browser

RULE = "border-bottom: 1px solid black; padding: 4px"
KEYS = f"""<table style="border-collapse: collapse; width: 70%">
<tr><td style="{RULE}">the key to the main gate</td></tr>
<tr><td style="{RULE}">the key to the water trough</td></tr>
<tr><td style="{RULE}">the key to the tool store</td></tr></table>"""
FEES = f"""<table style="border-collapse: collapse; width: 70%">
<tr><td style="{RULE}">Full plot</td><td style="{RULE}">40 pounds</td></tr>
<tr><td style="{RULE}">Half plot</td><td style="{RULE}">22 pounds</td></tr>
<tr><td style="{RULE}">Raised bed</td><td style="{RULE}">10 pounds</td></tr></table>"""
SITES = f"""<table style="border-collapse: collapse; width: 70%">
<tr><td style="{RULE}"><b>Site</b></td><td style="{RULE}"><b>Plots</b></td></tr>
<tr><td style="padding:4px">Glebe field beside the church</td><td style="padding:4px">12</td></tr>
<tr><td style="padding:4px">Old orchard on Mill Lane</td><td style="padding:4px">8</td></tr>
</table>"""


def _page(*tables: str) -> str:
    return f"""<html><body style="font-family: serif; font-size: 12pt">
<h1>Allotment Scheme</h1>
<p>1.1 Plots are let to residents of the parish for one year at a time, and a tenancy
runs from the first day of April until the last day of March in the following year.</p>
<p>1.2 A deposit is paid on these keys:</p>{tables[0]}
<p>1.3 The fees for a year, which the council reviews each January, are:</p>{tables[1]}
<p>1.4 The sites, with the number of plots on each of them at the start of the year:</p>
{tables[2]}
<p>1.5 A tenant who leaves returns the keys, and the deposit is paid back within a month
of the keys being returned to the clerk.</p></body></html>"""


@pytest.fixture(scope="module")
def document(browser, tmp_path_factory):
    path = tmp_path_factory.mktemp("ruled") / "allotments.pdf"
    path.write_bytes(print_html(browser, _page(KEYS, FEES, SITES)))
    return convert_file(path)


def test_lead_ins_stay_clauses_and_no_clause_is_a_row(document):
    clauses = {c.number: c.text for c, *_ in iter_clauses(document.blocks)}
    assert clauses["1.2"] == "A deposit is paid on these keys:"
    assert clauses["1.3"].startswith("The fees for a year") and clauses["1.3"].endswith("are:")
    assert clauses["1.4"].startswith("The sites")
    assert clauses["1.5"].startswith("A tenant who leaves returns the keys")
    for table in iter_tables(document.blocks):
        cells = " ".join([*table.header, *(c for row in table.rows for c in row)])
        assert "1.3" not in cells and "1.4" not in cells and "1.5" not in cells


def test_rows_ruled_below_only_are_a_table_with_their_first_row(document):
    tables = list(iter_tables(document.blocks))
    fees = next(t for t in tables if "Full plot" in [*t.header, *(r[0] for r in t.rows)])
    assert [fees.header, *fees.rows] == [
        ["Full plot", "40 pounds"],
        ["Half plot", "22 pounds"],
        ["Raised bed", "10 pounds"],
    ]
    sites = next(t for t in tables if "Site" in " ".join(t.header))
    assert sites.rows == [
        ["Glebe field beside the church", "12"],
        ["Old orchard on Mill Lane", "8"],
    ]


def test_a_one_column_table_ruled_below_keeps_each_row_apart(document):
    text = str(document.blocks)
    for row in (
        "the key to the main gate",
        "the key to the water trough",
        "the key to the tool store",
    ):
        assert text.count(row) == 1
    clauses = {c.number: c for c, *_ in iter_clauses(document.blocks)}
    assert "main gate" not in clauses["1.2"].text  # the first row is no part of the lead-in
    assert not [w for w in document.warnings if w.code == "lost-words"]


def test_short_clauses_after_an_unruled_table_are_no_rows(browser, tmp_path):
    """Short clauses a paragraph's gap below a table of no rules, each keeping to its
    first column: a line alone further below than the rows are apart ends the table
    (they were read as rows with an empty second cell, their numbers lost as clauses)."""
    plain = "padding:4px"
    table = f"""<table style="border-collapse: collapse; width: 70%">
<tr><td style="{plain}"><b>Site</b></td><td style="{plain}"><b>Plots</b></td></tr>
<tr><td style="{plain}">Glebe field</td><td style="{plain}">12</td></tr>
<tr><td style="{plain}">Old orchard</td><td style="{plain}">8</td></tr></table>"""
    page = f"""<html><body style="font-family: serif; font-size: 12pt">
<h1>Allotment Scheme</h1><p>2.3 The sites are:</p>{table}
<p>2.4 Keys are returned.</p><p>2.5 Sheds need consent.</p></body></html>"""
    path = tmp_path / "short.pdf"
    path.write_bytes(print_html(browser, page))
    document = convert_file(path)
    clauses = {c.number: c.text for c, *_ in iter_clauses(document.blocks)}
    assert [clauses.get(n) for n in ("2.3", "2.4", "2.5")] == [
        "The sites are:",
        "Keys are returned.",
        "Sheds need consent.",
    ]
    (sites,) = list(iter_tables(document.blocks))
    assert [sites.header, *sites.rows] == [
        ["Site", "Plots"],
        ["Glebe field", "12"],
        ["Old orchard", "8"],
    ]
