"""Lead rulings R32 (capital letters in brackets head sections) and R33 (a number alone is
a page number only at a page's edge), session 14. Each test but the last (a guard: a
page's number stays one) failed on main 928f46c before parse/sections.py, parse/flow.py
and parse/paragraph_numbers.py changed."""

from __future__ import annotations

from pathlib import Path

from clausemark.model.document import Section
from converted_text import convert_text

_NOTES = (
    "Notes for members\n\n(A) For Councillors\n(1) Members are told the date of the meeting.\n"
    "(2) The Council adjourns for lunch at one.\n(3) (a) A member declaring an interest says"
    " which interest it is.\n(b) A member with a pecuniary interest leaves the room.\n"
    "(c) Declarations are minuted.\n(4) Petitions are presented from the member's seat.\n"
)


def test_r32_a_bracketed_capital_over_bracketed_numbers_heads_them(tmp_path: Path):
    """Main read '(A)' as a clause with (1)-(3) its items, and (4) under (c)."""
    document, clauses = convert_text(tmp_path, _NOTES)
    assert isinstance(document.blocks[0], Section)
    assert document.blocks[0].heading.anchor == "sec_A"
    assert [clause.anchor for clause in clauses] == [
        "sec_A__para_1",
        "sec_A__para_2",
        "sec_A__para_3",
        "sec_A__para_3__subpara_a",
        "sec_A__para_3__subpara_b",
        "sec_A__para_3__subpara_c",
        "sec_A__para_4",
    ]


def test_r32_the_first_bracketed_letter_on_its_clauses_line_carries_the_text(tmp_path: Path):
    _, clauses = convert_text(tmp_path, _NOTES)
    by_anchor = {clause.anchor: clause.text for clause in clauses}
    assert by_anchor["sec_A__para_3"] == ""
    assert by_anchor["sec_A__para_3__subpara_a"].startswith("A member declaring")


def test_r33_a_number_alone_between_an_item_heading_and_its_paragraph_is_its_own(
    tmp_path: Path,
):
    """Main left the '1' out as a page number (an INFO drop); the next '2' over a paragraph
    goes on the minute's paragraph numbering."""
    document, clauses = convert_text(
        tmp_path,
        "Minutes\n\n1 Sederunt\n2 Declaration of Group Decisions\n1\n\n"
        "In terms of Standing Order 20 there were no declarations from the group leaders.\n\n"
        "3 Resolution\n\nThe Council agreed to take the next item in private.\n\n2\n\n"
        "Before the vote Councillor Grey asked that his objection be recorded.\n",
    )
    assert [clause.anchor for clause in clauses] == ["para_1", "sec_2__para_1", "sec_3__para_2"]
    assert clauses[1].text.startswith("In terms of Standing Order 20")
    assert not [item for item in document.dropped if item.kind == "page-number"]


def test_r33_a_number_alone_after_a_paragraph_is_still_a_page_number(tmp_path: Path):
    """The same number after a paragraph, with no paragraph number before it: a page's."""
    document, clauses = convert_text(
        tmp_path,
        "Minutes\n\n1. Apologies were received from Cllr Hill and Cllr Rowe.\n\n1\n\n"
        "2. The minutes of the last meeting were agreed.\n",
    )
    assert [clause.anchor for clause in clauses] == ["para_1", "para_2"]
    assert [item.text for item in document.dropped if item.kind == "page-number"] == ["1"]


def test_r32_the_next_bracketed_capital_is_the_next_section_whatever_is_under_it(tmp_path):
    """attack16 P10: '(B) Planning' over a plain paragraph, after '(A) Finance' and its
    (1), (2), was made an item of (A)'s clause (2) (sec_A__para_2__subpara_B)."""
    from converted_text import convert_text

    document, _clauses = convert_text(
        tmp_path,
        "Rules\n\n(A) Finance\n\n(1) The budget is set in January.\n\n(2) The precept follows.\n\n"
        "(B) Planning\n\nThe council comments on applications.\n\n(C) Close\n",
    )
    assert [section.heading.anchor for section in document.blocks] == ["sec_A", "sec_B", "sec_C"]
