"""Lead ruling R43 (session 15): a multi-level number glued to its words at a line's start
ends at its last digit. The test failed on main 78569b0 (clause '2.3HR', words 'Officer')."""

from __future__ import annotations

from pathlib import Path

from converted_text import convert_text, texts_by_anchor


def test_capitals_glued_to_a_decimal_are_its_words_not_its_suffix(tmp_path: Path):
    """'2.3HR Officer' is clause 2.3, 'HR Officer'; '4.2A' alone is still inserted 4.2A."""
    document, clauses = convert_text(
        tmp_path,
        "Appointments\n\n2.1Town Clerk\nThe clerk leads.\n\n2.2HR Officer\nThe officer checks.\n\n"
        "2.3CCTV Operator\nThe operator records.\n\n4.2A The panel meets.\n",
    )
    assert [clause.number for clause in clauses] == ["2.1", "2.2", "2.3", "4.2A"]
    found = texts_by_anchor(document.blocks)
    assert found["para_2-2"] == "HR Officer The officer checks."
    assert found["para_2-3"] == "CCTV Operator The operator records."


def test_a_unit_glued_to_a_decimal_is_a_measurement(tmp_path: Path):
    """attack17 A17-19: on main bd3adeab '3.5KG bags ...' was clause 3.5 under section 1
    and '2.5Ha of ...' clause 2.5."""
    _, clauses = convert_text(
        tmp_path,
        "Sales\n\n1. Bags\n\n3.5KG bags of grit are sold at the office.\n"
        "2.5Ha of the common is grazed.\n1.5MW Solar Farm is consulted on.\n",
    )
    assert [clause.number for clause in clauses if clause.number] == []
