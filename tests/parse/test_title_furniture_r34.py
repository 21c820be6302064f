"""Lead ruling R34 (session 14): what stands above a council's heading is never its
title: a breadcrumb of two steps or one printed with its links, a site's menu button and
its post category, an addressee, the call to the meeting and the clerk's signature, a
minute book's page code. The heading under them is the title; each line stays printed
(a label line) or is reported (an INFO drop), no word lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.parse.above_title import addressee_line, summons_line
from clausemark.parse.site_lines import never_title, section_name, site_nav_line, viewer_line

ITEMS = "1. Apologies\nThe chair noted apologies.\n\n2. Accounts\nThe accounts were approved.\n"


def _converted(tmp_path: Path, text: str, name: str = "paper.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return convert_file(path)


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Council and democracy > Agenda and draft minutes", True),
        ("Meetings › Planning committee", True),
        ("Home | Meetings", True),
        ("Section 16: A Protocol for Member/Officer Relations", False),  # label + title
        ("Member/Officer Protocol", False),
        ("A Guide to Planning", False),
    ],
)
def test_a_breadcrumb_of_two_steps_is_never_the_title(line: str, furniture: bool):
    assert never_title(line) is furniture


def test_a_sites_menu_button_and_post_category_are_the_sites():
    assert site_nav_line("Toggle mobile menu visibility")
    assert viewer_line("Category: Minutes (Page 2 of 12)")
    assert not viewer_line("Category: the council's own words about its minutes")


@pytest.mark.parametrize(
    ("line", "addressee"),
    [
        ("To: ALL MEMBERS OF THE COUNCIL", True),
        ("To all Councillors", True),
        ("Dear Councillor", True),
        ("To receive apologies for absence", False),  # an agenda item
        ("To note the report of the clerk", False),
    ],
)
def test_an_addressee_line_is_the_letters(line: str, addressee: bool):
    assert addressee_line(line) is addressee


def test_the_call_to_a_meeting_is_a_summons():
    assert summons_line("YOU ARE HEREBY SUMMONED TO ATTEND A MEETING OF THE COUNCIL ...")
    assert summons_line("Members of the Council are hereby summoned to attend ...")
    assert not summons_line("Members are reminded to declare their interests.")


def test_a_policies_section_name_is_a_section_name():
    assert section_name("Policies & Procedures")
    assert section_name("Policies and Procedures")
    assert not section_name("Lone Working Policy")


def test_an_agenda_under_its_letter_is_titled_by_its_heading(tmp_path: Path):
    document = _converted(
        tmp_path,
        "To: ALL MEMBERS OF THE COUNCIL\nYOU ARE HEREBY SUMMONED TO ATTEND A MEETING OF"
        " ASHBY FOLD PARISH COUNCIL ON MONDAY 9 MARCH 2026 AT 7PM.\nA. CLERK, CLERK TO THE"
        f" COUNCIL, 2 MARCH 2026\n\nAGENDA\n\n{ITEMS}",
    )
    assert document.metadata.title == "AGENDA"
    assert ("label", 1, "To: ALL MEMBERS OF THE COUNCIL") in document.title_lines
    assert [kind for kind, _line, _text in document.title_lines] == [
        "label",
        "label",
        "label",
        "title",
    ]


def test_a_breadcrumb_alone_names_the_page_by_its_last_crumb(tmp_path: Path):
    document = _converted(tmp_path, f"Council and democracy > Agenda and draft minutes\n\n{ITEMS}")
    assert document.metadata.title == "Agenda and draft minutes"


def test_a_text_breadcrumb_over_a_title_is_never_joined_to_it(tmp_path: Path):
    """trial14 F2: 'Home | Meetings' / blank / 'Standing Orders' was titled 'Meetings
    Standing Orders' (the trail and the title joined as one title over two lines)."""
    document = _converted(tmp_path, f"Home | Meetings\n\nStanding Orders\n\n{ITEMS}")
    assert document.metadata.title == "Standing Orders"
    assert ("label", 1, "Home | Meetings") in document.title_lines


def test_a_saved_pages_linked_trail_over_its_h1_leaves_the_h1_the_title(tmp_path: Path):
    """trial14 F2: the site's 'Home | Meetings' (two links) over the page's <h1> was kept
    as the text's first note, and the title came from the file name."""
    h1 = "Agenda for Cabinet on Thursday 14 January 2027, 7.30pm"
    document = _converted(
        tmp_path,
        '<html><body><div><a href="https://example.org/">Home</a> | '
        '<a href="https://example.org/meetings">Meetings</a></div>'
        f"<h1>{h1}</h1><p>Venue: Council Chamber</p><ol><li>Apologies</li>"
        "<li>Minutes</li></ol></body></html>",
        name="cabinet-agenda.html",
    )
    assert document.metadata.title == h1
    assert document.title_lines[0][0] == "label"
    assert "Meetings" in document.title_lines[0][2]  # printed, as a label line


def test_a_page_code_over_the_boroughs_heading_is_its_page(tmp_path: Path):
    document = _converted(
        tmp_path, f"A1\n\nHOLMEFIELD METROPOLITAN BOROUGH\n\nMEETING OF THE COUNCIL\n\n{ITEMS}"
    )
    assert document.metadata.title == "HOLMEFIELD METROPOLITAN BOROUGH"
    assert [(d.line, d.text, d.level) for d in document.dropped] == [(1, "A1", "info")]


def test_a_guide_titled_with_a_is_no_page_code(tmp_path: Path):
    document = _converted(tmp_path, f"A Guide to Planning\n\n{ITEMS}")
    assert document.metadata.title == "A Guide to Planning"


def test_a_sites_holiday_notice_under_its_menu_is_its_banner(tmp_path: Path):
    """A council site's notice of its services at a holiday, under the site's menu button,
    over the page's own heading: the site's banner (reported), never the title."""
    document = _converted(
        tmp_path,
        "Toggle mobile menu visibility\n\nBank holiday information - Christmas\n\nBank holiday"
        " information for our services, including opening times.\n\nAgenda and minutes\n\n"
        f"{ITEMS}",
    )
    assert document.metadata.title == "Agenda and minutes"
    assert {d.line for d in document.dropped if d.level == "info"} == {1, 3, 5}


# attack16 T1-T4 (single line breaks, no blank line between the lines)
@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Dear Councillor\nComplaints Procedure\n", "Complaints Procedure"),  # T1
        (  # T2: a clerk's signature and date, no call above it
            "J Grey, Clerk to the Council, 24 April 2025\n\nHARBRIDGE PARISH COUNCIL\n\n"
            "Lone Working Policy\n\n",
            "Lone Working Policy",
        ),
        ("HARBRIDGE PARISH COUNCIL\nPresent: Cllr Grey, Cllr Hill\n", "Paper"),  # T3 (R35)
        ("A1\nLone Working Policy\n", "Lone Working Policy"),  # T4
    ],
)
def test_letter_lines_and_codes_on_the_next_line_stay_out_of_the_title(
    tmp_path: Path, text: str, title: str
):
    document = _converted(tmp_path, f"{text}{ITEMS}")
    assert document.metadata.title == title


def test_a_council_over_present_stays_the_council(tmp_path: Path):
    document = _converted(tmp_path, f"HARBRIDGE PARISH COUNCIL\nPresent: Cllr Grey\n{ITEMS}")
    assert ("council", 1, "HARBRIDGE PARISH COUNCIL") in document.title_lines


# attack16 T8, T9: a covering letter's own sentence; a heading naming the clerk
@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Dear Members\nPlease find the agenda below.\nAGENDA\n", "AGENDA"),  # T8
        ("Dear Sir or Madam\n\nComplaint about the Clerk\n\n", "Complaint about the Clerk"),  # T9
        ("To: All Members\nFrom: The Clerk\nDate: 3 May 2025\nAGENDA\n", "AGENDA"),
    ],
)
def test_a_covering_letters_lines_stay_over_the_heading(tmp_path: Path, text: str, title: str):
    assert _converted(tmp_path, f"{text}{ITEMS}").metadata.title == title


def test_a_trail_between_the_council_and_the_title_leaves_the_council_the_council(tmp_path: Path):
    """attack16 T5: 'Harbridge Parish Council' / 'Home | Meetings' / 'Minutes of 3 March 2025'
    was titled by the council's name (the trail under it hid it from the title below)."""
    document = _converted(
        tmp_path,
        f"Harbridge Parish Council\n\nHome | Meetings\n\nMinutes of 3 March 2025\n\n{ITEMS}",
    )
    assert document.metadata.title == "Minutes of 3 March 2025"
    assert ("council", 1, "Harbridge Parish Council") in document.title_lines
