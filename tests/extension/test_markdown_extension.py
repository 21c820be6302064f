"""The clausemark Markdown extension in process: the ids, data attributes, permalinks and
"copy citation" buttons each clause gets, and what it keeps out of the table of contents."""

from __future__ import annotations

import re

import markdown
from clausemark.render.long_text import SPLIT_OVER
from page_layer import check_markdown, render, render_page

TITLE = '# Gifts Protocol {: #title data-cm-document="gifts" }\n\n'
TITLE_HTML = (
    '<h1 data-cm-document="gifts" id="title">Gifts Protocol<a class="headerlink" '
    'href="#title" title="Link to this heading">¶</a></h1>\n'
)


def test_a_numbered_clause_gets_a_labelled_permalink_and_a_citation_button():
    check_markdown(
        TITLE + '### 2.2 {: #para_2-2 .cm-clause data-cm-number="2.2" }\n\n'
        "Declarations are reported.\n",
        TITLE_HTML
        + '<h3 class="cm-clause" id="para_2-2">2.2<a aria-label="Permalink to paragraph 2.2" '
        'class="headerlink" href="#para_2-2" title="Link to paragraph 2.2">¶</a></h3>\n'
        '<div class="cm-clause-tools"><button aria-label="Copy citation for paragraph 2.2" '
        'class="cm-cite" data-cm-anchor="para_2-2" data-cm-label="para 2.2" '
        'data-cm-number="2.2" title="Copy citation" type="button"></button></div>'
        "<p>Declarations are reported.</p>",
    )


def test_an_unnumbered_paragraph_becomes_a_counted_heading_one_level_below():
    check_markdown(
        TITLE + "## Introduction {: #crossheading_1 }\n\n"
        "Gifts are part of public life.\n"
        '{: #para_12 .cm-clause .cm-unnumbered data-cm-number="12" }\n',
        TITLE_HTML
        + '<h2 id="crossheading_1">Introduction<a class="headerlink" href="#crossheading_1" '
        'title="Link to this heading">¶</a></h2>\n'
        '<h3 class="cm-clause cm-unnumbered" id="para_12">'
        '<span class="cm-sr">Paragraph 12 (unnumbered)</span>'
        '<span aria-hidden="true" class="cm-editorial cm-counted" data-search-exclude="" '
        'title="Counted paragraph: the source prints no number">[12]</span>'
        '<a aria-label="Permalink to paragraph 12 (unnumbered)" class="headerlink" '
        'href="#para_12" title="Link to paragraph 12 (unnumbered)">¶</a></h3>'
        '<div class="cm-clause-tools"><button aria-label="Copy citation for paragraph 12 '
        '(unnumbered)" class="cm-cite" data-cm-anchor="para_12" data-cm-label="" '
        'data-cm-number="" title="Copy citation" type="button"></button></div>'
        '<p class="cm-clause-text">Gifts are part of public life.</p>',
    )


def test_an_unnumbered_paragraph_under_a_deep_heading_stops_at_h6():
    html = render("###### Deep {: #deep }\n\nText.\n{: #para_3 .cm-clause .cm-unnumbered }\n").html
    assert '<h6 class="cm-clause cm-unnumbered" id="para_3">' in html


def test_an_item_gets_its_own_permalink_and_citation_as_printed():
    html = render_page("rules").html
    assert (
        '<p class="cm-item" id="sec_2__para_2-2__subpara_b"><strong>(b)</strong> vote by a show '
        'of hands.<a aria-label="Permalink to item (b)" class="cm-item-link" '
        'href="#sec_2__para_2-2__subpara_b" title="Link to this item">¶</a>'
        '<button aria-label="Copy citation for para 2.2(b)" class="cm-cite cm-cite-item" '
        'data-cm-anchor="sec_2__para_2-2__subpara_b" data-cm-label="para 2.2(b)" '
        'title="Copy citation" type="button"></button></p>'
    ) in html


def test_every_clause_of_a_page_has_one_id_and_one_citation_button():
    html = render_page("rules").html
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    clauses = re.findall(r'<h3 class="cm-clause" id="([^"]+)"', html)
    assert clauses == [
        "sec_1__para_1-1",
        "sec_1__para_1-2",
        "sec_1__para_1-3",
        "sec_2__para_2-1",
        "sec_2__para_2-2",
        "sec_2__para_2-3",
        "sec_2__para_2-4",
    ]
    cited = re.findall(r'class="cm-cite" data-cm-anchor="([^"]+)"', html)
    assert cited == clauses
    assert "data-cm-cite" not in html  # read by the tools, then taken off the heading


def test_clause_headings_are_kept_out_of_the_table_of_contents():
    toc = render_page("rules").toc
    (title,) = toc
    assert title["id"] == "title"
    assert [(entry["id"], entry["name"]) for entry in title["children"]] == [
        ("sec_1", "1. Meetings"),
        ("sec_2", "2. Voting"),
    ]
    assert all(entry["children"] == [] for entry in title["children"])


def test_the_extension_runs_without_a_linker():
    html = markdown.markdown(
        '### 4.8 {: #sec_4__para_4-8 .cm-clause data-cm-number="4.8" }\n\nSee paragraph 4.8.\n',
        extensions=["attr_list", "clausemark"],
    )
    assert 'data-cm-number="4.8"' in html
    assert "<p>See paragraph 4.8.</p>" in html  # nothing to link against


def test_an_absurdly_long_paragraph_keeps_every_character_in_order():
    words = " ".join(f"*w{n}*" for n in range(SPLIT_OVER // 4))
    html = render(TITLE + words + "\n").html
    emphasised = re.findall(r"<em>(w\d+)</em>", html)
    assert emphasised == [f"w{n}" for n in range(SPLIT_OVER // 4)]
