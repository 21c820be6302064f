"""The Markdown a document gives, read as the page shows it: every clause under its anchor,
the site's own words marked editorial, and hostile source text kept as text."""

from __future__ import annotations

import re

import yaml
from clausemark.render.markdown_writer import render_document
from page_layer import body, make_index, parse_text, render, small_index

HOSTILE = """\
Hostile Rules

1. Scope

1.1 Members never write <script>alert(1)</script> or <img src=x onerror=alert(2)> here.

1.2 {: #x onclick=alert(3) } and [text](javascript:alert(4)) and &lt;b&gt; stay words.

1.4 # not a heading

Table of roles
Name\tRole
Ann\tChair | Vice
"""
NOTES = """\
Notes Rules

1. Scope

1.1 Members¹ attend.²

¹ Elected members.
"""


def page(doc_id: str, text: str) -> tuple[str, str]:
    """(the writer's Markdown, its HTML) for one invented text."""
    markdown = render_document(parse_text(text, doc_id))
    return markdown, render(markdown, make_index({doc_id: text})).html


def test_front_matter_names_the_document_and_its_source():
    markdown = render_document(small_index().documents["rules"])
    front = yaml.safe_load(markdown.split("---\n")[1])
    assert front["title"] == "Ashvale Standing Orders"
    assert front["clausemark"]["document"] == "rules"
    assert front["clausemark"]["source"] == "rules.txt"
    assert front["clausemark"]["warnings"] == 0


def test_every_clause_and_item_carries_its_anchor_in_an_attribute_list():
    markdown = body(render_document(small_index().documents["rules"]))
    anchors = re.findall(r"\{: #(\S+)", markdown)
    assert anchors == [
        "title",
        "sec_1",
        "sec_1__para_1-1",
        "sec_1__para_1-2",
        "sec_1__para_1-3",
        "sec_2",
        "sec_2__para_2-1",
        "sec_2__para_2-2",
        "sec_2__para_2-2__subpara_a",
        "sec_2__para_2-2__subpara_b",
        "sec_2__para_2-3",
        "sec_2__para_2-4",
    ]
    # one clause is one block: a diff of two versions shows clause-sized changes
    assert "\n\n### 1.2 {: #sec_1__para_1-2 .cm-clause" in markdown
    assert "\n    {: #sec_2__para_2-2__subpara_a .cm-item" in markdown


def test_markup_in_a_source_reaches_the_page_as_text():
    _markdown, html = page("hostile", HOSTILE)
    assert "<script" not in html and "<img" not in html
    assert not re.search(r"<[^>]*\son\w+=", html)  # no event handler on any element
    assert (
        "<p>Members never write &lt;script&gt;alert(1)&lt;/script&gt; or "
        "&lt;img src=x onerror=alert(2)&gt; here.</p>"
    ) in html
    # an attribute list in the text is words, never attributes; an unsafe link its label
    assert "<p>{: #x onclick=alert(3) } and text and &lt;b&gt; stay words.</p>" in html
    assert 'id="x"' not in html


def test_a_line_that_looks_like_block_syntax_stays_a_paragraph():
    _markdown, html = page("hostile", HOSTILE)
    assert "<p>&#35; not a heading</p>" in html  # the sign as a character reference
    assert "<h1>" not in html


def test_a_table_keeps_its_cells_and_a_pipe_inside_one():
    _markdown, html = page("hostile", HOSTILE)
    assert '<p class="cm-table-caption" id="sec_1__table_1"><strong>Table of roles</strong>' in html
    assert "<td>Ann</td>\n<td>Chair | Vice</td>" in html


def test_a_printed_numbering_error_gets_an_editorial_note_beside_the_clause():
    _markdown, html = page("hostile", HOSTILE)
    assert (
        '<p>&#35; not a heading</p>\n<aside class="cm-editorial cm-editorial-note '
        'cm-numbering-note" data-search-exclude aria-label="Editorial note on the numbering">'
        '<p><span class="cm-editorial-label">Editorial note</span> The adopted text prints no '
        "1.3: its numbering jumps from 1.2 to 1.4.</p></aside>"
    ) in html


def test_a_title_the_source_does_not_print_is_marked_as_the_sites():
    _markdown, html = page("town-rules", "1. Scope\n\n1.1 First rule.\n")
    assert html.startswith(
        '<h1 class="cm-editorial" data-cm-document="town-rules" id="title">Town rules<a '
    )
    printed = render(render_document(small_index().documents["rules"])).html
    assert printed.startswith('<h1 data-cm-document="rules" id="title">Ashvale Standing Orders')


def test_footnote_markers_show_the_printed_number_and_link_both_ways():
    _markdown, html = page("notes", NOTES)
    assert (
        '<p>Members<sup class="cm-fnref" id="fnref:1"><a href="#fn:1" aria-label="Footnote 1">1'
        '</a></sup> attend.<sup class="cm-fnref" id="fnref:2"><a href="#fn:2" '
        'aria-label="Footnote 2">2</a></sup></p>'
    ) in html
    assert (
        '<p class="cm-footnote" id="fn:1"><span class="cm-footnote-label">1</span> Elected '
        'members. <a class="footnote-backref" href="#fnref:1" aria-label="Back to the text of '
        'footnote 1">↩</a></p>'
    ) in html


def test_a_missing_footnote_is_said_so_in_the_sites_words():
    _markdown, html = page("notes", NOTES)
    assert (
        '<p class="cm-footnote cm-editorial" data-search-exclude="data-search-exclude" '
        'id="fn:2"><span class="cm-footnote-label">2</span> The text of footnote 2 is missing '
        "from the source document. "
    ) in html


HISTORY = """\
Tarnwick Rules

{heading}

Version\tDate adopted\tMinute
1\t1 May 2024\tTC/24/1
2\t6 May 2025\tTC/25/9

1. Scope

1.1 The rules apply.
"""


def test_a_version_table_under_its_own_printed_heading_gets_no_second_one():
    """'Version history' printed over the table was followed by the site's caption
    'Version history' (the session-9 trial's Word file): the words twice. The table keeps
    its id; under another heading the site's caption stays, marked as the site's."""
    _markdown, html = page("history", HISTORY.format(heading="Version history"))
    assert html.count("Version history") == 1
    assert '<span id="history"></span>' in html
    assert html.index('id="history"') < html.index("<table>")
    _markdown, html = page("history", HISTORY.format(heading="Document control"))
    assert '<p class="cm-table-caption cm-editorial" id="history"><strong>Version history' in html


BULLETS_FIRST = """\
Allotment Rules

These rules cover:

- the tenancy of plots;
- the keeping of hens;
- bonfires.

1. Tenancies

1.1 A plot is let for one year.
"""


def test_bullets_standing_before_the_first_clause_read_as_bullets_with_their_counted_ids():
    """Bullets at the top of a numbered document (before clause 1; Word bullets set beside
    a numbered item) are clauses counted at their level (ANCHORS.md section 5: `para_1`,
    `para_2`): the page shows them as the bulleted list the source prints, each item
    with its id and permalink, never as counted paragraphs '[1]' with no bullet mark
    (polish12's trial, T4)."""
    document = parse_text(BULLETS_FIRST, "allotments")
    html = render(render_document(document), make_index({"allotments": BULLETS_FIRST})).html
    items = re.findall(r'class="cm-item" id="([^"]+)">([^<]*)', html)
    assert items == [
        ("para_1", "the tenancy of plots;"),
        ("para_2", "the keeping of hens;"),
        ("para_3", "bonfires."),
    ]
    assert ">[1]<" not in html and "cm-unnumbered" not in html  # no counted paragraph
    list_ = html.split("<ul>", 1)[1].split("</ul>", 1)[0]  # one list, all three in it
    assert re.findall(r'id="(para_\d)"', list_) == ["para_1", "para_2", "para_3"]
    assert 'class="cm-item-link" href="#para_2"' in html  # its permalink
