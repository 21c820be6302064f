"""titles10 (issue 23): a web site's own lines over a council's text are never its title:
the site's credits, a post's category and upload date, a link to a file with its type and
size; and a review date read as document control over the title does not stop the title
being read. Texts of our own wording."""

from __future__ import annotations

import pytest
from real_texts import assert_linear, convert_fixture, convert_text, found

_BODY = "\n\n1. Scope\n\n1.1 The rules apply to every meeting.\n\n1.2 The chair keeps order.\n"


def test_site_credits_and_an_upload_stamp_over_the_heading_are_never_the_title():
    """Fails before: the title was 'Site designed & hosted by Brookfield Web Services'."""
    document = convert_fixture("title_site_credits_and_upload_stamp")
    assert document.metadata.title == "Hedge and Verge Policy"
    assert [kind for kind, _line, _text in document.title_lines][:2] == ["label", "label"]


@pytest.mark.parametrize(
    "above",
    [
        "Website created & maintained by A. Clerk, Parish Clerk",
        "Powered by Parish Pages",
        "Meeting Papers Posted on 4 June 2023",
        "Notices Uploaded on June 4th, 2023",
        "Standing Orders (PDF, 1.2MB)",
        "Standing Orders PDF 406 KB",
    ],
)
def test_a_site_line_over_the_heading_is_never_the_title(tmp_path, above):
    """Fails before for all but "Powered by": the site's line was the title."""
    document = convert_text(tmp_path, "page.txt", f"{above}\n\nMeetings Procedure{_BODY}")
    assert document.metadata.title == "Meetings Procedure"


def test_the_heading_after_a_review_date_read_as_control_is_the_title(tmp_path):
    """Fails before: the review line became a control table, and the title the file's name."""
    text = f"Reviewed April 2023\n\nMeetings Procedure{_BODY}"
    document = convert_text(tmp_path, "page.txt", text)
    assert document.metadata.title == "Meetings Procedure"


@pytest.mark.parametrize(
    "title",
    [
        "Site Visits by Members",
        "Protocol on Posts Added on Social Media",
        "Guidance on Documents Published Online",
    ],
)
def test_a_title_naming_sites_or_posts_is_still_the_title(tmp_path, title):
    document = convert_text(tmp_path, "page.txt", f"{title}{_BODY}")
    assert document.metadata.title == title


def test_a_question_printed_first_is_the_title_and_a_later_one_is_text():
    """Fails before: the title was the file's name ('Title question first line')."""
    from clausemark.model.document import Heading, Note, Section

    document = convert_fixture("title_question_first_line")
    assert document.metadata.title == (
        "How does the council deal with a complaint about a councillor?"
    )
    headings = [b.heading.title for b in document.blocks if isinstance(b, Section)]
    headings += [b.title for b in document.blocks if isinstance(b, Heading)]
    assert "Can I complain anonymously?" not in headings
    notes = [b.text for b in document.blocks if isinstance(b, Note)]
    assert any(text.startswith("Anyone may complain") for text in notes)


@pytest.mark.parametrize(
    "first",
    [
        "Is this the final version? Ask the clerk before you rely on it.",
        "Who decides? The council decides, and the clerk records the decision.",
    ],
)
def test_a_first_line_that_is_no_single_question_is_not_the_title(tmp_path, first):
    document = convert_text(tmp_path, "rules.txt", f"{first}{_BODY}")
    assert document.metadata.title != first


def test_a_search_boxs_prompt_over_the_page_is_left_out_as_the_sites():
    """Fails before: the prompt was the text's first paragraph and the title the file's name."""
    document = convert_fixture("title_search_prompt_over_item")
    assert document.metadata.title.startswith("Review of the Planning Committee")
    left_out = {d.text: (d.level, d.kind) for d in document.dropped}
    assert left_out["What are you looking for?"] == ("info", "web-furniture")


def test_a_search_prompt_among_the_numbered_lines_is_the_texts_own(tmp_path):
    text = (
        "Customer Care Standard\n\n1. Enquiries\n\n1.1 We answer the telephone promptly.\n\n"
        "How can we help you?\n\n1.2 We ask every caller how we can help them.\n"
    )
    document = convert_text(tmp_path, "care.txt", text)
    assert not document.dropped


def test_an_items_link_to_its_reports_file_is_no_title():
    """Fails before: the title was 'Verge Cutting Contract Award PDF 212 KB'."""
    document = convert_fixture("title_item_links_report_file")
    assert document.metadata.title == "Title item links report file"
    assert [n[2] for n in found(document)] == ["sec_7"]


def test_an_only_section_not_linking_a_file_still_names_the_page(tmp_path):
    text = "7 Verge Cutting Contract Award\nTo award the contract for three years.\n"
    document = convert_text(tmp_path, "item.txt", text)
    assert document.metadata.title == "Verge Cutting Contract Award"


def test_a_breadcrumb_copied_as_numbered_lines_is_no_clauses():
    """Fails before: '1. Home', '2. »' ... were clauses, and the real '1.' a second one."""
    document = convert_fixture("breadcrumb_numbered_list")
    assert [n[2] for n in found(document)][:2] == ["sec_1", "sec_1__para_1-1"]
    assert len(found(document)) == 9
    left_out = {d.text: (d.level, d.kind) for d in document.dropped}
    assert left_out["1. Home"] == ("info", "web-furniture")
    assert left_out["4.  » Grants"] == ("info", "web-furniture")


def test_a_numbered_list_opening_on_home_with_no_separator_stays(tmp_path):
    """A list whose first item is 'Home' and prints no step separator is the text's own."""
    text = (
        "Places Covered\n\n1. Home\n\n2. Garden\n\n3. Garage\n\n"
        "1.1 Each place is inspected once a year.\n"
    )
    document = convert_text(tmp_path, "places.txt", text)
    assert not document.dropped
    assert [n[0] for n in found(document)][:3] == ["1.", "2.", "3."]


@pytest.mark.build
def test_the_numbered_breadcrumb_scan_stays_linear(tmp_path):
    """CPU time at n and 2n numbered lines under a breadcrumb: the scan reads the top only."""

    def text(size: int) -> str:
        body = "".join(f"{n}. The rule numbered {n} applies.\n\n" for n in range(1, size))
        return "1. Home\n2. »\n3. Council\n4. » Rules\n\nRules\n\n" + body

    assert_linear(tmp_path, text, n=1_200)


def test_numbers_over_links_to_files_are_items_headings():
    """Fails before: each item was a clause, its anchor para_1 ... (want sec_1 ...)."""
    document = convert_fixture("documents_list_file_links")
    assert [n[2] for n in found(document)] == [
        "sec_1",
        "sec_2",
        "sec_3",
        "sec_4",
        "sec_5",
        "sec_6",
        "sec_8",
        "sec_9",
        "sec_10",
    ]


def test_a_numbered_sentence_naming_a_file_size_stays_a_clause(tmp_path):
    text = (
        "Records Policy\n\n1. The clerk keeps every paper.\n\n"
        "2. Scans are saved as PDF.\n\n3. No file is larger than 10 MB.\n"
    )
    document = convert_text(tmp_path, "records.txt", text)
    assert [n[2] for n in found(document)] == ["para_1", "para_2", "para_3"]
