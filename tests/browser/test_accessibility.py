"""WCAG 2.2 AA (axe-core) on every kind of page, and the reading order of clauses.

A failure prints axe's rule, impact and the offending selectors.
"""

from __future__ import annotations

import re

import pytest
from browser_support import REPO_ROOT, format_violations, run_axe, serve_directory
from clausemark.site_builder.library import discover
from playwright.sync_api import expect
from test_browser_site import CLAUSE_4_8, PART_E, search
from test_bundle import build_example_bundle

TOWN = "town-council-member-officer-relations-protocol"
DOCUMENT_IDS = [entry.doc_id for entry in discover(REPO_ROOT / "sources")]

_CLAUSE_ORDER_JS = """() => {
    const headings = Array.from(document.querySelectorAll('.cm-clause[id]'));
    const problemsOf = (heading) => {
        const follows = (node, anchor) => !!node &&
            (anchor.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
        const button = document.querySelector(
            `button.cm-cite[data-cm-anchor="${CSS.escape(heading.id)}"]`);
        let text = heading.nextElementSibling;
        while (text && text.classList.contains('cm-clause-tools')) text = text.nextElementSibling;
        const problems = [];
        if (!button) problems.push('no cite button');
        else if (!follows(button, heading)) problems.push('cite button comes before the heading');
        if (!text || /^H[1-6]$/.test(text.tagName) || !text.textContent.trim())
            problems.push('no text after the heading');
        else if (button && !follows(text, button))
            problems.push('text comes before the cite button');
        return problems;
    };
    return headings.map((heading) => ({id: heading.id, problems: problemsOf(heading)}))
        .filter((clause) => clause.problems.length);
}"""


@pytest.fixture(scope="module")
def site_url(built_site):
    with serve_directory(built_site) as base_url:
        yield base_url


def assert_no_violations(page) -> None:
    violations = run_axe(page)
    assert violations == [], f"{page.url}\n{format_violations(violations)}"


@pytest.mark.parametrize(
    "path",
    [
        f"{PART_E}/",
        "glossary/",
        "codes/members-code/",
        "",
        f"{TOWN}/changes/2026-to-2027/",
        "reviews/2027/",
        f"{TOWN}/versions/2027/",
        "model-member-officer-relations-protocol/",
    ],
    ids=[
        "document",
        "glossary",
        "code-hub",
        "home",
        "diff",
        "review",
        "draft-version",
        "counted-document",
    ],
)
def test_pages_meet_wcag_aa(page, site_url, path):
    response = page.goto(f"{site_url}{path}")
    assert response and response.ok, f"{site_url}{path} answered {response and response.status}"
    assert_no_violations(page)


def test_search_results_meet_wcag_aa(page, site_url):
    page.goto(f"{site_url}{PART_E}/")
    search(page, "officer")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert_no_violations(page)


def test_bundle_document_page_over_file_url_meets_wcag_aa(page, request):
    bundle = build_example_bundle(request)
    page.goto((bundle.root / f"{PART_E}.html").as_uri())
    assert_no_violations(page)


@pytest.mark.parametrize("doc_id", DOCUMENT_IDS)
def test_each_clause_heading_comes_before_its_cite_button_and_text(page, site_url, doc_id):
    page.goto(f"{site_url}{doc_id}/")
    assert page.locator(".cm-clause[id]").count() > 0
    assert page.evaluate(_CLAUSE_ORDER_JS) == []


def test_cite_buttons_have_accessible_names_that_say_which_clause(page, site_url):
    page.goto(f"{site_url}{PART_E}/")
    expect(page.locator(f'button.cm-cite[data-cm-anchor="{CLAUSE_4_8}"]')).to_have_accessible_name(
        re.compile(r"citation.*\b4\.8$", re.IGNORECASE)
    )
    buttons = page.locator("button.cm-cite")
    assert buttons.count() > 100
    for index in range(buttons.count()):
        button = buttons.nth(index)
        number = (button.get_attribute("data-cm-number") or "").rstrip(".")
        name = re.escape(number) if number else r"\S"
        expect(button).to_have_accessible_name(re.compile(name))


@pytest.mark.parametrize("path", ["", f"{PART_E}/"], ids=["home", "document"])
def test_phone_pages_meet_wcag_aa_with_a_definition_open(browser, site_url, path):
    """At phone width (home directory as cards), and with a tapped term's definition open."""
    context = browser.new_context(
        viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True
    )
    try:
        phone = context.new_page()
        phone.goto(f"{site_url}{path}")
        if path:
            phone.locator("a.cm-term").first.tap()
            expect(phone.locator("#cm-term-popup")).to_be_visible()
        assert_no_violations(phone)
    finally:
        context.close()
