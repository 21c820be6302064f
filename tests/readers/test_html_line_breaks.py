"""A `<br>` inside a block of a web page is a line break, as the browser shows it: an
address "Town Hall<br>High Street" is two lines, never one. The page keeps it as a
Markdown hard line break ('<br>', a reader's mark, never source markup: a source's own
'<br>' text stays text), in a paragraph, a list item and a table cell, and what
follows it never opens Markdown syntax ('# ...' no heading, '|' no new cell). The
search text holds the words, a space apart; in a heading a `<br>` is a space.
"""

from __future__ import annotations

import markdown
from clausemark.convert import convert_file
from clausemark.index.search import clause_entries
from clausemark.model.records import clause_records
from clausemark.readers import html as html_reader
from clausemark.render.markdown_writer import render_document
from clausemark.support.escaping import LINE_BREAK

HALL = """<html><body><main><h1>Hall Hire Rules</h1>
<h2>1. Where<br>to book</h2>
<p>1.1 Bookings are made at Town Hall<br>
High Street<br><br># Markton <b>MK1 2AB</b><br></p>
<ol style="list-style: none"><li>by letter to the clerk<br>at the address above</li>
<li>by telephone</li></ol>
<table><tr><th>Room</th><th>Where</th></tr>
<tr><td>main hall</td><td>ground floor<br>| east wing</td></tr>
<tr><td>small room</td><td>first floor</td></tr></table>
<p>1.2 Keys are returned the same day.</p>
</main></body></html>"""


def test_the_reader_keeps_a_line_break_inside_a_block():
    text = html_reader.read(HALL.encode(), "hall.html").text
    # one break where the page shows one (two in a row show one line break; none at
    # either end of the block); a heading's break is a space
    assert f"Town Hall{LINE_BREAK}High Street{LINE_BREAK}# Markton **MK1 2AB**\n" in text
    assert "Where to book" in text
    assert f"ground floor{LINE_BREAK}| east wing" in text


def test_the_page_shows_the_line_breaks_and_searches_the_words(tmp_path, clauses_of):
    path = tmp_path / "hall.html"
    path.write_text(HALL, encoding="utf-8")
    document = convert_file(path)
    assert not [w for w in document.warnings if w.code == "lost-words"]
    page = render_document(document)
    assert "Bookings are made at Town Hall<br>High Street<br># Markton **MK1 2AB**\n" in page
    assert "by letter to the clerk<br>at the address above\n" in page
    assert "| main hall | ground floor<br>\\| east wing |" in page
    assert "## 1. Where to book" in page
    body = markdown.markdown(page.split("\n---\n", 1)[1], extensions=["tables", "attr_list"])
    assert "Town Hall<br>High Street<br># Markton <strong>MK1 2AB</strong>" in body
    assert "<td>ground floor<br>| east wing</td>" in body
    assert "<h1>Markton" not in body
    # the search text: the words, a space apart
    entries = clause_entries(document, clause_records(document), "hall/")
    texts = " ".join(entry.text for entry in entries)
    assert "Town Hall High Street # Markton MK1 2AB" in texts
    assert LINE_BREAK not in texts
    clauses = clauses_of(document)
    assert clauses["1.2"].text == "Keys are returned the same day."


def test_a_sources_own_br_text_stays_text():
    page = "<html><body><p>1.1 Write &lt;br&gt; to break a line.</p></body></html>"
    text = html_reader.read(page.encode(), "note.html").text
    assert LINE_BREAK not in text
