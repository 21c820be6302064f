"""The pages the site makes for itself, rendered in process: the glossary and a code's hub
page, their heading ids, the links back to each clause and the text kept as text."""

from __future__ import annotations

from clausemark.pages.hubs import code_hub_markdown, glossary_markdown, site_data
from page_layer import CODES, TEXTS, check_html, make_index, render, small_index

HEADERLINK = '<a class="headerlink" href="#{0}" title="Link to this heading">¶</a>'


def heading(level: int, anchor: str, text: str) -> str:
    return f'<h{level} id="{anchor}">{text}{HEADERLINK.format(anchor)}</h{level}>'


def test_the_glossary_gives_each_term_its_slug_and_links_every_use():
    html = render(glossary_markdown(small_index())).html
    assert heading(1, "title", "Glossary") in html
    # the definition holds '&' and '<rules>': shown as written, never markup
    assert (
        heading(2, "monitoring-officer", "Monitoring Officer") + "\n"
        "<p>The officer who sees that the council acts lawfully &amp; keeps its "
        "&lt;rules&gt;.</p>\n"
        "<p><em>Source:</em> An invented act, s.1</p>\n"
        "<p><em>Used in:</em></p>\n"
        "<ul>\n"
        '<li><strong>Ashvale Standing Orders</strong>: <a href="rules.md#sec_1__para_1-3">'
        "para 1.3</a></li>\n"
        '<li><strong>Gifts Protocol</strong>: <a href="gifts.md#para_2-1">para 2.1</a></li>\n'
        "</ul>\n" + heading(2, "quorum", "Quorum")
    ) in html


def test_a_term_a_document_defines_is_listed_under_it_with_a_link_to_its_definition():
    html = render(glossary_markdown(small_index())).html
    assert (
        heading(2, "document-terms", "Terms the documents define for themselves")
        + "\n"
        + heading(3, "rules--proper-officer", "Proper Officer (Ashvale Standing Orders)")
        + "\n"
        '<p>Defined in <a href="rules.md#sec_2__para_2-3">para 2.3</a>: '
        '“"Proper Officer" means the clerk of the council.”</p>\n'
        "<p><em>Used in:</em></p>\n"
        "<ul>\n"
        '<li><strong>Ashvale Standing Orders</strong>: <a href="rules.md#sec_2__para_2-3">'
        'para 2.3</a>, <a href="rules.md#sec_2__para_2-4">para 2.4</a></li>\n'
        "</ul>"
    ) in html


def test_a_code_hub_links_the_code_and_quotes_each_clause_that_mentions_it():
    rendered = render(code_hub_markdown(small_index(), "members-code"))
    check_html(
        rendered.html,
        heading(1, "title", "Members' Code of Conduct") + "\n"
        "<p>How members behave &lt;always&gt;.</p>\n"
        '<p class="cm-code-link"><strong><a href="https://council.example/members-code">'
        "Read the Members' Code of Conduct (Appendix 9)</a></strong></p>\n"
        + heading(2, "mentions", "Clauses that refer to this code")
        + "\n"
        + heading(3, "ashvale-standing-orders", "Ashvale Standing Orders")
        + "\n"
        "<ul>\n"
        # the hub lives in codes/: its links climb out of that folder
        '<li><a href="../rules.md#sec_1__para_1-2">para 1.2</a>: “A member who wishes to '
        "speak follows paragraph 1.1 and the Members' Code of Conduct.”</li>\n"
        "</ul>",
    )
    assert rendered.problems == []


def test_a_code_with_an_unsafe_address_is_not_linked_and_the_build_is_told():
    codes = [{**CODES[0], "url": "javascript:alert(1)"}]
    index = make_index(TEXTS, codes=codes)
    html = render(code_hub_markdown(index, "members-code")).html
    assert "javascript" not in html
    assert (
        '<p class="cm-code-link">The text of the Members\' Code of Conduct (Appendix 9) is not '
        "published on this site.</p>"
    ) in html
    (warning,) = index.config_warnings
    assert warning == (
        "mkdocs.yml (clausemark: documents): document 'members-code': url "
        "'javascript:alert(1)' is not an http, https, mailto or relative address; "
        "the document is not linked"
    )


def test_a_code_no_clause_mentions_says_so():
    index = make_index({"gifts": TEXTS["gifts"]}, codes=CODES)
    html = render(code_hub_markdown(index, "members-code")).html
    assert "<p>No clause in the constitution refers to this code.</p>" in html
    assert "<ul>" not in html


def test_the_site_data_names_each_clause_as_printed_and_each_reference_with_its_status():
    data = site_data(small_index())
    assert data["documents"][0] == {
        "document": "rules",
        "title": "Ashvale Standing Orders",
        "page": "rules.md",
        "version": None,
    }
    labels = {(c["document"], c["anchor"]): c["label"] for c in data["clauses"]}
    assert labels[("rules", "sec_2__para_2-2__subpara_a")] == "para 2.2(a)"
    statuses = {r["text"]: r["status"] for r in data["references"]}
    assert statuses["paragraph 9.9"] == "unresolved"
    assert statuses["paragraph 2.1 of the Gifts Protocol"] == "resolved"
