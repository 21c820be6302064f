"""Lead ruling R23 (session 13): whole numbers printed bare, one space before the words, at
the start of an agenda's or minutes' lines ("1 To receive apologies", "2 To approve the
minutes") are clause numbers when two or more go in turn; a lone one, or one out of turn
("12 High Street", "2 members were present"), stays text."""

from __future__ import annotations

from pathlib import Path

from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses


def _read(tmp_path: Path, body: str, title: str = "Agenda for the Parish Council Meeting"):
    path = tmp_path / "agenda.txt"
    path.write_text(f"{title}\n\n{body}", encoding="utf-8")
    document = convert_file(path)
    clauses = [clause for clause, *_ in iter_clauses(document.blocks)]
    return document, clauses


def _words(document) -> str:
    return " ".join(
        f"{clause.number or ''} {clause.text} {' '.join(clause.paragraphs)}"
        for clause, *_ in iter_clauses(document.blocks)
    )


def test_bare_numbered_items_a_paragraph_each_are_clauses(tmp_path: Path):
    body = (
        "1 To receive apologies for absence.\n\n"
        "2 To approve the minutes of the meeting held on 3 February.\n\n"
        "3 To receive the Clerk's report.\n\n"
        "The report is attached.\n\n"
        "4 To consider the following planning applications:\n\n"
        "4.1 Extension at Brook Farm.\n\n"
        "4.2 New porch at Mill Cottage.\n"
    )
    _, clauses = _read(tmp_path, body)
    assert [c.anchor for c in clauses] == [
        "para_1",
        "para_2",
        "para_3",
        "para_4",
        "para_4__subpara_4-1",
        "para_4__subpara_4-2",
    ]
    assert clauses[0].text.startswith("To receive apologies")
    assert clauses[2].paragraphs == ["The report is attached."]


def test_bare_numbered_items_one_a_line_are_separate_clauses(tmp_path: Path):
    body = (
        "1 Apologies for absence\n"
        "2 Declarations of interest\n"
        "3 Minutes of the last meeting\n"
        "4 Correspondence\n"
    )
    document, clauses = _read(tmp_path, body)
    assert [(c.anchor, c.text) for c in clauses] == [
        ("para_1", "Apologies for absence"),
        ("para_2", "Declarations of interest"),
        ("para_3", "Minutes of the last meeting"),
        ("para_4", "Correspondence"),
    ]


def test_bilingual_minutes_items_are_a_run(tmp_path: Path):
    body = (
        "1 Croeso / Welcome Croesawodd y Cadeirydd bawb. The Chair welcomed everyone.\n\n"
        "2 Ymddiheuriadau / Apologies Dim / None\n\n"
        "3 Cofnodion / Minutes Derbyniwyd y cofnodion. The minutes were accepted.\n"
    )
    _, clauses = _read(tmp_path, body, "Cofnodion Cyngor Cymuned Minutes of the Community Council")
    assert [c.anchor for c in clauses] == ["para_1", "para_2", "para_3"]
    assert clauses[1].text.startswith("Ymddiheuriadau / Apologies")


def test_a_bare_number_going_on_from_the_printed_run_is_its_next_item(tmp_path: Path):
    body = (
        "1. To receive apologies for absence.\n\n"
        "2. To approve the minutes.\n\n"
        "3 To note the accounts for January.\n"
    )
    _, clauses = _read(tmp_path, body)
    assert [c.anchor for c in clauses] == ["para_1", "para_2", "para_3"]


def test_a_lone_or_out_of_turn_bare_number_or_a_date_stays_text(tmp_path: Path):
    body = (
        "1 Apologies were received from Cllr Moss.\n\n"
        "2 Planning applications were considered.\n\n"
        "12 High Street was discussed at length.\n\n"
        "3 The Clerk reported on the accounts.\n\n"
        "2 Members asked about the precept.\n\n"
        "4 May 2025 is the date of the annual meeting.\n"
    )
    document, clauses = _read(tmp_path, body, "Minutes of the Parish Council")
    assert [c.anchor for c in clauses] == ["para_1", "para_2", "para_3"]
    words = _words(document)
    assert "12 High Street was discussed" in words
    assert "2 Members asked about" in words
    assert "4 May 2025 is the date" in words
