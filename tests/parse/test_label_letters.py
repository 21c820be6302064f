"""A label's number keeps its letters as printed: 'Part 5A' is never 'Part 5a', 'PART IV'
never 'Part Iv'; only a word in capitals ('PART', 'SECTION') is written as a title is."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file

BODY = "1. Scope\n\n1.1 This code applies to every member of the Moorbridge Fell Council.\n"


@pytest.mark.parametrize(
    ("printed", "label"),
    [
        ("Part 5A – Members' Code of Conduct", "Part 5A"),
        ("PART 3C - SCHEME OF DELEGATION", "Part 3C"),
        ("PART IV – MEMBERS' CODE OF CONDUCT", "Part IV"),
        ("PART 4 - RULES OF PROCEDURE", "Part 4"),
        ("Section 16B: A Protocol for Members", "Section 16B"),
    ],
)
def test_a_label_keeps_the_letters_of_its_number(tmp_path, printed, label):
    path = tmp_path / "code.txt"
    path.write_text(f"{printed}\n\n{BODY}", "utf-8")
    assert convert_file(path).metadata.label == label


def test_a_label_under_the_council_keeps_its_letter(tmp_path):
    path = tmp_path / "code.txt"
    path.write_text(
        f"Moorbridge Fell Council\n\nPart 5A – Members' Code of Conduct\n\n{BODY}", "utf-8"
    )
    assert convert_file(path).metadata.label == "Part 5A"
