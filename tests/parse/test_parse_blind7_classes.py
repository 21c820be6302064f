"""The failure classes of the seventh blind set of real council texts (issue 23), each on a
layout fixture of our own wording (tests/layouts) and, where a rule has two sides, on a
short text here: the numbers read, their parents and anchors, and the words kept."""

from __future__ import annotations

import pytest
from clausemark.model.document import Document, iter_clauses
from real_texts import (
    anchors,
    assert_linear,
    convert_fixture,
    convert_text,
    found,
    headings,
    notes,
    warning_codes,
)


def anchors_text(document: Document, anchor: str) -> str:
    return next(c.text for c, *_ in iter_clauses(document.blocks) if c.anchor == anchor)


# 3. A numbered list nested inside a numbered item (a web page's <ol> inside an <li>, both
# decimal): the nested items are the item's children, as a browser shows them.

NESTED = [
    ("1.", None, "para_1"),
    ("1.", "1.", "para_1__subpara_1"),
    ("2.", "1.", "para_1__subpara_2"),
    ("3.", "1.", "para_1__subpara_3"),
    ("2.", None, "para_2"),
    ("3.", None, "para_3"),
    ("1.", "3.", "para_3__subpara_1"),
    ("2.", "3.", "para_3__subpara_2"),
    ("4.", None, "para_4"),
]


def test_a_numbered_list_set_in_under_an_item_is_its_children():
    assert found(convert_fixture("web_nested_numbered_list")) == NESTED


def test_an_ordered_list_inside_a_list_item_of_a_web_page_is_its_children(tmp_path):
    page = (
        "<html><head><title>Remit</title></head><body><h1>Allotments Remit</h1>"
        "<p>The sub-committee may decide any matter that would otherwise go to</p><ol>"
        "<li>the full council, with these exceptions:<ol><li>setting the rent;</li>"
        "<li>taking a plot back;</li><li>spending over the yearly sum.</li></ol></li>"
        "<li>the amenities committee, where a delay would harm a tenant.</li>"
        "<li>the clerk, for repairs that cannot wait, and<ol><li>the clerk reports them;"
        "</li><li>no repair costs more than the limit.</li></ol></li>"
        "<li>the chair, only in an emergency.</li></ol></body></html>"
    )
    document = convert_text(tmp_path, "remit.html", page)
    assert found(document) == NESTED


def test_a_number_set_in_with_no_list_open_under_the_clause_stays_the_next_clause(tmp_path):
    text = (
        "Hall Rules\n\n1. The hall opens at nine.\n\n2. The hall closes at ten.\n\n"
        "    3. The keys are kept by the clerk.\n\n4. Smoking is not allowed.\n"
    )
    assert [n[2] for n in found(convert_text(tmp_path, "hall.txt", text))] == [
        "para_1",
        "para_2",
        "para_3",
        "para_4",
    ]


# 4. Bullets (names, items) before the printed numbers: their counted ids never take the
# ids the printed numbers own.


def test_printed_numbers_own_their_ids_over_the_bullets_counted_before_them():
    document = convert_fixture("bullets_before_numbers")
    assert [n[2] for n in found(document)] == ["para_1", "para_2", "para_3", "para_4"]
    ids = [a for a in anchors(document) if a]
    assert len(ids) == len(set(ids))  # every id once
    bullets = [a for a in anchors(document) if a.startswith("para") and a.count("_") == 2]
    assert bullets[:4] == ["para_1_2", "para_2_2", "para_3_2", "para_4_2"]
    assert "duplicate-id" not in warning_codes(document)  # no printed number repeats


def test_bullets_with_no_printed_number_to_meet_keep_their_counted_ids(tmp_path):
    text = "Members\n\n- Councillor One\n- Councillor Two\n\nThe clerk keeps the list.\n"
    document = convert_text(tmp_path, "members.txt", text)
    assert anchors(document) == ["para_1", "para_2", "para_3"]


def test_a_printed_number_repeated_still_warns_and_counts_on(tmp_path):
    text = "Rules\n\n- a bullet first\n\n1. One.\n\n2. Two.\n\n1. One again.\n"
    document = convert_text(tmp_path, "rules.txt", text)
    assert [n[2] for n in found(document)] == ["para_1", "para_2", "para_1_2"]
    assert "para_1_3" in anchors(document)  # the bullet, after the printed repeat
    assert warning_codes(document) == ["duplicate-number"]  # the printed repeat only


# 2. A contents list whose entries end in a worded page number ('Meetings Page 4'), some
# run together on one line, an 'Appendices' line over 'Appendix 1 ... Page 6'.


def test_a_contents_list_with_worded_pages_is_left_out_at_info_when_all_come_back():
    document = convert_fixture("contents_worded_pages")
    numbers = [n[0] for n in found(document)]
    assert numbers[:3] == ["1.0", "1.1", "2.0"] and numbers[-2:] == ["Appendix 1", "Appendix 2"]
    assert len(numbers) == 14  # no entry made into a section or an appendix
    left = {d.line: (d.kind, d.level) for d in document.dropped}
    assert {line: left[line] for line in (5, 7, 15, 19)} == {
        line: ("contents", "info") for line in (5, 7, 15, 19)
    }
    assert 21 not in left  # the first heading, '1.0 INTRODUCTION', stays
    assert warning_codes(document) == []


WORDED_LIST_CUT = (
    "Fernbrook Community Council\n\nCONTENTS\n\n"
    "1.0 Introduction Page 2 2.0 Purposes Page 2 3.0 Membership Page 3\n\n"
    "4.0 Elections Page 3\n\n5.0 Meetings Page 4\n\nAppendix 1 Map of the Area Page 6\n\n"
    "Appendix 2 Model Constitution Page 7\n\nAppendix 3 Boundary Commi\n\n"
    "Maps\n\nThe map of the area is to be inserted.\n"
)


def test_a_worded_page_list_that_never_comes_back_is_left_out_with_a_warning(tmp_path):
    document = convert_text(tmp_path, "cut.txt", WORDED_LIST_CUT)
    assert found(document) == []  # no section, no appendix made from an entry
    assert warning_codes(document).count("dropped") == 1
    message = next(w.message for w in document.warnings if w.code == "dropped")
    assert "lines 3-17" in message
    kept = " ".join(n.text for n in document.blocks if hasattr(n, "text"))
    assert "The map of the area is to be inserted." in kept


def test_a_sentence_that_names_a_page_stays_text(tmp_path):
    text = (
        "Hall Rules\n\n1. Bookings\n\n1.1 The booking form is on Page 4\n\n"
        "1.2 The fees are on Page 5\n\n2. Keys\n\n2.1 Keys are kept by the clerk.\n"
    )
    assert [n[0] for n in found(convert_text(tmp_path, "hall.txt", text))] == [
        "1.",
        "1.1",
        "1.2",
        "2.",
        "2.1",
    ]


def test_worded_parts_split_a_row_after_each_page_never_a_page_footer():
    from clausemark.parse.pages import worded_parts

    assert worded_parts("1.0 Introduction Page 3 2.0 Purposes Page 3 3.0 Members Page 4") == [
        "1.0 Introduction Page 3",
        "2.0 Purposes Page 3",
        "3.0 Members Page 4",
    ]
    assert worded_parts("Funding Page 11 Page 2 of 18 Appendix 1") == [
        "Funding Page 11 Page 2 of 18 Appendix 1"
    ]
    assert worded_parts("Voting Page 9 Quorum Page 3") == ["Voting Page 9 Quorum Page 3"]


# 1. Clause numbers run into the middle of lines (a PDF or aggregator copy that lost its
# line breaks): the numbers the document's numbering needs next, never a quantity, a
# date, a sum or a reference.


def test_numbers_run_into_lines_are_clauses_and_the_traps_stay_words():
    document = convert_fixture("run_together_numbers")
    assert [n[0] for n in found(document)] == [
        "1.", "2.", "2.1", "2.2", "2.3", "3.", "3.1", "3.2", "4.", "4.1", "4.2", "4.3",
        "5.", "5.1", "5.2",
    ]  # fmt: skip
    texts = {c.anchor: c.text for c, *_ in iter_clauses(document.blocks)}
    assert texts["para_1"].endswith("and paragraph 5.1 of those orders applies to committees too.")
    assert "at least 3. The chair may call" in texts["sec_2__para_2-1"]
    assert texts["sec_2__para_2-2"].endswith("no earlier than 7.30 pm.")
    assert "section 3. The Mayor" in texts["sec_3__para_3-1"]
    assert "The fee of £5. Each member" in texts["sec_3__para_3-2"]


def test_a_number_cited_inside_a_line_before_its_own_line_stays_in_the_sentence(tmp_path):
    text = (
        "Rules\n\n1. The clerk keeps the keys. 2. The council may change this.\n\n"
        "2. The hall closes at ten.\n\n3. Smoking is not allowed.\n"
    )
    document = convert_text(tmp_path, "rules.txt", text)
    assert [n[2] for n in found(document)] == ["para_1", "para_2", "para_3"]
    assert "2. The council may change this." in anchors_text(document, "para_1")


def test_a_number_after_a_lower_case_word_or_out_of_turn_stays_in_the_sentence(tmp_path):
    text = (
        "Rules\n\n1. Meetings are held monthly, with at least 2. Members may attend by video "
        "where the chair agrees. 4. The chair may adjourn.\n\n2. The clerk takes minutes.\n"
    )
    document = convert_text(tmp_path, "rules.txt", text)
    assert [n[0] for n in found(document)] == ["1.", "2."]


def test_comes_next_reads_the_numbering_a_document_needs_next():
    from clausemark.parse.run_together import comes_next

    assert comes_next(None, (1,)) and comes_next(None, (1, 1))
    assert not comes_next(None, (2,))
    assert comes_next((2, 2), (2, 3)) and comes_next((2, 2), (3,)) and comes_next((2, 2), (3, 1))
    assert comes_next((2,), (2, 1)) and comes_next((2, 2), (2, 2, 1))
    assert not comes_next((2, 2), (2, 4)) and not comes_next((2, 2), (5,))
    assert not comes_next((2, 2), (3, 2))


# 5. A list that starts again at 1 after a label line ('Delegations:') is a list of its
# own; after a clause whose own words end in a colon, or a sentence leading in, it is
# that clause's. The label line is a lead-in, never a heading (lead ruling R2, session 10).


def test_a_label_line_over_a_list_starting_again_leads_in_a_list_of_its_own():
    document = convert_fixture("label_over_restarted_list")
    assert [(n[1], n[2]) for n in found(document)] == [
        (None, "para_1"),
        (None, "para_2"),
        (None, "para_3"),
        (None, "para_1_2"),
        (None, "para_2_2"),
        (None, "para_1_3"),
        ("1.", "para_1_3__subpara_1"),
        ("1.", "para_1_3__subpara_2"),
        (None, "para_2_3"),
    ]
    assert headings(document) == []  # R2: a line ending in a colon heads nothing
    assert {"Delegations:", "Membership:"} <= set(notes(document))  # kept where printed
    assert "duplicate-id" not in warning_codes(document)  # printed so: no mistake


def test_a_sentence_leading_into_a_list_that_starts_again_keeps_its_items(tmp_path):
    text = (
        "Meetings\n\n1. The council meets monthly.\n\n2. The annual meeting is in May.\n\n"
        "The Annual Meeting will:\n\n1. elect the chair;\n\n2. appoint the committees.\n"
    )
    document = convert_text(tmp_path, "meetings.txt", text)
    assert [(n[1], n[2]) for n in found(document)] == [
        (None, "para_1"),
        (None, "para_2"),
        ("2.", "para_2__subpara_1"),
        ("2.", "para_2__subpara_2"),
    ]


def test_a_label_after_a_clause_left_open_is_no_heading(tmp_path):
    text = (
        "Meetings\n\n1. The council meets monthly.\n\n2. The committee appoints, from\n\n"
        "Its Members:\n\n1. a chair;\n\n2. a vice-chair.\n"
    )
    document = convert_text(tmp_path, "meetings.txt", text)
    assert headings(document) == []


def test_a_list_started_again_at_the_section_headings_margin_is_at_their_level():
    document = convert_fixture("restart_at_heading_margin")
    assert [(n[0], n[1], n[2]) for n in found(document)][5:] == [
        ("(b)", "2.", "sec_2__para_b"),
        ("1.", None, "para_1"),
        ("2.", None, "sec_2_2"),
        ("1.", None, "sec_1_2"),
    ]


def test_a_list_started_again_at_that_margin_after_a_lead_in_is_its_clauses(tmp_path):
    text = (
        "Orders\n\n  1. Meetings\n\n(a) Meetings are held monthly.\n\n"
        "(b) Other meetings are held as follows:\n\n"
        "  1. when the chair calls one for urgent business of the council;\n\n"
        "  2. when two members ask the clerk in writing for one.\n"
    )
    document = convert_text(tmp_path, "orders.txt", text)
    assert [n[1] for n in found(document)] == [None, "1.", "1.", "(b)", "(b)"]


# A number glued to its heading alone on its line ('1Meetings'): the heading, in turn.


def test_a_heading_glued_to_its_number_opens_its_section_when_in_turn():
    document = convert_fixture("glued_heading_numbers")
    assert [n[2] for n in found(document) if n[1] is None] == ["sec_1", "sec_2", "sec_3", "sec_4"]
    assert "3Rivers Trust pays" in anchors_text(document, "sec_3__para_2")
    assert warning_codes(document) == []


def test_a_glued_number_out_of_turn_stays_words(tmp_path):
    text = "Orders\n\n1Meetings\n\n1. Meetings are monthly.\n\n5Star Hotels\n\n2. The end.\n"
    document = convert_text(tmp_path, "orders.txt", text)
    assert "5" not in [n[0] for n in found(document)]


def test_numbers_run_together_past_the_limit_stay_words_with_a_warning(tmp_path, monkeypatch):
    from dataclasses import replace

    from clausemark.support.limits import LIMITS

    limit = replace(LIMITS["run_together_numbers"], most=3)
    monkeypatch.setitem(LIMITS, "run_together_numbers", limit)
    run = " ".join(f"{i}. Rule {i} applies." for i in range(1, 7))
    document = convert_text(tmp_path, "rules.txt", f"Rules\n\n{run}\n")
    assert [n[0] for n in found(document)] == ["1.", "2.", "3.", "4."]
    assert (
        anchors_text(document, "para_4") == "Rule 4 applies. 5. Rule 5 applies. 6. Rule 6 applies."
    )
    assert warning_codes(document) == ["run-together-cut", "long-paragraph"]  # 2., 3., 4. cut


@pytest.mark.build
def test_the_seventh_sets_rules_stay_linear(tmp_path):
    def text(n: int) -> str:
        row = " ".join(f"{i}.0 Heading {i} Page {i}" for i in range(1, n + 1))
        run = " ".join(f"{i}. Rule {i} a One at 7.30 pm. b Two. c Three." for i in range(1, n + 1))
        bullets = "".join(f"- Councillor {i}\n" for i in range(n))
        nested = "".join(f"    {i}. an exception {i};\n\n" for i in range(1, n + 1))
        return (
            f"Rules\n\nCONTENTS\n\n{row}\n\n{bullets}\n{run}\n\n"
            f"{n + 1}. The council, except:\n\n{nested}{n + 2}. The clerk.\n"
        )

    assert_linear(tmp_path, text)


def test_bare_letters_run_into_a_line_are_items_and_a_lone_a_stays_a_word():
    document = convert_fixture("run_together_letters")
    assert [(n[0], n[2]) for n in found(document)][:6] == [
        ("1.", "sec_1"),
        ("a", "sec_1__para_a"),
        ("b", "sec_1__para_b"),
        ("c", "sec_1__para_c"),
        ("d", "sec_1__para_d"),
        ("e", "sec_1__para_e"),
    ]
    assert anchors_text(document, "sec_1__para_c").startswith(
        "In counting the clear days, a Sunday, a day of the Christmas break"
    )


def test_letters_in_a_long_paragraph_that_do_not_run_a_b_c_stay_words(tmp_path):
    sentence = "The clerk writes to a Member and to a Councillor about the matter. "
    text = f"Notes\n\n1. Letters\n\n{sentence * 6}b The end.\n"
    document = convert_text(tmp_path, "notes.txt", text)
    assert [n[0] for n in found(document)] == ["1."]


def test_numbers_run_into_paragraphs_of_a_copy_lead_on_from_one_to_the_next(tmp_path):
    text = (
        "Committees\n\nMEMBERSHIP OF COMMITTEES Introduction 1. The council may give its\n\n"
        "functions to the committees below. Standing Committees 2. The council has set up\n"
        "these committees:\n\n3. Each committee has seven members.\n\n"
        "4. Each committee elects its chair.\n"
    )
    document = convert_text(tmp_path, "committees.txt", text)
    assert [n[0] for n in found(document)] == ["1.", "2.", "3.", "4."]


def test_a_number_run_into_a_line_before_a_list_starting_again_is_a_clause(tmp_path):
    text = (
        "Standing Orders\n\n  1. Meetings\n\n(a) Meetings are held monthly.\n\n"
        "(b) Meetings start at 7.30 pm. 2. The Annual Meeting\n\n"
        "(a) The annual meeting is held in May.\n\n"
        "  1. Other meetings are held when the chair calls them.\n"
    )
    document = convert_text(tmp_path, "orders.txt", text)
    assert [n[0] for n in found(document)] == ["1.", "(a)", "(b)", "2.", "(a)", "1."]


def test_a_decision_word_over_its_resolutions_leads_into_the_item_above(tmp_path):
    # minutes: 'RESOLVED:' (a participle saying what was done, not a label naming a
    # thing) over '1.', '2.' are the resolutions of item 4.2, never a heading of their own
    text = (
        "Minutes\n\n4. Budget\n\n4.1 The clerk presented the report.\n\n"
        "4.2 The council debated the precept.\n\nRESOLVED:\n\n"
        "1. That the precept be set.\n\n2. That the clerk informs the district.\n"
    )
    document = convert_text(tmp_path, "minutes.txt", text)
    assert headings(document) == ["4. Budget"]
    assert [(n[1], n[2]) for n in found(document)][-2:] == [
        ("4.2", "sec_4__para_4-2__subpara_1"),
        ("4.2", "sec_4__para_4-2__subpara_2"),
    ]
