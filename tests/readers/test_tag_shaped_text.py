"""Text that looks like a tag or a character reference, printed as words ("Write <br>
to break a line", "type &lt; for <", "<b>"), reads as printed in every format whose
reader takes words from a file that is not Markdown: a web page (where the source
writes it "&lt;br&gt;"), a Word run and a PDF line. It is escaped at the one boundary
(support/escaping.literal_words), so the inline converter never reads it as a tag
(a break, bold, a link) and Markdown never reads "&lt;" as "<". The nothing-lost proof
then sees those words, and reports them if a later step loses them."""

from __future__ import annotations

import html
import re

import markdown
import pytest
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses
from clausemark.readers import read_source
from clausemark.render.fidelity import lost_words
from clausemark.render.markdown_writer import render_document
from clausemark.support.escaping import literal_words
from format_fixtures import WordParts, build_docx, para, print_html, run

TITLE = "Notice Board Rules"
LINES = [
    "1.1 Write <br> to break a line in a notice.",
    "1.2 Bold is <b>shown</b> with tags, and &lt; stands for a sign.",
    '1.3 A link is written <a href="https://example.org">here</a> by hand.',
]
SHOWN = [
    "Write <br> to break a line in a notice.",
    "Bold is <b>shown</b> with tags, and &lt; stands for a sign.",
    'A link is written <a href="https://example.org">here</a> by hand.',
]


def _web(tmp_path, _browser):
    body = "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in LINES)
    path = tmp_path / "board.html"
    path.write_text(f"<html><body><h1>{TITLE}</h1>{body}</body></html>", encoding="utf-8")
    return path


def _word(tmp_path, _browser):
    """Each line's "<" and "&" end a run of their own (Word splits typed text anywhere)."""
    paragraphs = [
        para("".join(run(piece) for piece in re.split(r"(?<=[<&])", line))) for line in LINES
    ]
    path = tmp_path / "board.docx"
    path.write_bytes(build_docx(WordParts(body=[para(TITLE), *paragraphs])))
    return path


def _pdf(tmp_path, browser):
    body = "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in LINES)
    page = f"<html><body><h1>{TITLE}</h1>{body}</body></html>"
    path = tmp_path / "board.pdf"
    path.write_bytes(print_html(browser, page, footer=False))
    return path


FORMATS = [
    pytest.param(_web, id="html"),
    pytest.param(_word, id="docx"),
    pytest.param(_pdf, id="pdf", marks=pytest.mark.browser),
]


def _shown_text(page: str) -> str:
    """The page's body as a browser shows it: Python-Markdown's HTML, tags out."""
    body = markdown.markdown(page.split("\n---\n", 1)[1], extensions=["attr_list"])
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", body)).split())


@pytest.mark.parametrize("make", FORMATS)
def test_tag_shaped_words_read_as_printed(make, tmp_path, request):
    browser = request.getfixturevalue("browser") if make is _pdf else None
    document = convert_file(make(tmp_path, browser))
    assert not [w for w in document.warnings if w.code == "lost-words"]
    page = render_document(document)
    shown = _shown_text(page)
    for line in SHOWN:
        assert line in shown, (line, shown)
    assert "](https://example.org)" not in page  # no link made from the words
    assert "**shown**" not in page  # nor bold


def test_the_boundary_escapes_only_what_would_open_a_tag_or_a_reference():
    assert literal_words("Write <br> & <b>") == "Write &lt;br&gt; & &lt;b&gt;"
    assert literal_words("&lt; &#60; &amp;") == "&amp;lt; &amp;#60; &amp;amp;"
    assert literal_words("a < b, F&E, AT&T") == "a < b, F&E, AT&T"
    assert literal_words("ends with < and &") == "ends with < and &amp;"
    assert literal_words("run ends <") == "run ends &lt;"


def test_the_proof_sees_the_words_of_tag_shaped_text(tmp_path):
    """The words of "<br>" printed are words the proof expects: a page that loses them
    is reported."""
    path = _web(tmp_path, None)
    source, document = read_source(path), convert_file(path)
    assert lost_words(source, document) == []
    (clause,) = [c for c, *_ in iter_clauses(document.blocks) if c.number == "1.1"]
    clause.text = clause.text.replace("&lt;br&gt;", "")
    assert "word 'br' lost" in lost_words(source, document)[0]
