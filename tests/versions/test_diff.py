"""Clause matching across versions and the word-level redline."""

from __future__ import annotations

import json
import re

from clausemark.model.document import ClauseRecord, Metadata
from clausemark.numbering.anchors import clean_number, make_id
from clausemark.versions.diff import (
    ADDED,
    AMENDED,
    MOVED,
    REMOVED,
    RENUMBERED,
    UNCHANGED,
    anchor_moves,
    diff_clauses,
    diff_to_json,
    presentation_form,
    redline,
    redline_html,
)
from hypothesis import given
from hypothesis import strategies as st

ELEMENTS = ("para", "subpara", "item")


def build(
    rows: list[tuple[str | None, str, int]], document: str = "protocol"
) -> list[ClauseRecord]:
    """Records from (number, text, depth) rows, anchored the way anchors.py anchors them."""
    records = []
    open_parents: list[str] = []
    counters: dict[tuple[str, int], int] = {}
    for number, text, depth in rows:
        del open_parents[depth:]
        parent = open_parents[-1] if open_parents else None
        if depth == 0 and number and "." in number.strip("."):
            parent = make_id(None, "sec", clean_number(number.split(".")[0]))
        own = clean_number(number) if number else ""
        if not own:
            key = (parent or "", depth)
            counters[key] = counters.get(key, 0) + 1
            own = str(counters[key])
        anchor = make_id(parent, ELEMENTS[min(depth, 2)], own)
        clause_parent = open_parents[-1] if open_parents else None
        records.append(ClauseRecord(document, anchor, number, clause_parent, text, None, depth))
        open_parents.append(anchor)
    return records


ROLE_OF_OFFICERS = [
    "The primary role of Council officers is to advise, inform and support all elected "
    "Members and to implement the lawfully agreed policies of the Council.",
    "Officers are responsible for day-to-day managerial and operational decisions within "
    "the Council.",
    "In performing their role, officers will act professionally, impartially and with "
    "political neutrality.",
    "Officers should not be influenced or pressured to make comments which are contrary "
    "to their professional judgement.",
    "Certain statutory officers have specific responsibilities placed on them by law which "
    "go beyond their obligations as employees.",
]
INSERTED = (
    "Officers will keep a written record of any advice given to a Member on a matter "
    "that is likely to come before a committee."
)


def section_3(texts: list[str]) -> list[ClauseRecord]:
    return build([(f"3.{k}", text, 0) for k, text in enumerate(texts, start=1)])


def by_new_anchor(diff):
    return {c.new.anchor: c for c in diff.changes if c.new}


def test_identical_versions_are_all_unchanged():
    records = section_3(ROLE_OF_OFFICERS)
    diff = diff_clauses(records, records)
    assert [c.status for c in diff.changes] == [UNCHANGED] * 5
    assert diff.counts[UNCHANGED] == 5 and diff.counts[ADDED] == 0
    assert all(c.similarity == 1.0 and not c.presentation_only for c in diff.changes)


def test_insertion_at_3_2_adds_one_and_renumbers_the_rest_without_amending():
    old = section_3(ROLE_OF_OFFICERS)
    new = section_3([ROLE_OF_OFFICERS[0], INSERTED, *ROLE_OF_OFFICERS[1:]])
    diff = diff_clauses(old, new)

    assert [(c.status, c.old_anchor, c.new_anchor) for c in diff.changes] == [
        (UNCHANGED, "sec_3__para_3-1", "sec_3__para_3-1"),
        (ADDED, None, "sec_3__para_3-2"),
        (RENUMBERED, "sec_3__para_3-2", "sec_3__para_3-3"),
        (RENUMBERED, "sec_3__para_3-3", "sec_3__para_3-4"),
        (RENUMBERED, "sec_3__para_3-4", "sec_3__para_3-5"),
        (RENUMBERED, "sec_3__para_3-5", "sec_3__para_3-6"),
    ]
    assert not any(c.amended for c in diff.changes)
    assert diff.counts == {
        UNCHANGED: 1,
        AMENDED: 0,
        RENUMBERED: 4,
        MOVED: 0,
        ADDED: 1,
        REMOVED: 0,
    }
    assert anchor_moves(diff)["sec_3__para_3-2"] == "sec_3__para_3-3"


def test_deletion_is_one_removed_clause_placed_where_it_stood():
    old = section_3(ROLE_OF_OFFICERS)
    new = section_3(ROLE_OF_OFFICERS[:2] + ROLE_OF_OFFICERS[3:])
    diff = diff_clauses(old, new)

    assert [c.status for c in diff.changes] == [
        UNCHANGED,
        UNCHANGED,
        REMOVED,
        RENUMBERED,
        RENUMBERED,
    ]
    removed = diff.changes[2]
    assert removed.old.number == "3.3" and removed.new is None
    assert removed.old.text.startswith("In performing their role")
    moves = anchor_moves(diff)
    assert moves["sec_3__para_3-3"] is None
    assert moves["sec_3__para_3-4"] == "sec_3__para_3-3"
    assert moves["sec_3__para_3-5"] == "sec_3__para_3-4"


def test_a_changed_word_is_an_amendment_and_the_redline_shows_it():
    amended_text = ROLE_OF_OFFICERS[2].replace("professionally", "courteously")
    old = section_3(ROLE_OF_OFFICERS)
    new = section_3([*ROLE_OF_OFFICERS[:2], amended_text, *ROLE_OF_OFFICERS[3:]])
    diff = diff_clauses(old, new)

    change = by_new_anchor(diff)["sec_3__para_3-3"]
    assert change.status == AMENDED and change.amended and not change.presentation_only
    assert change.old.anchor == "sec_3__para_3-3"
    assert 0.8 < change.similarity < 1.0
    assert diff.counts[AMENDED] == 1 and diff.counts[UNCHANGED] == 4
    edits = [(op, text) for op, text in redline(change.old.text, change.new.text) if op != "equal"]
    assert edits == [("delete", "professionally"), ("insert", "courteously")]


def test_inserted_section_renumbers_every_later_clause_and_amends_none():
    old = build(
        [
            ("2.1", "Members are the ultimate policy-makers of the Council.", 0),
            ("3.1", ROLE_OF_OFFICERS[0], 0),
            ("3.2", ROLE_OF_OFFICERS[1], 0),
        ]
    )
    new = build(
        [
            ("2.1", "Members are the ultimate policy-makers of the Council.", 0),
            ("3.1", "The Mayor is the first citizen and chairs meetings of full Council.", 0),
            ("4.1", ROLE_OF_OFFICERS[0], 0),
            ("4.2", ROLE_OF_OFFICERS[1], 0),
        ]
    )
    diff = diff_clauses(old, new)

    moves = anchor_moves(diff)
    assert moves == {
        "sec_2__para_2-1": "sec_2__para_2-1",
        "sec_3__para_3-1": "sec_4__para_4-1",
        "sec_3__para_3-2": "sec_4__para_4-2",
    }
    assert diff.counts[RENUMBERED] == 2 and diff.counts[ADDED] == 1
    assert not any(c.amended for c in diff.changes)
    renumbered = by_new_anchor(diff)["sec_4__para_4-1"]
    assert (renumbered.old.number, renumbered.new.number) == ("3.1", "4.1")
    assert renumbered.renumbered


def test_a_moved_clause_is_flagged_and_the_others_keep_their_order():
    old = section_3(ROLE_OF_OFFICERS)
    reordered = [ROLE_OF_OFFICERS[0], *ROLE_OF_OFFICERS[2:], ROLE_OF_OFFICERS[1]]
    diff = diff_clauses(old, section_3(reordered))

    moved = [c for c in diff.changes if c.status == MOVED]
    assert len(moved) == 1
    assert (moved[0].old.number, moved[0].new.number) == ("3.2", "3.5")
    assert moved[0].moved and moved[0].renumbered and not moved[0].amended
    assert diff.counts == {
        UNCHANGED: 1,
        AMENDED: 0,
        RENUMBERED: 3,
        MOVED: 1,
        ADDED: 0,
        REMOVED: 0,
    }


def test_moved_and_amended_clause_is_still_matched():
    old = section_3(ROLE_OF_OFFICERS)
    amended = ROLE_OF_OFFICERS[1].replace("day-to-day", "routine")
    diff = diff_clauses(old, section_3([ROLE_OF_OFFICERS[0], *ROLE_OF_OFFICERS[2:], amended]))

    moved = [c for c in diff.changes if c.status == MOVED]
    assert len(moved) == 1 and moved[0].amended
    assert moved[0].old.anchor == "sec_3__para_3-2" and moved[0].new.anchor == "sec_3__para_3-5"
    assert diff.counts[ADDED] == diff.counts[REMOVED] == 0


def test_presentation_only_edits_are_not_amendments():
    old = build(
        [
            ("3.10", "The Head of Paid Service (often referred to as 'the Chief Executive').", 0),
            ("a)", "Interfere with or obstruct the officer - in exercising those duties ;", 1),
            ("b)", 'Victimise any officer who is discharging a "statutory" office.', 1),
            ("3.11", "Officers   should be aware of the Council\u2019s Code of Conduct", 0),
        ]
    )
    new = build(
        [
            (
                "3.10",
                "The Head of Paid Service ( often referred to as \u2018the Chief Executive\u2019)",
                0,
            ),
            ("(a)", "Interfere with or obstruct the officer\u2014in exercising those duties;", 1),
            ("(b)", "Victimise any officer who is discharging a \u201cstatutory\u201d office.", 1),
            ("3.11", "Officers should be aware of the Council's Code of Conduct.", 0),
        ]
    )
    diff = diff_clauses(old, new)

    assert [c.status for c in diff.changes] == [UNCHANGED] * 4
    assert all(c.presentation_only and not c.amended for c in diff.changes)
    assert all(c.similarity == 1.0 for c in diff.changes)
    assert diff.counts[AMENDED] == 0
    assert anchor_moves(diff)["sec_3__para_3-10__subpara_a"] == "sec_3__para_3-10__subpara_a"


def test_case_of_the_number_is_presentation_but_the_anchor_move_is_recorded():
    old = build([("4.4", "Officers should:", 0), ("A", "respect the role of Members;", 1)])
    new = build([("4.4", "Officers should:", 0), ("a", "respect the role of Members;", 1)])
    diff = diff_clauses(old, new)

    item = diff.changes[1]
    assert item.status == UNCHANGED and item.presentation_only and not item.renumbered
    assert anchor_moves(diff) == {
        "sec_4__para_4-4": "sec_4__para_4-4",
        "sec_4__para_4-4__subpara_A": "sec_4__para_4-4__subpara_a",
    }


def test_presentation_form_keeps_real_edits_apart():
    assert presentation_form("the Council\u2019s \u201cneed to know\u201d .") == (
        "the Council's 'need to know'"
    )
    assert presentation_form("officers \u2013 the Head of Paid Service") == (
        presentation_form("officers-the Head of Paid Service")
    )
    assert presentation_form("see b) above") == presentation_form("see (b) above")
    assert presentation_form("the council") != presentation_form("the Council")
    assert presentation_form("must not") != presentation_form("must")


UNNUMBERED = [
    "The objectives of this protocol are to guide members and officers of the council in "
    "their relations with one another.",
    "The council has adopted codes of conduct for both employees and members.",
    "This protocol should be read in conjunction with the member and employee codes of "
    "conduct and the council's constitution.",
    "This protocol is to a large extent a written statement of current practice and convention.",
    "Given the variety and complexity of relations between members and officers, this "
    "protocol does not seek to be comprehensive.",
]


def test_unnumbered_insertion_keeps_every_old_paragraph_on_its_own_text():
    old = build([(None, text, 0) for text in UNNUMBERED])
    new_texts = [
        *UNNUMBERED[:2],
        "Members and officers should treat each other with respect.",
        *UNNUMBERED[2:],
    ]
    new = build([(None, text, 0) for text in new_texts])
    diff = diff_clauses(old, new)

    moves = anchor_moves(diff)
    new_text_at = {record.anchor: record.text for record in new}
    for record in old:
        assert new_text_at[moves[record.anchor]] == record.text
    assert moves == {
        "para_1": "para_1",
        "para_2": "para_2",
        "para_3": "para_4",
        "para_4": "para_5",
        "para_5": "para_6",
    }
    assert diff.counts[ADDED] == 1 and diff.counts[RENUMBERED] == 3
    assert diff.counts[AMENDED] == diff.counts[MOVED] == diff.counts[REMOVED] == 0


def test_unnumbered_amended_paragraph_stays_matched_in_place():
    old = build([(None, text, 0) for text in UNNUMBERED])
    reworded = "This protocol is largely a written statement of current practice."
    new = build([(None, text, 0) for text in [*UNNUMBERED[:3], reworded, UNNUMBERED[4]]])
    diff = diff_clauses(old, new)

    change = by_new_anchor(diff)["para_4"]
    assert change.status == AMENDED and change.old.anchor == "para_4"
    assert diff.counts[ADDED] == diff.counts[REMOVED] == 0


COUNCILLORS_EXPECT = [
    "A commitment to the Council as a whole, and not to any group or individual Councillor.",
    "A working partnership.",
    "An understanding of and support for respective roles, workloads and pressures.",
    "Respect, dignity and courtesy.",
    "Integrity, mutual support and appropriate confidentiality.",
]
OFFICERS_EXPECT = [
    "A working partnership.",
    "An understanding of and support for respective roles, workloads and pressures.",
    "Respect, dignity and courtesy.",
    "Integrity, mutual support and appropriate confidentiality.",
    "Not to be subjected to bullying or harassment or to be put under undue pressure.",
]


def expectations(councillors: list[str], officers: list[str]) -> list[ClauseRecord]:
    return build(
        [
            ("3.1", "Councillors can expect from Officers:", 0),
            *[(None, text, 1) for text in councillors],
            ("3.2", "Officers can expect from Councillors:", 0),
            *[(None, text, 1) for text in officers],
        ]
    )


def test_repeated_sub_clauses_match_within_their_own_parent():
    old = expectations(COUNCILLORS_EXPECT, OFFICERS_EXPECT)
    officers = [*OFFICERS_EXPECT]
    officers[2] = "Respect, dignity, fairness and courtesy."
    del officers[0]
    new = expectations(COUNCILLORS_EXPECT, officers)
    diff = diff_clauses(old, new)

    for change in diff.changes:
        if change.old and change.new and change.new.depth == 1:
            assert change.old.parent == change.new.parent
    removed = [c for c in diff.changes if c.status == REMOVED]
    assert [c.old.anchor for c in removed] == ["sec_3__para_3-2__subpara_1"]
    amended = [c for c in diff.changes if c.amended]
    assert [(c.old.anchor, c.new.anchor) for c in amended] == [
        ("sec_3__para_3-2__subpara_3", "sec_3__para_3-2__subpara_2")
    ]
    assert diff.counts[ADDED] == 0 and diff.counts[MOVED] == 0


def test_sub_clauses_follow_their_renumbered_parent():
    old = build(
        [
            ("3.8", "In turn, officers can expect elected Members:", 0),
            ("a)", "To act within the policies established by the Council;", 1),
            ("b)", "To treat them fairly and with respect, dignity and courtesy;", 1),
        ]
    )
    new = build(
        [
            ("3.8", "Elected Members should attend training on this protocol.", 0),
            ("3.9", "In turn, officers can expect elected Members:", 0),
            ("a)", "To act within the policies established by the Council;", 1),
            ("b)", "To treat them fairly and with respect, dignity and courtesy;", 1),
        ]
    )
    moves = anchor_moves(diff_clauses(old, new))
    assert moves == {
        "sec_3__para_3-8": "sec_3__para_3-9",
        "sec_3__para_3-8__subpara_a": "sec_3__para_3-9__subpara_a",
        "sec_3__para_3-8__subpara_b": "sec_3__para_3-9__subpara_b",
    }


def test_where_numbering_holds_a_reworded_clause_is_amended_not_replaced():
    old = section_3(ROLE_OF_OFFICERS)
    reworded = (
        "Officers must not be pressured by any Member to give views which go against "
        "their own professional advice."
    )
    diff = diff_clauses(old, section_3([*ROLE_OF_OFFICERS[:3], reworded, ROLE_OF_OFFICERS[4]]))

    change = by_new_anchor(diff)["sec_3__para_3-4"]
    assert change.status == AMENDED and change.old.number == "3.4"
    assert change.similarity < 0.5
    assert diff.counts[ADDED] == diff.counts[REMOVED] == 0


def test_a_clause_sharing_only_its_number_is_a_removal_and_an_addition():
    old = section_3(ROLE_OF_OFFICERS)
    unrelated = "Any request for a briefing should be made through the Chief Executive."
    diff = diff_clauses(old, section_3([*ROLE_OF_OFFICERS[:3], unrelated, ROLE_OF_OFFICERS[4]]))

    statuses = {(c.status, (c.old or c.new).number) for c in diff.changes}
    assert (REMOVED, "3.4") in statuses and (ADDED, "3.4") in statuses
    assert AMENDED not in {c.status for c in diff.changes}
    assert diff.counts[ADDED] == diff.counts[REMOVED] == 1


def test_unrelated_clause_elsewhere_is_not_forced_into_a_match():
    old = section_3(ROLE_OF_OFFICERS)
    new = section_3(ROLE_OF_OFFICERS[1:] + [INSERTED])
    diff = diff_clauses(old, new)
    assert diff.counts[ADDED] == 1 and diff.counts[REMOVED] == 1
    assert diff.changes[0].status == REMOVED and diff.changes[-1].status == ADDED


def test_metadata_changes_are_reported_by_field():
    old_meta = {
        "title": "Member/Officer Relations Protocol",
        "version": "2025",
        "adopted": "2025-03-24",
    }
    new_meta = {
        "title": "Member/Officer Relations Protocol",
        "version": "2026",
        "adopted": "2026-03-23",
        "next_review": "2027-03",
    }
    diff = diff_clauses([], [], old_meta, new_meta)
    assert diff.metadata_changes == {
        "adopted": ("2025-03-24", "2026-03-23"),
        "next_review": (None, "2027-03"),
        "version": ("2025", "2026"),
    }
    assert diff_clauses([], [], None, new_meta).metadata_changes == {}


def test_metadata_objects_compare_field_by_field():
    old_meta = Metadata(title="Member/Officer Relations Protocol", version="2025")
    new_meta = Metadata(title="Member/Officer Relations Protocol", version="2026", status="draft")
    assert diff_clauses([], [], old_meta, new_meta).metadata_changes == {
        "status": ("adopted", "draft"),
        "version": ("2025", "2026"),
    }


def test_json_export_names_both_sides_of_every_clause():
    old = section_3(ROLE_OF_OFFICERS)
    new = section_3([ROLE_OF_OFFICERS[0], INSERTED, *ROLE_OF_OFFICERS[1:]])
    data = diff_to_json(diff_clauses(old, new, {"version": "2025"}, {"version": "2026"}))

    assert json.loads(json.dumps(data)) == data
    assert data["format"] == "clausemark-diff" and data["version"] == 1
    assert data["metadata_changes"] == {"version": {"old": "2025", "new": "2026"}}
    assert data["counts"][ADDED] == 1
    assert data["clauses"][1] == {
        "status": ADDED,
        "old_number": None,
        "old_anchor": None,
        "new_number": "3.2",
        "new_anchor": "sec_3__para_3-2",
        "amended": False,
        "renumbered": False,
        "moved": False,
        "presentation_only": False,
        "similarity": 0.0,
    }
    third = data["clauses"][2]
    assert (third["old_number"], third["new_number"], third["status"]) == ("3.2", "3.3", RENUMBERED)
    assert third["old_anchor"] == "sec_3__para_3-2" and third["renumbered"] is True


def test_redline_groups_a_reworded_phrase_into_one_deletion_and_one_insertion():
    edits = redline(
        "Members should contact the Head of Paid Service.",
        "Members should contact the Monitoring Officer first.",
    )
    assert edits == [
        ("equal", "Members should contact the "),
        ("delete", "Head of Paid Service"),
        ("insert", "Monitoring Officer first"),
        ("equal", "."),
    ]


def test_redline_keeps_a_changed_clause_number_time_or_sum_whole():
    # Split at the dot, "paragraph 2.3" -> "2.4" showed 2.<del>3</del><ins>4</ins>, read as
    # "2.34", and "7.00pm" -> "7.30pm" as "7.<del>00pm</del><ins>30pm</ins>".
    assert redline("(see paragraph 2.3 on limits).", "(see paragraph 2.4 on limits).") == [
        ("equal", "(see paragraph "),
        ("delete", "2.3"),
        ("insert", "2.4"),
        ("equal", " on limits)."),
    ]
    assert redline("Ordinary meeting | 7.00pm", "Ordinary meeting | 7.30pm") == [
        ("equal", "Ordinary meeting | "),
        ("delete", "7.00pm"),
        ("insert", "7.30pm"),
    ]
    assert redline("a fee of 1,000 at 10:30.", "a fee of 1,500 at 11:30.") == [
        ("equal", "a fee of "),
        ("delete", "1,000"),
        ("insert", "1,500"),
        ("equal", " at "),
        ("delete", "10:30"),
        ("insert", "11:30"),
        ("equal", "."),
    ]


def test_redline_html_escapes_text_and_labels_edits_for_screen_readers():
    markup = redline_html(
        'Officers & Members must use the "<b>" tag.',
        "Officers & Members must use the <i> tag.",
    )
    assert markup == (
        "Officers &amp; Members must use the "
        '<del><span class="cm-sr">deleted: </span>&quot;&lt;b&gt;&quot;</del>'
        '<ins><span class="cm-sr">inserted: </span>&lt;i&gt;</ins>'
        " tag."
    )
    assert "<b>" not in markup


def test_redline_of_identical_text_has_no_markup():
    text = "It is important that elected Members of the Council respect officers."
    assert redline(text, text) == [("equal", text)]
    assert redline_html(text, text) == text
    assert redline("", "") == []


VOCABULARY = """the council members officers shall should may not advise respect protocol
monitoring officer chief executive code conduct group leader committee meeting written
request information confidential public"""
WORDS = st.sampled_from(VOCABULARY.split())
TEXTS = st.lists(WORDS, min_size=1, max_size=12).map(" ".join)


def unnumbered(texts: list[str]) -> list[ClauseRecord]:
    return build([(None, text, 0) for text in texts])


@given(st.lists(TEXTS, min_size=1, max_size=25))
def test_a_version_diffed_against_itself_is_all_unchanged(texts):
    records = unnumbered(texts)
    diff = diff_clauses(records, records)
    assert [c.status for c in diff.changes] == [UNCHANGED] * len(records)
    assert [c.new for c in diff.changes] == records


@given(st.lists(TEXTS, min_size=1, max_size=25), st.data())
def test_removing_one_clause_gives_exactly_one_removed(texts, data):
    records = unnumbered(texts)
    gone = data.draw(st.integers(0, len(records) - 1))
    kept = records[:gone] + records[gone + 1 :]
    diff = diff_clauses(records, kept)
    assert diff.counts[REMOVED] == 1
    assert diff.counts[ADDED] == diff.counts[MOVED] == 0
    assert not any(c.amended for c in diff.changes)
    assert len(diff.changes) == len(records)


SPACED_TEXTS = st.lists(
    st.tuples(WORDS, st.sampled_from([" ", "  ", "\n", ", ", " - "])), min_size=1, max_size=12
).map(lambda parts: "".join(word + gap for word, gap in parts))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@given(SPACED_TEXTS, SPACED_TEXTS)
def test_redline_rebuilds_both_texts(old, new):
    edits = redline(old, new)
    assert "".join(text for op, text in edits if op != "delete") == new
    assert squeeze("".join(text for op, text in edits if op != "insert")) == squeeze(old)
    assert all(text for _, text in edits)


def test_redline_ignores_a_change_of_spacing_alone():
    assert redline("Members  should\n attend.", "Members should attend.") == [
        ("equal", "Members should attend.")
    ]
