"""Real standing orders (issue 23, third round): the ninth letter "i" after "h" is a
letter, a long heading in capitals opens its section, a "See also ..." line under a
section heading stays in that section, and a date alone on its line is no section."""

from __future__ import annotations

from pathlib import Path

from clausemark.convert import convert_file
from clausemark.model.document import Note, Section, iter_clauses

LETTERS = "abcdefghijk"


def _convert(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return convert_file(path)


def _anchors(document) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for clause, *_ in iter_clauses(document.blocks):
        found.setdefault(clause.number or "", []).append(clause.anchor)
    return found


def _lettered(count: int, dot: str = ".") -> str:
    return "\n\n".join(f"{letter}{dot} Rule {letter} applies." for letter in LETTERS[:count])


def test_i_after_h_at_the_margin_is_the_ninth_letter(tmp_path):
    document = _convert(tmp_path, "orders.txt", f"1 DEBATE\n\n{_lettered(11)}\n")
    anchors = _anchors(document)
    assert anchors["i."] == ["sec_1__para_i"]
    assert anchors["j."] == ["sec_1__para_j"]


def test_i_as_the_last_item_after_h_is_still_the_letter(tmp_path):
    document = _convert(tmp_path, "orders.txt", f"1 DEBATE\n\n{_lettered(9)}\n")
    assert _anchors(document)["i."] == ["sec_1__para_i"]


def test_i_under_a_lead_in_after_h_is_the_first_roman(tmp_path):
    text = (
        "1 DEBATE\n\n" + _lettered(7) + "\n\nh. The chair may allow speeches on:\n\n"
        "i. an item on the agenda;\n\nii. a petition.\n"
    )
    anchors = _anchors(_convert(tmp_path, "orders.txt", text))
    assert anchors["i."] == ["sec_1__para_h__subpara_i"]
    assert anchors["ii."] == ["sec_1__para_h__subpara_ii"]


def test_i_followed_by_ii_at_the_margin_is_roman_whatever_comes_before(tmp_path):
    text = "1 DEBATE\n\n" + _lettered(8) + "\n\ni. first way;\n\nii. second way.\n"
    anchors = _anchors(_convert(tmp_path, "orders.txt", text))
    assert anchors["i."] == ["sec_1__para_h__subpara_i"]


def test_bracketed_i_after_bracketed_h_is_the_letter_when_j_follows(tmp_path):
    items = "\n".join(f"({letter}) Rule {letter} applies." for letter in LETTERS[:10])
    document = _convert(tmp_path, "orders.txt", f"1. Debate\n1.1 The rules are:\n{items}\n")
    anchors = _anchors(document)
    assert anchors["(i)"] == ["sec_1__para_1-1__subpara_i"]
    assert anchors["(j)"] == ["sec_1__para_1-1__subpara_j"]


def test_the_ninth_letter_of_a_web_pages_lettered_list(tmp_path):
    items = "".join(f"<li>Rule {letter} applies.</li>" for letter in LETTERS[:10])
    page = f"<html><body><h1>Orders</h1><h2>1 DEBATE</h2><ol type='a'>{items}</ol></body></html>"
    anchors = _anchors(_convert(tmp_path, "orders.html", page))
    assert anchors["i."] == ["sec_1__para_i"]


LONG = "MOTIONS FOR A MEETING THAT NEED WRITTEN NOTICE TO BE GIVEN TO THE TOWN CLERK IN ADVANCE"


def test_a_long_heading_in_capitals_after_a_paragraph_opens_its_section(tmp_path):
    text = (
        f"ORDERS\n\n1 VOTING\n\nWhere three are nominated the one with fewest votes drops out.\n\n"
        f"2 {LONG}\n\na A motion concerns the meeting.\n\nb Notice reaches the clerk.\n"
    )
    document = _convert(tmp_path, "orders.txt", text)
    sections = [b for b in document.blocks if isinstance(b, Section)]
    assert [(s.heading.number, s.heading.title) for s in sections] == [
        ("1", "VOTING"),
        ("2", LONG),
    ]
    assert _anchors(document)["a"] == ["sec_2__para_a"]


def test_a_long_sentence_in_capitals_that_ends_in_a_full_stop_is_no_heading(tmp_path):
    text = f"ORDERS\n\n1 VOTING\n\na Votes are counted.\n\n2 {LONG}.\n"
    document = _convert(tmp_path, "orders.txt", text)
    assert [b.heading.number for b in document.blocks if isinstance(b, Section)] == ["1"]


def test_a_see_also_line_under_a_section_heading_stays_in_the_section(tmp_path):
    text = (
        "ORDERS\n\n1 RECORDS\n\nSee also standing order 3\n\na Records are kept.\n\n"
        "b Records are destroyed.\n\n2 PRESS\n\n(Not a full list) See also standing order 1\n\n"
        "a Enquiries go to the clerk.\n\nb The clerk replies.\n"
    )
    document = _convert(tmp_path, "orders.txt", text)
    anchors = _anchors(document)
    assert anchors["a"] == ["sec_1__para_a", "sec_2__para_a"]
    first = document.blocks[0]
    assert isinstance(first, Section) and isinstance(first.blocks[0], Note)
    assert first.blocks[0].text == "See also standing order 3"


def test_a_cross_heading_right_under_a_section_heading_is_inside_it(tmp_path):
    text = "ORDERS\n\n1 MEETINGS\n\nGeneral\n\na Meetings are public.\n\nb Notice is given.\n"
    document = _convert(tmp_path, "orders.txt", text)
    assert _anchors(document)["a"] == ["sec_1__para_a"]


def test_a_date_alone_on_its_line_is_no_section(tmp_path):
    text = (
        "ORDERS\n\n1 MEETINGS\n\na Meetings are public.\n\nb Notice is given.\n\n"
        "THESE ORDERS WERE ADOPTED\n\nBY THE COUNCIL ON\n\n20 AUGUST 2018\n"
    )
    document = _convert(tmp_path, "orders.txt", text)
    numbers = [c.number for c, *_ in iter_clauses(document.blocks)]
    assert "20" not in numbers
    assert [b.heading.number for b in document.blocks if isinstance(b, Section)] == ["1"]
    assert document.warnings == []


def test_a_bracketed_letter_with_a_full_stop_is_read_with_its_stop(tmp_path):
    text = "1. Meetings are held:\n(a). in the hall;\n(b). in the library.\n"
    document = _convert(tmp_path, "orders.txt", text)
    found = {c.number: c for c, *_ in iter_clauses(document.blocks)}
    assert found["(a)."].text == "in the hall;"
    assert found["(b)."].anchor == "para_1__subpara_b"


def test_a_list_restarting_under_a_lead_in_bullet_is_nested_under_it(tmp_path):
    text = (
        "1.  Committees meet monthly.\n\na.  Finance Committee - first Tuesday.\n\n"
        "b.  Planning Committee meetings:\n\n  • Decisions are reported as follows:-\n\n"
        "     (a).  the applications decided;\n\n     (b).  the applications referred.\n\n"
        "2.  The Annual Meeting is held in May.\n"
    )
    anchors = _anchors(_convert(tmp_path, "orders.txt", text))
    assert anchors["(a)."] == ["para_1__subpara_b__item_a"]  # the bullet adds no level
    assert anchors["a."] == ["para_1__subpara_a"]


def test_a_title_with_a_dash_and_review_date_gives_the_date(tmp_path):
    text = (
        "Standing Orders\n\nStanding Orders - Reviewed 12th March 2024\n\n1. Meetings are public.\n"
    )
    document = _convert(tmp_path, "orders.txt", text)
    assert document.metadata.adopted == "2024-03-12"
    assert document.dropped == []  # both parts of the line are on the page
    notes = [b.text for b in document.blocks if isinstance(b, Note)]
    assert notes == ["Reviewed 12th March 2024"]


def test_a_numbered_heading_in_capitals_never_runs_on_into_the_sentence_under_it(tmp_path):
    text = (
        "ORDERS\n\n1\tCLERK\na\tThe clerk acts.\nb\tThe clerk reports.\n\n"
        "2\tRESPONSIBLE FINANCIAL OFFICER\nThe officer is named by the council.\n"
    )
    document = _convert(tmp_path, "orders.txt", text)
    second = [b for b in document.blocks if isinstance(b, Section)][1]
    assert (second.heading.number, second.heading.title) == ("2", "RESPONSIBLE FINANCIAL OFFICER")
    assert isinstance(second.blocks[0], Note)


def test_a_bare_letter_before_a_quotation_is_an_item(tmp_path):
    text = 'ORDERS\n\n1 ACCOUNTS\n\na "Proper practices" means it.\n\nb Payments are due.\n'
    assert _anchors(_convert(tmp_path, "orders.txt", text))["a"] == ["sec_1__para_a"]


def test_a_sentence_starting_with_a_inside_a_letter_run_is_text(tmp_path):
    text = (
        "ORDERS\n\n1 TENDERS\n\na Rules are adopted.\n\nb Rules are reviewed.\n\n"
        "c A tender includes:\n\na specification is written;\n\ni the tender is advertised;\n\n"
        "ii tenders are opened in public.\n\nd No contract is split.\n"
    )
    anchors = _anchors(_convert(tmp_path, "orders.txt", text))
    assert anchors["a"] == ["sec_1__para_a"]
    assert anchors["i"] == ["sec_1__para_c__subpara_i"]
    assert anchors["d"] == ["sec_1__para_d"]


def test_a_paragraph_between_two_items_of_a_list_keeps_the_list_going(tmp_path):
    text = (
        "ORDERS\n\n1 CLERK\n\na The clerk acts.\n\nb The clerk shall:\n\ni send the summons;\n\n"
        "ii arrange for deeds;\n\nSee also standing order 4;\n\niii keep the seal.\n\n"
        "See also standing order 4.\n\n2 FINANCE\n\nThe officer is named.\n"
    )
    document = _convert(tmp_path, "orders.txt", text)
    found = {c.number: c for c, *_ in iter_clauses(document.blocks)}
    assert found["iii"].anchor == "sec_1__para_b__subpara_iii"
    assert found["ii"].paragraphs == ["See also standing order 4;"]
    assert found["b"].tail == ["See also standing order 4."]
