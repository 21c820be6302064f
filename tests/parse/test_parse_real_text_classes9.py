"""Session 9's classes of the real-text development sets (issue 23), each on a fixture or
text of our own wording: agenda and minutes items, report sections and bilingual item
titles as numbered headings, never clauses; what must stay a clause."""

from __future__ import annotations

import pytest
from clausemark.model.document import Section
from real_texts import assert_anchors, assert_linear, convert_fixture, convert_text, found

# 1. Numbered titles of agenda and minutes items, and a report's "1.0" over its title.


def test_minutes_items_numbered_apart_from_their_titles_are_headings():
    document = convert_fixture("minutes_items_number_apart")
    assert [n[2] for n in found(document)] == [
        "sec_7",
        "sec_8",
        "sec_8__para_8-1",
        "sec_8__para_8-2",
        "sec_9",
        "sec_9__para_9-1",
    ]


def test_a_report_section_number_alone_heads_its_capital_title():
    document = convert_fixture("report_sections_number_alone")
    assert [n[2] for n in found(document)] == [
        "sec_1-0",
        "sec_1-0__para_1-1",
        "sec_2-0",
        "sec_2-0__para_2-1",
        "sec_2-0__para_2-2",
        "sec_3-0",
        "sec_3-0__para_3-1",
    ]


def test_a_clause_number_alone_keeps_its_sentence_on_the_next_line():
    text = (
        "Play Area Rules\n\n1.1\n\nDogs are not allowed in the play area.\n\n1.2 Gates stay shut.\n"
    )
    document = assert_anchors(text, ["para_1-1", "para_1-2"], "play.txt")
    assert document.blocks[0].text == "Dogs are not allowed in the play area."


def test_a_number_alone_over_a_sentence_stays_a_clause():
    text = (
        "Standing Orders\n\n1.\n\nThe council meets in May.\n\nIt may meet more often.\n\n"
        "2.\n\nThe chair presides at each meeting.\n\nThe vice-chair stands in.\n"
    )
    assert_anchors(text, ["para_1", "para_2"], "orders.txt")


def test_a_number_alone_over_a_lead_in_stays_a_clause():
    text = "Standing Orders\n\n1.\n\nThe quorum of the council shall be\n\nthree members.\n"
    assert_anchors(text, ["para_1"], "lead.txt")


def test_agenda_items_with_titles_in_two_languages_are_headings():
    document = convert_fixture("agenda_bilingual_item_titles")
    assert [n[2] for n in found(document)] == ["sec_1", "sec_2", "sec_3", "sec_4"]


def test_two_line_items_that_are_sentences_stay_clauses():
    text = (
        "Standing Orders\n\n1. The council shall hold its annual meeting in May\n"
        "and may hold other meetings.\n\n2. The chair presides at every meeting\n"
        "Unless absent.\n\n3. The clerk keeps the minutes.\n"
    )
    assert_anchors(text, ["para_1", "para_2", "para_3"], "two.txt")


# 2. A site's own lines over the title: a menu button, an accessibility and display widget,
# an intranet's name, a link home, an advertising slot's label.


def test_a_menu_button_and_display_widget_are_never_the_title():
    document = convert_fixture("title_site_widgets_over_title")
    assert document.metadata.title == "Rules for Public Speaking"
    assert document.metadata.label == "Part 4"
    assert [n[2] for n in found(document)][:2] == ["sec_1", "sec_1__para_1-1"]
    left_out = {d.text: d.level for d in document.dropped}
    assert left_out["Toggle menu"] == "info"
    assert left_out["Colour Schemes"] == "info"


def test_an_intranet_name_and_a_home_link_are_never_the_title():
    document = convert_fixture("title_intranet_and_home_link")
    assert document.metadata.title == "Gifts and Hospitality Guidance for Staff"


@pytest.mark.parametrize(
    "title",
    ["Protocol for the Council Homepage", "Use of the Intranet", "Guidance on the Intranet"],
)
def test_a_title_about_an_intranet_or_a_homepage_is_still_the_title(tmp_path, title):
    """review9: the words of a title ('for', 'of', 'on') are no site's name or link home."""
    document = convert_text(tmp_path, "about.txt", f"{title}\n\n1. Scope\n\n1.1 It applies.\n")
    assert document.metadata.title == title


def test_widget_words_among_the_numbered_lines_stay(tmp_path):
    text = (
        "Signage Policy\n\n1. Letters\n\n1.1 Signs use one typeface.\n\nText Size\n\n"
        "1.2 Letters are at least 40 mm high.\n\nAdvertising\n\n1.3 No sign carries advertising.\n"
    )
    document = convert_text(tmp_path, "signs.txt", text)
    assert not document.dropped
    assert document.metadata.title == "Signage Policy"


def test_a_document_sites_viewer_lines_under_the_files_title_leave_the_title():
    document = convert_fixture("title_viewer_lines_under_title")
    assert document.metadata.title.startswith("The Planning Code of the Kestrel Vale")
    assert [(d.line, d.level) for d in document.dropped] == [(2, "info"), (3, "info")]


# 3. A contents list printed in one block with the title lines above it.


def test_a_contents_label_inside_the_title_block_makes_no_containers():
    document = convert_fixture("contents_label_inside_title_chunk")
    assert found(document) == []
    assert not document.dropped  # its entries never come back: kept as printed
    from clausemark.render.markdown_writer import render_document

    page = render_document(document)
    assert "their allowances and their expenses" in page
    assert "and their employment" in page


def test_the_word_index_wrapped_inside_a_clause_stays_its_words():
    text = (
        "Records Policy\n\n1. Records\n\n1.1 The clerk keeps a register of decisions and an\n"
        "index\nof the decisions by subject.\n\n1.2 The register is open to all.\n"
    )
    document = assert_anchors(text, ["sec_1", "sec_1__para_1-1", "sec_1__para_1-2"], "records.txt")
    clause = document.blocks[0].blocks[0]
    assert clause.text.endswith("an index of the decisions by subject.")


# 6. A number that ends a sentence is no clause.


def test_an_issue_number_ending_a_sentence_opens_no_clause(tmp_path):
    text = (
        "Protocol on Member Officer Relations\n\nThis protocol helps members and officers "
        "work well together. This copy is Issue 1.\nReader view options\n"
    )
    document = convert_text(tmp_path, "issue.txt", text)
    assert found(document) == []


def test_a_clause_after_a_sentence_ending_on_a_heading_word_is_still_cut():
    text = (
        "Standing Orders\n\n1. Meetings\n\n1.1 The council meets monthly. 1.2 The "
        "Annual Meeting is held in May.\n\n1.3 Notice is given.\n"
    )
    assert_anchors(
        text,
        [
            "sec_1",
            "sec_1__para_1-1",
            "sec_1__para_1-2",
            "sec_1__para_1-3",
        ],
        "cut.txt",
    )


# 5. A document site's transcript: a whole file run into one line.


def test_a_transcripts_rules_clauses_and_items_are_cut_apart():
    document = convert_fixture("transcript_rules_run_together")
    assert [n[2] for n in found(document)] == [
        "rule_1",
        "rule_1__para_1",
        "rule_1__para_1__subpara_a",
        "rule_1__para_1__subpara_b",
        "rule_1__para_2",
        "rule_1__para_3",
        "rule_1__para_4",
        "rule_2",
        "rule_2__para_1",
        "rule_2__para_2",
    ]
    fourth = document.blocks[1].blocks[3]
    assert fourth.text.endswith("as paragraph (2) of Rule 3 allows.")  # a reference
    cut = [w for w in document.warnings if w.code == "run-together-cut"]
    assert len(cut) == 1 and cut[0].line == 3


def test_a_long_paragraph_citing_bracketed_numbers_stays_one(tmp_path):
    sentence = (
        "The clerk keeps the register under section 81 (1) and (2) of the Act, and the "
        "chair may ask for it under paragraph (3) at any meeting. "
    )
    text = f"Register of Interests\n\n{sentence * 12}\n"
    document = convert_text(tmp_path, "register.txt", text)
    assert found(document) == []
    assert not [w for w in document.warnings if w.code == "run-together-cut"]


def test_two_bracketed_numbers_in_a_long_paragraph_are_not_enough(tmp_path):
    filler = "The council meets in public and publishes its papers in advance. " * 14
    text = f"Meetings\n\n{filler}(1) The chair opens it. (2) The clerk records it.\n"
    document = convert_text(tmp_path, "few.txt", text)
    assert found(document) == []


# 4. Clauses placed in their Part: an index entry naming its pages makes no Part.


def test_an_index_entry_naming_its_pages_makes_no_part():
    document = convert_fixture("index_part_page_spans")
    assert [n[2] for n in found(document)] == [
        "part_I",
        "part_I__para_1",
        "part_I__para_2",
        "part_I__para_3",
        "part_II",
        "part_II__para_1",
        "part_II__para_2",
    ]


def test_a_part_heading_naming_pages_in_its_words_stays_a_part():
    text = (
        "Standing Orders\n\nPART 2 - Papers for Meetings\n\n1. Papers run to no more "
        "than 40 pages.\n\n2. The clerk numbers the pages.\n"
    )
    assert_anchors(text, ["part_2", "part_2__para_1", "part_2__para_2"], "papers.txt")


def test_a_sentence_naming_a_paragraph_opens_no_clause(tmp_path):
    text = (
        "Officer Employment Rules\n\n1. Appointments are made by the panel.\n\n"
        "Paragraph 2 shall not apply to the appointment of:\n\n(a) the head of paid "
        "service;\n\n(b) a chief officer.\n\n2. The panel meets as needed.\n"
    )
    document = convert_text(tmp_path, "rules.txt", text)
    numbers = [n[0] for n in found(document)]
    assert "Paragraph 2" not in numbers
    assert [n[2] for n in found(document) if n[0] == "2."] == ["para_2"]


def test_a_paragraph_heading_with_its_title_is_still_read():
    text = (
        "Member Protocol\n\nParagraph 1 - Purpose\n\nPara 1.1 This protocol guides "
        "members.\n\nParagraph 2 - Scope\n\nPara 2.1 It applies to all members.\n"
    )
    assert_anchors(
        text,
        [
            "sec_1",
            "sec_1__para_1-1",
            "sec_2",
            "sec_2__para_2-1",
        ],
        "protocol.txt",
    )


def test_a_report_quoted_whole_keeps_its_numbers_and_its_quote_mark():
    document = convert_fixture("quoted_report_in_minutes")
    assert [n[2] for n in found(document)] == [
        "sec_1-0",
        "sec_1-0__para_1-1",
        "sec_1-0__para_1-2",
        "sec_2-0",
        "sec_2-0__para_2-1",
    ]
    titles = [b.heading.title for b in document.blocks if isinstance(b, Section)]
    assert titles == ["“Purpose of the report", "Recommendation"]  # the quote mark kept


def test_a_provision_quoted_by_a_clause_stays_in_that_clause():
    text = (
        "Amending Scheme\n\n1. In paragraph 4 of the scheme, insert—\n\n"
        "“4.1 The panel may co-opt two members.”\n\n2. This scheme starts on 1 May.\n"
    )
    assert_anchors(text, ["para_1", "para_2"], "amend.txt")


def test_a_tables_column_mark_before_a_number_is_left_out_and_told():
    document = convert_fixture("table_column_marks_before_numbers")
    assert [n[2] for n in found(document)][2:5] == ["sec_1", "sec_1__para_1-1", "sec_1__para_1-2"]
    told = [(w.line, w.code) for w in document.warnings if w.code == "column-mark"]
    assert told == [
        (12, "column-mark"),
        (15, "column-mark"),
        (19, "column-mark"),
        (22, "column-mark"),
    ]


def test_a_bullet_and_a_slash_before_words_stay(tmp_path):
    text = "Notes\n\n● / either answer is accepted\n\n• / 2024 figures follow.\n"
    document = convert_text(tmp_path, "notes.txt", text)
    assert not [w for w in document.warnings if w.code == "column-mark"]


@pytest.mark.build
def test_session_nines_rules_stay_linear(tmp_path):
    def text(n: int) -> str:
        items = "".join(f"{i}.\n\nItem Title {i}\n\nThe item's text {i}.\n\n" for i in range(1, n))
        pairs = "".join(f"{i}. Title {i}\nTeitl {i}\n\n" for i in range(n, 2 * n))
        block = "".join(
            f"Chapter {i} -\nTitle {i}\nContents\nwhat it holds {i}\n" for i in range(n)
        )
        run = "".join(
            f"RULE {i} - Title (1) The text. (2) More. (a) one. (b) two. " for i in range(1, n)
        )
        return (
            f"Staff intranet\nToggle menu\n\nRules\nContents\n{block}\n{items}{pairs}\n"
            f"Transcript\n\nThe file. {run}\n"
        )

    assert_linear(tmp_path, text, n=1_200)
