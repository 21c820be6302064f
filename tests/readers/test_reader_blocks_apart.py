"""What a reader read as blocks of their own stays apart (trial4 L2, L3).

A web page's paragraphs, list items and the rows of a one-column table, and a Word
file's paragraphs and one-column table rows, are blocks the source shows one under
another. The parser joins a paragraph that starts in lower case to the one above when
that one ends without a full stop (a sentence a page break or a blank line cut in two,
in a text file); a reader's block is set apart, so it never is: the rows "north field",
"orchard lane plots" of a one-column table were one run-on line. A .txt file keeps the
join (its blank lines are no blocks the source drew).

A definitions list (<dl>) is terms and their definitions: read as a table of two
columns, its first term and definition are a row like the others, never a header row.
"""

from __future__ import annotations

import docx
from clausemark.convert import convert_file
from clausemark.model.document import iter_tables
from clausemark.readers import html as html_reader
from clausemark.render.markdown_writer import render_document

PLOTS = """<html><body><main><h1>Allotment Rules</h1>
<h2>1. Sites</h2>
<p>1.1 The council lets plots on these sites:</p>
<table><tr><td>north field</td></tr><tr><td>orchard lane plots</td></tr>
<tr><td>the old rectory garden</td></tr></table>
<p>1.2 Each site has a water trough.</p>
<h2>2. Tenants</h2>
<p>2.1 A tenant may keep</p>
<ol style="list-style: none"><li>hens but not cockerels</li>
<li>bees with the clerk's leave</li></ol>
<p>2.2 Bonfires are not allowed</p>
<p>between May and September.</p>
<h2>3. Words used</h2>
<dl><dt>Plot</dt><dd>a piece of land let to one tenant.</dd>
<dt>Tenant</dt><dd>the person named on the agreement.</dd>
<dt>Clerk</dt><dd>the proper officer of the council.</dd></dl>
</main></body></html>"""


def test_a_web_pages_blocks_stay_apart(tmp_path, clauses_of):
    path = tmp_path / "plots.html"
    path.write_text(PLOTS, encoding="utf-8")
    document = convert_file(path)
    clauses = clauses_of(document)
    # the one-column table's rows: three paragraphs of 1.1, as the page shows them
    assert clauses["1.1"].text == "The council lets plots on these sites:"
    assert clauses["1.1"].paragraphs == [
        "north field",
        "orchard lane plots",
        "the old rectory garden",
    ]
    assert clauses["1.2"].text == "Each site has a water trough."
    # items a stylesheet shows without markers, and a paragraph after an unfinished one
    assert clauses["2.1"].paragraphs == ["hens but not cockerels", "bees with the clerk's leave"]
    assert clauses["2.2"].text == "Bonfires are not allowed"
    assert clauses["2.2"].paragraphs == ["between May and September."]
    page = render_document(document)
    assert "\n\nnorth field\n\norchard lane plots\n\nthe old rectory garden\n\n" in page
    assert "north field orchard" not in page and "cockerels bees" not in page
    assert not [w for w in document.warnings if w.code == "lost-words"]


def test_a_definitions_list_has_no_header_row(tmp_path):
    path = tmp_path / "plots.html"
    path.write_text(PLOTS, encoding="utf-8")
    source = html_reader.read(PLOTS.encode(), "plots.html")
    lines = source.text.split("\n")
    assert [lines[n - 1].split("\t")[0] for n in sorted(source.untitled_lines)] == ["Plot"]
    document = convert_file(path)
    [table] = list(iter_tables(document.blocks))
    assert table.header == ["", ""] and table.caption is None
    assert [row[0] for row in table.rows] == ["Plot", "Tenant", "Clerk"]
    page = render_document(document)
    assert "|   |   |\n| --- | --- |\n| Plot | a piece of land let to one tenant. |" in page


def test_a_definitions_list_whose_first_term_has_no_definition_has_no_caption(tmp_path):
    first = "<dt>Plot</dt><dd>a piece of land let to one tenant.</dd>"
    page = PLOTS.replace(first, "<dt>Plot</dt>")
    path = tmp_path / "plots.html"
    path.write_text(page, encoding="utf-8")
    [table] = list(iter_tables(convert_file(path).blocks))
    assert table.caption is None and table.header == ["", ""]
    assert [row[0] for row in table.rows] == ["Plot", "Tenant", "Clerk"]


def test_a_word_files_paragraphs_and_one_column_rows_stay_apart(tmp_path, clauses_of):
    made = docx.Document()
    made.add_paragraph("Allotment Rules", style="Title")
    made.add_paragraph("1. Sites", style="Heading 1")
    made.add_paragraph("1.1 The council lets plots on these sites:")
    grid = made.add_table(rows=3, cols=1)
    for row, name in enumerate(["north field", "orchard lane plots", "the old rectory garden"]):
        grid.cell(row, 0).text = name
    made.add_paragraph("1.2 Water is supplied to")
    made.add_paragraph("every site from March.")
    made.add_paragraph("the troughs are filled weekly")
    path = tmp_path / "plots.docx"
    made.save(str(path))
    clauses = clauses_of(convert_file(path))
    assert clauses["1.1"].paragraphs == [
        "north field",
        "orchard lane plots",
        "the old rectory garden",
    ]
    assert clauses["1.2"].text == "Water is supplied to"
    assert clauses["1.2"].paragraphs == ["every site from March.", "the troughs are filled weekly"]


def test_a_text_files_paragraph_cut_by_a_blank_line_still_joins(tmp_path, clauses_of):
    """The join stays for text: a .txt has no blocks a reader drew, and a page break
    copied as a blank line cuts sentences there."""
    path = tmp_path / "plots.txt"
    path.write_text(
        "Allotment Rules\n\n1. Sites\n\n1.1 Water is supplied to\n\nevery site from March.\n",
        encoding="utf-8",
    )
    [clause] = list(clauses_of(convert_file(path)).values())
    assert clause.text == "Water is supplied to every site from March."
    assert clause.paragraphs == []
