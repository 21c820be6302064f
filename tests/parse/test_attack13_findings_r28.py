"""Lead ruling R28 (session 13), attack13's findings: a version or annex number glued to a
letter inside a sentence stays text; the last capital of a lettered run is an item, never a
heading over the next clause; a tab table of numbers and amounts keeps its table."""

from __future__ import annotations

from pathlib import Path

from converted_text import convert_text


def test_a_version_or_annex_number_in_a_sentence_stays_text(tmp_path: Path):
    document, clauses = convert_text(
        tmp_path,
        "Information Policy\n\n1. General\n\n"
        "1.1 The Council uses the records system v1.2 supplied by the county.\n\n"
        "1.2 It follows Policy v1.3 as amended.\n\n"
        "1.3 See Annex B1.3.1 of the guidance.\n",
    )
    assert [(c.anchor, c.text) for c in clauses] == [
        ("sec_1__para_1-1", "The Council uses the records system v1.2 supplied by the county."),
        ("sec_1__para_1-2", "It follows Policy v1.3 as amended."),
        ("sec_1__para_1-3", "See Annex B1.3.1 of the guidance."),
    ]
    assert document.warnings == []


def test_the_last_capital_of_a_lettered_run_is_an_item(tmp_path: Path):
    _, clauses = convert_text(
        tmp_path,
        "Polling Scheme\n\n1. Districts\n\n1.1 Polling districts:\n\n"
        "A  North ward\nB  South ward\nC  East ward\n\n1.2 Each district has one station.\n",
    )
    assert [c.anchor for c in clauses] == [
        "sec_1__para_1-1",
        "sec_1__para_1-1__subpara_A",
        "sec_1__para_1-1__subpara_B",
        "sec_1__para_1-1__subpara_C",
        "sec_1__para_1-2",
    ]


def test_a_tab_table_of_numbers_and_amounts_keeps_its_table(tmp_path: Path):
    _, clauses = convert_text(
        tmp_path,
        "Hall Hire Charges\n\n1. Charges\n\n1.1 The charge by hours booked is:\n\n"
        "1\t£20\n2\t£35\n3\t£50\n\n1.2 Members may book free.\n",
    )
    assert [c.anchor for c in clauses] == ["sec_1__para_1-1", "sec_1__para_1-2"]
    (table,) = clauses[0].tables
    assert [table.header, *table.rows] == [["", ""], ["1", "£20"], ["2", "£35"], ["3", "£50"]]
