"""Lead rulings R35 and R36 (session 14): what a title is not. A record that opens on its
attendance prints no title (the file name names it); a council's name over a long line
describing when and where the meeting was held stays the title; a record's name followed
by a sentence on the same line is titled to its sentence end (attack14 A10); a sentence
ending "... Council meeting." with a lower-case verb before it is no title (attack14 A3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.parse.meeting_titles import meeting_description, meeting_record_title

ITEMS = "1. Apologies\nThe chair noted apologies.\n\n2. Accounts\nThe accounts were approved.\n"


def _title(tmp_path: Path, first: str, name: str = "minutes_may.txt") -> str:
    path = tmp_path / name
    path.write_text(f"{first}\n\n{ITEMS}", encoding="utf-8")
    return convert_file(path).metadata.title


@pytest.mark.parametrize(
    "first",
    [
        "Present: Cllr Ada Brook, Cllr Lewis Pryor",
        "Apologies ; Cllr Tom Ruddock , Cllr Ellen Voss",
        "In Attendance - the clerk and two residents",
        "Present Councillors Brook, Pryor and Sethi",
    ],
)
def test_a_record_opening_on_its_attendance_is_named_by_its_file(tmp_path: Path, first: str):
    assert _title(tmp_path, first) == "Minutes may"


def test_an_attendance_policy_is_still_a_title(tmp_path: Path):
    assert _title(tmp_path, "Attendance Policy") == "Attendance Policy"


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        ("Cllr Grey took the chair at the Parish Council meeting.", True),
        ("The clerk read the notice of the Parish Council meeting.", True),
        ("Members met in the school hall for the Parish Council meeting.", True),
        ("Twelve residents came to the Parish Council meeting.", True),
        ("The vice-chair ran the Parish Council meeting.", True),
        ("Hilltop Parish Council Extraordinary meeting.", False),
        ("Publow with Pensford Parish Council Extra Ordinary meeting.", False),
        ("Annual Parish Council meeting.", False),
    ],
)
def test_a_sentence_ending_council_meeting_is_no_title(line: str, sentence: bool):
    assert meeting_record_title(line) is not sentence


def test_minutes_to_be_read_is_a_sentence():
    assert not meeting_record_title("Minutes to be read at the next meeting, as agreed.")
    assert meeting_record_title("Summons to attend the Annual Meeting of the Town Council")


@pytest.mark.parametrize(
    ("first", "title"),
    [
        (
            "Minutes of the meeting held on 3 March 2025. Present: Cllr Grey and the clerk.",
            "Minutes of the meeting held on 3 March 2025.",
        ),
        (
            "Agenda for the meeting of the council on 4 May 2025 at 7.30pm. The public may attend.",
            "Agenda for the meeting of the council on 4 May 2025 at 7.30pm.",
        ),
        (  # an abbreviation is no sentence end
            "Minutes of the meeting held at St. Mary's Hall on 3 March 2025",
            "Minutes of the meeting held at St. Mary's Hall on 3 March 2025",
        ),
    ],
)
def test_a_record_name_is_titled_to_its_sentence_end(tmp_path: Path, first: str, title: str):
    path = tmp_path / "paper.txt"
    path.write_text(f"{first}\n\n{ITEMS}", encoding="utf-8")
    document = convert_file(path)
    assert document.metadata.title == title
    rest = first[len(title) :].strip()
    if rest:  # the rest of the line is the text's first paragraph, every word kept
        assert rest in str(document.blocks)


def test_a_council_over_its_meetings_description_is_the_title(tmp_path: Path):
    council = "Wendlebury Green Community Council"
    described = (
        "Minute of the Wendlebury Green Community Council Meeting held on Tuesday, 10th"
        " March 2026, in the Old School Room"
    )
    assert meeting_description(described, council)
    assert _title(tmp_path, f"{council}\n{described}") == council


def test_a_council_over_a_short_record_name_gives_way_to_it(tmp_path: Path):
    council = "Ashby Parva Parish Council"
    minutes = "Minutes of the Parish Council Meeting held on 2 October"  # no place: R20
    assert not meeting_description(minutes, council)
    assert _title(tmp_path, f"{council}\n\n{minutes}") == minutes
