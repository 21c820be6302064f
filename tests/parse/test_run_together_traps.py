"""review7 R1: a number inside a line that the numbering could need next is still a
quantity, a value or a reference when nothing else says it is a clause: the words stay
in their clause, no clause is invented and no anchor after it moves."""

from __future__ import annotations

import pytest
from clausemark.model.document import iter_clauses
from real_texts import convert_text, found

SECTIONED = "Rules\n\n1. Committees\n\n1.1 {line}\n\n1.2 The chair is elected each May.\n"
TRAPS = {
    "a value after a colon": "Quorum: 2. Substitutes may attend.",
    "a room": "Meetings are held in Committee Room 2. The public may attend.",
    "a ward": "The Mayor represents Ward 2. The Deputy represents the rest.",
    "a plural citing word": "This is read with Standing Orders 2. The Chair decides.",
    "a sum": "The fee is GBP 2. The clerk collects it.",
    "an abbreviation's full stop": "This is Order No. 2. The Chair decides.",
    "a section abbreviated": "The duty is in the Localism Act 2011 s. 1.2 Members follow it.",
}


@pytest.mark.parametrize("line", TRAPS.values(), ids=TRAPS.keys())
def test_a_number_that_ends_no_run_of_clauses_stays_a_word(tmp_path, line):
    document = convert_text(tmp_path, "rules.txt", SECTIONED.format(line=line))
    assert [n[2] for n in found(document)] == ["sec_1", "sec_1__para_1-1", "sec_1__para_1-2"]
    texts = {c.anchor: c.text for c, *_ in iter_clauses(document.blocks)}
    assert texts["sec_1__para_1-1"] == line


def test_a_whole_number_in_a_sentence_before_the_next_sections_first_clause_stays(tmp_path):
    text = (
        "Rules\n\nPlanning Committee\n\n1.1 Meetings are held in Committee Room 2. The "
        "public may attend.\n\nLicensing Committee\n\n2.1 The committee has 15 members.\n"
    )
    document = convert_text(tmp_path, "rules.txt", text)
    assert [n[0] for n in found(document)] == ["1.1", "2.1"]


def test_a_whole_number_that_opens_a_heading_over_its_first_clause_is_still_cut(tmp_path):
    text = (
        "Rules\n\n1. Meetings\n\n1.1 The council meets monthly. 2. Voting\n\n"
        "2.1 A question is decided by a majority.\n"
    )
    document = convert_text(tmp_path, "rules.txt", text)
    assert [n[0] for n in found(document)] == ["1.", "1.1", "2.", "2.1"]


def test_a_whole_number_in_a_sentence_over_a_list_starting_again_stays_a_word(tmp_path):
    """review7 R7: a list starting again at 1 after the paragraph leads on from a heading
    run in ('2. The Annual Meeting'), never from a sentence's number: clause 3 is not
    invented, and the printed '3.' keeps para_3 (it had become an item of the invented 3)."""
    text = (
        "Rules\n\n1. Meetings are monthly.\n\n2. Meetings are held in Committee Room 3. The "
        "public may attend, except:\n\n1. when confidential matters are discussed;\n\n"
        "2. when the chair rules otherwise.\n\n3. Minutes are kept.\n"
    )
    document = convert_text(tmp_path, "rules.txt", text)
    texts = {c.anchor: c.text for c, *_ in iter_clauses(document.blocks)}
    assert texts["para_3"] == "Minutes are kept."
    assert texts["para_2"].endswith("Committee Room 3. The public may attend, except:")
