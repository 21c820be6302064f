"""Lead ruling R20 (session 12): titles of meeting records. A first line that names a
meeting's paper is the title as printed, up to 30 words, even ending with '.'; a title is
the whole line as printed, so a date after a dash stays in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file

BODY = "1.   Apologies\n\nNone were received.\n\n2.   The meeting closed at 8pm.\n"


@pytest.mark.parametrize(
    "first",
    [
        "Minutes of the Meeting of Ashcombe Vale Parish Council held on Monday 3 March 2025.",
        "Minutes of the Community Council meeting held by video link on Tuesday, 4 June 2024.",
        "Ashcombe Vale Parish Council Extra Ordinary meeting.",
        "Agenda for the Annual Meeting of the Parish Council on 12 May 2025.",
        "Holmbury Down Parish Council Agenda – April 2025",
        "Notice of Meeting - Planning Committee - 3 June 2025",
        # R27 (session 13): a date, time and place in the line, 'to be held' and all
        "Agenda for the Town Council Meeting to be held on 9 April 2025 at 7pm in the Hall.",
        "Agenda for the Annual Town Meeting which will be held on 22 May 2025.",
    ],
)
def test_a_meeting_record_first_line_is_the_whole_title(tmp_path: Path, first: str):
    path = tmp_path / "paper.txt"
    path.write_text(f"{first}\n\n{BODY}", encoding="utf-8")
    assert convert_file(path).metadata.title == first


def test_a_sentence_first_line_that_names_no_meeting_is_not_the_title(tmp_path: Path):
    path = tmp_path / "paper.txt"
    first = "The council agreed these rules at its meeting in May."
    path.write_text(f"{first}\n\n{BODY}", encoding="utf-8")
    assert convert_file(path).metadata.title != first


def test_a_line_with_other_lower_case_words_before_council_meeting_is_no_title(tmp_path: Path):
    # R36 (session 14, read literally as the blind sets' writer does): a lower-case word
    # other than of/the/and/for/to/on before "... meeting." in a line opening on no
    # council's, committee's or paper's name makes the line a sentence, not the title
    path = tmp_path / "paper.txt"
    first = "Questions from the public at a Town Council meeting."
    path.write_text(f"{first}\n\n{BODY}", encoding="utf-8")
    assert convert_file(path).metadata.title != first


def test_a_sentence_about_the_agenda_is_not_its_title(tmp_path: Path):
    path = tmp_path / "paper.txt"
    first = "The agenda for the Parish Council meeting is published three days before it."
    path.write_text(f"{first}\n\n{BODY}", encoding="utf-8")
    assert convert_file(path).metadata.title != first


@pytest.mark.parametrize(
    "first",
    [
        "The Mayor welcomed everyone to the Town Council meeting.",
        "Cllr Finch opened the Extraordinary Town Council meeting.",
        "Residents asked about the closure of the footpath by the school and the new car park"
        " at length before the Town Council meeting.",
    ],
)
def test_a_sentence_of_minutes_ending_council_meeting_is_not_the_title(tmp_path: Path, first: str):
    # R27: '... Council meeting.' is a title only as the first short heading, never a
    # sentence of minutes
    path = tmp_path / "paper.txt"
    path.write_text(f"{first}\n\n{BODY}", encoding="utf-8")
    assert convert_file(path).metadata.title != first
