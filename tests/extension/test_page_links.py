"""The page linker in process: the href each reference becomes, the title a term link
carries, and what is left as text (with the problem the build reports)."""

from __future__ import annotations

import markdown as markdown_module
from clausemark.convert import convert_file
from clausemark.extension.markdown_extension import ClausemarkExtension
from clausemark.extension.page_links import PageLinker, PageProblem, clause_label
from clausemark.index import site_index
from clausemark.readers.text import read_sidecar
from clausemark.support.urls import SiteFiles
from page_layer import (
    CODES,
    EXTENSIONS,
    check_markdown,
    make_index,
    parse_text,
    render,
    render_page,
    small_index,
)

TITLE = '# Ashvale Standing Orders {: #title data-cm-document="rules" }\n\n'
HEADING_1_3 = (
    '<h1 data-cm-document="rules" id="title">Ashvale Standing Orders<a class="headerlink" '
    'href="#title" title="Link to this heading">¶</a></h1>\n'
    '<h3 class="cm-clause" id="sec_1__para_1-3">1.3<a aria-label="Permalink to paragraph 1.3" '
    'class="headerlink" href="#sec_1__para_1-3" title="Link to paragraph 1.3">¶</a></h3>\n'
    '<div class="cm-clause-tools"><button aria-label="Copy citation for paragraph 1.3" '
    'class="cm-cite" data-cm-anchor="sec_1__para_1-3" data-cm-label="para 1.3" '
    'data-cm-number="1.3" title="Copy citation" type="button"></button></div>'
)
# rules 1.3 is cited by gifts 2.2: its "Referenced by" list follows the clause
REFERENCED_BY_1_3 = (
    '<aside aria-label="Links for para 1.3" class="cm-clause-links" data-search-exclude="">'
    '<p class="cm-referenced-by"><span class="cm-list-label">Referenced by: </span>'
    '<a href="gifts.md#para_2-2">para 2.2 of Gifts Protocol</a></p></aside>'
)
MONITORING_OFFICER = (
    '<a class="cm-term" href="glossary.md#monitoring-officer" title="The officer who sees '
    'that the council acts lawfully &amp;amp; keeps its &amp;lt;rules&gt;.">'
    "Monitoring Officer</a>"
)


def clause_1_3(text: str) -> str:
    return f'{TITLE}### 1.3 {{: #sec_1__para_1-3 .cm-clause data-cm-number="1.3" }}\n\n{text}\n'


def test_a_reference_to_a_clause_of_the_same_page_is_a_fragment_link():
    html = render_page("rules").html
    assert (
        '<p>A member who wishes to speak follows <a class="cm-ref" href="#sec_1__para_1-1">'
        "paragraph 1.1</a> and the "
    ) in html


def test_a_reference_to_another_documents_clause_links_its_page_and_names_it():
    html = render_page("rules").html
    assert (
        '<p>Members vote as <a class="cm-ref" href="gifts.md#para_2-1" '
        'title="Gifts Protocol, para 2.1">paragraph 2.1 of the Gifts Protocol</a> sets out.</p>'
    ) in html


def test_a_code_of_conduct_links_its_hub_page():
    html = render_page("rules").html
    assert (
        '<a class="cm-ref cm-code-ref" href="codes/members-code.md" '
        'title="Members&#x27; Code of Conduct">Members\' Code of Conduct</a>.</p>'
    ) in html


def test_a_glossary_term_links_its_first_use_in_a_clause_with_its_definition_as_title():
    check_markdown(
        clause_1_3("The Monitoring Officer keeps it; the Monitoring Officer signs it."),
        HEADING_1_3
        + f"<p>The {MONITORING_OFFICER} keeps it; the Monitoring Officer signs it.</p>\n"
        + REFERENCED_BY_1_3,
    )


def test_a_term_a_document_defines_links_to_its_definition_not_where_it_is_defined():
    html = render_page("rules").html
    assert '<p>"Proper Officer" means the clerk of the council.</p>' in html
    assert (
        '<p>The <a class="cm-term" href="#sec_2__para_2-3" title="&quot;Proper Officer'
        '&quot; means the clerk of the council.">Proper Officer</a> counts the votes.</p>'
    ) in html
    assert 'href="#sec_2__para_2-3"' not in render_page("gifts").html  # defined for rules only


def test_an_unresolved_reference_stays_as_printed_and_the_index_reports_it():
    html = render_page("rules").html
    assert f"<p>The {MONITORING_OFFICER} keeps the register. See paragraph 9.9 below.</p>" in html
    problems = [
        (p.source_document, p.source_anchor, p.text, p.status, p.message)
        for p in small_index().problems()
    ]
    assert problems == [
        (
            "rules",
            "sec_1__para_1-3",
            "paragraph 9.9",
            "unresolved",
            "there is no paragraph 9.9 in rules",
        )
    ]


def test_links_are_never_made_inside_code_or_existing_links():
    check_markdown(
        clause_1_3("Read `paragraph 1.1` and [paragraph 1.1](#sec_1__para_1-2)."),
        HEADING_1_3
        + '<p>Read <code>paragraph 1.1</code> and <a href="#sec_1__para_1-2">paragraph 1.1</a>'
        ".</p>\n" + REFERENCED_BY_1_3,
    )


def test_a_placeholder_link_naming_a_known_document_is_resolved_by_its_words():
    html = render(clause_1_3("Read the [Members' Code of Conduct](#).")).html
    assert (
        '<p>Read the <a class="cm-ref cm-code-ref cm-source-link" href="codes/members-code.md" '
        'title="Members&#x27; Code of Conduct">Members\' Code of Conduct</a>.</p>'
    ) in html


def test_a_relative_link_naming_a_document_of_the_site_links_its_page():
    """A source's own link to another document of the site, written for the site
    ('gifts/'), for the bundle ('gifts.html') or from a page one folder down
    ('../gifts/#para_2-1'), becomes a link to that document's page, which MkDocs writes
    for the site and the bundle alike (trial5 F5: no form passed both before)."""
    html = render(
        clause_1_3(
            "See [one](gifts/), [two](../gifts/#para_2-1), [three](gifts.html), "
            "[four](/gifts), [five](gifts/index.html?x=1) and [six](gifts/versions/2025/)."
        )
    ).html
    assert (
        '<p>See <a href="gifts.md">one</a>, <a href="gifts.md#para_2-1">two</a>, '
        '<a href="gifts.md">three</a>, <a href="gifts.md">four</a>, '
        '<a href="gifts.md">five</a> and <a href="gifts/versions/2025/">six</a>.</p>'
    ) in html


def test_a_relative_link_naming_no_document_is_left_as_written():
    html = render(clause_1_3("See [a](nowhere/), [b](../../etc/), [c](#title).")).html
    assert '<a href="nowhere/">a</a>, <a href="../../etc/">b</a>, <a href="#title">c</a>' in html


def test_a_site_absolute_link_naming_no_page_is_plain_text_and_a_problem_naming_where():
    """A saved web page's own link ('/council/meetings', its council site's address) leads
    nowhere in this site and never works from file://: shown as its words, reported at
    the clause (the build names the source's file and line), never left for the built
    site's link check, which could name only the built page. Words naming a document
    link it, as a placeholder's do."""
    rendered = render(
        clause_1_3(
            "See the [meetings page](/council/meetings), [the Gifts Protocol](/about/gifts) "
            "and [home](/)."
        )
    )
    assert (
        '<p>See the <span class="cm-unlinked">meetings page</span>, <a class="cm-ref '
        'cm-source-link" href="gifts.md" title="Gifts Protocol">the Gifts Protocol</a> and '
        '<span class="cm-unlinked">home</span>.</p>'
    ) in rendered.html
    advice = (
        "leads to no page of this site (the council web site's own address?); give its "
        "full address (https://...) or remove it; shown as plain text"
    )
    assert rendered.problems == [
        PageProblem("rules", "sec_1__para_1-3", f"link '/council/meetings' {advice}"),
        PageProblem("rules", "sec_1__para_1-3", f"link '/' {advice}"),
    ]


# The site's files as the build lists them before any page is written: docs/ files and
# generated pages, each with the path it is written to (directory URLs).
SITE_FILES = {
    "index.md": "index.html",
    "rules.md": "rules/index.html",
    "rules/versions/2025.md": "rules/versions/2025/index.html",
    "gifts.md": "gifts/index.html",
    "codes/members-code.md": "codes/members-code/index.html",
    "about.md": "about/index.html",
    "terms.pdf": "terms.pdf",
    "forms/claim.docx": "forms/claim.docx",
}


def render_on_page(page_markdown: str, page: str, files: dict[str, str]):
    """Render as the plugin does: the linker knows the page and the site's files."""
    linker = PageLinker(small_index())
    linker.site_files = SiteFiles.of(files.items())
    md = markdown_module.Markdown(
        extensions=EXTENSIONS,
        extension_configs={"clausemark": {"linker": lambda root, md: linker(root, md, page)}},
    )
    return md.convert(page_markdown), linker.problems


def test_a_relative_link_leading_to_no_file_of_the_site_is_plain_text_and_a_problem():
    """A saved web page's link into its own site ('../committees/minutes.html') leads to
    no file the build makes: shown as its words and reported at the clause (so the
    source's line), not left for the built site's check, which names only the built
    page. A relative link that leads somewhere keeps its link: as written where MkDocs
    finds its file (from the page's source path: 'terms.pdf', 'about.md'); where only a
    browser on the built site would (from the page's folder: '../about/', 'versions/2025/',
    '../forms/'), to that file as MkDocs names it, so the site and the bundle reach it."""
    html, problems = render_on_page(
        clause_1_3(
            "See [minutes](../committees/minutes.html), [terms](terms.pdf), [about](about.md), "
            "[about us](../about/), [old](versions/2025/), [claim](../forms/claim.docx), "
            "[form](forms/claim.docx), [top](../), [up](../../x/) and [here](#title)."
        ),
        "rules.md",
        SITE_FILES,
    )
    assert (
        '<p>See <span class="cm-unlinked">minutes</span>, <a href="terms.pdf">terms</a>, '
        '<a href="about.md">about</a>, <a href="about.md">about us</a>, '
        '<a href="rules/versions/2025.md">old</a>, <a href="forms/claim.docx">claim</a>, '
        '<a href="forms/claim.docx">form</a>, <a href="index.md">top</a>, '
        '<span class="cm-unlinked">up</span> and <a href="#title">here</a>.</p>'
    ) in html
    advice = (
        "leads to no page or file of this site (an address on the site it was saved "
        "from?); give its full address (https://...), add the file to docs/, or remove it; "
        "shown as plain text"
    )
    assert problems == [
        PageProblem("rules", "sec_1__para_1-3", f"link '../committees/minutes.html' {advice}"),
        PageProblem("rules", "sec_1__para_1-3", f"link '../../x/' {advice}"),
    ]


def test_a_document_answers_to_the_aliases_its_sidecar_gives(tmp_path):
    """'the Scheme of Delegation' names 'Scheme of Delegation to Officers' (trial5 F6):
    `aliases` in the document's own sidecar or front matter, as documents.yml gives
    them, link that name to its page; they were kept and never read."""
    (tmp_path / "officer-scheme.txt").write_text(
        "Scheme of Delegation to Officers\n\n1. Delegations\n\n1.1 Officers decide.\n"
    )
    (tmp_path / "officer-scheme.yml").write_text("aliases: [Scheme of Delegation]\n")
    (tmp_path / "finance-rules.txt").write_text(
        "---\naliases: Money Rules\n---\nFinance Rules\n\n1. Budget\n\n"
        "1.1 As the Scheme of Delegation says.\n\n1.2 Officers follow the Money Rules.\n"
    )
    sidecar = tmp_path / "officer-scheme.yml"
    documents = [
        convert_file(tmp_path / "officer-scheme.txt", defaults=read_sidecar(sidecar, str(sidecar))),
        convert_file(tmp_path / "finance-rules.txt"),
    ]
    index = site_index.build_site_index(documents)
    assert [(r.source_document, r.text, r.status, r.targets) for r in index.references] == [
        ("finance-rules", "Scheme of Delegation", "resolved", (("officer-scheme", None),)),
        ("finance-rules", "Money Rules", "resolved", (("finance-rules", None),)),
    ]


def test_a_placeholder_naming_nothing_is_plain_text_and_a_problem_naming_where():
    rendered = render_page("gifts")
    assert (
        '<p class="cm-note" id="intro_1">Members keep a <span class="cm-unlinked">gift register'
        '</span> and a <span class="cm-unlinked">hospitality book</span>.</p>'
    ) in rendered.html
    assert rendered.problems == [
        PageProblem(
            "gifts",
            "intro_1",
            "placeholder link '[gift register](#)' names no known document; shown as plain text",
        ),
        PageProblem(
            "gifts",
            "intro_1",
            "placeholder link '[hospitality book](#)' names no known document; shown as plain text",
        ),
    ]


def test_an_unsafe_link_target_made_by_markdown_is_refused_and_reported():
    problems = check_markdown(
        clause_1_3("Click [here][bad] or ![a picture][bad].\n\n[bad]: javascript:alert(1)"),
        HEADING_1_3 + '<p>Click <span class="cm-unlinked">here</span> or '
        '<span class="cm-unlinked">a picture</span>.</p>\n' + REFERENCED_BY_1_3,
    )
    refused = (
        "link 'javascript:alert(1)' is not an http, https, mailto or relative address; "
        "shown as plain text"
    )
    assert problems == [PageProblem("rules", "sec_1__para_1-3", refused)] * 2


def test_referenced_by_lists_the_citing_clauses_with_links_from_this_page():
    html = render_page("gifts").html
    assert (
        '<aside aria-label="Links for para 2.1" class="cm-clause-links" data-search-exclude="">'
        '<p class="cm-referenced-by"><span class="cm-list-label">Referenced by: </span>'
        '<a href="rules.md#sec_2__para_2-1">para 2.1 of Ashvale Standing Orders</a></p></aside>'
    ) in html
    # the same document's clauses are named without its title
    assert '<a href="#sec_1__para_1-2">para 1.2</a></p></aside>' in render_page("rules").html


def test_a_clause_is_labelled_as_printed_its_item_in_brackets():
    index = small_index()
    assert clause_label(index, "rules", "sec_2__para_2-2__subpara_b") == "para 2.2(b)"
    assert clause_label(index, "gifts", "para_2-1") == "para 2.1"
    assert clause_label(index, "gifts", "intro_1") == "unnumbered text"


EARLIER = """\
Ashvale Standing Orders

1. Meetings

1.1 The Chair opens each meeting.

1.5 A member follows paragraph 1.5 and the Members' Code of Conduct.
"""


def test_an_earlier_version_links_its_own_clauses_and_from_its_own_page():
    """Paragraph 1.5 exists only in the earlier version: its page links it; the code's
    hub is reached from the version page's folder."""
    page = "rules/versions/2025.md"
    rendered = render(
        '# Ashvale Standing Orders {: #title data-cm-page="rules/versions/2025.md" '
        'data-cm-version-of="rules" }\n\n'
        '### 1.5 {: #sec_1__para_1-5 .cm-clause data-cm-number="1.5" }\n\n'
        "A member follows paragraph 1.5 and the Members' Code of Conduct.\n",
        versions={page: parse_text(EARLIER, "rules")},
    )
    assert (
        '<p>A member follows <a class="cm-ref" href="#sec_1__para_1-5">paragraph 1.5</a> and the '
        '<a class="cm-ref cm-code-ref" href="../../codes/members-code.md" '
        'title="Members&#x27; Code of Conduct">Members\' Code of Conduct</a>.</p>'
    ) in rendered.html
    assert 'data-cm-label="para 1.5"' in rendered.html
    assert "cm-clause-links" not in rendered.html  # "Referenced by" is the current page's


def test_terms_on_an_earlier_versions_page_link_from_its_folder():
    """A term the current version defines links to that definition on the current page."""
    page = "rules/versions/2025.md"
    html = render(
        '# Ashvale Standing Orders {: #title data-cm-page="rules/versions/2025.md" '
        'data-cm-version-of="rules" }\n\n'
        '### 1.1 {: #sec_1__para_1-1 .cm-clause data-cm-number="1.1" }\n\n'
        "The Proper Officer and the Monitoring Officer attend.\n",
        versions={page: parse_text(EARLIER, "rules")},
    ).html
    assert '<a class="cm-term" href="../../rules.md#sec_2__para_2-3" title=' in html
    assert '<a class="cm-term" href="../../glossary.md#monitoring-officer" title=' in html


def test_the_build_names_the_page_it_renders_and_the_title_is_not_read():
    """Handed the page's path, the linker knows the page from the build: a title with no
    data attributes links the same; the same page named as a version page links that
    version's own clauses; a page the build does not know is left alone."""
    markdown = (
        "# Ashvale Standing Orders {: #title }\n\n"
        '### 1.5 {: #sec_1__para_1-5 .cm-clause data-cm-number="1.5" }\n\n'
        "A member follows paragraph 1.5 and the Members' Code of Conduct.\n"
    )
    index = small_index()
    page = "rules/versions/2025.md"
    linker = PageLinker(index, {page: parse_text(EARLIER, "rules")})
    as_version = markdown_module.markdown(markdown, extensions=linked(linker, page))
    assert '<a class="cm-ref" href="#sec_1__para_1-5">paragraph 1.5</a>' in as_version
    assert 'href="../../codes/members-code.md"' in as_version
    as_current = markdown_module.markdown(markdown, extensions=linked(linker, "rules.md"))
    assert 'href="codes/members-code.md"' in as_current
    unknown = markdown_module.markdown(markdown, extensions=linked(linker, "notes.md"))
    assert "cm-ref" not in unknown


def linked(linker: PageLinker, page: str) -> list:
    """The site's extensions, the linker told the page (as the MkDocs adapter tells it)."""
    extension = ClausemarkExtension(linker=lambda root, md=None: linker(root, md, page=page))
    return [*EXTENSIONS[:-1], extension]


def test_a_page_that_is_no_document_is_left_alone():
    rendered = render("# Notes\n\nSee paragraph 1.1 and the Quorum.\n")
    assert rendered.html.endswith("<p>See paragraph 1.1 and the Quorum.</p>")
    assert rendered.problems == []


def test_a_phrase_naming_several_documents_links_the_first_and_a_note_names_them_all():
    """No word is added to the adopted sentence: the note beside the clause is the site's."""
    codes = [*CODES, {"id": "employees-code", "code": True, "title": "Employees' Code of Conduct"}]
    text = "Conduct Rules\n\n1. Scope\n\n1.1 Members and officers follow the codes of conduct.\n"
    index = make_index({"conduct": text}, codes=codes)
    html = render_page("conduct", index).html
    assert (
        '<p>Members and officers follow <a class="cm-ref cm-code-ref" href="codes/members-code.md" '
        'title="Members&#x27; Code of Conduct and Employees&#x27; Code of Conduct">'
        "the codes of conduct</a>.</p>\n"
        '<aside aria-label="Editorial note: documents this clause names" class="cm-editorial '
        'cm-editorial-note" data-search-exclude=""><p><span class="cm-editorial-label">Editorial '
        "note</span> <q>the codes of conduct</q> here means both "
        '<a class="cm-ref" href="codes/members-code.md">Members&#x27; Code of Conduct</a> and '
        '<a class="cm-ref" href="codes/employees-code.md">Employees&#x27; Code of Conduct</a>.'
        "</p></aside>"
    ) in html


def test_the_last_clauses_links_stay_with_it_before_the_pages_footnotes():
    lettings = (
        "Ashvale Lettings Policy\n\n1. Lettings\n\n1.1 A letting follows paragraph 1.2.\n\n"
        "1.2 Fees are set each year.¹\n\n¹ An invented footnote.\n"
    )
    html = render_page("lettings", make_index({"lettings": lettings})).html
    aside = html.index('<aside aria-label="Links for para 1.2" class="cm-clause-links"')
    assert html.index("Fees are set each year.") < aside
    assert '<a href="#sec_1__para_1-1">para 1.1</a></p></aside>' in html[aside:]
    assert aside < html.index('<div class="footnote')


RANGE_RULES = (
    "Ashvale Standing Orders\n\n3. Debate\n\n3.1 A motion is moved.\n\n"
    "3.2 A motion is seconded.\n\n(a) by a member present.\n\n3.3 A motion is put.\n\n"
    "3.4 A vote follows.\n\n4. Rules\n\n4.1 Paragraphs 3.1 to 3.3 apply to amendments.\n"
)


def test_a_range_is_referenced_by_under_every_clause_inside_it():
    index = make_index({"rules": RANGE_RULES})
    citing = [("rules", "sec_4__para_4-1")]
    cited = {anchor for (_, anchor), sources in index.referenced_by.items() if sources == citing}
    assert cited == {"sec_3__para_3-1", "sec_3__para_3-2", "sec_3__para_3-3"}
    html = render_page("rules", index).html
    assert html.count('<a href="#sec_4__para_4-1">para 4.1</a></p></aside>') == 3


def test_a_range_longer_than_the_limit_is_listed_under_its_ends(monkeypatch):
    monkeypatch.setattr(site_index, "RANGE_LIMIT", 1)  # 3.2 and its item (a) are two
    index = make_index({"rules": RANGE_RULES})
    cited = {anchor for (_, anchor), sources in index.referenced_by.items()}
    assert cited == {"sec_3__para_3-1", "sec_3__para_3-3"}


def test_a_terms_definition_is_shortened_once_for_all_its_uses():
    """A term link's title is its definition, shortened: the same few definitions at
    every use of their terms (18,574 term links at 10 times the example)."""
    from clausemark.extension import page_links

    page_links._short.cache_clear()
    first = render_page("rules").html
    shortened = page_links._short.cache_info().misses
    assert shortened == first.count('class="cm-term"') > 0
    assert render_page("rules").html == first  # the same terms again: none shortened again
    assert page_links._short.cache_info().misses == shortened


def test_a_link_written_for_the_sites_addresses_reaches_its_file_from_the_bundle_too():
    """The bundle writes 'rules.md' as 'rules.html' (no folder per page): a source's link
    written for the site's addresses ('../about/#terms' from 'rules/') still finds its
    file, linked as MkDocs names it, so both builds reach it and neither reports it."""
    bundle = {
        source: source[: -len(".md")] + ".html" if source.endswith(".md") else source
        for source in SITE_FILES
    }
    html, problems = render_on_page(
        clause_1_3("See [about](../about/#terms), [claim](../forms/claim.docx), [x](../x/)."),
        "rules.md",
        bundle,
    )
    assert (
        '<p>See <a href="about.md#terms">about</a>, <a href="forms/claim.docx">claim</a>, '
        '<span class="cm-unlinked">x</span>.</p>'
    ) in html
    assert [problem.message.split(" leads")[0] for problem in problems] == ["link '../x/'"]
