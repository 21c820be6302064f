"""A label's number keeps its letters as printed: 'Part 5A' is never 'Part 5a', 'PART IV'
never 'Part Iv'; only a word in capitals ('PART', 'SECTION') is written as a title is."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import Section

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


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Part 4F of the Constitution of Harrowmere County Council", "Part 4F"),
        ("Part 4.2 of the Council's Constitution", "Part 4.2"),
        ("Appendix 3 to the Constitution", "Appendix 3"),
        ("PART 4.2 OF THE COUNCIL'S CONSTITUTION", "Part 4.2"),
        ("SCHEDULE 2 TO THE CONSTITUTION", "Schedule 2"),
    ],
)
def test_a_line_under_the_title_naming_its_part_of_the_constitution_is_the_label(
    tmp_path, line, label
):
    """'Part 4F of the Constitution of ...' under the title says where the document sits:
    its label (the menu and 'Part 4F' in other documents find it), the line kept as printed."""
    path = tmp_path / "rules.txt"
    path.write_text(f"Tendering Rules\n\n{line}\n\n{BODY}", "utf-8")
    document = convert_file(path)
    assert (document.metadata.label, document.metadata.title) == (label, "Tendering Rules")
    assert "Constitution" in document_text(document).title()
    # where it sits is no container over the sections: their ids are the text's own
    opened = [block.heading.anchor for block in document.blocks if isinstance(block, Section)]
    assert opened == ["sec_1"]


def test_a_clause_citing_a_part_of_the_constitution_gives_no_label(tmp_path):
    path = tmp_path / "rules.txt"
    path.write_text(
        "Tendering Rules\n\n1. Scope\n\n1.1 Part 4F of the Constitution applies to leases.\n",
        "utf-8",
    )
    assert convert_file(path).metadata.label is None


def document_text(document) -> str:
    from clausemark.render.markdown_writer import render_document

    return render_document(document)


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Part 4 Section 5 of the Constitution", "Part 4 Section 5"),
        ("Part 4, Section 5 of the Constitution", "Part 4 Section 5"),
        ("PART 5 APPENDIX 3 OF THE COUNCIL'S CONSTITUTION", "Part 5 Appendix 3"),
    ],
)
def test_a_place_of_two_steps_under_the_title_is_the_label(tmp_path, line, label):
    """'Part 4 Section 5 of the Constitution' under the title says where the document sits,
    as the one-step 'Part 4 of the Constitution' does: the label (the README's own example
    label is 'Part 5 Appendix 3'), never a Part 4 container over the sections (a new user's
    Financial Regulations had every clause id under part_4__ and its title was lost to the
    Part's heading when the line came first)."""
    path = tmp_path / "rules.txt"
    path.write_text(f"Financial Regulations\n\n{line}\n\n{BODY}", "utf-8")
    document = convert_file(path)
    assert (document.metadata.label, document.metadata.title) == (label, "Financial Regulations")
    assert "Constitution" in document_text(document).title()
    opened = [block.heading.anchor for block in document.blocks if isinstance(block, Section)]
    assert opened == ["sec_1"]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Part 4 of the Constitution", "Part 4"),
        ("Part 4F of the Constitution of Harrowmere County Council", "Part 4F"),
        ("Part 4 Section 5 of the Constitution", "Part 4 Section 5"),
    ],
)
def test_a_place_in_the_constitution_over_the_title_is_the_label(tmp_path, line, label):
    """The same line printed ABOVE the title is a label line too: the title is the line
    under it, never 'of the Constitution' (the words after 'Part 4')."""
    path = tmp_path / "rules.txt"
    path.write_text(f"{line}\n\nFinancial Regulations\n\n{BODY}", "utf-8")
    document = convert_file(path)
    assert (document.metadata.label, document.metadata.title) == (label, "Financial Regulations")
    assert "Constitution" in document_text(document).title()
    opened = [block.heading.anchor for block in document.blocks if isinstance(block, Section)]
    assert opened == ["sec_1"]
