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
        # its repeated id and its order follow from the one cause: said in its warning
        (9, "clause number 1.3 is printed twice (first on line 7); its id is 'sec_1__para_1-3_2'"),
        (11, "clause 1.2 comes after 1.3 (out of order)"),
        (15, "clause 3.1 is printed under section 2"),
        (17, "section 2. comes after section 2"),
        (
            23,
            "clause number (b) is printed twice (first on line 21); its id is 'sec_2_2__para_b_2'",
        ),
    ]


def test_a_mistyped_number_is_one_warning():
    """3.6 typed as 3.5: printed twice, a repeated id, out of order and 3.6 missing are
    one cause, so one warning, which says what probably happened."""
    document = parse_text(
        "Rules\n\n3. Things\n\n3.4 One.\n\n3.5 Two.\n\n3.5 Three.\n\n3.7 Four.\n", "rules"
    )
    assert [(w.line, w.message) for w in document.warnings] == [
        (
            9,
            "clause number 3.5 is printed twice (first on line 7); 3.6 is missing after it, "
            "so this is probably 3.6 mistyped; its id is 'sec_3__para_3-5_2'",
        )
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
    # the repeated ids the anchors reported were folded into their cause: not made again
    expected = [(line, text.split("; its id is")[0]) for line, text in numbering_warnings(document)]
    document.warnings = [w for w in document.warnings if w.code not in CHECKS]
    check_numbering(document)
    assert numbering_warnings(document) == expected


def test_a_number_printed_three_times_is_called_the_third_not_the_second():
    document = parse_text("Rules\n\n1.1 One.\n\n1.1 Two.\n\n1.1 Three.\n", "rules")
    repeats = [w for w in document.warnings if w.code == "duplicate-number"]
    assert [w.message.split(" (")[0] for w in repeats] == [
        "clause number 1.1 is printed twice",
        "clause number 1.1 is printed a third time",
    ]
    assert [w.reader_note for w in repeats] == [
        "Number 1.1 is printed twice in the adopted text; this is the second.",
        "Number 1.1 is printed a third time in the adopted text; this is the third.",
    ]


def test_a_number_printed_an_eighth_or_an_eleventh_time_takes_an():
    """'printed a eighth time' (seen in the session-9 trial's hostile page of one number)."""
    text = "Rules\n\n" + "".join(f"1.1 Text {n}.\n\n" for n in range(1, 20))
    repeats = [w for w in parse_text(text, "rules").warnings if w.code == "duplicate-number"]
    said = [w.message.split(" (")[0].removeprefix("clause number 1.1 is printed ") for w in repeats]
    assert said[6:11] == [
        "an eighth time",
        "a 9th time",
        "a 10th time",
        "an 11th time",
        "a 12th time",
    ]
    assert said[16:18] == ["an 18th time", "a 19th time"]


RESTARTED_IN_EACH_PART = """\
Ashvale Town Council Constitution

Part 1 - Standing Orders

1. Meetings

1.1 Meetings are held monthly.

1.2 The quorum is three.

Part 2 - Financial Regulations

1. General

1.1 These regulations govern the finances.

1.2 The RFO keeps the accounts.

1.2 The RFO reports quarterly.

Appendix A - Fees

1.1 Hall hire is charged by the hour.
"""


def test_numbers_that_start_again_in_a_new_part_are_no_printed_error():
    """Part 2 and Appendix A number their clauses from 1.1 again, as constitutions print
    them; their ids differ (part_2__sec_1__para_1-1), and a warning that 1.1 'is printed
    twice' would fail a --strict build over a text printed right. A number printed twice
    inside one Part is still one."""
    document = parse_text(RESTARTED_IN_EACH_PART, "constitution")
    assert numbering_warnings(document) == [
        (
            19,
            "clause number 1.2 is printed twice (first on line 17); its id is "
            "'part_2__sec_1__para_1-2_2'",
        )
    ]
