"""Every clause citable as printed, in a real browser: counted numbers on the page, items
cited as "para 3.10(a)", the cited version's own page, and the public address offline."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from browser_support import REPO_ROOT, serve_directory
from clausemark.adapters.bundle import build_bundle
from playwright.sync_api import expect

MODEL = "model-member-officer-relations-protocol"
PART_E = "part-e-code-3-member-officer-relations"
TOWN = "town-council-member-officer-relations-protocol"


@pytest.fixture(scope="module")
def site_url(built_site):
    with serve_directory(built_site) as base_url:
        yield base_url


def _citation(page, anchor: str) -> str:
    button = page.locator(f'.cm-cite[data-cm-anchor="{anchor}"]')
    return page.evaluate(
        "(button) => window.clausemark.citationFor(button)", button.element_handle()
    )


def test_counted_paragraphs_show_their_number_marked_as_editorial(page, site_url):
    page.goto(f"{site_url}{MODEL}/")
    counted = page.locator("#para_73 .cm-counted")
    expect(counted).to_be_visible()
    expect(counted).to_have_text("[73]")
    assert "cm-editorial" in counted.get_attribute("class")
    # beside the text, in the margin: left of the paragraph's first line
    number_box = counted.bounding_box()
    text_box = page.locator("#para_73 ~ p.cm-clause-text").first.bounding_box()
    assert number_box["x"] + number_box["width"] <= text_box["x"] + 1
    assert abs(number_box["y"] - text_box["y"]) < 20
    assert _citation(page, "para_73").split(", ")[-1].startswith("para [73] (unnumbered) <")


def test_lettered_items_read_as_items_with_their_letter_as_marker(page, site_url):
    page.goto(f"{site_url}{MODEL}/")
    item = page.locator("#para_a_2")
    expect(item.locator("> strong")).to_have_text("a")
    marker = item.locator("> strong").bounding_box()
    text_start = item.bounding_box()
    assert marker["x"] <= text_start["x"] + 1, "the letter hangs as the item's marker"
    bullet = page.evaluate(
        "() => getComputedStyle(document.getElementById('para_a_2').closest('li')).listStyleType"
    )
    assert bullet == "none", "no bullet beside a printed letter"


def test_an_item_is_cited_by_its_printed_number(page, site_url):
    page.goto(f"{site_url}{PART_E}/")
    anchor = "sec_4-0__para_4-8__subpara_i"
    citation = _citation(page, anchor)
    assert ", para 4.8(i) <" in citation, citation
    assert citation.endswith(f"<{site_url}{PART_E}/#{anchor}>"), citation
    page.locator(f"#{anchor}").hover()
    expect(page.locator(f'.cm-cite[data-cm-anchor="{anchor}"]')).to_be_visible()


def test_an_item_printed_without_a_number_is_cited_by_its_count(page, site_url):
    page.goto(f"{site_url}{MODEL}/")
    citation = _citation(page, "para_14__subpara_2")
    assert ", para [14], item [2] (unnumbered) <" in citation, citation


def test_a_current_page_cites_its_version_page_with_date_and_minute(page, site_url):
    page.goto(f"{site_url}{TOWN}/")
    citation = _citation(page, "sec_2__para_2-1")
    assert citation == (
        "Example Town Council, Member/Officer Relations Protocol (Part 5 Protocol 2), "
        "para 2.1, version 2026, adopted 23 March 2026, minute 2026-101 "
        f"<{site_url}{TOWN}/versions/2026/#sec_2__para_2-1>"
    )
    response = page.goto(f"{site_url}{TOWN}/versions/2026/")
    assert response.ok and page.locator("#sec_2__para_2-1").count() == 1


def test_a_draft_is_cited_as_a_draft(page, site_url):
    page.goto(f"{site_url}{TOWN}/versions/2027/")
    citation = _citation(page, "sec_2__para_2-1")
    assert ", para 2.1, draft version 2027, not adopted <" in citation, citation


def test_printed_numbering_errors_carry_a_visible_note(page, site_url):
    page.goto(f"{site_url}{PART_E}/")
    notes = page.locator(".cm-numbering-note")
    texts = [" ".join(t.split()) for t in notes.all_text_contents()]
    assert "Editorial note Printed under section 11 in the adopted text." in texts
    assert any("13.2 is printed twice" in text for text in texts), texts
    expect(notes.first).to_be_visible()


def _tiny_project(tmp_path, site_url: str):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "rules.txt").write_text(
        "Standing Orders\n\n1. Scope\n\n1.1 These rules apply to all meetings.\n",
        encoding="utf-8",
    )
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Rules\nsite_url: '{site_url}'\ntheme:\n  name: material\n"
        f"  custom_dir: {REPO_ROOT / 'overrides'}\n"
        "plugins:\n  - search\n  - clausemark\n",
        encoding="utf-8",
    )
    return tmp_path / "mkdocs.yml"


def _bundle_page(zip_path, name: str) -> str:
    with zipfile.ZipFile(zip_path) as archive:
        (member,) = [n for n in archive.namelist() if n.endswith(f"/{name}")]
        return archive.read(member).decode("utf-8")


@pytest.mark.build
def test_the_bundle_cites_the_public_site(tmp_path):
    config = _tiny_project(tmp_path, "https://rules.example.org/")
    log = io.StringIO()
    result = build_bundle(config, tmp_path / "dist", log_stream=log)
    page = _bundle_page(result.zip_path, "rules.html")
    assert 'data-cm-cite-url="https://rules.example.org/rules/"' in page
    assert "site_url" not in log.getvalue()


@pytest.mark.build
def test_the_bundle_warns_when_site_url_is_not_set(tmp_path):
    config = _tiny_project(tmp_path, "")
    log = io.StringIO()
    build_bundle(config, tmp_path / "dist", log_stream=log)
    (line,) = [line for line in log.getvalue().splitlines() if "site_url" in line]
    assert re.fullmatch(r"warning: .*mkdocs\.yml: site_url is not set, .*", line)
