"""A table shows a row of headings only where its source prints one.

Decided: a demanding reader expects the table as printed. A web table of `<td>` cells
alone prints no row of headings, so its first row is a row of data on the page (a
`<td>` row, no `<thead>`), while its words still name the columns for what reads them
(a version table's "Version", "Date": `parse/metadata.column_roles`). A definitions list
and a table of one row have no header row either. Markdown's pipe tables must open with
a header row, so the page's Markdown gives these tables an empty one, and the render
layer takes it out of the page's tree (`render/headerless.HeaderlessTables`), never by
editing the Markdown or HTML as text. A table whose source prints `<th>` keeps them."""

from __future__ import annotations

import markdown
from clausemark.convert import convert_file
from clausemark.extension.markdown_extension import ClausemarkExtension
from clausemark.model.document import iter_tables
from clausemark.render.markdown_writer import render_document
from lxml import html as lxml_html

PAGE = """<html><body><main><h1>Hall Hire Rules</h1>
<table><tr><td>Version</td><td>Date</td><td>Change</td></tr>
<tr><td>2</td><td>1 May 2026</td><td>Charges raised</td></tr>
<tr><td>1</td><td>1 May 2024</td><td>First adopted</td></tr></table>
<h2>1. Charges</h2>
<p>1.1 The charges are:</p>
<table><tr><td>Main hall</td><td>£20 an hour</td></tr>
<tr><td>Small room</td><td>£10 an hour</td></tr></table>
<p>1.2 Deposits are:</p>
<table><tr><th>Room</th><th>Deposit</th></tr><tr><td>Main hall</td><td>£50</td></tr></table>
<p>1.3 In these rules:</p>
<dl><dt>Hirer</dt><dd>the person who signs the form.</dd>
<dt>Hall</dt><dd>the village hall.</dd></dl>
<p>1.4 Keys are kept by:</p>
<table><thead><tr><td>Key</td><td>Holder</td></tr></thead>
<tr><td>Front door</td><td>the clerk</td></tr></table>
</main></body></html>"""


def _page_tables(tmp_path):
    path = tmp_path / "hire.html"
    path.write_text(PAGE, encoding="utf-8")
    document = convert_file(path)
    body = render_document(document).split("\n---\n", 1)[1]
    html = markdown.markdown(
        body, extensions=["tables", "attr_list", "md_in_html", ClausemarkExtension()]
    )
    return document, lxml_html.fromstring(f"<div>{html}</div>").findall(".//table")


def _rows(table) -> list[tuple[str, list[str]]]:
    return [
        (cell_tag, [" ".join(c.text_content().split()) for c in row])
        for row in table.iter("tr")
        for cell_tag in {row[0].tag}
    ]


def test_a_table_of_td_cells_shows_its_first_row_as_a_row(tmp_path):
    document, tables = _page_tables(tmp_path)
    assert len(tables) == 5
    history, charges, deposits, terms, _keys = tables
    assert history.find("thead") is None and charges.find("thead") is None
    assert _rows(history)[0] == ("td", ["Version", "Date", "Change"])
    assert _rows(charges) == [
        ("td", ["Main hall", "£20 an hour"]),
        ("td", ["Small room", "£10 an hour"]),
    ]
    # the words still name the columns: the version table is read as one
    read = {t.caption or t.kind: t for t in iter_tables(document.blocks)}
    assert read["version-history"].header == ["Version", "Date", "Change"]
    assert not [w for w in document.warnings if w.code == "lost-words"]


def test_printed_headings_stay_and_a_definitions_list_has_none(tmp_path):
    _document, (_history, _charges, deposits, terms, keys) = _page_tables(tmp_path)
    assert _rows(deposits) == [("th", ["Room", "Deposit"]), ("td", ["Main hall", "£50"])]
    # a <thead> of <td> cells is the table's headings, as its markup says
    assert _rows(keys) == [("th", ["Key", "Holder"]), ("td", ["Front door", "the clerk"])]
    assert terms.find("thead") is None
    assert _rows(terms)[0] == ("td", ["Hirer", "the person who signs the form."])
