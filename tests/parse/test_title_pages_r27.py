"""Lead ruling R27 (session 13), a web page's lines over its own heading: a blog's line
about itself and a post's date (with its weekday) are never the title, nor is a council
site's democracy section name ('Democracy and elections'), a meeting page's detail rows
('Venue:', 'Link:', 'No. Item') or a committee system's search link; the post's or page's
own heading under them is, a minute reference before a record's name kept in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.parse.meeting_titles import meeting_record_title
from clausemark.parse.site_lines import never_title, section_name, site_about, site_nav_line
from clausemark.support.dates import is_date

ITEMS = "1. Apologies\nThe chair noted apologies.\n\n2. Accounts\nThe accounts were approved.\n"


# Each reader of the page's lines, on its own cases: the line -> what it reads
LINES = {
    is_date: {
        "Thursday, 6 March 2025": True,
        "Wed 12 March 2025": True,
        "Saturday 1st February 2025": True,
        "Thursday, at the hall 2025": False,
        "Monday Club 2025": False,
    },
    section_name: {
        "Democracy and elections": True,
        "Councillors, committees and meetings": True,
        "Councillors and committees": True,
        "Meetings": False,  # a document's own cross-heading too (ANCHORS.md)
        "Meetings and Committees": False,
        "Privacy Policy": False,  # a page of its own
        "Agenda, reports and minutes": False,  # the page's own heading
        "Code of conduct for councillors": False,
        "Committee procedure rules": False,
    },
    # a meeting page's detail rows are never its title; a title with a colon is no row
    never_title: {
        "Venue: Council Chamber, Civic Offices": True,
        "Link: Watch the meeting online": True,
        "Contact: Democratic Services": True,
        "No. Item": True,
        "Section 16: A Protocol for Member/Officer Relations": False,
        "Terms of Reference: Finance Committee": False,
    },
    # a minute reference before the record's name stays in the title
    meeting_record_title: {
        "HVP(24)M05 Minutes of the Annual Meeting of the Parish Council held on 8 May 2024": True,
        "C048/23 Agenda for the Council meeting on 3 May 2023": True,
        "Item 4 Minutes of the last meeting": False,
    },
}
CASES = [(reader, line, read) for reader, lines in LINES.items() for line, read in lines.items()]


@pytest.mark.parametrize(
    ("reader", "line", "read"),
    CASES,
    ids=[f"{reader.__name__}-{line[:40]}" for reader, line, _ in CASES],
)
def test_a_line_of_the_page_is_read_as_its_kind(reader, line: str, read: bool):
    assert reader(line) is read, f"{reader.__name__}({line!r}) should be {read}"


def test_a_blog_line_about_itself_is_the_sites():
    assert site_about("This blog is where the council posts its minutes.")
    assert site_about("This website gives news of the town council's work.")
    assert not site_about("This policy is where the council sets out its rules.")
    assert not site_about("This blog post sets out the agenda.")


def test_a_blog_post_agenda_is_titled_by_its_own_line(tmp_path: Path):
    first = "Agenda for the meeting of Ashby Fold Community Council on Wed 9 Apr at 7pm"
    path = tmp_path / "post.txt"
    path.write_text(
        "This blog is where the community council shares its agendas and news.\n\n"
        f"Wednesday, 2 April 2025\n\n{first}\n\n{ITEMS}",
        encoding="utf-8",
    )
    document = convert_file(path)
    assert document.metadata.title == first
    dropped = [(d.kind, d.level) for d in document.dropped if d.line == 1]
    assert dropped == [("web-furniture", "info")]  # reported, never silently dropped
    assert ("label", 3, "Wednesday, 2 April 2025") in document.title_lines


def test_a_democracy_section_name_over_the_page_heading_is_a_label(tmp_path: Path):
    path = tmp_path / "page.txt"
    path.write_text(f"Democracy and elections\n\nAgenda, reports and minutes\n\n{ITEMS}", "utf-8")
    document = convert_file(path)
    assert document.metadata.title == "Agenda, reports and minutes"
    assert ("label", 1, "Democracy and elections") in document.title_lines


def test_a_section_name_alone_still_names_the_page(tmp_path: Path):
    # R12: with no title line under it, the section name is the page's title, as before
    path = tmp_path / "page.txt"
    path.write_text(f"Democracy and elections\n\n{ITEMS}", encoding="utf-8")
    assert convert_file(path).metadata.title == "Democracy and elections"


def test_a_search_link_of_a_committee_system_is_the_sites():
    assert site_nav_line("Search documents")
    assert site_nav_line("Search the library")
    assert not site_nav_line("Search documents", outside=False)  # among the numbered lines


def test_a_statement_opening_on_this_website_keeps_its_first_paragraph(tmp_path: Path):
    """'This website is run by ...' opens the GOV.UK accessibility statement; with the
    statement's own text or '1.' right under it, it is the document's first paragraph,
    never a site's line about itself left out as furniture (attack14 A8: it was lost from
    the page, reported only as an INFO drop)."""
    path = tmp_path / "accessibility.txt"
    path.write_text(
        "This website is run by Marshby Parish Council. We want everyone to be able to use"
        " it.\n\n1. How accessible this website is\n1.1 Some older PDF files are not"
        " accessible.\n1.2 We are working to fix them.\n",
        encoding="utf-8",
    )
    document = convert_file(path)
    assert not [d for d in document.dropped if "run by Marshby" in d.text]
    assert "This website is run by Marshby Parish Council." in str(document.blocks)
