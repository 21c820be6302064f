"""The home page is a directory of the constitution; generated pages speak in words and UK
dates; a current page links to its versions, drafts and changes."""

from __future__ import annotations

import html
import json
import re

import pytest
from browser_support import REPO_ROOT, serve_directory
from clausemark.index.parts import part_heading
from clausemark.model.document import Document, Metadata
from clausemark.pages.home import DirectoryEntry, directory_markdown
from clausemark.site_builder.library import discover
from clausemark.support.dates import format_date
from playwright.sync_api import expect
from test_site_build import _primary_nav

TOWN = "town-council-member-officer-relations-protocol"
_ISO_OR_RAW = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b(?:True|False|None)\b")


@pytest.fixture(scope="module")
def site_url(built_site):
    with serve_directory(built_site) as base_url:
        yield base_url


def _text(fragment: str) -> str:
    fragment = re.sub(r"<script\b.*?</script>", " ", fragment, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _article(site, path: str) -> str:
    page = (site / path / "index.html").read_text(encoding="utf-8")
    return page[page.index("<article") : page.index("</article>")]


def test_format_date_is_uk_and_leaves_non_dates_alone():
    assert format_date("2024-03-12") == "12 March 2024"
    assert format_date("2027-03") == "March 2027"
    assert format_date("2026-09-01") == "1 September 2026"
    assert format_date("2026-11-30") == "30 November 2026"
    assert format_date("2026-12") == "December 2026"
    assert format_date("(draft)") == "(draft)"
    assert format_date("2027") == "2027"


def test_home_lists_every_document_with_its_facts(built_site):
    rows = re.findall(r"<tr>(.*?)</tr>", _article(built_site, "."), re.S)
    body = [_text(row) for row in rows if "<td" in row]
    assert len(body) == len(discover(REPO_ROOT / "sources")), body
    town = next(row for row in body if "Example Town Council" in row)
    assert town.startswith("Member/Officer Relations Protocol Part 5 Protocol 2")
    assert "Versions: 2026 · 2027 (draft)" in town
    assert "Changes: 2026 to 2027" in town
    assert "Adopted 2026 23 March 2026 March 2027" in town
    emcca = next(row for row in body if "East Midlands" in row)
    assert "20 March 2024" in emcca


@pytest.mark.smoke
def test_home_links_reach_each_document_its_versions_and_changes(built_site):
    article = _article(built_site, ".")
    for href in [
        f"{TOWN}/",
        f"{TOWN}/versions/2026/",
        f"{TOWN}/versions/2027/",
        f"{TOWN}/changes/2026-to-2027/",
        "part-e-code-3-member-officer-relations/",
    ]:
        assert f'href="{href}"' in article, href
        assert (built_site / href / "index.html").is_file()


@pytest.mark.parametrize(
    "path", [".", "reviews/2027", f"{TOWN}/changes/2026-to-2027"], ids=["home", "review", "diff"]
)
def test_generated_pages_show_no_iso_dates_or_raw_values(built_site, path):
    text = _text(_article(built_site, path))
    assert not _ISO_OR_RAW.findall(text), text


def test_document_facts_are_in_words(built_site):
    page = (built_site / TOWN / "index.html").read_text(encoding="utf-8")
    facts = page[page.index('class="cm-docinfo') : page.index("</dl>")]
    assert not _ISO_OR_RAW.findall(_text(facts))
    assert "23 March 2026" in _text(facts)


def test_review_and_change_pages_say_draft_and_illustrative(built_site):
    review = _text(_article(built_site, "reviews/2027"))
    assert review.startswith("Changes in the 2027 review (draft)")
    assert "Version 2027 is a draft, not yet adopted." in review
    assert "illustrative revision" in review
    diff = _text(_article(built_site, f"{TOWN}/changes/2026-to-2027"))
    assert "Illustrative (not adopted text) No Yes" in diff
    assert "Status Adopted Draft" in diff


def test_current_page_links_to_its_versions_and_changes(page, site_url):
    page.goto(f"{site_url}{TOWN}/")
    nav = page.get_by_role("navigation", name="Versions and changes of this document")
    expect(nav.get_by_role("link", name="2027 (draft)")).to_have_attribute("href", "versions/2027/")
    nav.get_by_role("link", name="Changes from 2026 to 2027").click()
    expect(page).to_have_url(f"{site_url}{TOWN}/changes/2026-to-2027/")


def test_home_search_button_opens_search(page, site_url):
    page.goto(site_url)
    page.get_by_text("Search the constitution").click()
    expect(page.locator("input.md-search__input")).to_be_focused()


@pytest.mark.parametrize(("today", "shown"), [("2027-03-31", False), ("2027-04-01", True)])
def test_overdue_reviews_are_marked_by_the_readers_date(page, site_url, today, shown):
    page.clock.set_fixed_time(f"{today}T12:00:00")
    page.goto(site_url)
    row = page.locator("tr", has_text="Example Town Council")
    mark = row.locator(".cm-overdue")
    if shown:
        expect(mark).to_be_visible()
        expect(mark).to_have_text("(review overdue)")
    else:
        expect(mark).to_be_hidden()


def test_directory_escapes_what_the_sources_say():
    document = Document("x", "x.txt", Metadata(title="T", council="<b>Evil</b> | Council"))
    listing = directory_markdown([DirectoryEntry(document, "T [1]", "x.md")])
    assert "&lt;b&gt;Evil&lt;/b&gt; \\| Council" in listing
    assert "[T \\[1\\]](x.md)" in listing


def _status_cell(metadata: Metadata) -> str:
    listing = directory_markdown([DirectoryEntry(Document("d", "d.txt", metadata), "T", "d.md")])
    row = next(line for line in listing.splitlines() if line.startswith("| **[T]"))
    return row.split(" | ")[2]


def test_the_directory_calls_adopted_only_a_document_that_says_so():
    """As the document's own page header: a text that prints no adoption date or status
    (a web page 'Last updated ...') is not called adopted on the home page either (trial5)."""
    assert _status_cell(Metadata(title="T", status="adopted", status_stated=False)) == "—"
    assert _status_cell(Metadata(title="T", adopted="2026-03-10", status_stated=True)) == "Adopted"
    assert _status_cell(Metadata(title="T", status="adopted", status_stated=True)) == "Adopted"
    assert _status_cell(Metadata(title="T", status="draft")) == "Draft"


def test_menu_and_home_name_the_parts_as_the_constitution_does(built_site):
    page = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Part 5: Codes and Protocols" in _primary_nav(page)
    assert "Part 5: Codes and Protocols" in _text(_article(built_site, "."))
    assert part_heading("Appendices", {"Part 5": "Codes"}) == "Appendices"


def test_a_hidden_overdue_mark_is_kept_out_of_search():
    document = Document("x", "x.txt", Metadata(title="T", next_review="2099-05"))
    listing = directory_markdown([DirectoryEntry(document, "T", "x.md")])
    assert 'data-cm-overdue-due="2099-05" hidden data-search-exclude>(review overdue)' in listing
    shown = directory_markdown(
        [
            DirectoryEntry(
                Document("y", "y.txt", Metadata(title="T", next_review="2020-01")), "T", "y.md"
            )
        ],
        build_date="2026-12-06",
    )
    assert 'data-cm-overdue-due="2020-01">(review overdue)' in shown


def test_the_search_index_says_overdue_of_no_document_the_build_did_not_find_overdue(
    built_site,
):
    """Without extra.build_date every mark is hidden until the reader's date shows it:
    a search result must not say "(review overdue)" of a document that is not."""
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    said = [doc["location"] for doc in index["docs"] if "review overdue" in doc["text"]]
    assert said == []
