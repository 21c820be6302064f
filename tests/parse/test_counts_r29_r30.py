"""Lead rulings R29 (counts are not items) and R30 (an agenda's '7a' under a title line),
session 14. Each test failed on main a9eaefd before parse/item_kinds.py and the R30 rule in
parse/sequence.py and parse/numbered_titles.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from converted_text import convert_text


def _numbers(tmp_path: Path, text: str) -> list[str]:
    _, clauses = convert_text(tmp_path, text)
    return [clause.number or "" for clause in clauses if clause.number]


def test_r29_a_sentence_never_goes_on_a_run_of_titles(tmp_path: Path):
    """'2. Declarations of interest' / '3 Councillors declared ...': the count is item 2's
    text, no clause 3 (attack14 A1; main made clause 3 and demoted sec_2 to a clause)."""
    document, clauses = convert_text(
        tmp_path,
        "Minutes\n\n2. Declarations of interest\n\n"
        "3 Councillors declared an interest in item 5.\n\n4. Planning\n\nNo comments.\n",
    )
    assert [clause.anchor for clause in clauses] == []
    assert [section.heading.anchor for section in document.blocks] == ["sec_2", "sec_4"]
    assert document.blocks[0].blocks[0].text == "3 Councillors declared an interest in item 5."


def test_r29_a_sentence_never_goes_on_a_run_of_to_items(tmp_path: Path):
    assert _numbers(
        tmp_path,
        "Agenda\n\n1 To receive apologies\n\n2 To approve the minutes\n\n"
        "3 Councillors asked for the report to be deferred.\n",
    ) == ["1", "2"]


@pytest.mark.parametrize("tally", ["3 For", "3 Against", "3 Abstentions", "3 Voted"])
def test_r29_a_vote_tally_is_never_an_item(tmp_path: Path, tally: str):
    """Main numbered '3 For' after item 2 (R23) and made '4 Against' alone a heading."""
    document, clauses = convert_text(
        tmp_path,
        f"Minutes\n\n1. Apologies\n\nNone.\n\n2. Planning\n\nThe motion was put.\n\n{tally}\n",
    )
    assert [clause.number for clause in clauses] == []
    assert document.blocks[-1].blocks[-1].text == tally


@pytest.mark.parametrize("address", ["7 Mill Lane: a porch.", "7a High Street: a shed."])
def test_r29_an_address_is_never_an_item(tmp_path: Path, address: str):
    assert _numbers(tmp_path, f"Minutes\n\n6. Planning\n\n{address}\n\nNo objection.\n") == []


def test_r29_a_dash_form_out_of_turn_is_text_and_a_run_is_numbered(tmp_path: Path):
    """'37 – ...', '49 – ...', '51 – ...' (rule numbers cited) are text; main made clauses
    37, 49, 51 and warned of the gaps. '1 – Apologies' / '2 – Minutes' stay a run."""
    cited = "Notes\n\n37 – Questions must be short\n\n49 – Speeches end\n\n51 – Relevance\n"
    assert _numbers(tmp_path, cited) == []
    run = "Agenda\n\n1 – Apologies\n\n2 – Minutes\n\n3 – Any other business\n"
    assert _numbers(tmp_path, run) == ["1", "2", "3"]


def test_r30_inserted_items_right_under_a_title_line_are_its_sub_items(tmp_path: Path):
    """Main read '7. Finance' as a clause and 7a, 7b as its siblings."""
    _, clauses = convert_text(
        tmp_path,
        "Agenda\n\n6. Apologies\n\n7. Finance\n\n7a To note the bank statement\n\n"
        "7b To approve the payments\n\n8. Planning\n",
    )
    assert [clause.anchor for clause in clauses] == [
        "para_6",
        "sec_7__para_7a",
        "sec_7__para_7b",
        "para_8",
    ]


def test_r30_an_inserted_item_after_an_items_own_words_is_its_sibling(tmp_path: Path):
    """Main nested 7a in sec_7 though 7 had its own sentence (attack14 A13's tail)."""
    _, clauses = convert_text(
        tmp_path,
        "Agenda\n\n7. Finance\nThe accounts were circulated.\n\n"
        "7a To consider the youth club's grant.\n\n8. Planning\n",
    )
    assert [clause.anchor for clause in clauses] == ["para_7a", "para_8"]


def test_a6_a_clause_after_a_skipped_number_is_no_address(tmp_path: Path):
    """'2.1 ... by the' / '2.3 Hospitality is registered too.': the next sibling but one
    over a sentence is clause 2.3 (attack14 A6; main 715a2e5 joined it to 2.1's text as an
    address finishing 'by the'); a house number after 'of' stays in the sentence."""
    numbers = _numbers(
        tmp_path,
        "Code of Conduct\n\n2. Gifts\n2.1 Gifts are registered within 28 days by the\n"
        "2.3 Hospitality is registered too.\n",
    )
    assert numbers == ["2.1", "2.3"]
    kept = _numbers(
        tmp_path,
        "Minutes\n\n1. Planning\n1.1 A letter was read from the resident of\n"
        "1.3 Mill Court about parking.\n",
    )
    assert kept == ["1.1"]


def test_r29_a_dash_run_with_leading_zeros_is_a_run(tmp_path: Path):
    """attack16 P9: '01 - Full name' / '02 - ...' / '03 - ...' (a form's numbered
    questions) lost every item: the run's next number was compared as text ('02' is
    not '2'); its value is what counts."""
    assert _numbers(
        tmp_path,
        "Application form\n\n01 - Full name\n\n02 - Place of birth\n\n03 - Date of birth\n",
    ) == ["01", "02", "03"]


@pytest.mark.parametrize("apart", ["\n", "\n\n"])
def test_r29_a_tally_with_its_count_after_the_word_stays_under_its_item(tmp_path: Path, apart):
    """trial16: 'In favour 5' / 'Against: 1' / 'Abstentions - 0' under an item were read as
    cross-headings, which closed the item: the decision under them left item 5."""
    tally = apart.join(["In favour 5", "Against: 1", "Abstentions - 0"])
    document, _clauses = convert_text(
        tmp_path,
        "Minutes\n\n5. 12 Elm Road\n\nCouncillor Fenwick moved approval:\n\n"
        f"{tally}\n\nRESOLVED that permission be GRANTED.\n\n6. Date of next meeting\n\n"
        "The next meeting is in April.\n",
    )
    assert [section.heading.anchor for section in document.blocks] == ["sec_5", "sec_6"]
    under_5 = " ".join(note.text for note in document.blocks[0].blocks)
    assert "In favour 5" in under_5 and "RESOLVED that permission be GRANTED." in under_5
