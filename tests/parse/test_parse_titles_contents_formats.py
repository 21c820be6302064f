"""Real council texts (issue 23, third round): a title printed with its adoption line,
bare "Schedule 1" contents entries, a page widget's line or cookie panel over a web page,
and one structure whatever the format (a schedule's title, document-control rows and a
contents list given a paragraph each, as Word and web pages give them)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from clausemark.convert import convert_file
from clausemark.model.document import Heading, Note, Section, Table, iter_clauses


def _convert(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return convert_file(path)


def _word(tmp_path: Path, paragraphs: list[tuple[str, str | None]]):
    made = docx.Document()
    for text, style in paragraphs:
        made.add_paragraph(text, style)
    path = tmp_path / "made.docx"
    made.save(path)
    return convert_file(path)


def _dropped(document, kind: str) -> list[str]:
    return [d.text for d in document.dropped if d.kind == kind]


ADOPTION = "ADOPTED BY COUNCIL 20 AUGUST 2018"
BODY = "\n\n1 MEETINGS\n\na Meetings are public.\n\nb Notice is given.\n"


def test_a_capitalised_title_joined_with_its_adoption_line_gives_both(tmp_path):
    text = f"FENWICK COMMUNITY COUNCIL\n\nSTANDING ORDERS {ADOPTION}{BODY}"
    document = _convert(tmp_path, "orders.txt", text)
    assert document.metadata.title == "STANDING ORDERS"
    assert document.metadata.adopted == "2018-08-20"
    notes = [b for b in document.blocks if isinstance(b, Note)]
    assert [n.text for n in notes] == [ADOPTION]  # the line as printed, on the page
    assert document.warnings == []


def test_a_title_and_adoption_line_in_a_web_pages_heading(tmp_path):
    page = (
        "<html><body><h1>Standing Orders approved by Full Council 3 May 2021</h1>"
        "<h2>1 MEETINGS</h2><p>a. Meetings are public.</p><p>b. Notice is given.</p>"
        "</body></html>"
    )
    document = _convert(tmp_path, "orders.html", page)
    assert document.metadata.title == "Standing Orders"
    assert document.metadata.adopted == "2021-05-03"


def test_a_title_that_only_mentions_adoption_is_kept_whole(tmp_path):
    text = f"Procedure for Motions Adopted at Meetings{BODY}"
    document = _convert(tmp_path, "motions.txt", text)
    assert document.metadata.title == "Procedure for Motions Adopted at Meetings"
    assert document.metadata.adopted is None


def test_a_sentence_saying_when_the_council_adopted_is_no_title(tmp_path):
    text = f"Standing Orders\n\nThis policy was adopted by the Council on 3 May 2021.{BODY}"
    document = _convert(tmp_path, "orders.txt", text)
    assert document.metadata.title == "Standing Orders"


CONTENTS_PARAGRAPHS = [
    ("Financial Procedure Rules", "Title"),
    ("Contents", None),
    ("1. Budgets", None),
    ("2. Payments", None),
    ("Schedule 1", None),
    ("Schedule 2", None),
    ("1. Budgets", "Heading 1"),
    ("1.1 The budget is set in January.", None),
    ("2. Payments", "Heading 1"),
    ("2.1 Payments are made by transfer.", None),
    ("Schedule 1 - Spending limits", "Heading 1"),
    ("1. The clerk may spend up to £750.", None),
    ("Schedule 2 - Forms", "Heading 1"),
    ("1. An order names the supplier.", None),
]


def test_bare_schedule_entries_in_a_contents_list_are_contents_in_a_text(tmp_path):
    text = CONTENTS_PARAGRAPHS[0][0] + "\n\n"
    text += "\n".join(t for t, _ in CONTENTS_PARAGRAPHS[1:6]) + "\n\n"
    text += "\n\n".join(t for t, _ in CONTENTS_PARAGRAPHS[6:]) + "\n"
    document = _convert(tmp_path, "rules.txt", text)
    assert _dropped(document, "contents")[-2:] == ["Schedule 1", "Schedule 2"]
    schedules = [b.heading.anchor for b in document.blocks if isinstance(b, Section)][-2:]
    assert schedules == ["schedule_1", "schedule_2"]
    assert document.warnings == []


def test_bare_schedule_entries_a_paragraph_each_in_word_are_contents(tmp_path):
    document = _word(tmp_path, CONTENTS_PARAGRAPHS)
    assert _dropped(document, "contents") == [t for t, _ in CONTENTS_PARAGRAPHS[1:6]]
    assert {d.level for d in document.dropped} == {"info"}
    assert [b.heading.anchor for b in document.blocks if isinstance(b, Section)][-2:] == [
        "schedule_1",
        "schedule_2",
    ]


def test_schedule_entries_that_never_come_back_are_kept_as_text(tmp_path):
    text = "Rules\n\nContents\nSchedule 1\nSchedule 2\n\n1. Budgets\n1.1 Set in January.\n"
    document = _convert(tmp_path, "rules.txt", text)
    assert _dropped(document, "contents") == []


def test_an_index_to_label_heads_a_contents_list(tmp_path):
    text = (
        "Index to Standing Orders\n\nCalling meetings\nVoting\n\nStanding Orders\n\n"
        "1.  Calling meetings\nThe clerk sends the summons.\n\n2.  Voting\nThe majority decides.\n"
    )
    document = _convert(tmp_path, "orders.txt", text)
    assert document.metadata.title == "Standing Orders"
    assert _dropped(document, "contents") == [
        "Index to Standing Orders",
        "Calling meetings",
        "Voting",
    ]


def test_a_page_widgets_line_over_the_title_is_left_out(tmp_path):
    text = "beta - tell us what you think\n\nScheme of Allowances\n\n1.1 Each member is paid.\n"
    document = _convert(tmp_path, "scheme.txt", text)
    assert document.metadata.title == "Scheme of Allowances"
    assert _dropped(document, "web-furniture") == ["beta - tell us what you think"]
    assert {d.level for d in document.dropped} == {"info"}


def test_a_first_line_in_lower_case_over_a_sentence_is_kept(tmp_path):
    text = (
        "draft for comment\n\nthe council meets monthly in the hall.\n\n1.1 Each member is paid.\n"
    )
    document = _convert(tmp_path, "scheme.txt", text)
    assert _dropped(document, "web-furniture") == []


def test_page_controls_at_the_end_of_a_web_page_are_left_out(tmp_path):
    text = "Code of Conduct\n\n1.1 Members are polite.\nrating button\n\n"
    text += "Already a subscriber? Log in\n"
    document = _convert(tmp_path, "code.txt", text)
    assert _dropped(document, "web-furniture") == ["rating button", "Already a subscriber? Log in"]
    clause = next(c for c, *_ in iter_clauses(document.blocks))
    assert clause.text == "Members are polite."


def test_a_cookie_panel_above_the_skip_link_is_left_out(tmp_path):
    panel = [
        "Cookies",
        "We use essential cookies to make our site work.",
        "Analytics Cookies",
        "You can turn these off in your browser.",
        "Skip to main content",
    ]
    text = "\n\n".join([*panel, "Financial Regulations", "1.1 The clerk keeps the accounts."])
    document = _convert(tmp_path, "regs.txt", text + "\n")
    assert document.metadata.title == "Financial Regulations"
    assert _dropped(document, "web-furniture") == panel


def test_lines_above_a_skip_link_with_no_notice_are_kept(tmp_path):
    text = "Constitution\n\nSkip to content\n\nFinancial Regulations\n\n1.1 The clerk acts.\n"
    document = _convert(tmp_path, "regs.txt", text)
    assert _dropped(document, "web-furniture") == ["Skip to content"]


def test_a_schedules_title_in_the_next_paragraph_is_its_title_in_every_format(tmp_path):
    lines = ["Code of Conduct", "1. Be polite.", "SCHEDULE 1", "DISCLOSABLE INTERESTS", "1. Jobs."]
    text = _convert(tmp_path, "code.txt", "\n\n".join(lines) + "\n")
    word = _word(tmp_path, [(line, None) for line in lines])
    for document in (text, word):
        schedule = next(b for b in document.blocks if isinstance(b, Section))
        assert (schedule.heading.number, schedule.heading.title) == (
            "SCHEDULE 1",
            "DISCLOSABLE INTERESTS",
        )
        assert not any(isinstance(b, Heading) for b in schedule.blocks)


def test_a_schedule_over_numbered_text_takes_no_title(tmp_path):
    lines = ["Code of Conduct", "Schedule 1", "1. Employment.", "Part 2", "Members must be polite."]
    document = _convert(tmp_path, "code.txt", "\n\n".join(lines) + "\n")
    schedule = next(b for b in document.blocks if isinstance(b, Section))
    part = next(b for b in schedule.blocks if isinstance(b, Section))
    assert (schedule.heading.number, schedule.heading.title) == ("Schedule 1", "")
    assert (part.heading.number, part.heading.title) == ("Part 2", "")  # a sentence: no title


def test_document_control_rows_a_paragraph_each_make_one_table_in_word(tmp_path):
    rows = [
        "Version: 3.2",
        "Adopted: 3 March 2025",
        "Document owner: The Clerk",
        "Next review: March 2027",
    ]
    paragraphs = [("Scheme of Delegation", "Title"), ("1.1 The clerk decides.", None)]
    document = _word(
        tmp_path, [*paragraphs, ("Document control", None), *[(r, None) for r in rows]]
    )
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].caption == "Document control"
    assert [row[1] for row in tables[0].rows] == ["3.2", "3 March 2025", "The Clerk", "March 2027"]
    meta = document.metadata
    assert (meta.version, meta.adopted, meta.next_review) == ("3.2", "2025-03-03", "2027-03")


def test_a_contents_list_a_paragraph_each_after_the_title_keeps_the_title(tmp_path):
    paragraphs = [
        ("KESTREL TOWN COUNCIL", None),
        ("MEMBER AND OFFICER PROTOCOL", None),
        ("Contents", None),
        ("1. Introduction ........................ 2", None),
        ("2. Roles ............................... 3", None),
        ("3. Working together .................... 4", None),
        ("4. Complaints .......................... 5", None),
        ("1. Introduction", None),
        ("1.1 This protocol guides members.", None),
        ("2. Roles", None),
        ("2.1 Members set policy.", None),
        ("3. Working together", None),
        ("3.1 Members and officers respect each other.", None),
        ("4. Complaints", None),
        ("4.1 Complaints go to the monitoring officer.", None),
    ]
    document = _word(tmp_path, paragraphs)
    assert document.metadata.title == "MEMBER AND OFFICER PROTOCOL"
    assert {d.level for d in document.dropped} == {"info"}
    assert document.warnings == []


def test_a_signature_line_is_no_heading(tmp_path):
    paragraphs = [
        ("Standing Orders", "Title"),
        ("1. Minutes", None),
        ("1.1 The chair signs.", None),
    ]
    signature = [
        ("Signed .............................. Chair", None),
        ("Dated ..................", None),
    ]
    document = _word(tmp_path, [*paragraphs, *signature])
    assert not any(isinstance(b, Heading) for b in document.blocks)


def test_a_council_named_after_by_is_the_council(tmp_path):
    closing = "THESE ORDERS WERE ADOPTED\n\nBY WENDLE TOWN COUNCIL ON 3 MAY 2021\n"
    text = f"STANDING ORDERS\n{BODY}\n{closing}"
    assert _convert(tmp_path, "orders.txt", text).metadata.council == "Wendle Town Council"


def test_a_title_adopted_at_a_meeting_in_bold_gives_title_and_date(tmp_path):
    text = (
        "## **Code of Conduct Adopted at meeting on 14th May 2019** as recommended\n\n"
        "**1.** This code applies to members.\n\n**2.** Members are polite.\n"
    )
    document = _convert(tmp_path, "code.txt", text)
    meta = document.metadata
    assert (meta.title, meta.adopted, meta.adopted_by) == ("Code of Conduct", "2019-05-14", None)


def test_clause_numbers_in_bold_are_read_in_a_text_and_in_word(tmp_path):
    text = "Code\n\n**1.** Members act lawfully.\n\n**2.-**(1) Members register.\n\n(2) Changes.\n"
    document = _convert(tmp_path, "code.txt", text)
    numbers = [c.number for c, *_ in iter_clauses(document.blocks)]
    assert numbers == ["1.", "2.-", "(1)", "(2)"]
    made = docx.Document()
    made.add_paragraph("Code", "Title")
    for number, words in (("1.", " Members act lawfully."), ("2.", " Members register.")):
        paragraph = made.add_paragraph()
        paragraph.add_run(number).bold = True
        paragraph.add_run(words)
    path = tmp_path / "code.docx"
    made.save(path)
    word = convert_file(path)
    assert [c.anchor for c, *_ in iter_clauses(word.blocks)] == ["para_1", "para_2"]


def test_a_bold_word_at_a_line_start_is_no_number(tmp_path):
    text = "Code\n\n**Note** members act lawfully.\n\n**2024** was the year of review.\n"
    document = _convert(tmp_path, "code.txt", text)
    assert [c.number for c, *_ in iter_clauses(document.blocks) if c.number] == []


def test_a_footnote_that_prints_its_own_marker_keeps_every_word(tmp_path):
    from clausemark.parse.parser import parse
    from clausemark.readers.text import SourceText
    from clausemark.render.fidelity import lost_words

    source = SourceText("fuzz.txt", "²0²0")  # found by the property test: a note marking itself
    document = parse(source, "fuzz")
    assert document.footnotes[0].text == "0²0"
    assert lost_words(source, document) == []


def test_a_pipe_table_is_a_table_of_its_clause_with_its_rule_reported(tmp_path):
    text = (
        "Rules\n\n1. Committees\n\n1.1 The quorum of each committee is:\n\n"
        "| Committee | Quorum |\n| --- | --- |\n| Planning | 5 |\n| Finance | 3 |\n\n"
        "1.2 A committee may appoint a sub-committee.\n"
    )
    document = _convert(tmp_path, "rules.txt", text)
    clause = next(c for c, *_ in iter_clauses(document.blocks) if c.number == "1.1")
    assert [(t.header, t.rows) for t in clause.tables] == [
        (["Committee", "Quorum"], [["Planning", "5"], ["Finance", "3"]])
    ]
    assert [(d.line, d.kind, d.level) for d in document.dropped] == [(8, "table-rule", "info")]
    assert document.warnings == []


def test_a_pipe_table_row_with_more_cells_than_its_header_stays_in_the_table(tmp_path):
    """'| a | b | c |' under a two-cell header and its rule cut the table after the rule:
    the header became a cross-heading, the rule line was gone unsaid and the rows one note.
    Every row under a header and its rule is the table's, its cells kept."""
    text = (
        "Rules\n\n1. Storage\n\n1.1 Files are kept at:\n\n"
        "| Path | Note |\n|---|---|\n| C:/files | shared | read only |\n| D:/keep | own |\n\n"
        "1.2 Files are kept for six years.\n"
    )
    document = _convert(tmp_path, "rules.txt", text)
    clause = next(c for c, *_ in iter_clauses(document.blocks) if c.number == "1.1")
    [table] = clause.tables
    assert table.header[:2] == ["Path", "Note"]
    assert [[cell for cell in row if cell.strip()] for row in table.rows] == [
        ["C:/files", "shared", "read only"],
        ["D:/keep", "own"],
    ]
    assert not any(isinstance(b, Heading) for b in document.blocks)
    assert [(d.line, d.kind) for d in document.dropped] == [(8, "table-rule")]
    assert document.warnings == []


def test_a_one_cell_pipe_row_under_a_ruled_header_stays_in_the_table(tmp_path):
    """'| Licensing |' under '| Committee | Quorum |' and its rule ended the table: the
    rows after it became one note ('&#124; a | | Licensing | 3 |'). A row of one cell
    under a ruled header is the table's, its empty second cell kept; a line of one cell
    with no table over it stays text."""
    text = (
        "Rules\n\n1. Committees\n\n1.1 The quorum of each committee is:\n\n"
        "| Committee | Quorum |\n| --- | --- |\n| Planning | 5 |\n| Licensing |\n"
        "| Finance | 3 |\n\n1.2 A committee may appoint a sub-committee.\n\n| Note |\n"
    )
    document = _convert(tmp_path, "rules.txt", text)
    clause = next(c for c, *_ in iter_clauses(document.blocks) if c.number == "1.1")
    [table] = clause.tables
    assert [[cell.strip() for cell in row] for row in table.rows] == [
        ["Planning", "5"],
        ["Licensing", ""],
        ["Finance", "3"],
    ]
    last = next(c for c, *_ in iter_clauses(document.blocks) if c.number == "1.2")
    assert not last.tables and last.paragraphs == ["| Note |"]
    assert document.warnings == []


def test_control_rows_written_with_pipes_give_the_version_and_adoption(tmp_path):
    text = "Scheme of Delegation\n\nRevision | 1.2 |\nAdopted | May 2022 |\n\n1. The clerk acts.\n"
    meta = _convert(tmp_path, "scheme.txt", text).metadata
    assert (meta.version, meta.adopted) == ("1.2", "2022-05")


def test_control_rows_written_with_inner_pipes_only_are_read_too(tmp_path):
    # A table written as GitHub-flavoured Markdown allows it, with no pipe at either end
    # ("Version | 4"): each row was an invented heading and the rest one run-on line.
    text = (
        "Wrenhollow Borough Council\nPlanning Committee Protocol\n\nVersion | 4\n"
        "Approved by | Full Council\nDate approved | 20 May 2026\nReview date | May 2028\n"
        "Owner | Head of Legal\n\n1. Purpose\n1.1 This protocol guides councillors.\n"
    )
    document = _convert(tmp_path, "protocol.txt", text)
    meta = document.metadata
    assert (meta.version, meta.adopted, meta.next_review) == ("4", "2026-05-20", "2028-05")
    assert (meta.adopted_by, meta.owner) == ("Full Council", "Head of Legal")
    assert not any(isinstance(b, Heading) for b in document.blocks)
    assert [c.number for c, *_ in iter_clauses(document.blocks)] == ["1.1"]


def test_numbered_lines_with_inner_pipes_stay_clauses(tmp_path):
    text = "Rules\n\n1. Voting\n\n1.1 The chair | the vice-chair presides.\n1.2 Votes | counted.\n"
    document = _convert(tmp_path, "rules.txt", text)
    assert not any(isinstance(b, Table) for b in document.blocks)
    assert [c.number for c, *_ in iter_clauses(document.blocks)] == ["1.1", "1.2"]


def test_a_pipe_inside_a_sentence_is_no_table(tmp_path):
    text = "Rules\n\n1.1 The chair | the vice-chair presides.\n1.2 Votes | counted by hand.\n"
    document = _convert(tmp_path, "rules.txt", text)
    assert not any(isinstance(b, Table) for b in document.blocks)
    assert [c.number for c, *_ in iter_clauses(document.blocks)] == ["1.1", "1.2"]


def test_a_title_over_two_word_paragraphs_is_one_title(tmp_path):
    paragraphs = [
        ("Protocol on Relations between Councillors and", "Title"),
        ("Officers of Fenwold Parish Council", "Title"),
        ("1. Principles", None),
        ("1.1 Councillors and officers respect each other.", None),
    ]
    document = _word(tmp_path, paragraphs)
    assert document.metadata.title == (
        "Protocol on Relations between Councillors and Officers of Fenwold Parish Council"
    )
    assert not any(isinstance(b, Heading) for b in document.blocks)


def test_a_title_line_that_ends_a_title_takes_no_next_line(tmp_path):
    document = _word(tmp_path, [("Standing Orders", "Title"), ("Fenwold Parish Council", None)])
    assert document.metadata.title == "Standing Orders"


def test_a_text_of_one_line_converts(tmp_path):
    assert _convert(tmp_path, "one.txt", "Standing Orders and\n").metadata.title


def _web_page(main: str, footer: str) -> str:
    return (
        "<html><head><title>Code of Conduct</title></head><body>"
        '<header><nav><a href="/">Home</a></nav></header>'
        f"<main>{main}<h2>1. Scope</h2><p>1.1 This code applies to members.</p></main>"
        f"<footer><p>{footer}</p></footer></body></html>"
    )


def test_a_web_pages_council_named_only_in_its_footer_is_its_council(tmp_path):
    """The page's text names no council; its footer ('© 2025 Ashby Fold Town Council') does:
    the council is read from the frame the reader left out (it was None). A council the
    text names stays the text's; a footer naming none gives none."""
    footer = "© 2025 Ashby Fold Town Council. All rights reserved."
    page = _web_page("<h1>Code of Conduct</h1>", footer)
    assert _convert(tmp_path, "code.html", page).metadata.council == "Ashby Fold Town Council"
    named = _web_page("<p>Wendle Parish Council</p><h1>Code of Conduct</h1>", footer)
    assert _convert(tmp_path, "named.html", named).metadata.council == "Wendle Parish Council"
    none = _web_page("<h1>Code of Conduct</h1>", "© 2025. All rights reserved.")
    assert _convert(tmp_path, "none.html", none).metadata.council is None


def test_a_web_pages_council_named_only_in_its_title_element_is_its_council(tmp_path):
    """trial11 (session 10): a saved page naming its council only in <title> ('Officer Gifts
    Policy - Kestrelford Borough Council') showed the site's council. <title> is read where
    the text names none; the text's council stays the text's; an <svg>'s <title> in the
    body is a picture's name, never the page's."""
    footer = "© 2026. All rights reserved."
    page = _web_page("<h1>Code of Conduct</h1>", footer).replace(
        "<title>Code of Conduct</title>",
        "<title>Code of Conduct - Kestrel Vale Borough Council</title>",
    )
    assert _convert(tmp_path, "code.html", page).metadata.council == "Kestrel Vale Borough Council"
    named = page.replace("<h1>", "<p>Wendle Parish Council</p><h1>")
    assert _convert(tmp_path, "named.html", named).metadata.council == "Wendle Parish Council"
    logo = _web_page(
        "<h1>Code of Conduct</h1><svg><title>Wendle Parish Council logo</title></svg>", footer
    )
    assert _convert(tmp_path, "logo.html", logo).metadata.council is None


@pytest.mark.parametrize(
    "title, kind",
    [
        ("Petition Scheme", "Scheme"),
        ("Members' Allowances Scheme", "Scheme"),
        ("Scheme of Delegation to Officers", "Scheme of Delegation"),
    ],
)
def test_a_scheme_is_its_own_kind_of_document(tmp_path, title, kind):
    """A title ending 'Scheme' was of type 'Document' (trial8 R8): a scheme is a kind of its
    own in the table of kinds, after the scheme of delegation it must not swallow."""
    text = f"{title}\n\n1. Scope\n\n1.1 The scheme applies to every member.\n"
    assert _convert(tmp_path, "scheme.txt", text).metadata.document_type == kind
