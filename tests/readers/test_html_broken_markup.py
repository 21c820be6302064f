"""Broken markup in a web page reads as a browser reads it (each page below checked
against Chromium's innerText), and the words it hides are listed as a warning naming
the line, never dropped silently and never shown as markup:

- a comment opened and never closed hides everything after it;
- a tag cut off at the end of the file (`<a href="...`) shows nothing;
- `<![CDATA[` in HTML opens a comment that ends at the first `>`: "<![CDATA[ <b>kept</b>
  ]]>" shows "kept ]]>", and "<![CDATA[ some words ]]>" shows nothing.
"""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses

HEAD = "<html><body><h1>Hall Rules</h1>\n<p>1.1 The hall opens at nine.</p>\n"
PAGES = {
    "comment": (
        HEAD + "<!-- draft\n<p>1.2 The hall closes at ten.</p>\n",
        {"1.1": "The hall opens at nine."},
    ),
    "tag": (HEAD + '<p>1.2 Book <a href="https://example.org/bo', {"1.2": "Book"}),
    "cdata": (
        HEAD + "<p>1.2 Keys <![CDATA[ <b>are</b> ]]> kept.</p>\n"
        "<p>1.3 Doors <![CDATA[ stay shut ]]> lock.</p></body></html>",
        {"1.2": "Keys are ]]> kept.", "1.3": "Doors lock."},
    ),
    # any other '<![' is a comment to its first '>' too: HTMLParser dropped these
    # silently to ']]>' or failed with a traceback (AssertionError) on an unknown name
    "marked": (
        HEAD + "<p>1.2 Keys <![cdata[ stay > are ]]> kept.</p>\n"
        "<p>1.3 Doors <![foo[ stay shut ]]> lock <![if !vml]>fast<![endif]>.</p>",
        {"1.2": "Keys are ]]> kept.", "1.3": "Doors lock fast."},
    ),
    "marked unclosed": (HEAD + "<p>1.2 Keys <![ stay shut", {"1.2": "Keys"}),
    "marked in a textarea": (
        HEAD + "<p>1.2 Keys.</p><textarea><![foo[ stay ]]></textarea><p>1.3 Doors.</p>",
        {"1.2": "Keys.", "1.3": "Doors."},
    ),
    # a comment ends at '--!>'; '<!-->' and '<!--->' are empty: what follows is shown
    "comment ends": (
        HEAD + "<p>1.2 Keys <!-- note --!> are <!--> kept <!---> safe.</p>\n",
        {"1.2": "Keys are kept safe."},
    ),
    "doctype unclosed": (HEAD + "<p>1.2 Keys.</p>\n<!DOCTYPE stay shut", {"1.2": "Keys."}),
    # a <script> (or <style>) never closed reads the rest of the file as its code: a
    # browser shows none of the page after it (HTMLParser's rest, dropped silently before)
    "script unclosed": (
        HEAD + "<script>var shown = 1;\n<p>1.2 The hall closes at ten.</p>\n",
        {"1.1": "The hall opens at nine."},
    ),
    # ... but a file cut off inside its code hides no words of the page: nothing listed
    "script cut in its code": (
        HEAD + "<script>if (a < 2) { go(",
        {"1.1": "The hall opens at nine."},
    ),
    # a script's or a style's '<![CDATA[' (every WordPress page) is code, and one in a
    # comment is the comment's: no words hidden, none listed, the comment ends where it did
    "cdata in code": (
        HEAD.replace(
            "<body>",
            '<script>/* <![CDATA[ */ var a = {"b": 1}; /* ]]> */</script>'
            "<style>/* <![CDATA[ */ p > a { color: red } /* ]]> */</style><body>",
        )
        + "<p>1.2 Keys <!-- <![CDATA[ old ]]> --> are kept.</p>\n"
        "<script>//<![CDATA[\nif (a > b) { go(); }\n//]]></script><p>1.3 Doors lock.</p>",
        {"1.2": "Keys are kept.", "1.3": "Doors lock."},
    ),
}
HIDDEN = {
    "comment": ("line 3", "draft 1.2 The hall closes at ten."),
    "tag": ("line 3", '<a href="https://example.org/bo'),
    "cdata": ("line 4", "stay shut"),
    "marked": [("line 3", "stay"), ("line 4", "stay shut")],
    "marked unclosed": ("line 3", "stay shut"),
    "marked in a textarea": ("line 3", "stay"),
    "doctype unclosed": ("line 4", "<!DOCTYPE stay shut"),
    "script unclosed": ("line 3", "var shown = 1; 1.2 The hall closes at ten."),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_broken_markup_shows_what_a_browser_shows_and_lists_what_it_hides(tmp_path, name):
    page, shown = PAGES[name]
    path = tmp_path / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    document = convert_file(path)
    clauses = {clause.number: clause.text for clause, *_ in iter_clauses(document.blocks)}
    assert {number: clauses.get(number) for number in shown} == shown
    assert "1.2" not in clauses or name != "comment"
    drops = [(d.kind, d.level, d.place, d.text) for d in document.dropped]
    hidden = HIDDEN.get(name, [])
    hidden = hidden if isinstance(hidden, list) else [hidden]
    assert drops == [("hidden-markup", "warning", *words) for words in hidden]
    warning = [w.message for w in document.warnings if w.code == "dropped"]
    assert len(warning) == bool(hidden) and all("dropped: [" in w for w in warning)
    assert not [w for w in document.warnings if w.code == "lost-words"]


def test_markup_htmlparser_cannot_read_is_refused_in_one_line(tmp_path, monkeypatch):
    """Whatever HTMLParser itself fails on (an AssertionError of its own) is one line
    naming the file and the line, never a traceback."""
    from html.parser import HTMLParser

    from clausemark.readers import read_source
    from clausemark.readers.text import SourceError

    def fails(self, i, report=1):
        raise AssertionError("unknown status keyword 'x' in marked section")

    monkeypatch.setattr(HTMLParser, "parse_html_declaration", fails)
    path = tmp_path / "odd.html"
    path.write_text(HEAD + "<!DOCTYPE x>\n<p>1.2 Words.</p>", encoding="utf-8")
    with pytest.raises(SourceError) as refused:
        read_source(path)
    assert str(refused.value).startswith(f"{path}: line 3: markup that cannot be read")


@pytest.mark.parametrize(
    ("name", "reads"),
    [
        ("comment", "line 3 left out as words hidden by a comment the web page never closes"),
        ("tag", "line 3 left out as a tag cut off at the end of the web page"),
        ("cdata", "line 4 left out as words hidden by a CDATA section"),
    ],
)
def test_the_hidden_words_warning_reads_as_a_sentence(tmp_path, name, reads):
    """Never "left out as a hidden by a comment" nor "as a a tag cut off"."""
    path = tmp_path / f"{name}.html"
    path.write_text(PAGES[name][0], encoding="utf-8")
    (warning,) = [w.message for w in convert_file(path).warnings if w.code == "dropped"]
    assert warning.startswith(reads), warning
