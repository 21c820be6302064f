"""The numbering style table: each style reads its own example, knows what follows what,
and the one normaliser gives the key every module compares numbers by."""

from __future__ import annotations

import pytest
from clausemark.numbering import (
    CONTAINER_WORDS,
    STYLES,
    clean_number,
    container_word,
    decimal_parts,
    follows,
    number_key,
    read_number,
)
from clausemark.numbering.styles import clause_path, element_for_heading, in_sequence


@pytest.mark.parametrize("style", STYLES, ids=lambda s: s.name)
def test_every_style_reads_its_own_example(style):
    found = read_number(f"{style.example} Text follows.")
    assert found is not None and style.name in found.styles
    assert found.rest.startswith("Text") or style.name == "statutory"


@pytest.mark.parametrize(
    ("text", "number", "styles", "rest"),
    [
        ("2.—(1) The council", "2.—", ("statutory",), "(1) The council"),
        ("10.(1) A member", "10.", ("statutory",), "(1) A member"),
        ("3:2 a) The mover", "3:2", ("colon",), "a) The mover"),
        ("1.6.1. text", "1.6.1.", ("decimal",), "text"),
        ("1.8.1.you must", "1.8.1.", ("decimal",), "you must"),
        ("12.3A Inserted", "12.3A", ("decimal",), "Inserted"),
        ("10.THE LOBBYING", "10.", ("integer",), "THE LOBBYING"),
        ("4A. Inserted rule", "4A.", ("integer",), "Inserted rule"),
        ("1\tINTRODUCTION", "1", ("integer-bare",), "INTRODUCTION"),
        ("1     comply", "1", ("integer-bare",), "comply"),
        ("(2A) inserted", "(2A)", ("paren-integer",), "inserted"),
        ("(a)whenever", "(a)", ("letter",), "whenever"),
        ("(i) first", "(i)", ("letter", "roman"), "first"),
        ("(iv) fourth", "(iv)", ("roman",), "fourth"),
        ("1(b)(i) The Clerk", "1(b)(i)", ("bracket-path",), "The Clerk"),
        ("A1. Officers", "A1.", ("letter-number",), "Officers"),
        ("A.1 The council", "A.1", ("letter-decimal",), "The council"),
        ("Para 1.1 This", "Para 1.1", ("worded",), "This"),
        ("i.ii the clerk", "i.ii", ("dotted-pair",), "the clerk"),
        ("ii.iii. Hearing", "ii.iii.", ("dotted-pair",), "Hearing"),
        ("2.b The chair", "2.b", ("dotted-pair",), "The chair"),
        ("3.1.iv Three", "3.1.iv", ("dotted-pair",), "Three"),
    ],
)
def test_numbers_are_read_by_the_table(text, number, styles, rest):
    found = read_number(text)
    assert (found.number, found.styles, found.rest) == (number, styles, rest)


@pytest.mark.parametrize(
    "text", ["1 April 2025", "1.5m", "M6 motorway", "(of) x", "a.b", "i.e. the", "ix.vx Text"]
)
def test_words_that_only_look_like_numbers_are_not_read(text):
    assert read_number(text) is None


@pytest.mark.parametrize(
    ("style", "previous", "token", "expected"),
    [
        ("integer", "1.", "2.", True),
        ("integer", "4", "4A", True),
        ("integer", "4A", "5", True),
        ("integer", "4", "6", False),
        ("letter", "(h)", "(i)", True),
        ("roman", "(iii)", "(iv)", True),
        ("roman", "", "(i)", True),
        ("letter", "", "(b)", False),
        ("paren-integer", "(2)", "(2A)", True),
        ("letter", "(b)", "(ba)", True),
        ("letter", "(ba)", "(c)", True),
        ("decimal", "1.2", "1.3", True),
        ("decimal", "1.2", "1.2.1", True),
        ("colon", "3:1", "3:2", True),
    ],
)
def test_what_follows_what(style, previous, token, expected):
    assert follows(style, previous, token) is expected


def test_in_sequence_follows_any_level_of_a_decimal_numbering():
    assert in_sequence("2.2", "2.3") and in_sequence("2.2", "2.2.1") and in_sequence("2.2", "3")
    assert in_sequence("2.2.3", "2.3") and in_sequence("1", "1(a)")
    assert not in_sequence("2.2", "1.5") and not in_sequence("2.2", "2.5")


@pytest.mark.parametrize(
    ("printed", "cleaned", "key"),
    [
        ("(i)", "i", "i"),
        ("1.2.", "1-2", "1-2"),
        ("2:1", "2-1", "2-1"),
        ("2.—", "2", "2"),
        ("(2A)", "2A", "2a"),
        ("12.3A", "12-3A", "12-3a"),
        ("1(b)(i)", "1-b-i", "1-b-i"),
        ("Section 3", "Section3", "3"),
        ("Standing Order 12", "StandingOrder12", "12"),
        ("Para 1.1", "Para1-1", "1-1"),
    ],
)
def test_one_normaliser(printed, cleaned, key):
    assert clean_number(printed) == cleaned
    assert number_key(printed) == key


def test_paths_and_parts():
    assert clause_path("5.1.2.1") == ("5", "1", "2", "1")
    assert clause_path("1(b)(i)") == ("1", "b", "i")
    assert clause_path("(a)") is None
    assert decimal_parts("1.6.1.") == (1, 6, 1) and decimal_parts("(a)") is None


@pytest.mark.parametrize(
    ("heading", "element", "number", "rest"),
    [
        ("Section 3: General Conduct", "sec", "3", "General Conduct"),
        ("SECTION 2:", "sec", "2", ""),
        ("PART 2", "part", "2", ""),
        ("Part 4 – Rules of Procedure", "part", "4", "Rules of Procedure"),
        ("Chapter 3", "chp", "3", ""),
        ("Article 12", "art", "12", ""),
        ("Rule 4", "rule", "4", ""),
        ("Procedure Rule 4", "rule", "4", ""),
        ("Standing Order 12", "rule", "12", ""),
        ("Schedule 1", "schedule", "1", ""),
        ("Appendix A", "appendix", "A", ""),
        ("Annex A", "annex", "A", ""),
        ("PART II", "part", "II", ""),
    ],
)
def test_container_words(heading, element, number, rest):
    found = container_word(heading)
    assert (found.word.element, found.number, found.rest) == (element, number, rest)
    assert element_for_heading(found.printed) == element


def test_container_ranks_put_schedules_outside_everything():
    ranks = {entry.element: entry.rank for entry in CONTAINER_WORDS}
    assert ranks["schedule"] == ranks["appendix"] == ranks["annex"] == 0
    assert ranks["part"] < ranks["chp"] < ranks["sec"] == ranks["art"] == ranks["rule"]
