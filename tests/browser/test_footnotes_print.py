"""Footnotes with visible back-links and a highlighted target; printed pages that say where
they came from, when they were printed and which page they are (checked in a PDF)."""

from __future__ import annotations

import io
import unicodedata
from datetime import date

import pytest
from browser_support import serve_directory
from clausemark.support.dates import format_date
from playwright.sync_api import expect

NEWCASTLE = "newcastle-under-lyme-member-officer-relations-protocol"


@pytest.fixture(scope="module")
def site_url(built_site):
    with serve_directory(built_site) as base_url:
        yield base_url


def _background(locator) -> str:
    return locator.evaluate("(element) => getComputedStyle(element).backgroundColor")


def test_footnote_marker_leads_to_a_highlighted_footnote_and_back(page, site_url):
    page.goto(f"{site_url}{NEWCASTLE}/")
    note = page.locator('[id="fn:1"]')
    plain = _background(note)
    page.locator('[id="fnref:1"] a').click()
    expect(page).to_have_url(f"{site_url}{NEWCASTLE}/#fn:1")
    assert _background(note) != plain, "the footnote a marker leads to is highlighted"
    back = note.locator(".footnote-backref")
    expect(back).to_be_visible()
    assert back.evaluate("(element) => getComputedStyle(element).opacity") == "1"
    box = back.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    back.click()
    expect(page).to_have_url(f"{site_url}{NEWCASTLE}/#fnref:1")
    expect(page.locator('[id="fnref:1"] a')).to_be_in_viewport()


def test_printed_pages_carry_address_date_and_page_numbers(page, site_url):
    pypdf = pytest.importorskip("pypdf")
    page.goto(f"{site_url}{NEWCASTLE}/")
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    count = len(pdf.pages)
    assert count > 1
    printed = f"Printed {format_date(date.today().isoformat())}"
    for number, sheet in enumerate(pdf.pages, 1):
        text = unicodedata.normalize("NFKC", sheet.extract_text())
        assert f"{site_url}{NEWCASTLE}/" in text, number
        assert printed in text, number
        assert f"Page {number} of {count}" in text, number
