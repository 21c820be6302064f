"""The status block under a document's title, written by the page itself (page_header.py)
so the theme never cuts a rendered page at its <h1>."""

from __future__ import annotations

import re

import markdown
from clausemark.parse.parser import parse
from clausemark.readers.text import SourceText
from clausemark.render.markdown_writer import render_document
from clausemark.render.page_header import header_html

FACTS = {
    "document": "rules",
    "status": "draft",
    "version": "2027",
    "adopted": "2027-01-10",
    "minute": "<script>alert(1)</script> [^1]",
    "next_review": "2028-03",
    "illustrative": True,
    "shown": {
        "adopted": "10 January 2027",
        "next_review": "March 2028",
        "review_due": "in March 2028",
        "review_overdue": False,
    },
    "versions": [
        {"label": "2026", "status": "adopted", "url": "../2026/"},
        {"label": "2027", "status": "draft", "url": "./"},
    ],
    "changes": [{"label": "Changes from 2026 to 2027", "url": "../../changes/2026-to-2027/"}],
    "version_page": True,
}


def test_a_drafts_header_says_what_it_is_and_escapes_what_the_source_gave():
    html = header_html(FACTS)
    assert html.startswith('<div class="cm-docinfo cm-docinfo--draft">\n<dl class="cm-facts">')
    assert '<span class="cm-status cm-status--draft">Draft for committee</span>' in html
    assert '<dt>Dated</dt><dd><time datetime="2027-01-10">10 January 2027</time></dd>' in html
    assert "<dd>&lt;script&gt;alert(1)&lt;/script&gt; &#91;^1&#93;</dd>" in html
    assert '<time datetime="2028-03">March 2028</time>' in html
    assert "<p><strong>Versions:</strong> " in html and "2027 (draft)</a>" in html
    assert 'aria-current="page"' not in html  # a version's own page is not "the" document
    # hidden until the reader's date says so, and out of search meanwhile
    assert (
        '<div class="cm-notice cm-notice--overdue" data-cm-overdue-notice hidden '
        "data-search-exclude>" in html
    )
    assert "\n\n" not in html  # one HTML block to Python-Markdown


def test_a_review_date_in_words_is_shown_whole():
    facts = {"status": "adopted", "next_review": "Spring 2027, after the elections"}
    assert "<dd>Spring 2027, after the elections</dd>" in header_html(facts)


def test_the_current_page_marks_its_version_and_an_adopted_text_says_adopted():
    facts = {**FACTS, "status": "adopted", "version_page": False, "illustrative": False}
    html = header_html(facts)
    assert '<a href="./" aria-current="page">2027 (draft)</a>' in html
    assert "<dt>Adopted</dt>" in html and "cm-notice--draft" not in html
    assert "cm-notice--illustrative" not in html


TEXT = "Part 4\n\nMeetings Procedure Rules\n\n1. Chair\n\n1.1 The chair presides.\n"
ADOPTED = (
    '<div class="cm-fact cm-fact--adopted"><dt>Adopted</dt>'
    '<dd><time datetime="2026-05-01">1 May 2026</time></dd></div>'
)


def test_the_block_follows_the_title_on_the_rendered_page():
    source = SourceText("rules.txt", TEXT, {"version": "3", "adopted": "2026-05-01"})
    page = render_document(parse(source, "rules"))
    body = page.split("\n---\n", 1)[1]
    html = markdown.markdown(body, extensions=["attr_list", "md_in_html", "footnotes", "toc"])
    order = re.findall(r'<h1|class="cm-docinfo|<h3|class="cm-label"', html)
    assert order[:4] == ['class="cm-label"', "<h1", 'class="cm-docinfo', "<h3"]
    assert ADOPTED in html
    assert "  label_above_title: true\n" in page  # "Part 4" is printed above the title


def test_a_text_that_prints_no_facts_gets_no_empty_box():
    """No adoption, version, review or owner printed: no status, so no facts list (an
    empty one showed as an empty box under the title)."""
    html = header_html({"document": "rules", "status_stated": False})
    assert html == '<div class="cm-docinfo">\n</div>'
    assert '<dl class="cm-facts">' in header_html({"document": "rules", "version": "2"})


def test_a_title_that_is_the_kind_of_document_is_not_said_again_by_the_kicker():
    """'Code of Conduct' is both the title and the kind: the kicker's 'CODE OF CONDUCT'
    over the title said the same words twice (closing note of session 9). A title that
    is more than its kind keeps the kind in the kicker."""
    same = render_document(
        parse(SourceText("code.txt", "CODE OF CONDUCT\n\n1. Scope\n\n1.1 It applies.\n"), "code")
    )
    assert "  type_is_title: true\n" in same and "  document_type: Code of Conduct\n" in same
    more = "Members' Code of Conduct for Ashvale\n\n1. Scope\n\n1.1 It applies.\n"
    other = render_document(parse(SourceText("code.txt", more), "code"))
    assert "type_is_title" not in other and "  document_type: Code of Conduct\n" in other
