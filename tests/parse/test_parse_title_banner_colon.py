"""A first line ending in a colon ("Terms of Reference:") is the title when it is a short
heading in words; a service or cookie notice over a web page's text is left out as web
furniture (INFO, with its words), so the title is the page's own, in every format."""

from __future__ import annotations

from pathlib import Path

import docx
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses

NOTICE = (
    "Online payments will be unavailable while we move to a new system. "
    "We apologise for any inconvenience."
)


def _convert(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return convert_file(path)


def _furniture(document) -> list[str]:
    return [d.text for d in document.dropped if d.kind == "web-furniture"]


def test_a_title_ending_in_a_colon_is_the_title_in_a_text(tmp_path):
    text = "Terms of Reference:\nThe committee may:\n1. Set the fees.\n2. Appoint the staff.\n"
    document = _convert(tmp_path, "committee.txt", text)
    assert document.metadata.title == "Terms of Reference"
    assert [c.number for c, *_ in iter_clauses(document.blocks) if c.number] == ["1.", "2."]


def test_a_title_ending_in_a_colon_is_the_title_in_word(tmp_path):
    made = docx.Document()
    for line in ("Terms of Reference:", "The committee may:", "1. Set the fees."):
        made.add_paragraph(line)
    path = tmp_path / "committee.docx"
    made.save(path)
    assert convert_file(path).metadata.title == "Terms of Reference"


def test_a_lead_in_sentence_first_is_no_title(tmp_path):
    text = "The Council shall have power to:\n1. Set the fees.\n2. Appoint the staff.\n"
    document = _convert(tmp_path, "powers.txt", text)
    assert document.metadata.title == "Powers"


def test_a_service_notice_over_a_text_is_left_out_and_the_title_is_the_pages(tmp_path):
    text = f"Monday 3 to Tuesday 4 March\n\n{NOTICE}\n\nMembers' Allowances Scheme\n\n1.1 Paid.\n"
    document = _convert(tmp_path, "allowances.txt", text)
    assert document.metadata.title == "Members' Allowances Scheme"
    assert _furniture(document) == ["Monday 3 to Tuesday 4 March", NOTICE]
    assert {d.level for d in document.dropped} == {"info"}


def test_a_cookie_banner_over_a_web_page_is_left_out(tmp_path):
    page = (
        "<html><body><div><p>Cookies on this site</p><p>We use cookies to make the site "
        "work.</p><p>Accept all cookies</p></div><h1>Code of Conduct</h1>"
        "<p>1.1 Members treat others with respect.</p></body></html>"
    )
    document = _convert(tmp_path, "code.html", page)
    assert document.metadata.title == "Code of Conduct"
    assert _furniture(document) == [
        "Cookies on this site",
        "We use cookies to make the site work.",
        "Accept all cookies",
    ]


def test_a_notice_sentence_after_the_text_began_is_kept(tmp_path):
    text = f"Standing Orders\n\n1.1 Meetings are in public.\n\n{NOTICE}\n"
    document = _convert(tmp_path, "orders.txt", text)
    assert _furniture(document) == []
