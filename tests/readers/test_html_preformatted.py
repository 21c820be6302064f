"""A web page's `<pre>` block is read as a text file's lines are: a blank line or a line
opening on the next printed number starts a paragraph (a clause found by its number),
and its other line ends are kept as the line breaks the browser shows: never one
paragraph that swallows the clauses after the first."""

from __future__ import annotations

from clausemark.convert import convert_file
from clausemark.model.records import clause_records
from clausemark.readers import html as html_reader
from clausemark.support.escaping import LINE_BREAK

PAGE = """<html><body><h1>Fernby Parish Rules</h1><h2>1. Hire of the hall</h2>
<pre>
1.1 The hall is let
    by the   clerk;

1.2 Keys are returned
    the same day.
1.3 A deposit is paid.
12 months' notice is given.
</pre><p>1.4 After the block.</p></body></html>"""


def test_each_numbered_line_of_a_pre_block_opens_its_own_paragraph():
    text = html_reader.read(PAGE.encode(), "rules.html").text
    assert f"\n\n1.1 The hall is let{LINE_BREAK}by the clerk;\n\n" in text
    assert f"\n\n1.2 Keys are returned{LINE_BREAK}the same day.\n\n" in text
    # a line that opens on a number out of sequence continues the paragraph above
    assert f"\n\n1.3 A deposit is paid.{LINE_BREAK}12 months' notice is given.\n\n" in text


def test_the_clauses_of_a_pre_block_are_clauses_in_order(tmp_path):
    path = tmp_path / "rules.html"
    path.write_text(PAGE, encoding="utf-8")
    numbers = [record.number for record in clause_records(convert_file(path))]
    assert numbers[-4:] == ["1.1", "1.2", "1.3", "1.4"]
