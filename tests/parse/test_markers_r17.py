"""Lead ruling R17 (session 12): bare letters as list markers, initials never.

A line starting with one capital then a tab or at least two spaces ("A   The footpath ...")
is a list letter when it starts a run at A or goes on with one (B after A); one space after
it is prose ("A resident wrote ..."). A capital with a full stop is an initial
("K. Marsh thanked ...") unless it starts or goes on with a lettered run (A., B., ...)."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses


def _anchors(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "minutes.txt"
    path.write_text(f"Minutes of the Parish Council\n\n{body}", encoding="utf-8")
    return [clause.anchor for clause, *_ in iter_clauses(convert_file(path).blocks)]


@pytest.mark.parametrize("gap", ["   ", "\t", "  "])
def test_bare_capitals_after_a_lead_in_are_its_items(tmp_path: Path, gap: str):
    body = (
        "1   The Clerk reported these matters:\n\n"
        f"A{gap}The footpath sign was found broken.\n\n"
        f"B{gap}A quote for the ditch was received.\n\n"
        f"C{gap}The defibrillator was checked.\n\n"
        "2   The meeting closed at 9pm.\n"
    )
    assert _anchors(tmp_path, body) == [
        "para_1",
        "para_1__subpara_A",
        "para_1__subpara_B",
        "para_1__subpara_C",
        "para_2",
    ]


def test_a_capital_before_one_space_is_prose(tmp_path: Path):
    body = (
        "1   The Clerk reported these matters:\n\n"
        "A resident wrote about the footpath.\n\n"
        "B Smith asked about the bins.\n\n"
        "2   The meeting closed at 9pm.\n"
    )
    assert _anchors(tmp_path, body) == ["para_1", "para_2"]


def test_an_initial_before_a_name_is_text_and_its_words_stay(tmp_path: Path):
    path = tmp_path / "minutes.txt"
    path.write_text(
        "Minutes of the Parish Council\n\n"
        "The Chair welcomed the members.\n\n"
        "K. Marsh thanked the volunteers for their time.\n\n"
        "D. Howell asked about the bench.\n",
        encoding="utf-8",
    )
    document = convert_file(path)
    clauses = [clause for clause, *_ in iter_clauses(document.blocks)]
    assert [clause.number for clause in clauses] == [None, None, None]
    assert "K. Marsh thanked the volunteers" in [c.text for c in clauses][1]


def test_a_dotted_capital_run_from_a_stays_lettered(tmp_path: Path):
    body = (
        "1. The council agreed the following:\n\n"
        "A. The budget for the hall.\n\n"
        "B. The grant to the youth club.\n\n"
        "C. The cost of the new sign.\n"
    )
    assert _anchors(tmp_path, body) == [
        "para_1",
        "para_1__subpara_A",
        "para_1__subpara_B",
        "para_1__subpara_C",
    ]


def test_a_word_paragraph_typed_with_spaces_reads_as_its_text_copy(tmp_path: Path):
    """Word keeps the spaces a clerk typed after a letter ('A   The footpath ...'): the
    reader keeps that gap, so the .docx gives the clauses its .txt copy gives."""
    from format_fixtures import WordParts, build_docx, para

    lines = [
        "1          The Clerk reported these matters:",
        "A         The footpath sign was found broken.",
        "B          A quote for the ditch was received.",
    ]
    path = tmp_path / "minutes.docx"
    path.write_bytes(
        build_docx(
            WordParts(body=[para("Minutes of the Parish Council")] + [para(line) for line in lines])
        )
    )
    anchors = [clause.anchor for clause, *_ in iter_clauses(convert_file(path).blocks)]
    assert anchors == ["para_1", "para_1__subpara_A", "para_1__subpara_B"]
