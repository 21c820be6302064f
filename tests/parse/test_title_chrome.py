"""Titles under the lines a copy brings with it (issue 23: "every title right on real
texts"): a document-sharing site's viewer ("You are on page 1of 16", "File Type:pdf,
Size:1020Kb", "3,118 views", "Download"), skip links and a menu run together on one line,
an image's alt text, a web page's date stamp ("Last updated: ... From web page: ...")
before the title, and an "Index of ..." title, which keeps all its words. Each line left
out is reported at INFO with its words; every other line stays printed. The layout corpus
holds the fixtures (tests/layouts/title_viewer_lines_over_title.txt,
title_page_stamp_council_over_title.txt, title_run_together_site_chrome.txt)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from clausemark.convert import convert_file
from clausemark.parse.site_lines import never_title, picture_line, site_nav_line, viewer_line

BODY = (
    "\n\n1. Meetings\n\n1.1 The council meets at least four times a year.\n\n"
    "1.2 Three councillors form a quorum.\n"
)


def _convert(tmp_path: Path, head: str, name: str = "rules.txt"):
    path = tmp_path / name
    path.write_text(head + BODY, encoding="utf-8")
    return convert_file(path)


@pytest.mark.parametrize(
    "line",
    [
        "You are on page 1of 16",
        "Page 2 / 7",
        "Total Page:16",
        "File Type:pdf, Size:1020Kb",
        "Size: px",
        "(PDF, 245 KB)",
        "3,118 views",
        "12 views · 3 downloads",
        "Views: 1,204",
        "Download PDF",
        "Report this document",
        "Uploaded on March 11, 2021",
        "Download Member Officer Protocol (PDF, 245 KB)",
        "Share on Facebook Share on Twitter",
        "Share this page via email",
    ],
)
def test_a_document_sites_viewer_line_is_known(line):
    assert viewer_line(line) and never_title(line)


@pytest.mark.parametrize(
    "line",
    [
        "Standing Orders",
        "1 Meetings",
        "12 councillors form the committee",
        "Downloading agendas from the website",
        "Page 4 sets out the procedure for motions",
        "Download the form (PDF, 245 KB) and return it to the clerk by post",
        "Share information with the Monitoring Officer",
    ],
)
def test_a_documents_own_line_is_no_viewer_line(line):
    assert not viewer_line(line)


@pytest.mark.parametrize(
    ("line", "picture"),
    [
        ("Crest of Ravensmere Borough Council", True),
        ("Ashworth Parish Council logo", True),
        ("Image: the town hall", True),
        ("Code of Conduct", False),
        ("The Council logo is used on notices and letters", False),
    ],
)
def test_an_images_alt_text_is_known(line, picture):
    assert picture_line(line) is picture


@pytest.mark.parametrize(
    ("line", "site"),
    [
        ("Skip to content Skip to left sidebar Skip to footer", True),
        ("Home About the Council Meetings Documents Contact Us", True),
        ("Council Meetings", False),  # two words: a heading, never a menu
        ("Skip to content Skip the rest", False),
    ],
)
def test_links_run_together_on_one_line(line, site):
    assert site_nav_line(line, outside=True) is site


def test_links_run_together_are_a_menu_only_outside_the_text():
    assert not site_nav_line("Home About us Councillors Meetings", outside=False)


def test_viewer_lines_over_the_title_are_left_out_at_info_with_their_words(tmp_path):
    document = _convert(
        tmp_path,
        "You are on page 1of 9\n3,118 views\nDownload\n\nFERNLEY TOWN COUNCIL\n\n"
        "FINANCIAL REGULATIONS",
    )
    assert document.metadata.title == "FINANCIAL REGULATIONS"
    assert document.metadata.council == "Fernley Town Council"
    left_out = [(d.line, d.level, d.kind, d.text) for d in document.dropped]
    assert left_out == [
        (1, "info", "viewer-line", "You are on page 1of 9"),
        (2, "info", "viewer-line", "3,118 views"),
        (3, "info", "viewer-line", "Download"),
    ]


def test_a_viewer_line_among_the_text_is_kept(tmp_path):
    document = _convert(tmp_path, "FINANCIAL REGULATIONS\n\nDownload")
    assert document.metadata.title == "FINANCIAL REGULATIONS"
    assert not document.dropped  # 'Download' under the title: the document's own line


def test_a_page_stamp_before_the_title_stays_printed_over_it(tmp_path):
    stamp = "Last updated: 21-07-2024. From web page: The constitution."
    document = _convert(
        tmp_path, f"{stamp}\n\nCalder Vale District Council\n\nContract Procedure Rules"
    )
    assert document.metadata.title == "Contract Procedure Rules"
    assert document.metadata.council == "Calder Vale District Council"
    assert [(k, t) for k, _l, t in document.title_lines] == [
        ("status", stamp),
        ("council", "Calder Vale District Council"),
        ("title", "Contract Procedure Rules"),
    ]
    assert not document.dropped
    assert document.metadata.adopted is None  # a page's stamp is no adoption


def test_a_page_stamp_before_a_label_line_and_the_title(tmp_path):
    document = _convert(
        tmp_path, "Last updated 4 January 2022\n\nSection 12:\n\nContract Procedure Rules"
    )
    assert document.metadata.title == "Contract Procedure Rules"
    assert document.metadata.label == "Section 12"


def test_a_page_stamp_in_word_before_the_council_and_title(tmp_path):
    made = docx.Document()
    made.add_paragraph("Last updated: 21-07-2024. From web page: The constitution.")
    made.add_paragraph("Calder Vale District Council")
    made.add_paragraph("Contract Procedure Rules", style="Title")
    for text in ("1. Purpose", "1.1 These rules say how the council buys goods."):
        made.add_paragraph(text)
    made.save(tmp_path / "rules.docx")
    document = convert_file(tmp_path / "rules.docx")
    assert document.metadata.title == "Contract Procedure Rules"
    assert document.metadata.council == "Calder Vale District Council"


def test_the_stamp_after_a_clause_is_still_document_control(tmp_path):
    path = tmp_path / "rules.txt"
    path.write_text("Standing Orders" + BODY + "\nLast updated 4 January 2022\n", encoding="utf-8")
    document = convert_file(path)
    assert document.metadata.title == "Standing Orders"
    assert not any(k == "status" for k, _l, _t in document.title_lines)


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("Index of Members Interests", "Index of Members Interests"),  # an index of things
        ("INDEX OF MEMBERS INTERESTS", "INDEX OF MEMBERS INTERESTS"),
        (
            "Crest of Ravensmere Borough Council\n\nIndex of Members Interests",
            "Index of Members Interests",
        ),
    ],
)
def test_an_index_of_things_keeps_every_word_of_its_title(tmp_path, first, title):
    assert _convert(tmp_path, first).metadata.title == title


def test_index_of_members_interests_is_the_whole_title(tmp_path):
    document = _convert(tmp_path, "Index of Members Interests")
    assert document.metadata.title == "Index of Members Interests"


@pytest.mark.parametrize(
    ("head", "title", "label"),
    [
        # a Part line with its title, then the text's first heading: the Part's title stays
        ("PART 4 - RULES OF PROCEDURE\n\nIntroduction", "RULES OF PROCEDURE", "Part 4"),
        # a Part line over a line naming a kind of document: that line is the title
        (
            "PART 5 - CODES AND PROTOCOLS\n\nMember Officer Protocol",
            "Member Officer Protocol",
            "Part 5",
        ),
        # the site's collection over both: the same
        (
            "Constitution\n\nPART 5 - CODES AND PROTOCOLS\n\nMember Officer Protocol",
            "Member Officer Protocol",
            "Part 5",
        ),
        # a Part line over the one Section line, nothing numbered under it: label and title
        (
            "PART 5 - CODES AND PROTOCOLS\n\nSECTION 3 - MEMBER OFFICER PROTOCOL",
            "MEMBER OFFICER PROTOCOL",
            "Part 5",
        ),
    ],
)
def test_a_label_line_over_the_title(tmp_path, head, title, label):
    document = _convert(tmp_path, head)
    assert (document.metadata.title, document.metadata.label) == (title, label)
    assert not any(
        block.heading.number == "SECTION 3"
        for block in document.blocks[:1]
        if hasattr(block, "heading")
    )


def test_a_part_over_its_rules_under_the_collection_stays_a_part(tmp_path):
    path = tmp_path / "rules.txt"
    path.write_text(
        "The Constitution\n\nPart 4 - Rules of Procedure\n\nRule 1 - Annual Meeting\n\n"
        "1.1 The annual meeting is held in May.\n\nRule 2 - Ordinary Meetings\n\n"
        "2.1 Ordinary meetings are held monthly.\n",
        encoding="utf-8",
    )
    document = convert_file(path)
    assert document.metadata.title == "The Constitution"
    assert document.blocks[0].heading.number == "Part 4"


@pytest.mark.parametrize(
    "first", ["Share on Facebook Share on Twitter", "Download Standing Orders (PDF, 245 KB)"]
)
def test_a_share_or_download_link_over_the_title_is_left_out_at_info(tmp_path, first):
    document = _convert(tmp_path, f"{first}\n\nStanding Orders")
    assert document.metadata.title == "Standing Orders"
    assert [(d.line, d.level, d.text) for d in document.dropped] == [(1, "info", first)]
