"""Cross-links in the built example site: references, codes, glossary, related, the index."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
import yaml
from site_builds import BuildResult

DOCUMENTS = (
    "emcca-member-officer-protocol",
    "model-member-officer-relations-protocol",
    "newcastle-under-lyme-member-officer-relations-protocol",
    "part-e-code-3-member-officer-relations",
)
CODE_MENTION = re.compile(
    r"\b(codes? of conduct|those codes|these codes|the codes|two codes|councillors.? code)\b", re.I
)


class Links(HTMLParser):
    """Links in the article, and the article's text that is not inside a link."""

    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.unlinked: list[str] = []
        self._href: str | None = None
        self._text = ""
        self._article = 0
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "article":
            self._article += 1
        if tag in {"aside", "script", "h1", "h2", "h3", "h4", "h5", "h6"}:
            self._skip += 1
        if tag == "a":
            self._href, self._text = attributes.get("href"), ""

    def handle_endtag(self, tag):
        if tag == "article":
            self._article -= 1
        if tag in {"aside", "script", "h1", "h2", "h3", "h4", "h5", "h6"}:
            self._skip -= 1
        if tag == "a" and self._href is not None:
            self.links.append((self._text, self._href))
            self._href = None

    def handle_data(self, data):
        if self._href is not None:
            self._text += data
        elif self._article and not self._skip:
            self.unlinked.append(data)


def parse(site, page):
    links = Links()
    links.feed((site / page / "index.html").read_text(encoding="utf-8"))
    return links


@pytest.mark.smoke
def test_paragraph_onwards_references_link_to_their_paragraphs(built_site):
    links = parse(built_site, "emcca-member-officer-protocol").links
    assert ("paragraph 46", "#para_46") in links
    assert ("paragraph 21", "#para_21") in links
    assert ("paragraph 35", "#para_35") in links


def test_clause_references_across_sections_and_documents(built_site):
    newcastle = parse(built_site, "newcastle-under-lyme-member-officer-relations-protocol").links
    assert ("Appendix 18 of the Constitution", "../codes/members-code/") in newcastle


@pytest.mark.parametrize("page", DOCUMENTS + ("town-council-member-officer-relations-protocol",))
def test_every_code_of_conduct_mention_is_a_link(built_site, page):
    parsed = parse(built_site, page)
    unlinked = CODE_MENTION.findall(" ".join(parsed.unlinked))
    assert unlinked == []
    assert any(href.endswith("codes/members-code/") for _text, href in parsed.links)


def test_both_codes_and_placeholders_resolve(built_site):
    links = parse(built_site, "model-member-officer-relations-protocol").links
    assert ("employees", "../codes/employees-code/") in links
    assert ("members", "../codes/members-code/") in links
    assert ("member code of conduct", "../codes/members-code/") in links


def test_no_empty_fragment_links_anywhere(built_site):
    for page in built_site.rglob("*.html"):
        assert 'href="#"' not in page.read_text(encoding="utf-8"), page


def test_code_hub_lists_the_clauses_that_refer_to_it(built_site):
    hub = parse(built_site, "codes/members-code").links
    assert ("para 20", "../../emcca-member-officer-protocol/#para_20") in hub
    assert (
        "para 12.3",
        "../../newcastle-under-lyme-member-officer-relations-protocol/#sec_12__para_12-3",
    ) in hub


def test_glossary_page_defines_terms_and_links_back_to_uses(built_site):
    html = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'id="monitoring-officer"' in html
    assert "The senior officer every council must appoint" in html
    links = parse(built_site, "glossary").links
    assert any(href.startswith("../part-e-code-3-member-officer-relations/#") for _t, href in links)


def test_terms_link_to_the_glossary_with_their_definition_as_title(built_site):
    html = (built_site / "part-e-code-3-member-officer-relations" / "index.html").read_text("utf-8")
    match = re.search(
        r'<a class="cm-term" href="([^"]+)" title="([^"]+)">Monitoring Officer</a>', html
    )
    assert match and match.group(1) == "../glossary/#monitoring-officer"
    assert match.group(2).startswith("The senior officer every council must appoint")
    heading_text = re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", html)
    assert not any("cm-term" in heading or "cm-ref" in heading for heading in heading_text)


def test_first_use_per_clause_only(built_site):
    html = (built_site / "emcca-member-officer-protocol" / "index.html").read_text("utf-8")
    clause = html.split('id="para_41"')[1].split('class="cm-clause"')[0]
    assert clause.count("glossary/#monitoring-officer") <= 1


def test_related_lists_connect_unnumbered_paragraphs_to_their_counterparts(built_site):
    html = (built_site / "model-member-officer-relations-protocol" / "index.html").read_text(
        "utf-8"
    )
    after_para_1 = html.split('id="para_1"')[1].split('id="para_2"')[0]
    assert "../part-e-code-3-member-officer-relations/#sec_1-0__para_1-1" in after_para_1
    # the link names the label too: two protocols on member/officer relations share a title
    assert "Part E Code 3: Protocol on Member/Officer Relations, " in after_para_1


def test_referenced_by_lists_the_citing_clause(built_site):
    html = (built_site / "emcca-member-officer-protocol" / "index.html").read_text("utf-8")
    after_46 = html.split('id="para_46"')[1].split('id="para_47"')[0]
    assert "Referenced by" in after_46 and 'href="#para_9__subpara_1"' in after_46


def test_site_index_json_has_clauses_references_terms_and_related(built_site):
    data = json.loads((built_site / "clausemark-index.json").read_text(encoding="utf-8"))
    assert data["format"] == "clausemark-site-index"
    onwards = [r for r in data["references"] if r["text"] == "paragraph 46 onwards"]
    assert onwards and onwards[0]["targets"] == [
        {"document": "emcca-member-officer-protocol", "anchor": "para_46"}
    ]
    assert any(t["term"] == "Monitoring Officer" and t["uses"] for t in data["terms"])
    assert any(r["related"] for r in data["related"])


def _project(new_site, text: str, allow: list[str]) -> BuildResult:
    config = {
        "site_name": "Test",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"clausemark": {"allow_warnings": allow}}],
    }
    return new_site({"rules.txt": text}, mkdocs_yml=config, expect_failure=None)


RULES = "1. Scope\n\n1.1 These rules apply to all meetings.\n\n1.2 See paragraph 9.9 below.\n"


def test_strict_build_fails_on_an_unresolved_reference_naming_document_and_clause(new_site):
    result = _project(new_site, RULES, [])
    assert result.returncode != 0
    # the file and line, the cause once, the fix
    assert (
        "sources/rules.txt:5: unresolved reference 'paragraph 9.9': there is no paragraph 9.9 "
        "in rules. Fix: correct the number in the text if it is mistyped, or add "
        '`not_references: ["paragraph 9.9"]` (or "paragraph 9.9 @ 1.2" for that clause only) '
        "to sources/rules.yml"
    ) in result.stderr


def test_allow_list_accepts_a_known_gap(new_site):
    result = _project(new_site, RULES, ["reference 'paragraph 9.9'"])
    assert result.returncode == 0, result.stderr
    html = result.page("rules/index.html")
    assert "See paragraph 9.9 below." in html


def test_a_reference_in_text_outside_the_clauses_is_checked_too(new_site):
    text = "Standing Orders\n\nSee paragraph 9.9 for the quorum.\n\n" + RULES.replace(
        "1.2 See paragraph 9.9 below.\n", "1.2 See paragraph 1.1 above.\n"
    )
    result = _project(new_site, text, [])
    assert result.returncode != 0
    assert "sources/rules.txt:3: unresolved reference 'paragraph 9.9'" in result.stderr


def test_an_earlier_version_is_cross_linked_against_its_own_clauses(new_site):
    old = (
        "Standing Orders\n\n1. Scope\n\n1.1 These orders apply to meetings.\n\n"
        "1.2 Quorum is three.\n\n1.3 See paragraph 1.2 and the Members' Code of Conduct.\n"
    )
    new = (
        "Standing Orders\n\n1. Scope\n\n1.1 These orders apply to meetings.\n\n"
        "1.3 See the Members' Code of Conduct.\n"
    )
    codes = [{"id": "members-code", "code": True, "title": "Members' Code of Conduct"}]
    config = {
        "site_name": "Test",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"clausemark": {"allow_warnings": ["numbering jumps"]}}],
    }
    sources = {"rules/2025.txt": old, "rules/2026.txt": new, "documents.yml": yaml.safe_dump(codes)}
    result = new_site(sources, mkdocs_yml=config, expect_failure=None)
    assert result.returncode == 0, result.stderr
    page = result.page("rules/versions/2025/index.html")
    links = Links()
    links.feed(page)
    hrefs = dict(links.links)
    assert hrefs["paragraph 1.2"] == "#sec_1__para_1-2"  # 1.2 exists in 2025, not in 2026
    assert hrefs["Members' Code of Conduct"] == "../../../codes/members-code/"
    assert 'id="sec_1__para_1-2"' in page


MEETINGS_PAGE = """<html><head><title>Meetings Protocol</title></head><body>
<h1>Meetings Protocol</h1>
<h2>1. Meetings</h2>
<p>1.1 The dates of meetings are on the <a href="/council/meetings">meetings page</a>.</p>
<p>1.2 Minutes are kept by the Clerk.</p>
</body></html>
"""


@pytest.mark.smoke
def test_a_saved_web_pages_site_absolute_link_fails_at_its_source_line_not_the_built_page(
    new_site,
):
    """A web page saved from the council's site keeps its site's own links: the strict
    build stops on one line naming the source file and the clause's line; the built
    page, which the user never wrote, is named nowhere (polish12's item 7)."""
    config = {
        "site_name": "Test",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"clausemark": {}}],
    }
    result = new_site({"meetings.html": MEETINGS_PAGE}, mkdocs_yml=config, expect_failure=None)
    assert result.returncode != 0
    problems = [line for line in result.stderr.splitlines() if "/council/meetings" in line]
    assert len(problems) == 1, result.stderr
    where = "sources/meetings.html (line 4): link '/council/meetings' leads to no page"
    assert where in problems[0]
    assert "meetings/index.html" not in result.stderr


COMMITTEES_PAGE = """<html><head><title>Committees Protocol</title></head><body>
<h1>Committees Protocol</h1>
<h2>1. Committees</h2>
<p>1.1 Minutes of each committee are on the <a href="../committees/minutes.html">minutes
page</a>.</p>
<p>1.2 The terms of reference are in <a href="terms.pdf">the terms</a>, the
<a href="../meetings/">Meetings Protocol</a> and the <a href="../about/">about page</a>.</p>
</body></html>
"""


@pytest.mark.smoke
def test_a_saved_web_pages_relative_link_leading_nowhere_fails_at_its_source_line(new_site):
    """A saved web page's relative link into its own council's site
    ('../committees/minutes.html') leads to no file of this site: the strict build stops
    on one line naming the source file and the clause's line, and the built page is named
    nowhere (polish13's item 1 sibling). Relative links that do lead somewhere keep their
    link: a file in docs/ ('terms.pdf', as MkDocs finds it), another document's page
    ('../meetings/') and a page of docs/ ('../about/', as the built site finds it)."""
    config = {
        "site_name": "Test",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"clausemark": {}}],
    }
    result = new_site(
        {
            "committees.html": COMMITTEES_PAGE,
            "meetings.html": MEETINGS_PAGE.replace(
                'the <a href="/council/meetings">meetings page</a>', "the notice board"
            ),
        },
        docs={"terms.pdf": "%PDF-1.4 terms", "about.md": "# About\n\nThis site.\n"},
        mkdocs_yml=config,
        expect_failure=None,
    )
    assert result.returncode != 0
    problems = [line for line in result.stderr.splitlines() if "minutes.html" in line]
    assert len(problems) == 1, result.stderr
    where = (
        "sources/committees.html (line 4): link '../committees/minutes.html' leads to no "
        "page or file of this site"
    )
    assert where in problems[0], result.stderr
    assert "committees/index.html" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert warnings == problems, result.stderr
    # each link taken away would have its own warning: the three that lead somewhere keep theirs


SITE_RELATIVE_PAGE = """<html><head><title>Forms Protocol</title></head><body>
<h1>Forms Protocol</h1>
<h2>1. Forms</h2>
<p>1.1 Claims are made on <a href="../forms/claim.pdf">the claim form</a> under the
<a href="../about/#terms">terms</a>.</p>
</body></html>
"""


def test_a_relative_link_written_for_the_built_site_links_its_file_in_the_site_and_bundle(
    new_site,
):
    """A relative link written from the page's address on the built site ('../forms/
    claim.pdf' from forms-protocol/) leads to a file of the site, but MkDocs reads links
    from the page's source ('forms-protocol.md'), found nothing and failed --strict naming
    a page the user never wrote. It links the file it leads to, as MkDocs names it, so
    the site and the bundle (where the page is forms-protocol.html) both reach it."""
    result = new_site(
        {"forms-protocol.html": SITE_RELATIVE_PAGE},
        docs={
            "index.md": "# Home\n",
            "forms/claim.pdf": "%PDF-1.4 claim",
            "about.md": "# About\n\n## Terms {: #terms }\n\nTerms.\n",
        },
    )
    assert "WARNING" not in result.stderr, result.stderr
    page = result.page("forms-protocol/index.html")
    assert '<a href="../forms/claim.pdf">the claim form</a>' in page
    assert '<a href="../about/#terms">terms</a>' in page
