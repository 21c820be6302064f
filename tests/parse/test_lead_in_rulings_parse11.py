"""parse11 (issue 23, session 10): the lead's rulings of session 10 on lines that lead in
and on breadcrumbs, and the classes of real web pages parse11's development set showed.
Texts of our own wording; each test says what it gave before."""

from __future__ import annotations

import pytest
from real_texts import convert_fixture, convert_text, found, headings, notes

# R2. A line ending in a colon ('Minutes:', 'The Committee resolved:') is a lead-in,
# never a heading: it closes no section and adds no level.


def test_a_colon_line_in_an_items_minutes_closes_no_item():
    """Fails before: 'Minutes:' was a heading closing item 7, so (6) stood at the top
    (para_6)."""
    document = convert_fixture("lead_in_colon_lines_minutes")
    assert [(n[1], n[2]) for n in found(document)] == [(None, "sec_7"), ("7", "sec_7__para_6")]
    assert headings(document) == ["7 Verge and Hedge Maintenance Policy PDF 212 KB"]
    assert "Minutes:" in notes(document)  # kept where printed, as text


def test_a_label_ending_in_a_colon_over_a_list_starting_again_heads_nothing(tmp_path):
    """Fails before: 'Delegations:' was a cross-heading; the ids were the same."""
    text = (
        "Planning Committee\n\n1. To comment on planning applications.\n\n"
        "2. To comment on the local plan.\n\nDelegations:\n\n"
        "1. To answer the planning authority before a meeting.\n\n"
        "2. To agree replies on works to trees.\n"
    )
    document = convert_text(tmp_path, "committee.txt", text)
    assert [n[2] for n in found(document)] == ["para_1", "para_2", "para_1_2", "para_2_2"]
    assert headings(document) == []
    assert "Delegations:" in notes(document)


def test_a_colon_title_first_is_still_the_title(tmp_path):
    """Passes before and after: only a line after something placed is read as a lead-in."""
    text = "Terms of Reference:\nThe committee meets monthly.\n1. It advises the council.\n"
    document = convert_text(tmp_path, "terms.txt", text)
    assert document.metadata.title == "Terms of Reference"


# R3. A web page's breadcrumb is the site's, but where the page prints no other title line
# before its text, the trail's last step names the page and is its title.

_RULES = (
    "\n\nThe parish council lets plots at Mill Lane.\n\n1. Tenancies\n\n"
    "1.1 A tenancy runs for a year.\n\n2. Rent\n\n2.1 Rent is due in October.\n"
)


def test_a_trail_copied_as_an_ordered_list_names_a_page_with_no_title_line():
    """Fails before: the title was the file's name ('Title breadcrumb last step')."""
    document = convert_fixture("title_breadcrumb_last_step")
    assert document.metadata.title == "Allotment Rules"
    assert "1. Home" in [d.text.strip() for d in document.dropped]  # still the site's


@pytest.mark.parametrize(
    "trail",
    [
        "Home > Your Council > Allotment Rules",
        "You are here: Home / Council / Allotment Rules",
        "Council › Policies › Allotment Rules",
    ],
)
def test_a_one_line_trail_names_a_page_with_no_title_line(tmp_path, trail):
    """Fails before: the title was the file's name ('Page')."""
    document = convert_text(tmp_path, "page.txt", f"{trail}{_RULES}")
    assert document.metadata.title == "Allotment Rules"


def test_a_slash_inside_the_last_step_is_part_of_its_name(tmp_path):
    """Fails before: the file's name."""
    text = f"Home > Council > Member/Officer Protocol{_RULES}"
    document = convert_text(tmp_path, "page.txt", text)
    assert document.metadata.title == "Member/Officer Protocol"


@pytest.mark.parametrize(
    ("top", "title"),
    [
        ("Home > Your Council > Allotments\n\nAllotment Rules", "Allotment Rules"),  # printed
        ("Home > Your Council", "Allotment rules"),  # the trail ends on the site: file name
    ],
)
def test_a_printed_title_or_a_trail_ending_on_the_site_is_never_replaced(tmp_path, top, title):
    """Passes before and after."""
    document = convert_text(tmp_path, "allotment_rules.txt", f"{top}{_RULES}")
    assert document.metadata.title == title


# A site's own lines over a page's heading (parse11's dev set): its menu opener, side
# menu heading, translation links, search box, help link, the words shown where a picture
# did not load, and a header naming who to contact: never the title.

_PETITIONS = "\n\nPetitions Scheme\n\n1. Scope\n\n1.1 Anyone may petition.\n\n1.2 We reply.\n"


@pytest.mark.parametrize(
    "above",
    [
        "I want to...",
        "Translations\n\nSee all languages",
        "Search site",
        "Please click here for help!",
        "image displayed if flash player not installed",
        "Chair: Councillor Ann Brook | Clerk: Peter Lowe",
    ],
)
def test_a_site_line_over_the_heading_is_never_the_title(tmp_path, above):
    """Fails before for all but 'Search site' and the picture's words (the title was the
    site's line or the file's name); those two failed before over a title in lower case
    (parse11's dev set)."""
    document = convert_text(tmp_path, "page.txt", f"{above}{_PETITIONS}")
    assert document.metadata.title == "Petitions Scheme"


@pytest.mark.parametrize(
    "title",
    [
        "Translations of Council Documents",
        "Search and Rescue Protocol",
        "Planning: Code of Good Practice",
        "In This Section of the Constitution",
    ],
)
def test_a_title_naming_these_things_is_still_the_title(tmp_path, title):
    """Passes before and after."""
    document = convert_text(tmp_path, "page.txt", f"{title}\n\n1. Scope\n\n1.1 It applies.\n")
    assert document.metadata.title == title


def test_the_site_lines_are_kept_or_reported():
    """The menu lines are left out as the site's (INFO) or kept as label lines: no word
    is lost (the converter's own check)."""
    document = convert_fixture("title_site_menu_lines")
    assert not [w for w in document.warnings if getattr(w, "code", "") == "lost-words"]
    assert {d.text for d in document.dropped} >= {"I want to...", "Search site"}


# An index copied into one paragraph (a document site's transcript of a PDF): its entries,
# each a number, a title and a dot leader, run together. Never clauses.

_INDEX = (
    "BRAMLEY COMMUNITY COUNCIL STANDING ORDERS INDEX 1. MEETINGS ...................... "
    "2. QUORUM ......................... 3. VOTING ........................ 4. MINUTES "
    "...................... 5. COMMITTEES ......................\n\n"
    "The council adopted these standing orders in May 2022.\n"
)


def test_an_index_run_into_one_paragraph_makes_no_clauses(tmp_path):
    """Fails before: each entry was a clause (para_1 ... para_5), invented."""
    document = convert_text(tmp_path, "orders.txt", _INDEX)
    assert found(document) == []
    kept = notes(document)
    assert "2. QUORUM ........................." in kept  # each entry a line as printed
    assert document.metadata.title.startswith("BRAMLEY COMMUNITY COUNCIL STANDING ORDERS")


def test_an_index_line_over_its_sections_leaves_the_sections_their_numbers():
    """Fails before: the line's own '1.' was clause para_1 and the real '1. GENERAL' an
    invented-looking second 1 (sec_1 counted twice)."""
    document = convert_fixture("contents_index_run_into_one_line")
    assert [n[2] for n in found(document)][:3] == ["sec_1", "sec_1__para_1-1", "sec_1__para_1-2"]


@pytest.mark.parametrize(
    "text",
    [
        "1. Signed ...................... Dated ......................\n",
        "1. The form reads: Name .......... 2. Address .......... and is signed.\n",
    ],
)
def test_a_clause_with_leaders_for_filling_in_keeps_its_number(tmp_path, text):
    """Passes before and after: fewer than three entries ending in leaders."""
    document = convert_text(tmp_path, "form.txt", f"Forms\n\n{text}")
    assert [n[0] for n in found(document)][:1] == ["1."]


@pytest.mark.build
def test_the_index_scan_stays_linear(tmp_path):
    from real_texts import assert_linear

    def text(n: int) -> str:
        entries = " ".join(f"{i % 90 + 1}. ENTRY {i} ............" for i in range(n))
        return f"Index\n\n{entries}\n\n" + "\n\n".join(f"{i}. Clause {i}." for i in range(1, 40))

    assert_linear(tmp_path, text, n=300)


# A committee system's item page: the line under its page heading ('Agenda item', 'Issue
# - meetings') is the item's title, whatever its shape.


def test_an_items_title_printed_as_a_sentence_under_agenda_item_is_the_title():
    """Fails before: the title was the file's name and the sentence a clause."""
    document = convert_fixture("title_agenda_item_sentence")
    assert document.metadata.title.startswith("To consider whether the Council's procedure")
    assert [n[2] for n in found(document)] == ["para_a", "para_b"]


def test_issue_meetings_is_a_page_heading_never_the_title(tmp_path):
    """Fails before: 'Issue - meetings' was the title."""
    text = (
        "Issue - meetings\n\nVerge and Hedge Maintenance\n\n"
        "Meeting: 12/02/2025 - Environment Committee (Item 7)\n\n"
        "7 Verge and Hedge Maintenance Policy PDF 212 KB\n\nThe policy was approved.\n"
    )
    document = convert_text(tmp_path, "issue.txt", text)
    assert document.metadata.title == "Verge and Hedge Maintenance"


@pytest.mark.parametrize(
    "under",
    [
        "Decision Maker: Council,\n\nDecision status: For Determination",  # details only
        "1. To consider the report.",  # a numbered line: the item's text
    ],
)
def test_a_details_row_or_a_numbered_line_under_the_page_heading_is_no_title(tmp_path, under):
    """Passes before and after."""
    document = convert_text(
        tmp_path, "decision.txt", f"Decision details\n\n{under}\n\nIt was agreed.\n"
    )
    assert document.metadata.title == "Decision"


def test_a_number_read_from_a_line_kept_as_printed_is_kept(tmp_path):
    """Fails before: '“1.6.1 Members' under a contents label became the line '“Members'
    (the number read out of the quote, then the line kept without it: word '1' lost).
    Found by tests/parse/test_properties.py's generated texts."""
    document = convert_text(tmp_path, "h.txt", "Contents\n2.—(1) \n“1.6.1 Members")
    assert not [w for w in document.warnings if getattr(w, "code", "") == "lost-words"]
    assert any("1.6.1" in note for note in notes(document))


# A committee's minutes copied with no blank lines: each item's line (its number over a
# link to the report's file) starts an item, and 'Moved by ... and seconded by ...' is a
# line of the minutes, never a heading.


def test_items_copied_with_no_blank_lines_each_hold_their_minutes():
    """Fails before: '8 Grass Cutting Contract PDF 96 KB' ran on from the sentence above
    and (a), (b) stood under (6) of item 7 (sec_7__para_6__subpara_a)."""
    document = convert_fixture("minutes_items_no_blank_lines")
    assert [(n[1], n[2]) for n in found(document)] == [
        (None, "sec_7"),
        ("7", "sec_7__para_6"),
        (None, "sec_8"),
        ("8", "sec_8__para_a"),
        ("8", "sec_8__para_b"),
    ]


def test_moved_and_seconded_is_never_a_heading(tmp_path):
    """Fails before: the line was a heading closing item 3, and (a) stood at the top."""
    text = (
        "Hedge Cutting\n\n3 Hedge Cutting Policy PDF 120 KB\n\nThe policy was considered.\n\n"
        "Moved by Councillor Ann Pryor and seconded by Councillor Tom Gale\n\n"
        "(a) that the policy be approved.\n"
    )
    document = convert_text(tmp_path, "minutes.txt", text)
    assert headings(document) == ["3 Hedge Cutting Policy PDF 120 KB"]
    assert [n[2] for n in found(document)] == ["sec_3", "sec_3__para_a"]


def test_a_numbered_line_naming_a_report_inside_a_sentence_is_no_item(tmp_path):
    """Passes before and after: a file link with no number opens nothing."""
    text = "Reports\n\n1. The clerk sent the\nAnnual Report PDF 96 KB\nto every member.\n"
    document = convert_text(tmp_path, "reports.txt", text)
    assert [n[2] for n in found(document)] == ["para_1"]
