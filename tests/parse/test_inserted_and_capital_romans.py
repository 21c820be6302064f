"""Lead rulings R25, R26 and R28 (session 13): '7a', '7b' are inserted items like '4A'
(para_7a); capital romans 'I.' ... 'VII.' under a lettered item are its list, 'V.' after
'IV.' included, the run ending at the next letter; an initial before a name ('I. Smith',
'J. Brown', 'V. Patel') or a lone 'A.' with no 'B.' after it is text."""

from __future__ import annotations

from pathlib import Path

from converted_text import convert_text


def test_small_letter_inserted_items_are_siblings(tmp_path: Path):
    _, clauses = convert_text(
        tmp_path,
        "Agenda for the Standards Committee\n\n"
        "6. To receive the Monitoring Officer's report.\n\n"
        "To consider requests for dispensation from these Councillors:\n\n"
        "7a Councillor Ann Evans (Pages 17 - 24)\n\n"
        "7b Councillor Bryn Hale (Pages 25 - 30)\n\n"
        "8. To note the training programme.\n\n"
        "9. To set the budget.\n\n"
        "9a. Grants to village groups.\n\n"
        "9b. Grants to the school.\n\n"
        "10. Close of the meeting.\n",
    )
    assert [c.anchor for c in clauses] == [
        "para_6",
        "para_7a",
        "para_7b",
        "para_8",
        "para_9",
        "para_9a",
        "para_9b",
        "para_10",
    ]
    assert clauses[1].text == "Councillor Ann Evans (Pages 17 - 24)"


def test_capital_romans_under_a_lettered_item_are_its_list(tmp_path: Path):
    romans = ["I", "II", "III", "IV", "V", "VI", "VII"]
    body = "".join(
        f"{numeral}. Record {index} of the register\n" for index, numeral in enumerate(romans)
    )
    _, clauses = convert_text(
        tmp_path,
        "Data Protection Policy\n\n"
        "a) The council is registered with the regulator.\n\n"
        "d) The council holds this personal information:\n\n"
        f"{body}\n"
        "e) The lawful basis for holding it is:\n"
        "I. Legal obligations\n"
        "II. Official authority\n",
    )
    assert [c.anchor for c in clauses] == [
        "para_a",
        "para_d",
        *[f"para_d__subpara_{numeral}" for numeral in romans],
        "para_e",
        "para_e__subpara_I",
        "para_e__subpara_II",
    ]


def test_initials_before_names_and_a_lone_capital_are_text(tmp_path: Path):
    document, clauses = convert_text(
        tmp_path,
        "Minutes of the Parish Council Meeting held on 3 March 2025\n\n"
        "1. Public Participation\n\n"
        "I. Smith asked about the bus shelter.\n\n"
        "J. Brown asked about the bins.\n\n"
        "V. Patel thanked the Council for the new bench.\n\n"
        "2. Finance\n\n"
        "A. Lowe presented the accounts.\n\n"
        "3. The meeting closed at nine.\n",
    )
    assert [c.number for c in clauses] == ["3."]
    notes = [
        block.text
        for section in document.blocks
        for block in getattr(section, "blocks", [])
        if hasattr(block, "text") and not hasattr(block, "children")
    ]
    assert notes == [
        "I. Smith asked about the bus shelter.",
        "J. Brown asked about the bins.",
        "V. Patel thanked the Council for the new bench.",
        "A. Lowe presented the accounts.",
    ]


def test_an_inserted_item_under_a_numbered_heading_reads_without_error(tmp_path: Path):
    """'7a' under the heading '7. Finance' after an earlier section (attack14, random
    documents): the section's run was read as whole numbers and int('7a') ended the
    conversion in a traceback; every printed number and word is kept."""
    document, clauses = convert_text(
        tmp_path,
        "Agenda\n\n3. Close\n\nThe meeting ends.\n\n7. Finance\n\n"
        "7a To note the report\n\n7b Planning matters\n",
    )
    numbers = [clause.number for clause in clauses]
    assert "7a" in numbers and "7b" in numbers
    assert not [w for w in document.warnings if "lost" in w.message]
