"""How the published site looks and behaves: the document header, citation data, CSS and JS.

Template behaviour is checked on the example site and on a tiny Material site that uses the
repository's overrides/ with hand-written front matter (drafts, overdue reviews, escaping),
so no test depends on which version of a document the example happens to publish.
"""

from __future__ import annotations

import datetime
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from browser_support import serve_directory
from clausemark.render.markdown_writer import shown_dates
from clausemark.render.page_header import header_html
from clausemark.support import dates
from hypothesis import given
from hypothesis import strategies as st
from site_builds import REPO_ROOT, build_site, make_project

OVERRIDES = REPO_ROOT / "overrides"
ASSETS = REPO_ROOT / "plugins" / "clausemark" / "assets"
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

NEWCASTLE = "newcastle-under-lyme-member-officer-relations-protocol"
MODEL = "model-member-officer-relations-protocol"

# ----------------------------------------------------------------------------- helpers


class Node:
    def __init__(self, tag: str, attrs: dict[str, str]):
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return re.sub(r"\s+", " ", "".join(parts)).strip()

    def walk(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [
            node
            for node in self.walk()
            if (tag is None or node.tag == tag) and (cls is None or cls in node.classes)
        ]

    def find(self, tag: str | None = None, cls: str | None = None) -> Node:
        found = self.find_all(tag, cls)
        assert found, f"no <{tag or '*'} class={cls!r}>"
        return found[0]


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self._stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {name: value or "" for name, value in attrs})
        self._stack[-1].children.append(node)
        if tag not in VOID_TAGS:
            self._stack.append(node)

    def handle_endtag(self, tag):
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data):
        self._stack[-1].children.append(data)


def parse_page(path: Path) -> Node:
    builder = _TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    return builder.root


def facts(document: Node) -> dict[str, str]:
    """The document header's <dl> as {term: value}."""
    header = document.find("dl", "cm-facts")
    return {
        fact.find("dt").text(): fact.find("dd").text() for fact in header.find_all(cls="cm-fact")
    }


def visible_notices(document: Node) -> dict[str, str]:
    """Notices in the header that are not hidden, keyed by their modifier class."""
    return {
        next(c for c in notice.classes if c.startswith("cm-notice--")): notice.text()
        for notice in document.find_all(cls="cm-notice")
        if "hidden" not in notice.attrs
    }


# ---------------------------------------------------------------- a site made for tests

PAGES = {
    # The town council's 2026 version, as the converter describes it in front matter.
    "adopted.md": {
        "title": "Member/Officer Relations Protocol",
        "clausemark": {
            "document": "town-council-member-officer-relations-protocol",
            "document_type": "Protocol",
            "version": "2026",
            "status": "adopted",
            "adopted": "2026-03-23",
            "adopted_by": "Full Council",
            "minute": "2026-101",
            "next_review": "2027-03",
            "illustrative": False,
            "warnings": 0,
        },
    },
    "due-this-month.md": {
        "title": "Protocol Due In April",
        "clausemark": {"document": "due", "status": "adopted", "next_review": "2027-04"},
    },
    "draft.md": {
        "title": "Elected Member/Officer Relations Protocol",
        "clausemark": {
            "document": "draft-protocol",
            "council": "Smith & <Jones> Council",
            "document_type": "Protocol",
            "label": "Appendix 20",
            "version": "2027",
            "status": "draft",
            "adopted": "(draft)",
            "adopted_by": "G White",
            "illustrative": True,
        },
    },
}
CLAUSE_BODY = (
    "# {title} {{: #title }}\n\n"
    "{header}\n\n"
    "### 4.8 {{: #sec_4__para_4-8 .cm-clause }}\n\n"
    "Members shall not accept gifts.\n"
)


def presentation_project(root: Path, *, build_date: str | None) -> Path:
    """A Material site using this repository's overrides/ and clausemark.js (no plugin):
    its pages are what the writer gives: front matter with the dates written for readers,
    and the status block after the title."""
    pages = {"index.md": "# Home\n\nNot a constitution document.\n"}
    for name, meta in PAGES.items():
        facts = meta["clausemark"]
        shown = shown_dates(facts.get("adopted"), facts.get("next_review"), build_date)
        meta = {**meta, "clausemark": {**facts, "shown": shown}}  # as the writer gives it
        front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
        body = CLAUSE_BODY.format(title=meta["title"], header=header_html(meta["clausemark"]))
        pages[name] = f"---\n{front}---\n\n{body}"
    config = {
        "site_name": "Presentation Test Site",
        "theme": {"name": "material", "custom_dir": str(OVERRIDES), "font": False},
        "extra": {"council": "Example Borough Council"},
        "extra_javascript": ["js/clausemark.js"],
        "markdown_extensions": ["attr_list", {"toc": {"permalink": "¶"}}],
    }
    if build_date:
        config["extra"]["build_date"] = build_date
    make_project(root, mkdocs_yml=config, docs=pages)
    (root / "docs" / "js").mkdir()
    shutil.copy(ASSETS / "clausemark.js", root / "docs" / "js" / "clausemark.js")
    return root


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory) -> Path:
    """Built as if on 1 April 2027: a review due in March 2027 is overdue, April's is not."""
    project = presentation_project(tmp_path_factory.mktemp("dated"), build_date="2027-04-01")
    return build_site(project, project / "site").site_dir


@pytest.fixture(scope="module")
def undated_site(tmp_path_factory) -> Path:
    """No extra.build_date: the overdue notice is left for clausemark.js to reveal."""
    project = presentation_project(tmp_path_factory.mktemp("undated"), build_date=None)
    return build_site(project, project / "site").site_dir


def document_of(site: Path, page: str) -> Node:
    return parse_page(site / page / "index.html").find("div", "cm-document")


# ------------------------------------------------------------------ the document header


def test_header_shows_version_adoption_minute_and_review_dates(dated_site):
    document = document_of(dated_site, "adopted")
    assert facts(document) == {
        "Status": "Adopted",
        "Version": "2026",
        "Adopted": "23 March 2026",
        "Adopted by": "Full Council",
        "Minute": "2026-101",
        "Next review": "March 2027",
    }
    assert document.find("time").attrs["datetime"] == "2026-03-23"
    assert document.find(cls="cm-kicker").text() == "Example Borough Council · Protocol"


def test_document_wrapper_carries_the_citation_data(dated_site):
    attrs = document_of(dated_site, "adopted").attrs
    assert attrs["data-cm-title"] == "Member/Officer Relations Protocol"
    assert attrs["data-cm-version"] == "2026"
    assert attrs["data-cm-label"] == ""
    assert attrs["data-cm-status"] == "adopted"
    assert attrs["data-cm-council"] == "Example Borough Council"
    assert attrs["data-cm-adopted"] == "23 March 2026"
    assert attrs["data-cm-next-review"] == "2027-03"


def test_build_date_after_the_review_month_shows_the_overdue_notice(dated_site):
    notices = visible_notices(document_of(dated_site, "adopted"))
    assert notices == {
        "cm-notice--overdue": "Review overdue: this document was due for review in March 2027."
    }


def test_review_due_in_the_build_month_is_not_yet_overdue(dated_site):
    document = document_of(dated_site, "due-this-month")
    assert visible_notices(document) == {}
    assert "hidden" in document.find(cls="cm-notice--overdue").attrs


def test_without_build_date_the_notice_is_rendered_hidden_for_the_script(undated_site):
    document = document_of(undated_site, "adopted")
    notice = document.find(cls="cm-notice--overdue")
    assert "hidden" in notice.attrs and "in March 2027" in notice.text()
    assert document.attrs["data-cm-next-review"] == "2027-03"


def test_draft_gets_a_warning_and_illustrative_text_is_labelled(dated_site):
    document = document_of(dated_site, "draft")
    assert document.attrs["data-cm-status"] == "draft"
    assert facts(document) == {"Status": "Draft for committee", "Version": "2027"}
    notices = visible_notices(document)
    assert notices["cm-notice--draft"].startswith("Draft for committee. This text has not been")
    assert notices["cm-notice--illustrative"] == (
        "Illustrative revision made for this example; not adopted text."
    )


def test_metadata_is_escaped_in_text_and_attributes(dated_site):
    html = (dated_site / "draft" / "index.html").read_text(encoding="utf-8")
    assert 'data-cm-council="Smith &amp; &lt;Jones&gt; Council"' in html
    assert "<Jones>" not in html
    kicker = document_of(dated_site, "draft").find(cls="cm-kicker").text()
    assert kicker == "Smith & <Jones> Council · Protocol · Appendix 20"


def test_title_comes_before_the_status_block_and_pages_keep_one_h1(dated_site):
    for page in ("adopted", "draft", "due-this-month"):
        html = (dated_site / page / "index.html").read_text(encoding="utf-8")
        assert html.count("<h1") == 1
        assert html.index("<h1") < html.index('class="cm-docinfo') < html.index('id="sec_4')


def test_pages_without_clausemark_front_matter_render_as_plain_material(dated_site):
    home = parse_page(dated_site / "index.html")
    assert home.find_all(cls="cm-document") == []
    assert home.find("article").find("h1").text().startswith("Home")


def test_footer_names_the_publishing_council_and_links_nowhere_else(dated_site):
    footer = parse_page(dated_site / "index.html").find("footer")
    assert footer.find(cls="cm-publisher").text() == "Published by Example Borough Council"
    assert [a.attrs["href"] for a in footer.find_all("a")] == []


# ------------------------------------------------- the dates the header prints (dates.py)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2026-03-23", "23 March 2026"),
        ("2026-03-05", "5 March 2026"),
        ("2027-03", "March 2027"),
        ("2027", "2027"),
        ("2027-13", "2027-13"),
        ("Spring 2027", "Spring 2027"),
        ("(draft)", "(draft)"),
    ],
)
def test_format_date(value, shown):
    assert dates.format_date(value) == shown


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2200, 12, 31)))
def test_format_date_writes_every_day_as_a_reader_does(day):
    assert dates.format_date(day.isoformat()) == f"{day.day} {day:%B %Y}"


@given(
    st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 12, 31)),
    st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 12, 31)),
    st.sampled_from(["day", "month", "year"]),
)
def test_review_is_overdue_only_once_its_whole_period_has_passed(due, today, precision):
    due_text = {"day": due.isoformat(), "month": due.isoformat()[:7], "year": str(due.year)}
    period_end = {
        "day": due,
        "month": (due.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        - datetime.timedelta(days=1),
        "year": datetime.date(due.year, 12, 31),
    }[precision]
    overdue = dates.review_overdue(due_text[precision], today.isoformat())
    assert overdue == (today > period_end)


def test_no_overdue_verdict_without_a_usable_date():
    assert dates.review_overdue("2027-03", None) is False
    assert dates.review_overdue("March 2027", "2030-01-01") is False
    assert dates.review_overdue("", "2030-01-01") is False
    assert dates.review_overdue("2027-03", "2030-13-01") is False


def test_the_header_gets_its_dates_written_for_readers():
    assert shown_dates("2026-03-23", "2027-03", "2027-04-01") == {
        "adopted": "23 March 2026",
        "next_review": "March 2027",
        "review_due": "in March 2027",
        "review_overdue": True,
    }
    assert shown_dates("17.3.2020", "2027-03-15", None) == {
        "next_review": "15 March 2027",
        "review_due": "on 15 March 2027",
        "review_overdue": False,
    }


def test_the_templates_write_no_date_and_cut_no_page():
    """Dates are written in dates.py and the status block by the page (page_header.py):
    the theme overrides only print, and never cut the rendered page as a string."""
    templates = [path.read_text(encoding="utf-8") for path in OVERRIDES.rglob("*.html")]
    for method in ("format_date", ".split(", ".partition(", "page.content."):
        assert not any(method in text for text in templates), method


# ---------------------------------------------------------------------- the example site


def test_example_documents_have_headers_matching_their_metadata(built_site):
    newcastle = document_of(built_site, NEWCASTLE)
    assert newcastle.attrs["data-cm-label"] == "Appendix 20"
    assert newcastle.attrs["data-cm-council"] == "Borough Council of Newcastle-under-Lyme"
    assert facts(newcastle) == {  # no version: the text prints none (its year is no version)
        "Status": "Adopted",
        "Adopted": "25 February 2015",
        "Adopted by": "Full Council",
    }
    # The printed "APPENDIX 20" label stays above the title, so the kicker does not repeat it.
    assert newcastle.find(cls="cm-kicker").text() == (
        "Borough Council of Newcastle-under-Lyme · Protocol"
    )
    emcca = document_of(built_site, "emcca-member-officer-protocol")
    assert facts(emcca)["Adopted"] == "20 March 2024"
    assert emcca.attrs["data-cm-version"] == "1.0"


def test_every_example_document_is_wrapped_and_keeps_its_clauses(built_site):
    for page in sorted(built_site.glob("*/index.html")):
        root = parse_page(page)
        wrappers = root.find_all("div", "cm-document")
        if not root.find_all(cls="cm-clause"):
            continue
        assert len(wrappers) == 1, page
        assert wrappers[0].find_all(cls="cm-cite"), page
        assert wrappers[0].find_all("div", "cm-docinfo"), page
        assert len(root.find_all("h1")) == 1, page


def test_example_footer_uses_council_or_site_name(built_site):
    config = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    publisher = (config.get("extra") or {}).get("council") or config["site_name"]
    footer = parse_page(built_site / NEWCASTLE / "index.html").find("footer")
    assert footer.find(cls="cm-publisher").text() == f"Published by {publisher}"


# ------------------------------------------------------------------------------ the CSS


def css_blocks(css: str, at_rule: str) -> list[str]:
    """Bodies of every `@media …` block whose prelude contains at_rule."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    bodies = []
    for match in re.finditer(r"@media([^{]*)\{", css):
        if at_rule not in match.group(1):
            continue
        depth, start = 1, match.end()
        for position in range(start, len(css)):
            depth += {"{": 1, "}": -1}.get(css[position], 0)
            if depth == 0:
                bodies.append(css[start:position])
                break
    return bodies


def rules(css: str) -> list[tuple[str, str]]:
    """(selector list, declarations) for plain rules, nested @-blocks flattened away."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [
        (selector.strip(), body)
        for selector, body in re.findall(r"([^{};]+)\{([^{}]*)\}", css)
        if not selector.strip().startswith("@")
    ]


@pytest.fixture(scope="module")
def stylesheet() -> str:
    return (ASSETS / "clausemark.css").read_text(encoding="utf-8")


def test_print_css_hides_tools_permalinks_and_site_chrome(stylesheet):
    hidden = set()
    for block in css_blocks(stylesheet, "print"):
        for selector, body in rules(block):
            if re.search(r"display:\s*none", body):
                hidden |= {part.strip() for part in selector.split(",")}
    expected = {".cm-clause-tools", ".md-header", ".md-sidebar", ".md-footer", ".md-search"}
    assert expected <= hidden
    assert {".md-typeset .headerlink", ".md-typeset .cm-item-link"} <= hidden


def test_print_css_prints_addresses_of_external_links_only(stylesheet):
    printed = [
        selector
        for block in css_blocks(stylesheet, "print")
        for selector, body in rules(block)
        if "attr(href)" in body
    ]
    assert printed and all('[href^="http' in selector for selector in printed)


def test_screen_reader_text_is_clipped_not_removed(stylesheet):
    (body,) = [body for selector, body in rules(stylesheet) if selector == ".cm-sr"]
    assert "clip-path: inset(50%)" in body and "width: 1px" in body
    assert "display: none" not in body and "visibility" not in body


def test_permalink_and_cite_targets_are_at_least_24px(stylesheet):
    assert "--cm-target-size: 24px" in stylesheet
    sized = [selector for selector, body in rules(stylesheet) if "var(--cm-target-size)" in body]
    joined = " ".join(sized)
    assert ".cm-cite" in joined and ".headerlink" in joined and ".cm-item-link" in joined


def test_script_makes_no_requests():
    script = (ASSETS / "clausemark.js").read_text(encoding="utf-8")
    for call in ("fetch(", "XMLHttpRequest", "import(", "sendBeacon", "WebSocket"):
        assert call not in script


# --------------------------------------------------------- clausemark.js in a browser


def test_cite_copies_a_citation_and_announces_it(page, built_site):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    with serve_directory(built_site) as base_url:
        page.goto(f"{base_url}{NEWCASTLE}/")
        page.locator('.cm-cite[data-cm-anchor="sec_3__para_3-5"]').click()
        live = page.locator("[data-cm-live]")
        expected = (
            "Borough Council of Newcastle-under-Lyme, Elected Member/Officer Relations Protocol "
            "(Appendix 20), para 3.5, adopted 25 February 2015 "
            f"<{base_url}{NEWCASTLE}/#sec_3__para_3-5>"
        )
        page.wait_for_function("() => document.querySelector('[data-cm-live]').textContent")
        assert live.text_content() == f"Citation copied: {expected}"
        assert page.evaluate("navigator.clipboard.readText()") == expected
        button = page.locator('.cm-cite[data-cm-anchor="sec_3__para_3-5"]')
        # Material's tooltip reads the title as HTML: '&' and '<' are escaped in it, and
        # only they, so a screen reader reads the rest ("council's") as written
        shown = expected.replace("&", "&amp;").replace("<", "&lt;")
        assert button.get_attribute("title") == f"Citation: {shown}"


def test_unnumbered_paragraph_is_cited_by_its_count_from_a_file_url(page, built_site):
    page.goto((built_site / MODEL / "index.html").as_uri())
    page.locator('.cm-cite[data-cm-anchor="para_12"]').click()
    page.wait_for_function("() => document.querySelector('[data-cm-live]').textContent")
    message = page.locator("[data-cm-live]").text_content()
    expected = (
        "Citation copied: Example Council, "
        "Model Member/Officer Relations Protocol (Part 5 Protocol 1), "
    )
    assert message.startswith(expected)
    assert ", para [12] (unnumbered) <file://" in message
    assert message.endswith("/index.html#para_12>")


@pytest.mark.parametrize(("today", "shown"), [("2027-03-31", False), ("2027-04-01", True)])
def test_script_reveals_the_overdue_notice_by_the_readers_date(page, undated_site, today, shown):
    page.clock.set_fixed_time(datetime.datetime.fromisoformat(f"{today}T12:00:00"))
    page.goto((undated_site / "adopted" / "index.html").as_uri())
    # initialise() marks the article ready, then reveals the notice in the same task: once
    # the mark is there the notice is shown or never will be (no wait for a time to pass)
    page.wait_for_selector("article[data-cm-ready]", state="attached")
    assert page.locator("[data-cm-overdue-notice]").is_visible() is shown


def test_missing_fragment_is_handed_to_the_resolver_hook(page, undated_site):
    page.add_init_script(
        "window.clausemark = {resolveMissingAnchor: (id) =>"
        " id === 'para_4-8_old' ? 'sec_4__para_4-8' : null};"
    )
    page.goto((undated_site / "adopted" / "index.html").as_uri() + "#para_4-8_old")
    page.wait_for_function("() => location.hash === '#sec_4__para_4-8'")
    assert page.evaluate("typeof window.clausemark.citationFor") == "function"


def test_a_long_item_marker_never_overlaps_its_text(page, stylesheet):
    """Decimal sub-clauses ("5.1.2.1") are items now: their marker pushes the text on."""
    page.set_content(
        '<div class="md-typeset" style="width:600px"><ul><li><p class="cm-item">'
        "<strong>5.1.2.1</strong> any body to which you have been appointed by the council "
        "and which meets in public;</p></li><li><p class='cm-item'><strong>(a)</strong> "
        "short</p></li></ul></div>"
    )
    page.add_style_tag(content=stylesheet)
    gaps = page.evaluate(
        """() => [...document.querySelectorAll('.cm-item')].map(item => {
            const marker = item.querySelector('strong').getBoundingClientRect();
            const range = document.createRange();
            range.setStart(item.lastChild, 1);
            range.setEnd(item.lastChild, 2);
            return range.getBoundingClientRect().left - marker.right;
        })"""
    )
    assert all(gap >= 0 for gap in gaps), gaps


def test_a_nested_item_starts_under_its_parents_words(page, built_site):
    """(i) under (c) begins where the words of (c) begin, as the text is printed."""
    page.goto((built_site / "planning-committee-protocol" / "index.html").as_uri())
    lefts = page.evaluate(
        """() => {
            const parent = document.getElementById('sec_2__para_2-2__subpara_c');
            const child = document.getElementById('sec_2__para_2-2__subpara_c__item_i');
            const words = document.createRange();
            const text = parent.querySelector('strong').nextSibling;
            words.setStart(text, 1);
            words.setEnd(text, 2);
            return {
                parentMarker: parent.querySelector('strong').getBoundingClientRect().left,
                parentWords: words.getBoundingClientRect().left,
                childMarker: child.querySelector('strong').getBoundingClientRect().left,
            };
        }"""
    )
    assert abs(lefts["childMarker"] - lefts["parentWords"]) <= 2, lefts
    assert lefts["childMarker"] > lefts["parentMarker"] + 20, lefts


def test_a_table_with_no_header_row_shows_no_empty_stripe(page, stylesheet):
    """A definitions list (and a table of one row) is written with an empty header row,
    which the page's tree loses (render/headerless.py): the first term is the table's
    first line; a table whose source prints a header row still shows it."""
    import markdown
    from clausemark.model.document import Table
    from clausemark.render.headerless import HeaderlessTables
    from clausemark.render.markdown_writer import render_table

    terms = Table(["", ""], [["Plot", "a piece of land let to one tenant."]], 1, anchor="t1")
    headed = Table(["Room", "Deposit"], [["Main hall", "£50"]], 2, anchor="t2")
    md = markdown.Markdown(extensions=["tables", "attr_list"])
    md.treeprocessors.register(HeaderlessTables(md), "headerless", 5.5)
    body = md.convert("\n".join([*render_table(terms), "", *render_table(headed)]))
    page.set_content(f'<div class="md-typeset" style="width:600px">{body}</div>')
    page.add_style_tag(content=stylesheet)
    heights = page.evaluate(
        "() => [...document.querySelectorAll('thead')].map(h => h.getBoundingClientRect().height)"
    )
    assert len(heights) == 1 and heights[0] > 10, heights
    first = page.evaluate("() => document.querySelector('table').innerText.trim().split('\\n')[0]")
    assert first.startswith("Plot")


def test_a_council_printed_above_the_title_is_not_said_again_by_the_kicker(new_site):
    """The text prints its council over its title: the kicker said it just above that line
    too, the council's name twice over the title (trial8 R7, trial9). The kicker keeps
    the kind of document; a text that does not print its council keeps it in the kicker."""
    result = new_site(
        {
            "code.txt": "Ashwell Vale District Council\n\nCode of Conduct\n\n1. Scope\n\n"
            "1.1 This code applies to members.\n",
            "rules.txt": "Standing Orders\n\n1. Meetings\n\n1.1 The council meets monthly.\n",
        },
        mkdocs_yml={
            "site_name": "Ashwell Vale",
            "theme": {
                "name": "material",
                "font": False,
                "custom_dir": str(REPO_ROOT / "overrides"),
            },
            "plugins": ["search", {"clausemark": {"cache_dir": ""}}],
            "extra": {"council": "Ashwell Vale District Council"},
        },
    )
    code = document_of(result.site_dir, "code")
    # its council printed above the title, its title its kind ('Code of Conduct'): the
    # kicker would say only what the page prints just below, so there is none
    assert code.find_all(cls="cm-kicker") == []
    assert code.find(cls="cm-label").text() == "Ashwell Vale District Council"
    rules = document_of(result.site_dir, "rules")
    assert rules.find(cls="cm-kicker").text() == "Ashwell Vale District Council"
