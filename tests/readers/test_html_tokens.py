"""A web page is tokenized once (readers/html_tokens.py) and the tokens given to the note
finder and then to the page reader: what the page reads as, every word, note, warning
and error line, is what reading the text twice gave."""

from __future__ import annotations

import random
from html.parser import HTMLParser

import pytest
from clausemark.readers import html, html_tokens

NOTES_PAGE = (
    "<html><body><main><h1>Rules</h1><p id='p1'>1.1 Members"
    "<sup><a href='#fn1' id='r1'>1</a></sup> attend. &amp; more</p>"
    "<script>var a = '<p>not words</p>';</script><!-- a comment -->"
    "<ol><li id='fn1'>Members means councillors. <a href='#r1'>↩</a></li></ol>"
    "</main></body></html>"
)
# Pieces a page is made of at random: notes, lists, frames, comments, CDATA, script,
# entities, and endings a file leaves open (a comment, a tag, a reference)
PIECES = [
    "<p>",
    "</p>",
    "<p id='a1'>1.1 Text",
    "<sup><a href='#fn1' id='r1'>1</a></sup>",
    "<li id='fn1'>Note. <a href='#r1'>↩</a></li>",
    "<ol>",
    "</ol>",
    "<ul>",
    "</ul>",
    "<aside>",
    "</aside>",
    "<footer>",
    "</footer>",
    "<main>",
    "</main>",
    "<!-- c -->",
    "<!-- open",
    "<![CDATA[x]]>",
    "<script>var a='<p>';</script>",
    "<style>p{x:y}</style>",
    "&amp;",
    "&",
    "&#12",
    "<br/>",
    "<br>",
    "\n",
    "word ",
    "2. Next rule. ",
    "<h2>Part</h2>",
    "<table><tr><td>a</td><td>b</td></tr></table>",
    "<a href='#x'>3</a>",
    "<div id='x'>Target</div>",
    "<",
    "<a",
    "</",
    "<p class='x",
    "<!DOCTYPE html>",
    "<sup>2</sup>",
    "<a href='#fn2'><sup>2</sup></a>",
    "<p id='fn2'>Second note</p>",
    "<b>",
    "</b>",
    "<ol reversed>",
    "<li>",
    "</li>",
    "<textarea>",
    "</textarea>",
]


def _read(page: str, monkeypatch, *, twice: bool) -> str:
    """repr of what the reader makes of the page (or the error it raises)."""
    with monkeypatch.context() as patched:
        if twice:  # each reader from the text, as before
            patched.setattr(html, "page_tokens", lambda text: None)
        try:
            return repr(html.read(page.encode(), "page.html"))
        except Exception as error:  # the error line is part of what is compared
            return f"{type(error).__name__}: {error}"


def test_a_page_read_from_its_tokens_reads_as_read_from_its_text(monkeypatch):
    read = _read(NOTES_PAGE, monkeypatch, twice=False)
    assert read == _read(NOTES_PAGE, monkeypatch, twice=True)
    assert "Members means councillors." in read and "not words" not in read
    rng = random.Random(20261207)
    for _ in range(300):
        body = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40)))
        page = f"<html><body>{body}" + ("</body></html>" if rng.random() < 0.5 else "")
        assert _read(page, monkeypatch, twice=False) == _read(page, monkeypatch, twice=True)


def test_a_page_with_notes_is_tokenized_once(monkeypatch):
    tags: list[str] = []
    parse = HTMLParser.parse_starttag

    def counted(self, i):
        tags.append(type(self).__name__)
        return parse(self, i)

    monkeypatch.setattr(HTMLParser, "parse_starttag", counted)
    document = html.read(NOTES_PAGE.encode(), "page.html")
    assert "Members means councillors." in document.text
    assert tags and set(tags) == {"PageTokens"}  # before: _NoteFinder's, then _PageReader's


def test_a_page_of_more_tokens_than_are_kept_is_read_from_its_text(monkeypatch):
    expected = _read(NOTES_PAGE, monkeypatch, twice=True)
    monkeypatch.setattr(html_tokens, "MOST_TOKENS", 5)
    with pytest.raises(html_tokens.TooManyTokens):
        html_tokens.PageTokens().read(NOTES_PAGE)
    assert _read(NOTES_PAGE, monkeypatch, twice=False) == expected
