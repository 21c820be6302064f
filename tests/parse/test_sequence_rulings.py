"""Lead rulings R13-R16 (session 12): the sequence and nesting of numbered lines
(parse/sequence.py). Each test failed on main before its rule was made."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import Clause, Note, Section
from converted_text import texts_by_anchor


def _tree(blocks, depth=0) -> list[tuple[str, str]]:
    """(anchor, kind) of every heading, clause and note in reading order."""
    found: list[tuple[str, str]] = []
    for block in blocks:
        if isinstance(block, Section):
            found.append((block.heading.anchor or "", "sec"))
            found += _tree(block.blocks, depth + 1)
        elif isinstance(block, Clause):
            found.append((block.anchor or "", "clause"))
            found += _tree(block.children, depth + 1)
        elif isinstance(block, Note):
            found.append((block.anchor or "", "note"))
    return found


def _anchors(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "document.txt"
    path.write_text(text, encoding="utf-8")
    return [anchor for anchor, _kind in _tree(convert_file(path).blocks)]


@pytest.mark.parametrize("heading", ["3. Setting the Budget", "3) Setting the Budget"])
def test_r15_a_lower_section_number_under_a_numbered_heading_stands_at_the_top(
    tmp_path: Path, heading: str
):
    anchors = _anchors(
        tmp_path,
        "Financial Regulations\n\n"
        "1. General\n\n1.1 These rules govern the accounts.\n\n"
        "2. The Clerk keeps the accounts.\n\n"
        f"{heading}\n\n"
        "2.1 The Clerk drafts the budget in November.\n\n"
        "2.2 The Council sets the precept in January.\n",
    )
    assert anchors == ["sec_1", "sec_1__para_1-1", "para_2", "sec_3", "para_2-1", "para_2-2"]


def test_r15_a_misprint_among_the_sections_own_clauses_stays_inside(tmp_path: Path):
    """R9's exception holds backward: the clause after it numbers under section 3 again."""
    anchors = _anchors(
        tmp_path,
        "Financial Regulations\n\n"
        "3. Setting the Budget\n\n"
        "3.1 The Clerk drafts the budget.\n\n"
        "2.2 The Council sets the precept.\n\n"
        "3.3 The budget is published.\n",
    )
    assert anchors == ["sec_3", "sec_3__para_3-1", "sec_3__para_2-2", "sec_3__para_3-3"]


@pytest.mark.parametrize(
    ("titles", "last"),
    [
        (["1. Apologies for absence", "2. Declarations of interest"], "3. Date of next meeting"),
        (["1. APOLOGIES", "2. MINUTES OF THE LAST MEETING"], "3. DATE OF NEXT MEETING"),
    ],
)
def test_r16_the_last_of_a_run_of_titles_is_a_clause_and_the_paragraph_a_note(
    tmp_path: Path, titles: list[str], last: str
):
    path = tmp_path / "agenda.txt"
    closing = "Residents may address the meeting for up to ten minutes before it opens."
    path.write_text(
        "Agenda\n\n" + "\n\n".join([*titles, last]) + f"\n\n{closing}\n", encoding="utf-8"
    )
    document = convert_file(path)
    assert _tree(document.blocks) == [
        ("para_1", "clause"),
        ("para_2", "clause"),
        ("para_3", "clause"),
        ("intro_1", "note"),
    ]
    clause, note = document.blocks[-2:]
    assert isinstance(clause, Clause) and clause.text == last[3:] and not clause.paragraphs
    assert isinstance(note, Note) and note.text == closing


def test_r16_an_earlier_item_with_its_own_text_leaves_the_last_to_r8(tmp_path: Path):
    """Guard (passes before and after): the run is not titles only (item 1 has its own
    text), so R16 does not speak and the paragraph is not made the document's note."""
    anchors = _anchors(
        tmp_path,
        "Agenda\n\n1. Apologies for absence\n\nNone were received.\n\n"
        "2. Declarations of interest\n\n3. Planning applications\n\n"
        "The Clerk reported two applications.\n",
    )
    assert anchors[:3] == ["sec_1", "sec_1__intro_1", "para_2"]
    assert "intro_1" not in anchors


@pytest.mark.parametrize("style", ["{}.", "{}"])
def test_r16_speaks_only_for_the_last_item_a_middle_item_with_text_is_r8s(
    tmp_path: Path, style: str
):
    """trial16 (session 14): in minutes whose items 1 and 2 are titles alone, item 3 with
    a paragraph under it was made a clause and its paragraph the document's top-level
    note, while item 4 of the same shape was a heading over its text. R16 is for the
    LAST item of a run of titles; a run that goes on after the paragraph (4 follows)
    leaves item 3 to R8: a heading with its text inside."""
    items = [style.format(n) for n in range(1, 5)]
    anchors = _anchors(
        tmp_path,
        "Minutes of the Parish Council meeting\n\n"
        f"{items[0]} Apologies\n\n{items[1]} Minutes of the last meeting\n\n"
        f"{items[2]} Planning applications\n\nThe council considered two applications.\n\n"
        f"{items[3]} Finance\n\nThe clerk reported a balance.\n",
    )
    assert anchors == ["para_1", "para_2", "sec_3", "sec_3__intro_1", "sec_4", "sec_4__intro_1"]


@pytest.mark.parametrize("indent", ["", "  "])
def test_r13a_a_titled_one_under_a_numbered_heading_is_its_clause_with_its_own_list(
    tmp_path: Path, indent: str
):
    inner = indent * 2
    anchors = _anchors(
        tmp_path,
        "Complaints Procedure\n\n"
        f"{indent}4. Making a Complaint\n\n"
        f"{inner}1. Telling the Council\n\n"
        f"{inner}1. Write to the Clerk at the council office.\n\n"
        f"{inner}2. The Clerk replies within ten days.\n\n"
        f"{indent}5. Outcomes\n\n"
        "The Council writes to say what it decided.\n",
    )
    assert anchors == [
        "sec_4",
        "sec_4__para_1",
        "sec_4__para_1__subpara_1",
        "sec_4__para_1__subpara_2",
        "sec_5",
        "sec_5__intro_1",
    ]


def test_r13c_after_a_lead_in_a_sentence_fitting_both_runs_goes_on_the_inner_list(
    tmp_path: Path,
):
    anchors = _anchors(
        tmp_path,
        "Minutes\n\n1. The Clerk reported on the hall. He advised that:\n\n"
        "1. The roof has been repaired.\n\n2. The heating is serviced in May.\n",
    )
    assert anchors == ["para_1", "para_1__subpara_1", "para_1__subpara_2"]


def test_r13c_a_title_fitting_both_runs_goes_on_the_outer_run(tmp_path: Path):
    """Guard (passes before and after): '2. Declarations of Interest' over its text is
    the agenda's next heading, not the second item of item 1's inner list."""
    anchors = _anchors(
        tmp_path,
        "Minutes\n\n1. Apologies for Absence\n\nThe Chair reported that:\n\n"
        "1. Cllr Brown sent apologies.\n\n2. Declarations of Interest\n\n"
        "None were declared.\n",
    )
    assert anchors[-2:] == ["sec_2", "sec_2__intro_1"]


def test_r13_a_one_at_the_headings_margin_is_their_level(tmp_path: Path):
    """Guard (passes before and after): Word's numbering restarted at the section
    headings' own margin, their text left of it, is a heading of their level."""
    anchors = _anchors(
        tmp_path,
        "Standing Orders\n\n  1. Meetings\n\nMeetings are held monthly.\n\n"
        "  2. Chair of the Meeting\n\nThe chair keeps order.\n\n"
        "  1. Proper Officer\n\nThe clerk is the proper officer.\n",
    )
    assert anchors == [
        "sec_1",
        "sec_1__intro_1",
        "sec_2",
        "sec_2__intro_1",
        "sec_1_2",
        "sec_1_2__intro_1",
    ]


_STACKED = (
    "Minutes\n\n1.\nAPOLOGIES\nApologies were received from Cllr Brown.\n2.\n2.1\n"
    "URGENT ITEMS\nThe Chair agreed to take one urgent item.\n2.2\n2.3\n"
    "No other item was raised.\n"
)


def _convert(tmp_path: Path, text: str):
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    return convert_file(path)


def test_r14_numbers_alone_own_the_lines_after_them_in_order(tmp_path: Path):
    """'1.' / 'APOLOGIES' / its text: a heading over its text; the stack '2.' / '2.1'
    hands 'URGENT ITEMS' to 2. and the paragraph to 2.1; '2.2' / '2.3' / one sentence:
    2.3 owns it and 2.2 is kept with no words where it is printed (R14 redo, session 13;
    R31, session 14: fewer paragraphs than numbers pair from the end)."""
    document = _convert(tmp_path, _STACKED)
    assert _tree(document.blocks) == [
        ("sec_1", "sec"),
        ("sec_1__intro_1", "note"),
        ("sec_2", "sec"),
        ("sec_2__para_2-1", "clause"),
        ("sec_2__para_2-2", "clause"),
        ("sec_2__para_2-3", "clause"),
    ]
    assert texts_by_anchor(document.blocks) == {
        "sec_1": "APOLOGIES",
        "sec_1__intro_1": "Apologies were received from Cllr Brown.",
        "sec_2": "URGENT ITEMS",
        "sec_2__para_2-1": "The Chair agreed to take one urgent item.",
        "sec_2__para_2-2": "",
        "sec_2__para_2-3": "No other item was raised.",
    }
    assert not [w for w in document.warnings if "lost" in w.message]


@pytest.mark.parametrize(
    ("text", "texts", "version"),
    [
        # '1.1' / '2.' own nothing ('Part 2 - Articles' is a container, never 2.'s title);
        # '1.' owns 'APOLOGIES'. Session 12's R14 gave APOLOGIES to '2.' and its proof
        # reported the word lost.
        (
            "Minutes\n\n1.1\n2.\nPart 2 - Articles\n1.\nAPOLOGIES\n",
            {"para_1-1": "", "para_2": "", "part_2": "Articles", "part_2__para_1": "APOLOGIES"},
            None,
        ),
        # both numbers are kept (the second is the first's duplicate), the Version line is
        # the document's facts
        ("1. \n1. \nVersion: 2\n", {"para_1": "", "para_1_2": ""}, "2"),
    ],
    ids=["pairing-stops-at-a-container-heading", "wordless-numbers-before-a-control-line"],
)
def test_r14_the_rulings_examples(tmp_path: Path, text: str, texts: dict, version: str | None):
    """The R14 ruling's own examples (session 13): numbers alone that own no words are
    kept as empty clauses, and no word is reported lost."""
    document = _convert(tmp_path, text)
    assert texts_by_anchor(document.blocks) == texts
    assert document.metadata.version == version
    assert not [w for w in document.warnings if "lost" in w.message]


def test_r14_the_parser_and_the_proof_read_one_order(tmp_path: Path):
    """One reading of which lines a stack's numbers own: the order is a permutation of the
    source's lines (nothing read twice, nothing left out), and the parser's lines come in
    that order."""
    from clausemark.parse.lines import read_lines
    from clausemark.parse.numbers_alone import reading_order
    from clausemark.readers.text import SourceText

    lines = _STACKED.split("\n")
    order = reading_order(_STACKED)
    assert order is not None and sorted(order) == list(range(len(lines)))
    read = [line.number for line in read_lines(SourceText("m.txt", _STACKED), []) if line]
    assert read == [at + 1 for at in order if lines[at].strip()]


def test_r14_a_stack_is_numbers_of_one_run(tmp_path: Path):
    """'3.' / '4.' / 'A.' then two paragraphs: 'A.' is no number of the run 3., 4., so the
    lines are no stack and read as printed: 'A.' stays before both paragraphs (the stack
    across runs showed it after them: attack14's order check, 40 of 1,200 random documents
    reordered on 0eda2bc)."""
    from clausemark.parse.numbers_alone import reading_order

    text = "Minutes\n\n3.\n4.\nA.\nThe hall is open.\nThe bar is shut.\n"
    assert reading_order(text) is None
    stacked = "Minutes\n\n3.\n4.\nThe hall is open.\nThe bar is shut.\n"
    assert reading_order(stacked) == [0, 1, 2, 4, 3, 5, 6]


_AGENDA = "Agenda for the Parish Council Meeting on 4 March 2025\n\n1. Apologies for absence\n\n"


def test_r28_the_last_items_line_right_under_it_stays_with_the_item(tmp_path: Path):
    """R16 makes the last of a run of titles a clause and a paragraph after it a note;
    the line printed right under the last title (no blank line) is the item's own
    (attack13's finding, R28). Only the signature after a blank line is a note."""
    document = _convert(
        tmp_path,
        f"{_AGENDA}2. Declarations of interest\n\n3. Public participation\n\n"
        "4. Correspondence\nThe Clerk will report a letter from the county about the road "
        "closure.\n\nSigned  J. Smith  Clerk\n",
    )
    texts = texts_by_anchor(document.blocks)
    assert list(texts) == ["para_1", "para_2", "para_3", "para_4", "intro_1"]
    assert texts["para_4"].startswith("Correspondence")
    assert texts["para_4"].endswith("a letter from the county about the road closure.")
    assert texts["intro_1"] == "Signed  J. Smith  Clerk"


def test_r28_date_of_next_meeting_is_no_part_of_the_lettered_line_above(tmp_path: Path):
    """'Date of next meeting: ...' after a blank line under the last item's b) is a note
    of the document after the run (R16's closing note, R28), not b)'s words."""
    document = _convert(
        tmp_path,
        f"{_AGENDA}2. Planning applications\na) 25/0012 Land at Mill Lane\n"
        "b) 25/0019 The Old Forge\n\nDate of next meeting: 1 April 2025\n",
    )
    assert texts_by_anchor(document.blocks) == {
        "para_1": "Apologies for absence",
        "sec_2": "Planning applications",
        "sec_2__para_a": "25/0012 Land at Mill Lane",
        "sec_2__para_b": "25/0019 The Old Forge",
        "intro_1": "Date of next meeting: 1 April 2025",
    }


def test_r28_a_closing_line_that_is_the_last_items_own_text_stays(tmp_path: Path):
    """The guard: '2. Close of meeting' over 'The meeting closed at 9.05pm.' (its only
    text) keeps it; and a closing-shaped line with numbered lines after it stays in its
    item."""
    document = _convert(
        tmp_path,
        "Minutes\n\n1. Apologies\n\nNone were received.\n\n2. Close of meeting\n\n"
        "The meeting closed at 9.05pm.\n",
    )
    assert texts_by_anchor(document.blocks)["sec_2__intro_1"] == "The meeting closed at 9.05pm."
    document = _convert(
        tmp_path,
        "Minutes\n\n1. Planning\na) 25/0012 Land at Mill Lane\n\nSigned off by the officer.\n\n"
        "2. Finance\na) Payments were approved.\n",
    )
    assert "intro_1" not in texts_by_anchor(document.blocks)
