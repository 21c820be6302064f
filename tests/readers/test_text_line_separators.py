"""A .txt whose lines hold Unicode's NEL (U+0085, "next line", as text converted from
EBCDIC or old Latin-1 systems carries it) breaks the line there, as U+2028 does: the
words either side stay apart on the page, never glued into one word, and the page
shows the break. Vertical tab and form feed inside a line read as a space."""

from __future__ import annotations

import markdown
from clausemark.convert import convert_file
from clausemark.render.markdown_writer import render_document

TEXT = (
    "Allotment Rules\n\n1. Plots\n\n"
    "1.1 Plots are let by the year.\x85Rent is due in March.\n"
    "1.2 Paths are kept clear\x0bby the tenant\x0cof the plot.\n"
)


def test_nel_breaks_the_line_and_keeps_the_words_apart(tmp_path, clauses_of):
    path = tmp_path / "allotments.txt"
    path.write_text(TEXT, encoding="utf-8")
    document = convert_file(path)
    assert not [w for w in document.warnings if w.code == "lost-words"]
    clauses = clauses_of(document)
    assert "year.Rent" not in clauses["1.1"].text
    page = render_document(document)
    assert "Plots are let by the year.<br>Rent is due in March.\n" in page
    assert "Paths are kept clear by the tenant of the plot.\n" in page
    body = markdown.markdown(page.split("\n---\n", 1)[1], extensions=["attr_list"])
    assert "<p>Plots are let by the year.<br>Rent is due in March.</p>" in body
