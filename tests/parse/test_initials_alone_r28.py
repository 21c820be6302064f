"""Lead ruling R28 (session 13): "A." or "I." alone do not start a lettered (or roman) run
without a "B." / "II." after them: "A. Okafor thanked ..." and "I. Novak reported ..." in
minutes are a person's initial and name, text; with its second after it the run stands."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.render.markdown_writer import render_document
from converted_text import convert_text


def _clauses(tmp_path: Path, body: str):
    title = "Minutes of the Village Hall Committee"
    return convert_text(tmp_path, f"{title}\n\n{body}", "minutes.txt")[1]


@pytest.mark.parametrize("initial", ["A. Okafor", "I. Novak"])
def test_a_lone_a_or_i_before_a_name_is_text(tmp_path: Path, initial: str):
    body = (
        "The Chair opened the meeting and welcomed the members.\n\n"
        f"{initial} reported that the roof repair was finished within budget.\n\n"
        "The meeting closed at 9pm.\n"
    )
    clauses = _clauses(tmp_path, body)
    assert [clause.number for clause in clauses] == [None, None, None]
    assert f"{initial} reported that the roof repair" in clauses[1].text


def test_initials_in_a_list_of_names_are_text(tmp_path: Path):
    body = "Present:\n\nI. Smith (Chair)\n\nJ. Brown\n\nThe meeting opened at 7pm.\n"
    clauses = _clauses(tmp_path, body)
    assert [clause.number for clause in clauses] == [None, None]
    page = render_document(convert_file(tmp_path / "minutes.txt"))
    assert "I. Smith (Chair)" in page and "J. Brown" in page


def test_a_roman_run_with_its_second_stands(tmp_path: Path):
    body = "1. The committee agreed:\n\nI. to repair the roof;\n\nII. to paint the hall.\n"
    assert [clause.anchor for clause in _clauses(tmp_path, body)] == [
        "para_1",
        "para_1__subpara_I",
        "para_1__subpara_II",
    ]
