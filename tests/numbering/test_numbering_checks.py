"""numbering.checks: printed numbering errors are kept as adopted, and each is reported
once, on its line, with a note for the reader beside the clause."""

from __future__ import annotations

from clausemark.numbering import check_numbering
from page_layer import parse_text

MISNUMBERED = """\
Order Rules

1. Scope

1.1 One.

1.3 Three.

1.3 Three again.

1.2 Two late.

2. Votes

3.1 Under the wrong section.

2. Again

(a) An item.

(b) Another.

(b) The same letter twice.
"""
CHECKS = {"numbering", "duplicate-number"}


def numbering_warnings(document) -> list[tuple[int | None, str]]:
    return [(w.line, w.message) for w in document.warnings if w.code in CHECKS]


def test_each_printed_error_is_reported_once_on_its_line():
    assert numbering_warnings(parse_text(MISNUMBERED, "order")) == [
        (7, "numbering jumps from 1.1 to 1.3 (1.2 is missing)"),
        (9, "clause number 1.3 is printed twice (first on line 7)"),
        (9, "clause 1.3 comes after 1.3 (out of order)"),
        (11, "clause 1.2 comes after 1.3 (out of order)"),
        (15, "clause 3.1 is printed under section 2"),
        (17, "section 2. comes after section 2"),
        (23, "clause number (b) is printed twice (first on line 21)"),
    ]


def test_the_numbers_stay_as_printed():
    document = parse_text(MISNUMBERED, "order")
    first = document.blocks[0].blocks
    assert [clause.number for clause in first] == ["1.1", "1.3", "1.3", "1.2"]


def test_a_reader_note_says_what_the_adopted_text_prints():
    notes = {
        w.line: w.reader_note
        for w in parse_text(MISNUMBERED, "order").warnings
        if w.code == "numbering" and w.reader_note
    }
    assert notes[7] == "The adopted text prints no 1.2: its numbering jumps from 1.1 to 1.3."
    assert notes[15] == "Printed under section 2 in the adopted text."


def test_letters_start_again_in_each_clause_but_decimals_are_one_numbering():
    text = "Rules\n\n1. A\n\n1.1 First:\n\n(a) x;\n\n1.2 Second:\n\n(a) y.\n"
    assert numbering_warnings(parse_text(text, "letters")) == []


def test_the_checks_run_on_any_document_and_only_add_warnings():
    document = parse_text(MISNUMBERED, "order")
    expected = numbering_warnings(document)
    document.warnings = [w for w in document.warnings if w.code not in CHECKS]
    check_numbering(document)
    assert numbering_warnings(document) == expected
