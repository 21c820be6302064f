"""The example site in a real browser over http: permalinks, search, glossary tooltips, citations.

The helpers here (search, clause text, viewport checks) are shared with the bundle and
accessibility tests.
"""

from __future__ import annotations

import hashlib
import html
import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_support import REPO_ROOT, WAIT_MS, record_requests, serve_directory
from clausemark.site_builder.library import discover
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

PART_E = "part-e-code-3-member-officer-relations"
TOWN = "town-council-member-officer-relations-protocol"
CLAUSE_4_8 = "sec_4-0__para_4-8"
CLAUSE_FRAGMENT = re.compile(r"^(?:sec|para)_[\w-]+$")

_CLAUSE_TEXT_JS = """(id) => {
    const start = document.getElementById(id);
    if (!start) return null;
    if (!/^H[1-6]$/.test(start.tagName)) return start.textContent;
    const parts = [start.textContent];
    for (let el = start.nextElementSibling; el && !/^H[1-6]$/.test(el.tagName);
         el = el.nextElementSibling) {
        parts.push(el.textContent);
    }
    return parts.join(" ");
}"""

_PLACEMENT_JS = """(id) => {
    const target = document.getElementById(id);
    if (!target) return null;
    const box = target.getBoundingClientRect();
    const header = document.querySelector(".md-header");
    const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
    return {top: box.top, bottom: box.bottom, headerBottom: headerBottom,
            viewport: window.innerHeight,
            visible: box.top >= headerBottom - 1 && box.bottom <= window.innerHeight + 1};
}"""


@pytest.fixture(scope="module")
def site_url(built_site) -> Iterator[str]:
    with serve_directory(built_site) as base_url:
        yield base_url


# --- helpers shared with the other browser tests --------------------------------------


def clause_text(page, anchor: str) -> str:
    """The heading of a clause and everything up to the next heading (its own text)."""
    text = page.evaluate(_CLAUSE_TEXT_JS, anchor)
    assert text is not None, f"no element with id {anchor!r} on {page.url}"
    return " ".join(text.split())


def assert_in_view(page, anchor: str) -> None:
    """The element is on screen and not hidden under Material's sticky header."""
    try:
        page.wait_for_function(
            f"(id) => ({_PLACEMENT_JS})(id)?.visible === true", arg=anchor, timeout=WAIT_MS
        )
    except PlaywrightError:
        placement = page.evaluate(_PLACEMENT_JS, anchor)
        pytest.fail(f"#{anchor} is not in view on {page.url}: {placement}", pytrace=False)


def search(page, query: str) -> list[str]:
    """Type ``query`` into Material's search box and return the result hrefs, in order."""
    page.keyboard.press("/")
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.type(query)
    page.wait_for_function(
        """(query) => Array.from(document.querySelectorAll('.md-search-result__item a'))
            .some((link) => new URL(link.href).searchParams.get('h') === query)""",
        arg=query,
        timeout=WAIT_MS,
    )
    return page.eval_on_selector_all(
        ".md-search-result__item a", "links => links.map(link => link.href)"
    )


def clause_fragment(href: str) -> str | None:
    fragment = urlsplit(href).fragment
    return fragment if CLAUSE_FRAGMENT.match(fragment) else None


def click_first_clause_result(page, hrefs: list[str]) -> str:
    """Click the best-ranked result that is a clause (page and glossary results come first)."""
    clause_hrefs = [href for href in hrefs if clause_fragment(href)]
    assert clause_hrefs, f"no clause among the search results: {hrefs}"
    page.locator(f'.md-search-result__item a[href="{clause_hrefs[0]}"]').first.click()
    page.wait_for_url(clause_hrefs[0])
    return clause_fragment(clause_hrefs[0])


class _TermLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.terms: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "a" and "cm-term" in (values.get("class") or "").split():
            # Material's tooltip reads the title as HTML, so the build escapes it once more:
            # the text a reader sees is the title unescaped again.
            title = values.get("title") or ""
            shown = html.unescape(title)
            self.terms.append({"href": values.get("href") or "", "title": shown, "read": title})


def term_links(html_file: Path) -> list[dict[str, str]]:
    """Glossary term links as built (before Material's tooltips move the title)."""
    parser = _TermLinks()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return parser.terms


def documents_mentioning(word: str) -> set[str]:
    """Document ids whose source text contains ``word``: what search must find."""
    found = set()
    for entry in discover(REPO_ROOT / "sources"):
        text = entry.versions[-1].path.read_text(encoding="utf-8", errors="replace")
        if word.lower() in text.lower():
            found.add(entry.doc_id)
    return found


def read_clipboard(page, *, timeout: float = WAIT_MS / 1000) -> str:
    """The clipboard's text once the page has written it: a wait for that, never a time
    limit (it returns as soon as the text is there)."""
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = page.evaluate("() => navigator.clipboard.readText()")
        if text:
            break
        time.sleep(0.05)
    return text


# --- permalinks -----------------------------------------------------------------------


def test_clause_permalink_url_shows_the_clause(page, site_url):
    page.goto(f"{site_url}{PART_E}/#{CLAUSE_4_8}")
    expect(page.locator(f"#{CLAUSE_4_8}")).to_have_text(re.compile(r"^4\.8"))
    assert_in_view(page, CLAUSE_4_8)


def test_clicking_a_headerlink_sets_the_fragment(page, site_url):
    page.goto(f"{site_url}{PART_E}/")
    page.locator(f"#{CLAUSE_4_8} a.headerlink").click()
    assert page.evaluate("location.hash") == f"#{CLAUSE_4_8}"
    assert_in_view(page, CLAUSE_4_8)


# --- search ---------------------------------------------------------------------------


def test_search_purdah_reaches_a_clause_about_purdah(page, site_url):
    page.goto(site_url)
    hrefs = search(page, "purdah")
    anchor = click_first_clause_result(page, hrefs)
    assert page.evaluate("location.hash") == f"#{anchor}"
    assert "purdah" in clause_text(page, anchor).lower()
    assert_in_view(page, anchor)


def test_the_search_worker_is_fetched_by_its_contents_version(page, site_url, built_site):
    """The worker keeps Material's file name; its address carries the version of what the
    build wrote there, so a browser that cached an earlier clausemark's worker (and its
    ranking) fetches the new one after an upgrade (polish13, session 12)."""
    log = record_requests(page)
    page.goto(site_url)
    hrefs = search(page, "purdah")
    assert any("purdah" in href for href in hrefs), hrefs
    [worker] = [urlsplit(url) for url in log.urls if "/workers/search." in url]
    served = (built_site / worker.path.lstrip("/")).read_bytes()
    assert worker.query == f"v={hashlib.sha256(served).hexdigest()[:10]}", worker


def test_search_finds_every_document_that_mentions_purdah(page, site_url):
    expected = documents_mentioning("purdah")
    assert len(expected) >= 2, expected
    page.goto(site_url)
    hrefs = search(page, "purdah")
    found = {urlsplit(href).path.strip("/") for href in hrefs if clause_fragment(href)}
    assert expected <= found, f"missing from results: {sorted(expected - found)}"


def test_search_by_clause_number_finds_that_clause(page, site_url):
    page.goto(site_url)
    hrefs = search(page, "4.8")
    assert f"{site_url}{PART_E}/?h=4.8#{CLAUSE_4_8}" in hrefs, hrefs
    page.locator(f'.md-search-result__item a[href$="#{CLAUSE_4_8}"]').first.click()
    page.wait_for_url(f"**/{PART_E}/?h=4.8#{CLAUSE_4_8}")
    assert_in_view(page, CLAUSE_4_8)


# --- glossary tooltips ----------------------------------------------------------------


def test_focusing_a_glossary_term_shows_its_definition(page, site_url, built_site):
    built_terms = term_links(built_site / PART_E / "index.html")
    assert built_terms, "the page should link glossary terms (a.cm-term)"
    definition = built_terms[0]["title"]
    assert definition, "a term link carries its definition in title"
    # what a screen reader and the native tooltip read: "a council's staff", no reference
    read = [term["read"] for term in built_terms]
    assert any("council's" in title for title in read)
    assert not any("&#" in title or "&quot;" in title for title in read)
    page.goto(f"{site_url}{PART_E}/")
    term = page.locator("a.cm-term").first
    assert term.get_attribute("href") == built_terms[0]["href"]
    term.focus()
    expect(term).to_be_focused()
    expect(term).to_have_attribute("aria-describedby", re.compile(r"\S"))
    tooltip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(definition)


def test_a_glossary_term_link_opens_its_entry(page, site_url, built_site):
    href = term_links(built_site / PART_E / "index.html")[0]["href"]
    assert re.match(r"^\.\./glossary/#[\w-]+$", href), href
    page.goto(f"{site_url}{PART_E}/")
    page.locator("a.cm-term").first.click()
    slug = href.split("#")[1]
    page.wait_for_url(f"{site_url}glossary/#{slug}")
    assert_in_view(page, slug)


# --- copy citation --------------------------------------------------------------------


def _grant_clipboard(page, site_url: str) -> None:
    page.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/")
    )


def _document_facts(page) -> dict[str, str]:
    return page.evaluate(
        """() => {
            const wrapper = document.querySelector('.cm-document');
            if (!wrapper) return null;
            const facts = {};
            for (const name of ['title', 'version', 'council'])
                facts[name] = (wrapper.getAttribute('data-cm-' + name) || '').trim();
            return facts;
        }"""
    )


def _assert_citation(text: str, facts: dict[str, str], number: str, url: str) -> None:
    assert facts["title"] in text, text
    assert f", para {number}" in text, text
    if facts["council"]:
        assert text.startswith(facts["council"]), text
    if facts["version"]:
        assert f", version {facts['version']}" in text, text
    assert text.endswith(f"<{url}>"), text


def test_copy_citation_button_copies_the_citation(page, site_url):
    _grant_clipboard(page, site_url)
    page.goto(f"{site_url}{PART_E}/")
    facts = _document_facts(page)
    assert facts, "document pages are wrapped in .cm-document with data-cm-* facts"
    page.evaluate("() => navigator.clipboard.writeText('')")
    page.locator(f'button.cm-cite[data-cm-anchor="{CLAUSE_4_8}"]').click()
    citation = read_clipboard(page)
    _assert_citation(citation, facts, "4.8", f"{site_url}{PART_E}/#{CLAUSE_4_8}")
    expect(page.locator("[data-cm-live]")).to_contain_text(citation)


def test_copy_citation_works_from_the_keyboard_and_names_the_version(page, site_url):
    _grant_clipboard(page, site_url)
    page.goto(f"{site_url}{TOWN}/")
    facts = _document_facts(page)
    assert facts and facts["version"], "this document states its version"
    button = page.locator('button.cm-cite[data-cm-number="2.1"]')
    anchor = button.get_attribute("data-cm-anchor")
    page.evaluate("() => navigator.clipboard.writeText('')")
    button.focus()
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    citation = read_clipboard(page)
    # the cited version's own page, which keeps this text when a later version is adopted
    url = f"{site_url}{TOWN}/versions/{facts['version']}/#{anchor}"
    _assert_citation(citation, facts, "2.1", url)
    assert ", adopted 23 March 2026, minute 2026-101 <" in citation


def test_an_address_a_converter_correction_changed_still_lands(page, site_url):
    """The model protocol's items a-d were once counted (#para_43__subpara_1 ...): those
    published links land on the lettered items they are now, with a note."""
    page.goto(f"{site_url}/model-member-officer-relations-protocol/#para_43__subpara_2")
    assert_in_view(page, "para_b_2")
    notice = page.locator("#cm-anchor-notice")
    expect(notice).to_contain_text("earlier address (#para_43__subpara_2) now leads here")
