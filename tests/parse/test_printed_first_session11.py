"""Lead rulings R10 and R11 (session 11) and issue 23 item 3's unlabelled contents list
with page numbers, each on a layout fixture of our own wording (tests/layouts): what the
paragraphs around printed numbers become, which lines are left out and how loudly, and
that a library page of Parts reads as Parts with no warning."""

from __future__ import annotations

from clausemark.model.document import Note, iter_clauses, iter_notes
from real_texts import convert_fixture, convert_text, found_anchors, warning_codes


def _note_ids(document) -> list[tuple[str, str]]:
    return [(note.anchor, note.text[:24]) for note, _ in iter_notes(document.blocks)]


def test_paragraphs_before_printed_resolutions_are_notes_and_1_owns_para_1():
    document = convert_fixture("printed_list_after_decision_notes")
    assert found_anchors(document) == ["para_1", "para_2", "para_3"]
    assert [anchor for anchor, _ in _note_ids(document)] == [
        "intro_1",
        "intro_2",
        "intro_3",
        "intro_4",
    ]
    assert all(isinstance(block, Note) for block in document.blocks[1:5])


def test_a_membership_sentence_over_functions_1_to_7_is_a_note():
    document = convert_fixture("printed_list_after_membership_sentence")
    assert _note_ids(document) == [("intro_1", "Seven councillors, appoi")]
    assert found_anchors(document)[:3] == [
        "para_1",
        "para_1__subpara_a",
        "para_1__subpara_b",
    ]


def test_bullets_of_a_clause_never_take_the_printed_numbers_ids():
    document = convert_fixture("printed_list_under_bullet_in_clause")
    clause = next(b for b in document.blocks if getattr(b, "number", None) == "3.1")
    bullets = [child.anchor for child in clause.children]
    assert bullets == [
        "para_3-1__subpara_1_2",
        "para_3-1__subpara_2_2",
        "para_3-1__subpara_3_2",
        "para_3-1__subpara_4_2",
    ]
    printed = [child.anchor for child in clause.children[-1].children]
    assert printed == [f"para_3-1__subpara_{n}" for n in range(1, 6)]


def test_an_unlabelled_paged_list_cut_short_is_contents_left_out_with_info_lines():
    document = convert_fixture("contents_paged_unlabelled_cut_short")
    left = [(d.line, d.kind, d.level) for d in document.dropped if d.kind.startswith("contents")]
    assert left == [(line, "contents", "info") for line in range(7, 17)]
    assert [d.text for d in document.dropped if d.line == 16] == [
        "10. Review of these regulations 10"
    ]
    assert "contents-guessed" not in warning_codes(document)
    # the amounts under 1.3's lead-in end in numbers too: kept, as 1.3's text
    clause = next(b for b in document.blocks if getattr(b, "number", None) == "1.3")
    assert "Deposit account 60000" in clause.text


def test_a_library_page_of_parts_reads_as_parts_with_no_warning():
    document = convert_fixture("part_links_library_page")
    assert found_anchors(document)[3:8] == [
        "part_4a",
        "part_4b",
        "part_4c",
        "part_5-0",
        "part_5-1",
    ]
    assert not _note_ids(document)
    assert warning_codes(document) == []


# R12 and a title over a numbered heading (titles: site_lines.never_title, lines'
# viewer run, titles._joinable and titled_below)


def test_a_download_widget_over_the_page_is_never_its_title():
    document = convert_fixture("title_download_widget_first")
    assert document.metadata.title == "Grievance Procedure"
    left = [(d.line, d.level) for d in document.dropped]
    assert left == [(line, "info") for line in range(1, 6)]


def test_a_site_section_name_alone_is_a_label_line_over_the_title():
    document = convert_fixture("title_section_name_over_title")
    assert document.metadata.title == "Hiring the Community Hall"
    assert ("label", 1, "Documents") in document.title_lines  # kept, as printed


def test_a_capitals_title_over_a_numbered_heading_is_not_joined_with_it():
    document = convert_fixture("title_capitals_over_numbered_heading")
    assert document.metadata.title == "LONE WORKING"
    assert found_anchors(document)[:2] == ["sec_1", "sec_1__para_1-1"]


def test_a_word_title_over_word_numbered_heading_1_stays_the_title(tmp_path):
    # as the Word reader gives a Title paragraph over a heading numbered by Word: '# ...'
    text = (
        "# LONE WORKING\n\n1 **ABOUT THIS POLICY**\n\n1.1 This policy keeps safe the Clerk.\n\n"
        "1.2 It applies to work done alone.\n\n2 **REVIEW**\n\n2.1 It is reviewed yearly.\n"
    )
    document = convert_text(tmp_path, "lone.md", text)
    assert document.metadata.title == "LONE WORKING"
    assert not [line for line in document.title_lines if line[0] == "label"]


def test_a_bracketed_list_inside_plain_paragraphs_leaves_them_clauses(tmp_path):
    # R10 makes a text numbered only when its (1), (2) run to its end; here paragraphs
    # follow the list, so they stay counted clauses (never the last item's own text),
    # and the printed (1), (2) still come first: para_1, para_2
    text = (
        "Protocol on Member and Officer Relations\n\n"
        "Members and officers work together to serve the people of the borough.\n\n"
        "Members should treat officers with courtesy and respect.\n\n"
        "Officers give advice to members, and members may ask for it:\n\n"
        "(1) on the law and the council's procedures; and\n\n(2) on the council's budget.\n\n"
        "Officers must not be asked to act in a party political way.\n\n"
        "Members should raise any concern about an officer with the Chief Executive.\n\n"
        "A breach of this protocol may be referred to the Standards Committee.\n"
    )
    document = convert_text(tmp_path, "protocol.txt", text)
    assert [clause.anchor for clause, *_ in iter_clauses(document.blocks)] == [
        "para_1_2",
        "para_2_2",
        "para_3",
        "para_1",
        "para_2",
        "para_4",
        "para_5",
        "para_6",
    ]
    assert not list(iter_notes(document.blocks))
