"""Bare roman numerals ("i to move an amendment;", "ii to raise …") under a bare-lettered
item are items when they run i, ii, iii, in a text, a Word file and a PDF; a lead-in's
own unnumbered line between the letters keeps the letter run going; a lone "vi" or "x"
at a line start is text."""

from __future__ import annotations

import docx
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses

PARAGRAPHS = [
    "1 DEBATE",
    "a Items are taken in the order of the agenda.",
    "b A councillor may speak once on a motion except:",
    "to ask a question of the clerk;",
    "i to move an amendment;",
    "ii to raise a point of order; or",
    "iii to reply at the end of the debate.",
    "c A point of order is decided by the chair.",
]
WANT = [
    ("a", "sec_1__para_a"),
    ("b", "sec_1__para_b"),
    ("i", "sec_1__para_b__subpara_i"),
    ("ii", "sec_1__para_b__subpara_ii"),
    ("iii", "sec_1__para_b__subpara_iii"),
    ("c", "sec_1__para_c"),
]


def _numbers(document) -> list[tuple[str, str]]:
    clauses = [clause for clause, *_ in iter_clauses(document.blocks)]
    return [(clause.number, clause.anchor) for clause in clauses if clause.number]


def test_bare_romans_under_a_bare_letter_in_a_text(tmp_path):
    path = tmp_path / "orders.txt"
    path.write_text("Standing Orders\n\n" + "\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    assert _numbers(convert_file(path)) == WANT


def test_bare_romans_under_a_bare_letter_in_word(tmp_path):
    made = docx.Document()
    made.add_paragraph("Standing Orders")
    for text in PARAGRAPHS:
        made.add_paragraph(text)
    path = tmp_path / "orders.docx"
    made.save(path)
    assert _numbers(convert_file(path)) == WANT


def test_bare_romans_under_a_bare_letter_in_a_pdf(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "orders.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("Helvetica-Bold", 16)
    page.drawString(72, 780, "Standing Orders")
    page.setFont("Helvetica", 11)
    for row, text in enumerate(PARAGRAPHS):
        page.drawString(72, 730 - 28 * row, text)
    page.save()
    assert _numbers(convert_file(path)) == WANT


def test_a_lone_roman_looking_word_is_text(tmp_path):
    text = (
        "Notes\n\n1.1 The clerk keeps the register.\n\nvi Editors are not used.\n\n"
        "x marks the spot on the plan.\n"
    )
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    assert [n for n, _ in _numbers(convert_file(path))] == ["1.1"]


def test_a_lone_bare_a_over_its_romans_is_an_item(tmp_path):
    paragraphs = [
        "1 VOTING",
        "a The council may resolve:",
        "i to vote by ballot;",
        "ii to record each vote.",
        "2 MINUTES",
        "a Minutes are signed by the chair.",
    ]
    path = tmp_path / "orders.txt"
    path.write_text("Standing Orders\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    assert _numbers(convert_file(path)) == [
        ("a", "sec_1__para_a"),
        ("i", "sec_1__para_a__subpara_i"),
        ("ii", "sec_1__para_a__subpara_ii"),
    ]
