"""Titles from what councils print over their texts (issue 23 item 4, the titles column of
every blind set): a web site's lines and page headings, a document site's header, a
council's name or a title broken over short lines, a contents list between the title and
the first heading, and a Word Title paragraph (or a web page's <h1>) under the council's
name. Each rule in .txt, and in .docx and .html where the layout comes from them; each
with its other side (what must stay as it was). The layout corpus holds the fixtures
(tests/layouts/title_*.txt)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from clausemark.convert import convert_file
from clausemark.parse.site_lines import never_title, site_nav_line
from clausemark.parse.titles import aggregator_title
from clausemark.parse.units import Unit
from docx.shared import Pt


def _convert(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return convert_file(path)


def _word(tmp_path: Path, paragraphs: list[tuple[str, str | None, int | None]]):
    made = docx.Document()
    for text, style, size in paragraphs:
        paragraph = made.add_paragraph(style=style)
        run = paragraph.add_run(text)
        if size:
            run.font.size = Pt(size)
    path = tmp_path / "made.docx"
    made.save(path)
    return convert_file(path)


def _kinds(document) -> list[tuple[str, str]]:
    return [(kind, text) for kind, _line, text in document.title_lines]


# --- a web site's own lines ---------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Skip to [main content | site navigation]",
        "Skip to [main navigation | secondary navigation | content]",
        "Contact us | Accessibility | Privacy notice | Cymraeg",
        "Home | Site map | Privacy and Cookies | English",
        "Home | About us | Contact us",
        "Menu",
        "Search",
        "Back to Constitution",
        "Back to search results",
    ],
)
def test_a_sites_skip_links_and_row_of_links_are_its_own(line):
    assert site_nav_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Skip to the agenda item on the budget",  # words of the text
        "Contact us | Accessibility",  # two links: too little to call a row of them
        "Planning | 5 | Licensing",  # a table's row
        "Contact the Clerk | 01632 960000 | clerk@example.org",  # the text's own details
        "Back to back meetings",  # a sentence's words
        "Menu of charges",
        "Search and rescue",
    ],
)
def test_other_lines_with_pipes_or_skip_stay(line):
    assert not site_nav_line(line)


def test_committee_system_page_headings_are_never_the_title():
    assert never_title("Committee details")
    assert never_title("Agenda item")
    assert never_title("Disbanded Committees Committee Diary")
    assert never_title("8 August 2012")
    assert not never_title("Harbour and Foreshore Committee")
    assert not never_title("Committee Procedure Rules")
    assert not never_title("Agenda items and the order of business")
    assert never_title("Home > Council and democracy > Constitution")
    assert never_title("You are here: Home / Policies")
    assert never_title("Home")
    assert never_title("Your council")
    assert not never_title("Home Working Policy")
    assert never_title("Documents > Policies > Standing Orders")
    assert never_title("Welcome to Ashby Fold Town Council")
    assert not never_title("Allowances > £500 need approval > see rule 4 of the scheme below")
    assert not never_title("Constitution")  # the whole constitution's own title may be it


def test_a_committee_page_copied_as_text_is_titled_by_its_committee(tmp_path):
    text = (
        "Skip to [main content | site navigation]\n"
        "Contact us | Accessibility | Cymraeg\n\n"
        "Committee details\n\nLicensing Panel\n\nPurpose of committee\n\n"
        "1. The panel hears applications for premises licences.\n"
    )
    document = _convert(tmp_path, "panel.txt", text)
    assert document.metadata.title == "Licensing Panel"
    assert _kinds(document)[:2] == [("label", "Committee details"), ("title", "Licensing Panel")]
    dropped = [(d.line, d.kind, d.level) for d in document.dropped]
    assert dropped == [(1, "web-furniture", "info"), (2, "web-furniture", "info")]


def test_a_committee_page_as_a_web_page_is_titled_by_its_committee(tmp_path):
    html = (
        "<html><body><main><h1>Committee details</h1><h2>Licensing Panel</h2>"
        "<h3>Purpose of committee</h3><ol><li>The panel hears applications for premises "
        "licences.</li></ol></main></body></html>"
    )
    document = _convert(tmp_path, "panel.html", html)
    assert document.metadata.title == "Licensing Panel"
    assert ("label", "Committee details") in _kinds(document)


def test_a_breadcrumb_pair_over_the_title_is_a_label_line(tmp_path):
    text = "Governance & Policies\nStanding Orders\n\n1. Meetings\n\n1.1 The council meets.\n"
    document = _convert(tmp_path, "so.txt", text)
    assert document.metadata.title == "Standing Orders"
    assert _kinds(document)[0] == ("label", "Governance & Policies")


def test_a_lone_collection_pair_with_no_title_under_it_stays_the_title(tmp_path):
    text = "Governance & Policies\n\nThe council publishes its policies here for anyone.\n"
    assert _convert(tmp_path, "gp.txt", text).metadata.title == "Governance & Policies"


def test_the_title_is_repeated_only_over_the_text_and_kept_after_a_paragraph(tmp_path):
    text = (
        "Standing Orders\n\nThese are the council's rules, published for residents.\n\n"
        "STANDING ORDERS\n\n1. Meetings\n\n1.1 The council meets.\n"
    )
    document = _convert(tmp_path, "so.txt", text)
    assert not [d for d in document.dropped if d.kind == "title-repeat"]  # text between
    text = "Standing Orders\n\nSTANDING ORDERS\n\n1. Meetings\n\n1.1 The council meets.\n"
    document = _convert(tmp_path, "so2.txt", text)
    assert [d.line for d in document.dropped if d.kind == "title-repeat"] == [3]


# --- a document site's header ------------------------------------------------------------


def _units(*lines: tuple[int, str]) -> list[Unit]:
    return [Unit(line, 0, text) for line, text in lines]


def test_a_document_sites_header_gives_the_title_line_under_its_page_count():
    flow = _units((1, "rules for meetings · pdf filerules for..."), (4, "RULES FOR MEETINGS"))
    assert aggregator_title(flow, {3}) == "RULES FOR MEETINGS"


def test_a_header_cut_short_is_cut_where_the_sites_words_begin():
    flow = _units(
        (1, "Oakley Parish Council Standing Orders April 2019files.example.net/oak/Stand..."),
        (4, "pg. 1 Oakley Parish Council Standing Orders – April 2019 These orders were made."),
    )
    assert aggregator_title(flow, {3}) == "Oakley Parish Council Standing Orders"


def test_a_line_cut_short_with_no_page_count_under_it_gives_no_title():
    flow = _units((1, "Rules for meetings and the order of business..."), (3, "RULES"))
    assert aggregator_title(flow, set()) is None
    assert aggregator_title(flow, {9}) is None  # a page number far below: not its count


# --- titles and councils over several lines -------------------------------------------------


def test_a_council_name_over_two_lines_then_the_title(tmp_path):
    text = "ELMSTEAD\nPARISH COUNCIL\nFINANCIAL REGULATIONS\n1. GENERAL\n1.1 The Clerk keeps it.\n"
    document = _convert(tmp_path, "fr.txt", text)
    assert document.metadata.title == "FINANCIAL REGULATIONS"
    assert document.metadata.council == "Elmstead Parish Council"


def test_a_title_broken_over_short_lines_in_word_is_one_title(tmp_path):
    document = _word(
        tmp_path,
        [
            ("Officer Appointment", None, None),
            ("Procedure Rules", None, None),
            ("1. Scope", None, None),
            ("1.1 These rules apply to chief officers.", None, None),
        ],
    )
    assert document.metadata.title == "Officer Appointment Procedure Rules"


@pytest.mark.parametrize(
    ("first", "second", "title"),
    [
        ("Elmstead Parish Council", "Standing Orders", "Standing Orders"),  # a council
        ("Part 4", "Standing Orders", "Standing Orders"),  # a label
        ("Standing Orders", "Planning Committee", "Standing Orders"),  # a title whole
        ("Member Protocol", "Officer Relations", "Member Protocol"),  # the first is one
    ],
)
def test_lines_that_are_not_one_title_stay_apart(tmp_path, first, second, title):
    text = f"{first}\n{second}\n\n1. Scope\n\n1.1 These rules apply to the council.\n"
    assert _convert(tmp_path, "x.txt", text).metadata.title == title


# --- a Title paragraph under the council's name -----------------------------------------


def test_a_banner_in_large_type_over_words_title_paragraph(tmp_path):
    document = _word(
        tmp_path,
        [
            ("Wrenfield City", None, 20),  # the council's logo line, no "Council" in it
            ("Code of Conduct for Members", "Title", None),
            ("Arrangements for Dealing with Complaints", None, None),
            ("Context", "Heading 1", None),
            ("These arrangements say how a complaint about a member is dealt with.", None, None),
        ],
    )
    assert document.metadata.title == "Code of Conduct for Members"
    assert _kinds(document)[0] == ("label", "Wrenfield City")


def test_a_council_name_in_large_type_over_words_title_paragraph(tmp_path):
    document = _word(
        tmp_path,
        [
            ("Wrenfield District Council", None, 20),
            ("Code of Conduct for Members", "Title", None),
            ("Arrangements for Dealing with Complaints", None, None),
            ("Context", "Heading 1", None),
            ("These arrangements say how a complaint about a member is dealt with.", None, None),
        ],
    )
    assert document.metadata.title == "Code of Conduct for Members"
    assert document.metadata.council == "Wrenfield District Council"
    assert ("council", "Wrenfield District Council") in _kinds(document)


def test_a_banner_line_over_a_web_pages_h1(tmp_path):
    html = (
        "<html><body><main><p>Wrenfield City</p><h1>Code of Conduct for Members"
        "</h1><p>These arrangements say how a complaint about a member is dealt with.</p>"
        "</main></body></html>"
    )
    document = _convert(tmp_path, "code.html", html)
    assert document.metadata.title == "Code of Conduct for Members"


def test_a_title_paragraph_first_stays_the_title_over_a_second_one(tmp_path):
    document = _word(
        tmp_path,
        [
            ("Code of Conduct for Members", "Title", None),
            ("Arrangements for Dealing with Complaints", "Title", None),
            ("These arrangements say how a complaint about a member is dealt with.", None, None),
        ],
    )
    assert document.metadata.title.startswith("Code of Conduct for Members")


# --- labels and the status a text prints -------------------------------------------------


@pytest.mark.parametrize(
    ("first", "label", "title"),
    [
        ("Section 16: A Protocol for Member and Officer Relations", "Section 16", "A Protocol"),
        ("PART 5 - MEMBERS' ALLOWANCES SCHEME", "Part 5", "MEMBERS' ALLOWANCES SCHEME"),
        ("SECTION 15 MEMBER AND OFFICER PROTOCOL", "Section 15", "MEMBER AND OFFICER"),
        # a Part and a title naming a kind of document, no dash between (trial8 R1, trial9)
        ("Part 4A Council Procedure Rules", "Part 4A", "Council Procedure Rules"),
        ("PART 4 COUNCIL PROCEDURE RULES", "Part 4", "COUNCIL PROCEDURE RULES"),
        ("Part 3 Scheme of Delegation to Officers", "Part 3", "Scheme of Delegation"),
    ],
)
def test_a_first_line_with_a_label_gives_label_and_title(tmp_path, first, label, title):
    text = f"{first}\n\nThe council agreed this text for everyone it employs or elects.\n"
    document = _convert(tmp_path, "x.txt", text)
    assert document.metadata.label == label
    assert document.metadata.title.startswith(title)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # a PDF's or web page's heading reaches the parser as '# ...' (the session-9
        # trial's PDF printed from <p>council</p><h1>Part 3 Scheme of ...</h1>)
        ("x.md", "Ashby Vale District Council\n\n# Part 3 Scheme of Delegation to Officers\n\n"),
        (
            "x.html",
            "<p>Ashby Vale District Council</p><h1>Part 3 Scheme of Delegation to Officers</h1>",
        ),
    ],
)
def test_a_part_heading_over_the_text_gives_label_and_title(tmp_path, name, text):
    body = "1. General\n\n1.1 Officers act within limits.\n"
    if name.endswith(".html"):
        body = "<h2>1. General</h2><p>1.1 Officers act within limits.</p>"
    document = _convert(tmp_path, name, text + body)
    assert (document.metadata.label, document.metadata.title) == (
        "Part 3",
        "Scheme of Delegation to Officers",
    )


def test_an_article_heading_over_its_clauses_is_not_split(tmp_path):
    text = "# Article 1 The Constitution\n\n1.1 This is the constitution.\n\n1.2 It has parts.\n"
    document = _convert(tmp_path, "x.md", text)
    assert document.metadata.label != "Article 1"


def test_a_part_over_a_title_naming_no_kind_of_document_stays_the_title(tmp_path):
    """'Part 4 Meetings' names no kind of document: it is not split into a label and a
    title of one word that says nothing of what the document is."""
    text = "Part 4 Meetings\n\n1. Meetings\n\n1.1 The council meets.\n"
    document = _convert(tmp_path, "x.txt", text)
    assert (document.metadata.title, document.metadata.label) == ("Part 4 Meetings", None)


def test_a_text_that_prints_no_adoption_date_says_no_status(tmp_path):
    document = _convert(
        tmp_path, "x.txt", "Standing Orders\n\n1. Meetings\n\n1.1 The council meets.\n"
    )
    assert not document.metadata.status_stated
    document = _convert(
        tmp_path,
        "y.txt",
        "Standing Orders\n\nAdopted by the council on 4 May 2023.\n\n1. Meetings\n\n1.1 It meets.",
    )
    assert document.metadata.status_stated and document.metadata.adopted == "2023-05-04"


@pytest.mark.build  # a CPU ratio at n and 2n (tests/hostile/hostile_files.py)
def test_the_title_rules_stay_linear(tmp_path):
    from real_texts import assert_linear

    def text(n: int) -> str:
        site = "Contact us | Accessibility | Cymraeg\nSkip to [main content | navigation]\n" * n
        heads = "Committee details\n\nAgenda item\n\nGovernance & Policies\n\n" * n
        council = "".join(f"WEST {i}\nPARISH COUNCIL\n\n" for i in range(n))
        cut = f"{'Standing Orders ' * 5}files.example.net/so...\n\n12\n"
        body = "".join(f"{i}. Heading {i}\n\n{i}.1 The council meets.\n\n" for i in range(1, n))
        return f"Standing Orders\n\n{site}\n{heads}{council}{cut}Standing\n\nOrders\n\n{body}"

    assert_linear(tmp_path, text)


def test_a_contents_label_taken_as_the_title_names_the_document_it_lists(tmp_path):
    text = (
        "Contents of the Code of Conduct\n\nGeneral\nInterests\n\n1. General\n\n1.1 It applies.\n"
    )
    assert _convert(tmp_path, "c.txt", text).metadata.title == "Code of Conduct"
    text = "Contents\n\nGeneral\nInterests\n\n1. General\n\n1.1 It applies.\n"
    assert _convert(tmp_path, "d.txt", text).metadata.title != "General"


@pytest.mark.parametrize("suffix", ["txt", "docx", "html"])
@pytest.mark.parametrize(
    ("head", "title", "council"),
    [
        (
            ["HOLLINS CROSS", "PARISH COUNCIL", "FINANCIAL REGULATIONS"],
            "FINANCIAL REGULATIONS",
            "Hollins Cross Parish Council",
        ),
        (
            ["APPENDIX D", "Member Training", "Procedure Rules"],
            "Member Training Procedure Rules",
            None,
        ),
        (["Governance & Policies", "Standing Orders"], "Standing Orders", None),
    ],
)
def test_title_lines_read_alike_in_every_format(tmp_path, suffix, head, title, council):
    body = ["1. General", "1.1 These rules govern how the council manages its money."]
    if suffix == "txt":
        document = _convert(tmp_path, "x.txt", "\n".join([*head, "", *body]) + "\n")
    elif suffix == "docx":
        document = _word(tmp_path, [(line, None, None) for line in [*head, *body]])
    else:
        paragraphs = "".join(f"<p>{line}</p>" for line in [*head, *body])
        document = _convert(
            tmp_path, "x.html", f"<html><body><main>{paragraphs}</main></body></html>"
        )
    assert document.metadata.title == title
    assert document.metadata.council == council


def test_a_date_stamp_over_the_title_is_read_and_the_title_under_it_taken(tmp_path):
    text = "Updated 12 March 2024\n\nCode of Conduct\n\n1. General\n\n1.1 It applies.\n"
    document = _convert(tmp_path, "c.txt", text)
    assert document.metadata.title == "Code of Conduct"
    assert document.metadata.adopted == "2024-03-12"
    assert _kinds(document)[0] == ("status", "Updated 12 March 2024")


def test_a_site_tag_after_the_title_is_cut_and_a_plain_dash_kept(tmp_path):
    flow = _units((1, "Standing Orders | PDF | Meeting | Chairperson"), (3, "1. General"))
    assert aggregator_title(flow, set()) == "Standing Orders"
    flow = _units((1, "Grants Policy - Fenbridge Parish Council - [PDF Document]"))
    assert aggregator_title(flow, set()) == "Grants Policy - Fenbridge Parish Council"
    flow = _units((1, "Grants Policy - Fenbridge Parish Council"))
    assert aggregator_title(flow, set()) is None


def test_a_wrapped_cover_title_is_a_heading_and_an_address_block_is_not(tmp_path):
    text = "MEMBER AND OFFICER\nRELATIONS PROTOCOL\n\n1. PURPOSE\n\n1.1 It guides.\n"
    assert (
        _convert(tmp_path, "p.txt", text).metadata.title == "MEMBER AND OFFICER RELATIONS PROTOCOL"
    )
    text = "Standing Orders\n\nThe Clerk\nTown Hall\nHigh Street\n\n1. General\n\n1.1 It holds.\n"
    document = _convert(tmp_path, "q.txt", text)
    assert document.metadata.title == "Standing Orders"
    assert not any(t == "The Clerk Town Hall High Street" for _k, t in _kinds(document))


def test_a_slogan_and_a_welcome_over_the_title_are_label_lines(tmp_path):
    text = (
        "Welcome to Ashby Fold Town Council\nWorking together for our town\n"
        "Complaints Procedure\n\n1. Making a complaint\n\n1.1 Write to the Clerk.\n"
    )
    document = _convert(tmp_path, "c.txt", text)
    assert document.metadata.title == "Complaints Procedure"
    assert document.metadata.council == "Ashby Fold Town Council"
    text = "Working for our community\nStanding Orders\n\n1. General\n\n1.1 It holds.\n"
    assert _convert(tmp_path, "d.txt", text).metadata.title == "Standing Orders"  # not joined


@pytest.mark.parametrize(
    ("first", "second", "title"),
    [
        ("Planning", "Code of Good Practice", "Planning Code of Good Practice"),
        ("Members Allowances", "Scheme 2024/25", "Members Allowances Scheme 2024/25"),
        ("Press and Media", "Protocol", "Press and Media Protocol"),
        ("STANDING ORDERS", "INTRODUCTION", "STANDING ORDERS"),  # the first is whole
    ],
)
def test_a_title_over_two_short_lines_names_the_kind_of_document_once(
    tmp_path, first, second, title
):
    text = f"{first}\n{second}\n\n1. Meetings\n\n1.1 The council meets four times a year.\n"
    assert _convert(tmp_path, "t.txt", text).metadata.title == title


def test_a_plain_title_naming_its_kind_stays_over_a_first_level_heading(tmp_path):
    html = (
        "<html><body><main><p>Standing Orders</p><h1>Introduction</h1>"
        "<p>These orders govern the council's meetings.</p></main></body></html>"
    )
    assert _convert(tmp_path, "so.html", html).metadata.title == "Standing Orders"
