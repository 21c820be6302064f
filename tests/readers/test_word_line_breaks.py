"""A line break inside a Word paragraph (Shift+Enter, `w:br` with no type or type
"textWrapping", and `w:cr`) is a line break on the page, as a web page's `<br>` is
(tests/readers/test_html_line_breaks.py): an address "Town Hall" / "High Street" is two
lines, never one, in a paragraph and in a table cell. Inside a heading it is a space. A
page or column break inside a paragraph keeps the words either side apart."""

from __future__ import annotations

import markdown
from clausemark.convert import convert_file
from clausemark.readers import docx as docx_reader
from clausemark.render.markdown_writer import render_document
from clausemark.support.escaping import LINE_BREAK
from format_fixtures import WordParts, build_docx, para, run, table

BREAK = "<w:r><w:br/></w:r>"
WRAP = '<w:r><w:br w:type="textWrapping"/></w:r>'
CR = "<w:r><w:cr/></w:r>"
PAGE = '<w:r><w:br w:type="page"/></w:r>'

PARTS = WordParts(
    body=[
        para("Hall Hire Rules", "Title"),
        para(run("1. Where") + BREAK + run("to book"), "Heading1"),
        para(
            run("1.1 Bookings are made at Town Hall")
            + BREAK
            + run("High Street")
            + CR
            + run("Markton")
            + WRAP
        ),
        table([["Room", "Where"], ["main hall", "ground floor"]]).replace(
            "ground floor</w:t></w:r>", "ground floor</w:t></w:r>" + BREAK + run("east wing")
        ),
        para(run("1.2 Keys are returned") + PAGE + run("the same day.")),
    ]
)


def test_the_reader_keeps_a_line_break_inside_a_paragraph():
    text = docx_reader.read(build_docx(PARTS), "hall.docx").text
    assert f"Bookings are made at Town Hall{LINE_BREAK}High Street{LINE_BREAK}Markton\n" in text
    assert "Where to book" in text
    assert f"ground floor{LINE_BREAK}east wing" in text
    assert "Keys are returned the same day." in text


def test_the_page_shows_the_line_breaks(tmp_path, clauses_of):
    path = tmp_path / "hall.docx"
    path.write_bytes(build_docx(PARTS))
    document = convert_file(path)
    assert not [w for w in document.warnings if w.code == "lost-words"]
    page = render_document(document)
    assert "Bookings are made at Town Hall<br>High Street<br>Markton\n" in page
    assert "ground floor<br>east wing" in page
    body = markdown.markdown(page.split("\n---\n", 1)[1], extensions=["tables", "attr_list"])
    assert "Town Hall<br>High Street<br>Markton</p>" in body
    assert "<td>ground floor<br>east wing</td>" in body
    clauses = clauses_of(document)
    assert clauses["1.2"].text == "Keys are returned the same day."


def test_a_title_or_heading_the_parser_reads_is_one_line(tmp_path):
    """A line break in a paragraph the parser reads as the title or a heading (no Word
    heading style) is a space: a heading is one line of the page and its contents."""
    parts = WordParts(
        body=[
            para(run("Hall Hire Rules") + BREAK + run("for the Village Hall")),
            para("1. Bookings"),
            para("1.1 Bookings are made with the clerk."),
            para(run("Charges and") + BREAK + run("Deposits")),
            para("1.2 Charges are paid on booking."),
        ]
    )
    path = tmp_path / "rules.docx"
    path.write_bytes(build_docx(parts))
    document = convert_file(path)
    assert document.metadata.title == "Hall Hire Rules for the Village Hall"
    page = render_document(document)
    assert "# Hall Hire Rules for the Village Hall {: #title" in page
    assert "## Charges and Deposits {: #" in page
    assert LINE_BREAK not in page and "<br>" not in page
