"""A table's title row (trial4 L10): what the reader sees, and what is decided.

A Word table whose first row is one cell merged across every column (gridSpan), a web
table whose first row is one cell spanning every column (colspan), and a web table's
<caption> all print the table's title above its columns. It is kept as the table's
caption: its words, where they stand (right above the columns, with the table's
anchor), never a row of empty cells, never a cross-heading that would take the clauses
below it into a group the source does not have. It is part of the table's text: a title
reworded between versions makes the clause amended, and search finds it with the clause.
"""

from __future__ import annotations

import docx
import pytest
from clausemark.convert import convert_file
from clausemark.model.document import iter_headings
from clausemark.model.records import clause_records
from clausemark.pages.versions import compare
from clausemark.render.markdown_writer import render_document
from clausemark.versions.order import order_versions

TITLE = "Charges for hiring the village hall"


def _hire_docx(path, title: str = TITLE) -> None:
    made = docx.Document()
    made.add_paragraph("Hall Hire Rules", style="Title")
    made.add_paragraph("1. Charges", style="Heading 1")
    made.add_paragraph("1.1 The hire charges are set out below.")
    grid = made.add_table(rows=3, cols=3)
    grid.style = "Table Grid"
    grid.cell(0, 0).merge(grid.cell(0, 2)).text = title
    for column, words in enumerate(["Room", "Weekday", "Weekend"]):
        grid.cell(1, column).text = words
    for column, words in enumerate(["Main hall", "£20 an hour", "£30 an hour"]):
        grid.cell(2, column).text = words
    made.add_paragraph("1.2 Charges are paid on booking.")
    made.save(str(path))


HIRE_HTML = """<html><body><main><h1>Hall Hire Rules</h1><h2>1. Charges</h2>
<p>1.1 The hire charges are set out below.</p>
<table><tr><th colspan="3">Charges for hiring the village hall</th></tr>
<tr><th>Room</th><th>Weekday</th><th>Weekend</th></tr>
<tr><td>Main hall</td><td>£20 an hour</td><td>£30 an hour</td></tr></table>
<p>1.2 Charges are paid on booking.</p>
<table><caption>Deposits held</caption><tr><th>Room</th><th>Deposit</th></tr>
<tr><td>Main hall</td><td>£50</td></tr></table>
<p>1.3 Deposits are returned within a week.</p>
</main></body></html>"""


def _assert_titled(clause, title: str, header: list[str], rows: list[list[str]]) -> None:
    [table] = clause.tables
    assert table.caption == title
    assert table.header == header and table.rows == rows
    assert all(title not in cell for row in table.rows for cell in row)


def _hire_file(tmp_path, kind: str):
    path = tmp_path / f"hire.{kind}"
    if kind == "docx":
        _hire_docx(path)
    else:
        path.write_text(HIRE_HTML, encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_a_tables_title_row_is_its_caption_in_place(tmp_path, clauses_of, kind):
    """A Word table's first row merged across every column (gridSpan), a web table's
    first row spanning every column (colspan)."""
    document = convert_file(_hire_file(tmp_path, kind))
    _assert_titled(
        clauses_of(document)["1.1"],
        TITLE,
        ["Room", "Weekday", "Weekend"],
        [["Main hall", "£20 an hour", "£30 an hour"]],
    )
    page = render_document(document)
    text_at = page.index("The hire charges are set out below.")
    title_at = page.index(f"**{TITLE}**\n{{: #sec_1__table_1 .cm-table-caption }}")
    assert text_at < title_at < page.index("| Room | Weekday | Weekend |")
    assert not [w for w in document.warnings if w.code == "lost-words"]


def test_a_web_tables_caption_is_its_title(tmp_path, clauses_of):
    document = convert_file(_hire_file(tmp_path, "html"))
    clauses = clauses_of(document)
    # the <caption> was a paragraph before the table, read as a cross-heading "Deposits
    # held" that took clause 1.3 under it; it is the second table's title
    _assert_titled(clauses["1.2"], "Deposits held", ["Room", "Deposit"], [["Main hall", "£50"]])
    assert [h.title for h in iter_headings(document.blocks)] == ["Charges"]
    assert clauses["1.3"].anchor == "sec_1__para_1-3"
    page = render_document(document)
    assert "**Deposits held**\n{: #sec_1__table_2 .cm-table-caption }" in page


def test_a_reworded_title_row_is_a_change_and_its_words_are_searched(tmp_path):
    old_path, new_path = tmp_path / "2025.docx", tmp_path / "2026.docx"
    _hire_docx(old_path)
    _hire_docx(new_path, TITLE.replace("village", "parish"))
    old, new = order_versions(
        [(convert_file(p, "hire"), str(p), p.stem) for p in (old_path, new_path)]
    )
    record = {r.anchor: r for r in clause_records(old.document)}["sec_1__para_1-1"]
    assert TITLE in record.units and TITLE in record.text  # what search and the diff read
    pair = compare("hire", "Hall Hire Rules", old, new)
    amended = [c.new.anchor for c in pair.diff.changes if c.status == "amended"]
    assert amended == ["sec_1__para_1-1"]


def test_every_caption_of_a_table_is_kept(tmp_path, clauses_of):
    """A table with two <caption>s (a browser shows the first): neither's words are lost."""
    page = HIRE_HTML.replace(
        "<caption>Deposits held</caption>",
        "<caption>Deposits</caption><caption>held until the keys are back</caption>",
    )
    path = tmp_path / "hire.html"
    path.write_text(page, encoding="utf-8")
    clause = clauses_of(convert_file(path))["1.2"]
    assert clause.tables[0].caption == "Deposits held until the keys are back"


@pytest.mark.build  # a CPU ratio: runs with the builds
def test_many_captions_read_in_linear_time():
    from clausemark.readers import html as html_reader
    from hostile_files import assert_linear_cpu

    def page(count: int) -> bytes:
        captions = "<caption>kept words</caption>" * count
        return f"<p>1.1 Text.</p><table>{captions}<tr><td>a</td><td>b</td></tr></table>".encode()

    assert_linear_cpu(lambda raw: html_reader.read(raw, "x.html"), page(20_000), page(40_000))
