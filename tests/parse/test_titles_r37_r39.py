"""Lead rulings R37-R39 (session 15): what a web page or a document host prints for its
visitor over a council's heading (R37), a covering letter, a document-control label, a
running head and a list page's table header (R38) are never the title: the title search
skips them and takes the heading under them; a meeting page whose only heading is a date
is titled by that date (R39). Each skipped line stays printed (a label line) or is
reported (a running head's repeat), no word lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.parse.control_labels import control_label
from clausemark.parse.letter_lines import addressee_line, valediction
from clausemark.parse.site_lines import page_furniture

CLAUSES = (
    "1. Scope\nThis policy covers every volunteer who helps the council.\n\n"
    "2. Training\nEach volunteer is shown the safe way to use the tools.\n"
)


def _title(tmp_path: Path, text: str, name: str = "page.txt") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return convert_file(path).metadata.title


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("You are here:", True),
        ("Click here to enlarge the text", True),
        ("Tap to open the map", True),
        ("Find out how to report a pothole", True),
        ("Sign up to hear about road closures", True),
        ("Log in to pay your allotment rent", True),
        ("Accept all cookies", True),
        ("Print", True),
        ("7 min read", True),
        ("1 minute read", True),
        ("48 views", True),
        ("2 comments", True),
        ("Header Image for Kelsey Ford Town Council", True),
        ("Banner", True),
        ("www.kelseyford-tc.gov.uk", True),
        ("KELSEYFORD.ORG.UK", True),
        ("Document Sample", True),
        ("Embed Size (px)", True),
        ("Page 1: Kelsey Ford ... budget ... precept for the year", True),
        ("Pages: || 2 | 3 | 4 |", True),
        ("<< HOME", True),
        ("In an emergency call 999", True),
        ("For billing enquiries please call 01632 961234", True),
        ("Monday - Friday -", True),
        ("Tel: 01632 961234", True),
        ("Items", True),
        ("No. |", True),
        # a heading printed with such a verb is title-cased throughout: a heading
        ("Find Out More About Allotments", False),
        ("Use of Council Vehicles Policy", False),
        ("Search and Rescue Protocol", False),
        ("Lone Working Policy", False),
        ("The council will search for a new clerk ... in the spring", False),  # 7 words
        ("Reading Room Hire Charges", False),
        ("Translation Service Policy", False),
        ("v1.2", False),
        ("1.5m", False),
    ],
)
def test_the_pages_own_furniture_is_told_apart(line: str, furniture: bool):
    assert page_furniture(line) is furniture


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Reference: PR_GOV2 Scheme of Delegation", True),
        ("Ref: HR/09", True),
        ("Document reference GOV-07", True),
        ("Policy number 22", True),
        ("Status: Draft", True),
        ("Owner: Deputy Clerk", True),
        ("Review date: April 2027", True),
        ("Recruitment Procedure", False),
        ("References to the Town Clerk include the Deputy", False),
        ("Title: Scheme of Delegation", False),  # the value is the title itself
    ],
)
def test_a_document_control_label_line_is_told_apart(line: str, label: bool):
    assert control_label(line) is label


def test_any_greeting_and_a_letters_close_are_letter_lines():
    assert addressee_line("Dear Alderman / Councillor")
    assert addressee_line("Dear Member")
    assert valediction("Yours sincerely")
    assert valediction("Yours faithfully,")
    assert not addressee_line("Dearne Valley Joint Committee")
    assert not valediction("Yours to keep: a guide to the archive")


@pytest.mark.parametrize(
    "above",
    [
        "You are here:\n\nClick here to load the accessible version\n\n",
        "4 minute read\n\n",
        "Header image for Kelsey Ford Town Council\n\n",
        "www.kelseyford-tc.gov.uk\n\n",
        "Document Sample\nEmbed Size (px)\n\n",
        "In an emergency call 999\nFor all other enquiries call 01632 961234\n\n",
        "Reference: VOL-1 Volunteer Policy\n\n",
        "Home\n\nWhat's On\n\nOur Parish\n\nHistory\n\nContact Us\n\n",
    ],
)
def test_the_title_is_the_heading_under_the_furniture(tmp_path: Path, above: str):
    # fails before R37/R38: one of the furniture lines was the title, or the furniture
    # (a paragraph) started the text and the title became the file name
    assert _title(tmp_path, f"{above}Volunteer Policy\n\n{CLAUSES}") == "Volunteer Policy"


def test_the_furniture_stays_printed(tmp_path: Path):
    path = tmp_path / "page.txt"
    path.write_text(
        f"Find out about changes to bin collections\n\nVolunteer Policy\n\n{CLAUSES}",
        encoding="utf-8",
    )
    document = convert_file(path)
    assert document.metadata.title == "Volunteer Policy"
    assert ("label", 1, "Find out about changes to bin collections") in document.title_lines
    assert not document.dropped


def test_a_one_arrow_breadcrumb_names_the_page_when_no_heading_follows(tmp_path: Path):
    text = f"News » Parish council agrees new rules for volunteers on its land\n\n{CLAUSES}"
    assert _title(tmp_path, text) == "Parish council agrees new rules for volunteers on its land"


def test_a_covering_letter_is_never_the_title(tmp_path: Path):
    text = (
        "4 March 2026\n\nDear Councillor\n\nYou are requested to attend the meeting of the"
        " Parish Council on Monday.\n\nDate: Monday 9 March 2026\n\nTime: 7pm\n\n"
        "Yours sincerely\n\nK Wren\n\nClerk to the Council\n\nAGENDA\n\n"
        "1. Apologies\n\n2. Minutes\n\n3. Correspondence\n"
    )
    assert _title(tmp_path, text) == "AGENDA"


def test_a_covering_letter_with_no_blank_lines_is_never_the_title(tmp_path: Path):
    text = (
        "Dear Member,\nPlease attend the meeting of the Finance Committee on Tuesday.\n"
        "Yours faithfully\nK Wren\nClerk\nNOTICE OF MEETING\n1. Apologies\n2. Minutes\n"
    )
    assert _title(tmp_path, text) == "NOTICE OF MEETING"


def test_a_meeting_day_in_a_letter_is_no_adoption_date(tmp_path: Path):
    path = tmp_path / "agenda.txt"
    path.write_text(
        "Dear Councillor\n\nDate: Thursday 5 March 2026\n\nYours sincerely\n\nAGENDA\n\n"
        "1. Apologies\n\n2. Minutes\n",
        encoding="utf-8",
    )
    assert convert_file(path).metadata.adopted is None


def test_a_running_head_is_neither_title_nor_clause(tmp_path: Path):
    path = tmp_path / "minutes.txt"
    path.write_text(
        "Audit Panel – 14/05/25\n\nMINUTES OF THE AUDIT PANEL\n\n1. APOLOGIES\n\nNone.\n\n"
        "2 Audit Panel – 14/05/25\n\n2. ACCOUNTS\n\nThe accounts were noted.\n",
        encoding="utf-8",
    )
    document = convert_file(path)
    assert document.metadata.title == "MINUTES OF THE AUDIT PANEL"
    repeats = [d for d in document.dropped if d.kind == "running-header"]
    assert [(d.line, d.text) for d in repeats] == [(9, "2 Audit Panel – 14/05/25")]


def test_a_title_printed_once_is_no_running_head(tmp_path: Path):
    text = "Minutes of the Audit Panel, 14 May\n\n1. Apologies\n\nNone.\n\n2. Accounts\n\nNoted.\n"
    assert _title(tmp_path, text) == "Minutes of the Audit Panel, 14 May"


def test_a_table_header_row_is_no_title(tmp_path: Path):
    text = "Items\nNo. |\nItem |\n1. |\nBudget PDF 20 KB\n|\n2. |\nAccounts PDF 31 KB\n|\n"
    assert _title(tmp_path, text, "committee_papers.txt") == "Committee papers"


def test_a_date_alone_over_meeting_fields_is_the_title(tmp_path: Path):
    text = (
        "22 January 2026\n\nDate:\n\nThursday, 22 January 2026\n\nTime:\n\n2pm\n\n"
        "1. Apologies\n\n2. Minutes\n"
    )
    assert _title(tmp_path, text, "panel.txt") == "22 January 2026"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a date over a letter is the letter's date
        ("22 January 2026\n\nDear Councillor\n\nAGENDA\n\n1. Apologies\n\n2. Minutes\n", "AGENDA"),
        # a date over a record's opening: no title is printed (R35)
        ("22 January 2026\n\nPresent: Cllr Ash, Cllr Birch\n\n1. Apologies\n", "Panel"),
        # a date over a heading: the heading
        ("22 January 2026\n\nLone Working Policy\n\n" + CLAUSES, "Lone Working Policy"),
    ],
)
def test_a_date_is_the_title_only_over_meeting_fields(tmp_path: Path, text: str, title: str):
    assert _title(tmp_path, text, "panel.txt") == title


def test_a_site_word_heading_alone_stays_the_title(tmp_path: Path):
    text = "Find Out More About Allotments\n\n" + CLAUSES
    assert _title(tmp_path, text) == "Find Out More About Allotments"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # attack17 A17-1: an agenda item repeating the title is an item, no running head
        ("Allotments\n\n1 Allotments\n2 Allotment rents\n3 Allotment waiting list\n", "Allotments"),
        (
            "Village Green Review\n\n1 To receive apologies\n2 To approve the minutes\n"
            "3 Village Green Review\n4 To close the meeting\n",
            "Village Green Review",
        ),
        # attack17 A17-2: a title opening on 'Reference' is no control label
        ("Reference Guide to Financial Regulations\n\n1. Purpose\n\nA short guide.\n", None),
        # attack17 A17-10: a page's title over an in-page list of its sections is no menu
        (
            "Audit Committee\nMembership\nContact\nMeetings\nQuorum\n\n1. Membership\n\n"
            "Four members sit on the committee.\n",
            "Audit Committee",
        ),
    ],
)
def test_titles_and_items_that_only_look_like_furniture(tmp_path: Path, text: str, title):
    # each passed at 991058d and failed on d52018c (attack17's findings): kept so
    expected = title or text.split("\n", 1)[0]
    assert _title(tmp_path, text) == expected


def test_an_item_repeating_the_title_is_kept(tmp_path: Path):
    path = tmp_path / "agenda.txt"
    path.write_text("Allotments\n\n1 Allotments\n2 Allotment rents\n3 Plots\n", encoding="utf-8")
    document = convert_file(path)
    assert not [d for d in document.dropped if d.kind == "running-header"]


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Jump to Page", True),
        ("Available Formats", True),
        ("64% found this document useful (9 votes)", True),
        ("Posted in Minutes", True),
        ("Comments are closed.", True),
        ("Text size: A A A", True),
        ("Loading...", True),
        ("Copyright: © All Rights Reserved", True),
        ("Our website uses cookies to make it work better.", True),
        ("Warning: This is an archived page.", True),
        ("This page has been archived and is no longer updated.", True),
        ("See the district council's website for planning advice.", True),
        ("No. | Item | Details", True),
        ("Posting of Notices Policy", False),
        ("Archives and Records Management Policy", False),
        ("Item 4 | Budget", False),
    ],
)
def test_reader_blog_and_archive_lines_are_furniture(line: str, furniture: bool):
    assert page_furniture(line) is furniture


def test_a_pages_summary_under_its_navigation_is_no_paragraph(tmp_path: Path):
    text = (
        "You are in:\n\nThis report sets out the council's draft volunteer policy for"
        " comment.\n\nVolunteer Policy\n\n" + CLAUSES
    )
    assert _title(tmp_path, text) == "Volunteer Policy"


def test_a_reports_first_sentence_is_still_its_text(tmp_path: Path):
    # no navigation over it: the report's own opening paragraph, the file name names it
    text = "This report sets out the council's draft volunteer policy.\n\nBackground\n\n" + CLAUSES
    assert _title(tmp_path, text, "report.txt") == "Report"


def test_the_signers_office_ends_the_signature(tmp_path: Path):
    text = (
        "Dear Sir or Madam,\n\nNotice is given of the annual meeting.\n\nYours faithfully,\n\n"
        "Town Clerk\n\nANNUAL TOWN MEETING\n\n1. Welcome\n\n2. Reports\n"
    )
    assert _title(tmp_path, text) == "ANNUAL TOWN MEETING"


def test_a_signature_is_never_joined_to_the_heading(tmp_path: Path):
    text = (
        "Dear Resident\n\nThe council has adopted a new policy.\n\nKind regards\n\n"
        "The Clerk\n\nVolunteer Policy\n\n" + CLAUSES
    )
    assert _title(tmp_path, text) == "Volunteer Policy"


def test_a_numeric_date_over_time_and_venue_rows_is_the_title(tmp_path: Path):
    text = "22/01/2026\n\nTime: 2pm\n\nVenue: Council Chamber\n\n1. Apologies\n2. Minutes\n"
    assert _title(tmp_path, text, "panel.txt") == "22/01/2026"


def test_a_table_header_row_with_bars_is_no_title(tmp_path: Path):
    text = "No. | Item | Details\n1. | Budget |\n2. | Accounts |\n"
    assert _title(tmp_path, text, "papers.txt") == "Papers"


def test_furniture_lines_parted_by_br_in_a_web_page(tmp_path: Path):
    # one structure whatever the format: the .txt's lines are one <p> with <br> in HTML
    path = tmp_path / "page.html"
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>x</title></head><body><main>"
        "<p>In an emergency call 999<br>For all other enquiries call 01632 961234</p>"
        "<p>Volunteer Policy</p><p>1. Scope<br>This policy covers every volunteer.</p>"
        "<p>2. Training<br>Each volunteer is shown the safe way to use the tools.</p>"
        "</main></body></html>",
        encoding="utf-8",
    )
    assert convert_file(path).metadata.title == "Volunteer Policy"


@pytest.mark.parametrize("line", ["APPENDIX B", "Schedule 1", "HOME"])
def test_a_line_under_a_letters_opening_is_printed_once(tmp_path: Path, line: str):
    """attack17 A17-18: a short line under 'Dear ...' that heading() keeps as a label (not the
    title) was read a second time by the parser's own path: printed twice, words invented."""
    from clausemark.render.markdown_writer import render_document

    path = tmp_path / "letter.txt"
    path.write_text(f"Dear Councillor\n\n{line}\n\n1.2 Text of the clause.\n", encoding="utf-8")
    markdown = render_document(convert_file(path))
    assert [row.strip() for row in markdown.splitlines()].count(line) == 1
