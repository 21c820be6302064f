"""Lead ruling R24 (sessions 13 and 14): a clock time is never a clause number. "7.30 pm", "9.00
a.m." and "7:30pm" are times by the word after them; a column of increasing times at the
starts of lines ("7.00 Welcome", "7.10 Minutes" ...) is a programme; a time-shaped number
that goes on from the open clause run ("7.29" then "7.30") stays a clause."""

from __future__ import annotations

from pathlib import Path

from converted_text import convert_text


def _read(tmp_path: Path, text: str):
    return convert_text(tmp_path, text, "agenda.txt")


def test_a_time_with_am_or_pm_after_it_is_no_clause(tmp_path: Path):
    document, clauses = _read(
        tmp_path,
        "Agenda for the Parish Council\n\n"
        "7.30 pm in the Village Hall\n\n"
        "1. Apologies for absence.\n\n"
        "2. Minutes of the last meeting.\n\n"
        "9.00 a.m. Site visit to the allotments\n\n"
        "7:30pm Close\n",
    )
    assert [c.anchor for c in clauses] == ["para_1", "para_2"]
    words = " ".join(" ".join([c.text, *c.paragraphs, *c.tail]) for c in clauses) + " ".join(
        str(block) for block in document.blocks
    )
    for kept in ("7.30 pm in the Village Hall", "9.00 a.m. Site visit", "7:30pm Close"):
        assert kept in words


def test_a_column_of_increasing_times_is_a_programme_not_clauses(tmp_path: Path):
    _, clauses = _read(
        tmp_path,
        "Annual Parish Meeting\n\n"
        "1. The meeting will follow this programme:\n\n"
        "7.00 Welcome by the Chair\n"
        "7.10 Report of the Council\n"
        "7.45 Questions from residents\n"
        "8.15 Close\n\n"
        "2. Refreshments are served after the meeting.\n",
    )
    assert [c.anchor for c in clauses] == ["para_1", "para_2"]
    assert clauses[0].paragraphs == [
        "7.00 Welcome by the Chair",
        "7.10 Report of the Council",
        "7.45 Questions from residents",
        "8.15 Close",
    ]


def test_a_time_shaped_number_going_on_from_the_clause_run_stays_a_clause(tmp_path: Path):
    _, clauses = _read(
        tmp_path,
        "Standing Orders\n\n"
        "7.28 The chair may adjourn the meeting.\n\n"
        "7.29 A motion to adjourn is put at once.\n\n"
        "7.30 An adjourned meeting resumes within a month.\n\n"
        "9.15 pm The meeting closed.\n",
    )
    assert [c.number for c in clauses] == ["7.28", "7.29", "7.30"]


def test_a_capital_am_opening_a_sentence_is_a_word_not_a_time(tmp_path: Path):
    """'Am' with its capital alone opens a Welsh sentence ('for more ...') in bilingual
    standing orders: 5.12 goes on from 5.11 and keeps its clause (attack14 A7: it was read
    as '5.12 a.m.' and the clause was lost into 5.11's text)."""
    _, clauses = _read(
        tmp_path,
        "Standing Orders\n\n"
        "5.11 The council meets each month on a Tuesday.\n\n"
        "5.12 Am ragor o wybodaeth cysylltwch â'r clerc.\n\n"
        "5.13 Meetings start at 7.30 PM in the hall.\n",
    )
    assert [c.anchor for c in clauses] == ["para_5-11", "para_5-12", "para_5-13"]
    assert clauses[1].text.startswith("Am ragor")


def test_numbers_in_fives_under_their_numbered_heading_are_its_clauses(tmp_path: Path):
    """4.10, 4.15, 4.30 under '4. Motions' extend the heading's number: its clauses, never a
    programme's times (attack14 A7: all three were given back to the text)."""
    _, clauses = _read(
        tmp_path,
        "Standing Orders\n\n"
        "4. Motions\n\n"
        "4.10 A motion must be in writing.\n\n"
        "4.15 A motion must be seconded.\n\n"
        "4.30 A motion may be withdrawn.\n",
    )
    assert [c.anchor for c in clauses][-3:] == [
        "sec_4__para_4-10",
        "sec_4__para_4-15",
        "sec_4__para_4-30",
    ]


def test_noon_after_a_time_says_it_is_a_time(tmp_path: Path):
    _, clauses = _read(
        tmp_path,
        "Show Day\n\n1. Entries close on Friday.\n\n12.00 noon Prizes are given.\n",
    )
    assert [c.anchor for c in clauses] == ["para_1"]


def test_the_run_decides_before_a_capital_pm(tmp_path: Path):
    """'7.29' then '7.30 PM and AM meetings ...': 7.30 goes on from the run, a clause (R24
    as restated in session 14; main 838ebb7 read 'PM' as the time's and lost clause 7.30);
    '7.30 PM Public forum' going on from no run stays a time."""
    document, clauses = _read(
        tmp_path,
        "Standing Orders\n\n7. Meetings\n\n7.29 The minutes are published within a week.\n\n"
        "7.30 PM and AM meetings may both be held.\n\n8. Public forum\n\n"
        "7.30 PM The public may speak for three minutes each.\n",
    )
    assert [c.anchor for c in clauses] == ["sec_7__para_7-29", "sec_7__para_7-30"]
    assert clauses[1].text == "PM and AM meetings may both be held."
