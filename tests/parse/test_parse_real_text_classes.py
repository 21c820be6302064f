"""The failure classes of the third blind set of real council texts (issue 23), each on a
layout fixture of our own wording (tests/layouts) and, where a rule has two sides, on a
short text here: the number an element is read with, its parent and its anchor."""

from __future__ import annotations

import re

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import Clause, iter_clauses
from clausemark.parse.metadata import council_name
from real_texts import LAYOUTS, assert_linear, convert_fixture, found
from real_texts import convert_text as _convert
from score import numbered_elements


def _elements(name: str) -> list[tuple[str, str | None, str]]:
    return found(convert_fixture(name))


def _clause(document, anchor: str) -> Clause:
    return next(c for c, *_ in iter_clauses(document.blocks) if c.anchor == anchor)


def test_dotted_roman_pairs_are_clause_numbers():
    found = _elements("roman_pair_committee_powers")
    assert found[0] == ("i.i.", None, "para_i-i")
    assert ("i.iv", None, "para_i-iv") in found
    assert found[4] == ("ii.i", None, "para_ii-i")
    assert found[-1] == ("ii.iii.", None, "para_ii-iii")


def test_a_number_and_a_letter_or_roman_numeral_dotted_nest_under_the_number(tmp_path):
    document = _convert(
        tmp_path,
        "standing_orders.txt",
        "Standing Orders\n\n1. Meetings\n\n1.i The council meets monthly.\n\n"
        "1.ii The chair presides.\n\n2. Voting\n\n2.a Votes are by show of hands.\n\n"
        "2.b The chair has a casting vote.\n",
    )
    found = [(n.number, n.parent, n.anchor) for n in numbered_elements(document.blocks)]
    assert found == [
        ("1.", None, "sec_1"), ("1.i", "1.", "sec_1__para_1-i"), ("1.ii", "1.", "sec_1__para_1-ii"),
        ("2.", None, "sec_2"), ("2.a", "2.", "sec_2__para_2-a"), ("2.b", "2.", "sec_2__para_2-b"),
    ]  # fmt: skip
    assert not [w for w in document.warnings if w.code == "duplicate-number"]


@pytest.mark.parametrize(
    "line", ["i.e. the council", "ix.vx A line", "v.i", "1.8.1.you shall", "2.in time"]
)
def test_what_only_looks_like_a_roman_pair_is_text(tmp_path, line):
    document = _convert(
        tmp_path, "standing_orders.txt", f"Standing Orders\n\n1. Meetings are monthly.\n\n{line}\n"
    )
    numbers = [c.number or "" for c, *_ in iter_clauses(document.blocks)]
    assert numbers[0] == "1." and not [n for n in numbers if n.rstrip(".")[-1:].isalpha()]


def test_a_list_starting_again_under_a_definition_stays_in_its_sub_paragraph():
    found = _elements("definitions_lettered_lists")
    event_a = ("a.", "(1)", "part_1__para_1__subpara_1__item_a_2")
    partner_b = ("b.", "(1)", "part_1__para_1__subpara_1__item_b_3")
    assert event_a in found and partner_b in found
    assert ("(2)", "1.—", "part_1__para_1__subpara_2") in found
    assert not [n for n in found if n[1] == "PART 1" and n[0] != "1.—"]


def test_a_definition_ending_on_means_starts_its_list_again_too(tmp_path):
    document = _convert(
        tmp_path,
        "standing_orders.txt",
        'Code of Practice\n\n1.—(1) In this code —\n\n"adviser" means a person who —\n\n'
        'a. sits on a working group, or\n\nb. advises a committee;\n\n"event" means\n\n'
        "a. a meeting called by the council, or\n\nb. a fair on its land;\n\n(2) It applies.\n",
    )
    found = [(n.number, n.parent, n.anchor) for n in numbered_elements(document.blocks)]
    assert ("a.", "(1)", "para_1__subpara_1__item_a_2") in found
    assert found[-1] == ("(2)", "1.—", "para_1__subpara_2")


def test_the_definition_stays_where_it_is_printed():
    document = convert_file(LAYOUTS / "definitions_lettered_lists.txt")
    before = _clause(document, "part_1__para_1__subpara_1__item_b")
    assert before.paragraphs == ['"event" means any gathering —']
    sub = _clause(document, "part_1__para_1__subpara_1")
    assert sub.tail == ['"you" means a councillor or an adviser.']


def test_each_definitions_list_repeats_its_letters_without_a_warning(tmp_path):
    """Letters started again under each definition are printed so: their ids repeat
    (item_a_2) with no warning; a letter printed twice in one list still warns."""
    document = convert_file(LAYOUTS / "definitions_lettered_lists.txt")
    assert not [w for w in document.warnings if w.code in ("duplicate-id", "duplicate-number")]
    twice = _convert(
        tmp_path,
        "standing_orders.txt",
        "Standing Orders\n\n1. The council may:\n\n(a) hire;\n\n(b) buy;\n\n(b) sell.\n",
    )
    assert [w.code for w in twice.warnings] == ["duplicate-id"]


def test_definitions_under_a_heading_repeat_their_letters_without_a_warning(tmp_path):
    document = _convert(
        tmp_path,
        "standing_orders.txt",
        "Standing Orders\n\n2. Definitions\n\nIn these standing orders:\n\n"
        '"Council" means —\n\na) the parish council, or\n\nb) a committee acting for it;\n\n'
        '"Meeting" means —\n\na) a meeting of the council, or\n\nb) a meeting of a committee;\n\n'
        "3. Meetings\n\n3.1 The council meets monthly.\n",
    )
    anchors = [n.anchor for n in numbered_elements(document.blocks)]
    assert anchors[:6] == [
        "sec_2", "sec_2__para_a", "sec_2__para_b", "sec_2__para_a_2", "sec_2__para_b_2", "sec_3",
    ]  # fmt: skip
    assert document.warnings == []
    again = _convert(
        tmp_path,
        "standing_orders.txt",
        "Standing Orders\n\n2. Votes\n\na) one;\n\nb) two;\n\na) three.\n",
    )
    assert [w.code for w in again.warnings] == ["duplicate-number"]  # no lead-in: a mistake


def test_double_letters_after_a_lead_in_item_nest_under_it():
    found = _elements("double_letters_after_romans")
    assert ("(aa)", "(iii)", "part_3__para_7__subpara_1__item_a__item_iii__item_aa") in found
    assert ("(cc)", "(iii)", "part_3__para_7__subpara_1__item_a__item_iii__item_cc") in found
    assert ("(iv)", "(a)", "part_3__para_7__subpara_1__item_a__item_iv") in found
    assert ("(bb)", "(b)", "part_3__para_7__subpara_2__item_b__item_bb") in found
    assert ("(3)", "7.—", "part_3__para_7__subpara_3") in found


def test_an_inserted_double_letter_stays_a_sibling(tmp_path):
    """'(aa)' after '(a)' with no lead-in is inserted after it (legislation's way)."""
    document = _convert(
        tmp_path,
        "standing_orders.txt",
        "Standing Orders\n\n1. The council may:\n\n(a) hire staff;\n\n"
        "(aa) pay them;\n\n(b) buy land.\n",
    )
    anchors = [c.anchor for c, *_ in iter_clauses(document.blocks)]
    assert anchors == ["para_1", "para_1__subpara_a", "para_1__subpara_aa", "para_1__subpara_b"]


def test_an_item_after_an_editorial_line_keeps_its_parents():
    found = _elements("editorial_note_between_items")
    assert ("(c)", "(2)", "part_2__para_4__subpara_2__item_c") in found
    assert ("(ii)", "(c)", "part_2__para_4__subpara_2__item_c__item_ii") in found
    # cross-headings between clauses 4, 5 and 6 stay inside PART 2
    assert ("5.—", "PART 2", "part_2__para_5") in found
    assert ("6.", "PART 2", "part_2__para_6") in found
    document = convert_file(LAYOUTS / "editorial_note_between_items.txt")
    note = _clause(document, "part_2__para_4__subpara_2__item_a")
    assert note.tail == ["[Note: sub-paragraph (b) is not used in this code.]"]


@pytest.mark.parametrize(
    "note", ["[Revoked.]", "Note: paragraph (b) was revoked in 2021.", "**NB:** (b) is not used."]
)
def test_a_note_between_items_keeps_the_list_open(tmp_path, note):
    document = _convert(
        tmp_path,
        "standing_orders.txt",
        "Standing Orders\n\n4. The council may —\n\n(a) hire staff —\n\n(i) for its office;\n\n"
        f"(ii) for its parks;\n\n{note}\n\n(c) buy land.\n",
    )
    found = [(n.number, n.parent, n.anchor) for n in numbered_elements(document.blocks)]
    assert found[-1] == ("(c)", "4.", "para_4__subpara_c")
    assert _clause(document, "para_4__subpara_a").tail == [note]


def test_a_sentence_between_items_that_skips_a_letter_ends_the_list(tmp_path):
    document = _convert(
        tmp_path,
        "standing_orders.txt",
        "Standing Orders\n\n4. The council may —\n\n(a) hire staff;\n\n"
        "The council has no other power.\n\n(c) Some other list.\n",
    )
    assert [n.anchor for n in numbered_elements(document.blocks)][-1] != "para_4__subpara_c"


def test_a_short_numbered_title_over_items_between_sentence_clauses_is_a_heading():
    # lead ruling R8 (session 11): a title over its own list is a numbered heading, a
    # sibling of the sentence clauses around it (before R8: a clause whose text is short)
    found = _elements("short_clause_over_items")
    assert ("2.", None, "sec_2") in found
    assert ("(b)", "2.", "sec_2__para_b") in found
    assert ("3.", None, "para_3") in found
    assert ("6.", None, "sec_6") in found  # the last one too


def test_a_numbered_heading_over_sections_stays_a_section(tmp_path):
    document = _convert(
        tmp_path,
        "standing_orders.txt",
        "Standing Orders\n\n1. Meetings\n\n(a) Meetings are monthly.\n\n"
        "2. Voting\n\n(a) Votes are by show of hands.\n",
    )
    assert [n.anchor for n in numbered_elements(document.blocks)][:3] == [
        "sec_1", "sec_1__para_a", "sec_2",
    ]  # fmt: skip


def test_welsh_and_english_council_lines_are_the_council_not_the_title():
    document = convert_file(LAYOUTS / "welsh_english_council_lines.txt")
    assert document.metadata.title == "FINANCIAL REGULATIONS"
    assert document.metadata.council == "Penrhos and Llwyndu Community Council"
    kinds = [kind for kind, _line, _text in document.title_lines]
    assert kinds == ["council", "council", "title"]  # both names kept as printed


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("CYNGOR CYMUNED PENRHOS A LLWYNDU PENRHOS AND LLWYNDU COMMUNITY COUNCIL",
         "Penrhos and Llwyndu Community Council"),
        ("Cyngor Tref Aberwen Aberwen Town Council", "Aberwen Town Council"),
        ("Aberwen Town Council Cyngor Tref Aberwen", "Aberwen Town Council"),
        ("Cyngor Tref Aberwen", "Cyngor Tref Aberwen"),
        ("Cyngor Tref Aberwen / Aberwen Town Council", "Aberwen Town Council"),
        ("ABERWEN TOWN COUNCIL – CYNGOR TREF ABERWEN", "Aberwen Town Council"),
        ("Standing Orders of the Cyngor", None),
    ],
)  # fmt: skip
def test_a_line_of_welsh_and_english_council_names(line, name):
    assert council_name(line, whole=True) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("PENRHOS AND LLWYNDU COMMUNITY COUNCIL CODE OF CONDUCT",
         "Penrhos and Llwyndu Community Council"),
        ("Standing orders of Ash and Elm Parish Council", "Ash and Elm Parish Council"),
        ("agreed by the Clerk and Elm Parish Council", "Elm Parish Council"),
        ("the Clerk and Wrexley Town Council agree", "Wrexley Town Council"),
    ],
)  # fmt: skip
def test_a_council_named_for_two_places_is_named_whole(text, name):
    assert council_name(text) == name


def test_a_council_line_read_as_one_names_the_council_and_leaves_the_title(tmp_path):
    document = _convert(
        tmp_path,
        "standing_orders.txt",
        "CYNGOR TREF ABERWEN ABERWEN TOWN COUNCIL\n\nSTANDING ORDERS\n\n"
        "1. Meetings\n\n1.1 The council meets monthly.\n",
    )
    assert document.metadata.title == "STANDING ORDERS"
    assert document.metadata.council == "Aberwen Town Council"


def test_an_unlabelled_contents_list_read_across_is_contents_whole():
    document = convert_file(LAYOUTS / "unlabelled_contents_across.txt")
    assert [(d.line, d.kind, d.level) for d in document.dropped] == [
        (5, "contents", "info"), (7, "contents", "info"), (9, "contents", "info"),
    ]  # fmt: skip
    found = [n[2] for n in _elements("unlabelled_contents_across")]
    assert [a for a in found if re.search(r"sec_\d+_\d", a)] == []  # no repeated ids
    assert found[:3] == ["sec_1", "sec_1__para_a", "sec_1__para_b"]


ACROSS = "1. Rules of Debate 2. Disorderly Conduct\n\n3. Meetings Generally 4. Committees\n\n"


@pytest.mark.parametrize(
    "entries",
    [
        "1. Rules of Debate 2. Disorderly Conduct\n3. Meetings Generally 4. Committees\n",
        "1. Rules of Debate\n\n2. Disorderly Conduct\n\n3. Meetings Generally\n\n4. Committees\n\n",
    ],
    ids=["one-chunk", "one-entry-a-paragraph"],
)
def test_the_same_list_printed_otherwise_is_contents_too(tmp_path, entries):
    text = (LAYOUTS / "unlabelled_contents_across.txt").read_text(encoding="utf-8")
    assert ACROSS in text
    document = _convert(tmp_path, "standing_orders.txt", text.replace(ACROSS, entries))
    assert {d.kind for d in document.dropped} == {"contents"}
    assert len(document.dropped) == len([line for line in entries.split("\n") if line]) + 1
    found = [n.anchor for n in numbered_elements(document.blocks)]
    assert found[:4] == ["sec_1", "sec_1__para_a", "sec_1__para_b", "sec_2"]
    assert [a for a in found if re.search(r"sec_\d+_\d", a)] == []


TOP = (
    "BRANSDALE PARISH COUNCIL\n\nSTANDING ORDERS\n\n{entries}\n\n"
    "Introduction\n\nThese orders follow the model.\n\n"
)
TITLES = ["Rules of Debate", "Voting", "Committees", "Minutes", "Quorum", "Motions",
          "Questions", "Finance", "Staff", "Press"]  # fmt: skip
SECTIONS = "".join(
    f"{n}. {title}\n\na. The council decides on {title.lower()}.\n\n"
    for n, title in enumerate(TITLES, 1)
)


def test_an_entry_that_does_not_come_back_is_left_out_with_a_warning(tmp_path):
    """All but one in ten entries come back: the list is contents, the one line that
    does not is left out with a WARNING (a garbled entry, as a printed page gave it)."""
    entries = [f"{n}. {title}" for n, title in enumerate(TITLES, 1)]
    entries[-1] = "10. Press Relationsing Relations"
    document = _convert(
        tmp_path, "standing_orders.txt", TOP.format(entries="\n\n".join(entries)) + SECTIONS
    )
    levels = {d.text: d.level for d in document.dropped}
    assert levels["1. Rules of Debate"] == "info"
    assert levels["10. Press Relationsing Relations"] == "warning"
    anchors = [n.anchor for n in numbered_elements(document.blocks)]
    assert anchors[:2] == ["sec_1", "sec_1__para_a"] and "sec_10" in anchors


def test_a_numbered_list_whose_entries_do_not_come_back_is_kept(tmp_path):
    entries = "1. Planning\n\n2. Licensing\n\n3. Finance"
    document = _convert(tmp_path, "standing_orders.txt", TOP.format(entries=entries) + SECTIONS)
    assert not [d for d in document.dropped if d.kind.startswith("contents")]
    assert "1. Planning" not in {d.text for d in document.dropped}


@pytest.mark.build  # a whole-size CPU ratio: runs with the builds
def test_the_new_rules_read_in_linear_time(tmp_path):
    """Lists restarting under definitions, editorial lines, (aa) lists, roman pairs, a
    long contents list read across and council names in Welsh, at n and 2n: about twice
    the CPU time, measured in this process."""

    def text(n: int) -> str:
        across = "\n\n".join(f"{k}. Rule {k} {k + 1}. Rule {k + 1}" for k in range(1, 80, 2))
        block = (
            '(1) In this code —\n\n"a" means —\n\na. one,\n\nb. two;\n\n"b" means —\n\n'
            "a. three;\n\n(2) It applies if —\n\n(a) it is —\n\n(i) any —\n\n(aa) this;\n\n"
            "[Note: (b) is omitted.]\n\n(c) that.\n\ni.i. A power.\n\ni.ii Another.\n\n"
            "Cyngor Tref Aberwen Aberwen Town Council cyngor cyngor\n\n"
        )
        rules = "".join(f"{k}. Rule {k}\n\n{block}" for k in range(1, n + 1))
        web = "\n".join(f"Line {k} " + "of a web page copied as text " * 7 for k in range(n))
        return f"Standing Orders\n\n{across}\n\nIntroduction\n\nText.\n\n{rules}{web}\n"

    assert_linear(tmp_path, text)


# A web page copied as text, one paragraph a line, against a hard-wrapped text.

WEB_COPY = (
    "Terms of Reference\n"
    "Delegated powers: the committee may decide on the council's behalf, within the budget "
    "the council agreed for the year and subject to its standing orders and financial "
    "regulations, the following matters:\n"
    "i.i. The hire charges for the recreation ground.\n"
    "i.ii The upkeep of the play area.\n"
    "Committee members as at May 2024:\n"
    "· Ann Byrne (Chair)\n"
    "· Tom Hale\n"
    "Quorum: three members, of whom one must be the Chair or, in the Chair's absence, a "
    "member the committee chooses at the start of the meeting before any other business.\n"
)


def test_a_web_page_copied_one_paragraph_a_line_keeps_its_lines_apart(tmp_path):
    document = _convert(tmp_path, "standing_orders.txt", WEB_COPY)
    clause = _clause(document, "para_i-ii")
    assert clause.text == "The upkeep of the play area."  # nothing run on into it
    assert clause.paragraphs == ["Committee members as at May 2024:"]
    assert [c.text for c in clause.children] == ["Ann Byrne (Chair)", "Tom Hale"]
    assert clause.tail[0].startswith("Quorum: three members")


@pytest.mark.parametrize(
    ("lines", "ends", "paragraphs"),
    [
        pytest.param(
            "1.1 The council shall meet at least four times a year. The Chair\n"
            "may call an extraordinary meeting at any time. Notice shall be\n"
            "given three clear days before. Councillors shall attend.\n",
            "three clear days before. Councillors shall attend.",
            [],
            id="a hard-wrapped paragraph still reads as one",
        ),
        pytest.param(
            "1.1 The council shall meet at least four times a year, and the\n"
            "Chair may call a meeting.\n"
            "Committee members are listed in the annex to these orders, with\n"
            "the dates of their appointment.\n",
            "and the Chair may call a meeting.",
            [
                "Committee members are listed in the annex to these orders, with the dates of "
                "their appointment."
            ],
            id="a short line that ends a sentence ends its paragraph in wrapped text",
        ),
    ],
)
def test_wrapped_text_reads_as_its_paragraphs(tmp_path, lines, ends, paragraphs):
    wrapped = "Standing Orders\n\n1. Meetings\n\n" + lines
    clause = _clause(_convert(tmp_path, "standing_orders.txt", wrapped), "sec_1__para_1-1")
    assert clause.text.endswith(ends)
    assert clause.paragraphs == paragraphs


def test_was_last_updated_is_not_a_title_and_its_date(tmp_path):
    document = _convert(
        tmp_path,
        "standing_orders.txt",
        "The policy is overseen by the Full Council and was last updated in January 2023.\n\n"
        "1. Purpose\n\n1.1 This protocol guides councillors.\n",
    )
    assert document.metadata.title != "The policy is overseen by the Full Council and was last"
