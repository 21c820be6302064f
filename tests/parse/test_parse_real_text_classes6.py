"""The failure classes of the fifth blind set of real council texts (issue 23), each on a
layout fixture of our own wording (tests/layouts) and, where a rule has two sides, on a
short text here: what is left out and how loudly, the numbers read, their anchors, the
title and the words kept."""

from __future__ import annotations

import docx
import pytest
import yaml
from clausemark.convert import convert_file
from clausemark.model.document import Heading, iter_clauses, iter_headings
from clausemark.numbering.styles import container_word, strip_container_word
from clausemark.parse.metadata import council_name
from clausemark.parse.places import place_and_title
from clausemark.render.markdown_writer import render_document
from clausemark.versions.order import version_label
from real_texts import assert_linear, convert_fixture, convert_text, found, notes, warning_codes

# 1. An index one table cell to a line: number, title, page range each alone.


def test_an_index_one_cell_a_line_whose_entries_come_back_is_left_out_at_info():
    document = convert_fixture("index_cell_per_line")
    assert [n[0] for n in found(document)] == [
        "Part 1",
        "1.1",
        "1.2",
        "1.3",
        "Part 2",
        "2.1",
        "2.2",
    ]
    left = {d.line: (d.kind, d.level) for d in document.dropped}
    assert left[5] == ("contents", "info")  # "INDEX TO THE RULES"
    assert left[7] == ("contents", "info")  # "PAGE(S)": the page column's head
    assert left[9] == ("contents", "info") and left[15] == ("contents", "info")
    assert left[11][1] == left[17][1] == "info"  # "1 - 3", "1": the page cells
    assert not warning_codes(document)
    assert document.metadata.title == "RULES OF PROCEDURE"


COVER_INDEX = (
    "LONDON BOROUGH OF EASTMERE\n\nCONSTITUTION\n\nINDEX TO CONSTITUTION\n\nPAGE(S)\n\n"
    "Part 1 - How the Council Works\n\n1 - 9\n\n1.1\n\nThe Council's Constitution\n\n1\n\n"
    "1.2\n\nWhat is in this Constitution?\n\n2 - 3\n\n1.3\n\nCitizens' Rights\n\n4 - 9\n\n"
    "Part 2 - Articles\n\n10 - 40\n\nArticle 1\n\nThe Constitution\n\n10 - 11\n\n"
    "Article 2\n\nMembers of the Council\n\n12 - 15\n"
)


def test_a_cover_over_an_index_one_cell_a_line_makes_no_clause_and_warns(tmp_path):
    document = convert_text(tmp_path, "constitution.txt", COVER_INDEX)
    assert found(document) == []
    assert document.metadata.title == "CONSTITUTION"
    assert document.metadata.council == "London Borough of Eastmere"
    guessed = [d for d in document.dropped if d.kind == "contents-guessed"]
    assert {d.level for d in guessed} == {"warning"}
    assert "Members of the Council" in {d.text for d in guessed}
    assert "1" in {d.text for d in guessed}  # a page cell the lines pass took for a page number
    assert "dropped" in warning_codes(document)  # --strict fails until acknowledged
    words = " ".join(d.text for d in document.dropped)
    for word in ("Citizens' Rights", "Article 2", "12 - 15", "1.3"):
        assert word in words  # every line left out is in the drop report


def test_a_number_table_one_cell_a_line_in_the_text_is_kept(tmp_path):
    text = (
        "Standing Orders\n\n1. Committees\n\n1.1 The quorum of each committee is:\n\n"
        "Planning\n\n3\n\nLicensing\n\n3\n\nStandards\n\n5\n\nAudit\n\n5\n\n"
        "1.2 A committee may appoint sub-committees.\n"
    )
    document = convert_text(tmp_path, "orders.txt", text)
    assert not [d for d in document.dropped if d.kind.startswith("contents")]
    assert [n[0] for n in found(document)] == ["1.", "1.1", "1.2"]


def test_numbers_alone_over_headings_and_text_are_no_index(tmp_path):
    text = (
        "Standing Orders\n\n1\nMEETINGS\n1.1 The council meets monthly.\n\n2\nQUORUM\n"
        "2.1 Three members are a quorum.\n\n3\nVOTING\n3.1 A majority decides.\n"
    )
    document = convert_text(tmp_path, "orders.txt", text)
    assert not [d for d in document.dropped if d.kind.startswith("contents")]
    assert ("2.1", "2", "sec_2__para_2-1") in found(document)


# 2. A labelled contents list one of whose page numbers wrapped onto its own line.


def test_an_entry_whose_page_number_wrapped_does_not_end_the_list():
    document = convert_fixture("contents_wrapped_page")
    assert found(document) == []  # no entry after the wrapped one became a clause
    levels = {d.line: d.level for d in document.dropped}
    assert levels[3] == levels[13] == levels[21] == "warning"
    assert document.metadata.title == "Standing Orders for Council Meetings"


def test_a_wrapped_page_number_in_a_list_whose_entries_come_back_is_contents(tmp_path):
    text = (
        "Standing Orders\n\nContents\n\n1 Interpretation 1\n\n"
        "2 Notices of Motion to be Considered at the Next Ordinary Meeting of the Council\n\n"
        "2\n\n3 Voting 3\n\n1 Interpretation\n\n1.1 Words have their usual meaning.\n\n"
        "2 Notices of Motion to be Considered at the Next Ordinary Meeting of the Council\n\n"
        "2.1 Notice is given in writing.\n\n3 Voting\n\n3.1 A majority decides.\n"
    )
    document = convert_text(tmp_path, "orders.txt", text)
    assert [n[0] for n in found(document)] == ["1", "1.1", "2", "2.1", "3", "3.1"]
    assert {d.kind for d in document.dropped if d.line <= 11} <= {"contents", "page-number"}
    assert not warning_codes(document)


# 3. A rule word after the name of its set of rules opens a rule.


@pytest.mark.parametrize(
    ("line", "printed", "rest"),
    [
        ("Contract Standing Order 1: Scope", "Contract Standing Order 1", "Scope"),
        ("FINANCIAL REGULATION 3 - BUDGETS", "FINANCIAL REGULATION 3", "BUDGETS"),
        ("Council Procedure Rule 12", "Council Procedure Rule 12", ""),
        (
            "Access to Information Procedure Rule 2 Scope",
            "Access to Information Procedure Rule 2",
            "Scope",
        ),
    ],
)
def test_a_qualified_rule_word_is_read_as_a_rule(line, printed, rest):
    read = container_word(line)
    assert read is not None and read.word.element == "rule"
    assert (read.printed, read.rest) == (printed, rest)
    assert strip_container_word(read.printed) == read.number


@pytest.mark.parametrize(
    "line", ["Under Standing Order 5 the chair decides", "The Rule 4 is kept", "see rule 4"]
)
def test_a_rule_cited_in_a_sentence_is_no_heading(line):
    assert container_word(line) is None


def test_qualified_rule_headings_hold_their_clauses():
    document = convert_fixture("qualified_rule_headings")
    assert found(document)[:2] == [
        ("Contract Standing Order 1", None, "rule_1"),
        ("1.1", "Contract Standing Order 1", "rule_1__para_1-1"),
    ]
    assert ("3.2", "CONTRACT STANDING ORDER 3", "rule_3__para_3-2") in found(document)


def test_qualified_rule_headings_in_a_web_page(tmp_path):
    page = (
        "<html><body><h1>Financial Regulations</h1><h2>Financial Regulation 1: Budgets</h2>"
        "<p>1.1 The council sets its budget each February.</p>"
        "<p>1.2 No officer spends more than the budget allows.</p>"
        "<h2>Financial Regulation 2: Banking</h2><p>2.1 Two members sign every cheque.</p>"
        "</body></html>"
    )
    document = convert_text(tmp_path, "regulations.html", page)
    assert found(document) == [
        ("Financial Regulation 1", None, "rule_1"),
        ("1.1", "Financial Regulation 1", "rule_1__para_1-1"),
        ("1.2", "Financial Regulation 1", "rule_1__para_1-2"),
        ("Financial Regulation 2", None, "rule_2"),
        ("2.1", "Financial Regulation 2", "rule_2__para_2-1"),
    ]


# 4. Lines over and under the title that are not the title.


def test_a_label_and_a_date_over_and_under_the_title_are_printed_with_it():
    document = convert_fixture("qualified_rule_headings")
    assert document.metadata.title == "Contract Standing Orders"
    assert document.metadata.label == "Part 4 Chapter 3"
    assert ("label", "14 March 2024") in [(k, t) for k, _l, t in document.title_lines]
    assert not [b for b in document.blocks if isinstance(b, Heading)]


def test_a_date_line_above_the_title_is_not_the_title(tmp_path):
    made = docx.Document()
    made.add_paragraph("September 2025")
    made.add_heading("Standing Orders", 1)
    made.add_paragraph("1. Meetings")
    made.add_paragraph("1.1 The council meets monthly.")
    path = tmp_path / "orders.docx"
    made.save(str(path))
    document = convert_file(path)
    assert document.metadata.title == "Standing Orders"
    assert document.title_lines[0][0] == "label"
    assert document.metadata.adopted is None  # a date printed alone says no adoption


def test_a_date_ending_the_title_line_stays_in_the_title(tmp_path):
    # lead ruling R27 (session 13): the title is the line as printed, its month kept
    text = (
        "Standing Orders for Meetings October 2024\n\nStanding Orders for Meetings\n\n"
        "1. Meetings\n\n1.1 The council meets monthly.\n"
    )
    document = convert_text(tmp_path, "orders.txt", text)
    assert document.metadata.title == "Standing Orders for Meetings October 2024"
    assert "October 2024" not in [t for _k, _l, t in document.title_lines]
    kept = convert_text(tmp_path, "kept.txt", "Adopted by Council on 12 July 2023\n\n1. A.\n")
    assert kept.metadata.adopted == "2023-07-12"  # an adoption line is no title and date


def test_a_place_and_title_line_under_a_breadcrumb_is_the_title(tmp_path):
    text = (
        "Governance and Democracy\n\nPart Four of the Constitution: Rules of Procedure\n\n"
        "These rules govern meetings.\n\n1. Meetings\n\n1.1 The council meets monthly.\n"
    )
    document = convert_text(tmp_path, "part4.txt", text)
    assert document.metadata.title == "Part Four of the Constitution: Rules of Procedure"
    assert document.metadata.label == "Part Four"
    assert document.title_lines[0] == ("label", 1, "Governance and Democracy")
    assert place_and_title("Part 4A of the Constitution of Wexley Council") is None


@pytest.mark.parametrize(
    ("line", "council"),
    [
        ("LONDON BOROUGH OF EASTMERE", "London Borough of Eastmere"),
        ("Royal Borough of Ashford and Vale", "Royal Borough of Ashford and Vale"),
        ("Eastmere Council", "Eastmere Council"),
    ],
)
def test_a_borough_named_before_its_place_is_a_council(line, council):
    assert council_name(line, whole=True) == council


@pytest.mark.build  # a whole-size CPU ratio: runs with the builds
def test_the_new_rules_read_in_linear_time(tmp_path):
    """Indexes one cell a line, wrapped page numbers and qualified rule words at n and 2n:
    about twice the CPU time, measured in this process."""

    def text(n: int) -> str:
        index = "".join(f"{k}.1\n\nEntry {k}\n\n{k} - {k + 1}\n\n" for k in range(1, n + 1))
        rules = "".join(
            f"Contract Standing Order {k}: Rule {k}\n\n{k}.1 Text of rule {k}.\n\n"
            f"Planning\n\n{k}\n\n"
            for k in range(1, n + 1)
        )
        return f"CONTRACT STANDING ORDERS\n\nINDEX\n\nPAGE(S)\n\n{index}{rules}"

    assert_linear(tmp_path, text)


# 8. A signature block after the last clause: printed lines, never headings.

SIGNED = ("Signed", "P R Castleton", "Town Clerk", "Eastmere Town Council", "3 April 2025")


def _signed_document(tmp_path, suffix: str):
    clauses = ("1.1 The council meets monthly.", "1.2 A majority decides.")
    if suffix == ".html":
        body = "".join(f"<p>{line}</p>" for line in (*clauses, *SIGNED))
        page = f"<html><body><h1>Standing Orders</h1><h2>1. Meetings</h2>{body}</body></html>"
        return convert_text(tmp_path, "orders.html", page)
    if suffix == ".docx":
        made = docx.Document()
        made.add_heading("Standing Orders", 1)
        made.add_paragraph("1. Meetings")
        for line in (*clauses, *SIGNED):
            made.add_paragraph(line)
        path = tmp_path / "orders.docx"
        made.save(str(path))
        return convert_file(path)
    lines = "\n\n".join((*clauses, *SIGNED))
    return convert_text(tmp_path, "orders.txt", f"Standing Orders\n\n1. Meetings\n\n{lines}\n")


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx"])
def test_a_signature_block_after_the_last_clause_is_printed_lines(tmp_path, suffix):
    document = _signed_document(tmp_path, suffix)
    assert [t for t in (h.title for h in iter_headings(document.blocks))] == ["Meetings"]
    assert notes(document)[-len(SIGNED) :] == list(SIGNED)
    clause = next(c for c, *_ in iter_clauses(document.blocks) if c.number == "1.2")
    assert clause.text == "A majority decides." and not clause.paragraphs
    assert [n[0] for n in found(document)] == ["1.", "1.1", "1.2"]
    assert document.metadata.adopted is None  # a date under a signature says no adoption


def test_short_headings_over_text_at_the_end_are_still_headings(tmp_path):
    text = (
        "Standing Orders\n\n1. Meetings\n\n1.1 The council meets monthly.\n\n"
        "Role of the Chairman\n\nThe Chairman keeps order at every meeting.\n"
    )
    document = convert_text(tmp_path, "orders.txt", text)
    assert "Role of the Chairman" in [h.title for h in iter_headings(document.blocks)]


# 7. A text that prints no version shows none; its versions keep the keys they had.


def test_an_adoption_year_is_no_version_but_still_keys_the_published_version(tmp_path):
    text = (
        "Protocol\n\n1. Scope\n\n"
        "1.1 This protocol was approved by Full Council on 25th February 2015.\n"
    )
    document = convert_text(tmp_path, "protocol.txt", text)
    assert document.metadata.adopted == "2015-02-25"
    assert document.metadata.version is None  # the text prints none: none is shown
    page = render_document(document)
    front = yaml.safe_load(page.split("---\n")[1])
    assert front["clausemark"].get("version") is None
    assert version_label(document, "protocol") == "2015"  # URLs, anchors.json: as before
    printed = "Protocol\n\nVersion 3, adopted 3 May 2024\n\n1. Scope\n\n1.1 It applies.\n"
    versioned = convert_text(tmp_path, "versioned.txt", printed)
    assert versioned.metadata.version == "3" and version_label(versioned, "v") == "3"
    undated = convert_text(tmp_path, "undated.txt", "Protocol\n\n1. Scope\n\n1.1 It applies.\n")
    assert version_label(undated, "undated") == "undated"


# 5. Headings a web page draws as one-item lists, each printing "1.": sections of their own.


def test_headings_each_printing_one_are_sections_of_their_own_in_text_and_web_page(tmp_path):
    text = convert_fixture("headings_drawn_as_one_item_lists")
    assert found(text)[3:5] == [("1.", None, "sec_1_2"), ("3.1", "1.", "sec_1_2__para_3-1")]
    page = (
        "<html><body><h1>Scheme of Delegation</h1><p>1.1 The council may delegate.</p>"
        "<ol><li>Delegation to the Clerk</li></ol><p>2.1 The Clerk acts in line with:</p>"
        "<ul><li>Standing Orders</li><li>any law in force.</li></ul>"
        "<ol><li>Urgent Decisions</li></ol><p>3.1 The Clerk decides urgent matters.</p>"
        "</body></html>"
    )
    web = found(convert_text(tmp_path, "scheme.html", page))
    assert [n[0] for n in web] == ["1.1", "1.", "2.1", "1.", "3.1"]
    assert web[3:] == [("1.", None, "sec_1_2"), ("3.1", "1.", "sec_1_2__para_3-1")]


def test_a_first_item_under_a_lead_in_stays_an_item(tmp_path):
    text = (
        "Standing Orders\n\n1. Meetings\n\n1.1 The council meets at:\n\n1. the town hall\n\n"
        "2. the library\n\n2. Voting\n\n2.1 A majority decides.\n"
    )
    assert ("1.", "1.1", "sec_1__para_1-1__subpara_1") in found(
        convert_text(tmp_path, "orders.txt", text)
    )
