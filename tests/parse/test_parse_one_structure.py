"""One structure whatever the format (issue 23): the same text as .txt, .docx, .html and
.pdf gives the same headings, cross-headings, notes, tables and clauses."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import Clause, Heading, Note, Section, Table
from clausemark.support.markdown_text import plain_text
from format_fixtures import (
    Item,
    Spec,
    print_html,
    spec_docx,
    spec_print_html,
    spec_text,
    word_export_html,
    write,
)

SPEC = Spec(
    "Committee Procedure Rules",
    [
        Item("para", "These rules were agreed by the council for all of its committees."),
        Item("heading", "Membership", "1."),
        Item("clause", "Each committee has the members the council appoints to it.", "1.1", 1),
        Item("clause", "The quorum of each committee is:", "1.2", 1),
        Item("table", "Committee\tQuorum\nPlanning\t5\nLicensing\t3"),
        Item("heading", "Substitutes"),
        Item("clause", "A group may name substitutes for the places it holds.", "1.3", 1),
        Item("heading", "Meetings", "2."),
        Item("clause", "Committees meet as often as the council decides.", "2.1", 1),
        Item("clause", "The chair may call a special meeting.", "2.2", 1),
    ],
)


def structure(blocks) -> list[tuple]:
    """Every heading, cross-heading, note, table and clause, in reading order."""
    found: list[tuple] = []
    for block in blocks:
        if isinstance(block, Section):
            heading = block.heading
            found.append(("section", heading.number, plain_text(heading.title), heading.anchor))
            found += structure(block.blocks)
        elif isinstance(block, Heading):
            found.append(("cross-heading", plain_text(block.title), block.anchor))
        elif isinstance(block, Note):
            found.append(("note", plain_text(block.text), block.anchor))
        elif isinstance(block, Table):
            found.append(("table", block.header, block.rows))
        elif isinstance(block, Clause):
            found += _clause(block)
    return found


def _clause(clause: Clause) -> list[tuple]:
    found: list[tuple] = [("clause", clause.number, clause.anchor, plain_text(clause.text))]
    for child in clause.children:
        found += _clause(child)
    found += [("table", table.header, table.rows) for table in clause.tables]
    return found


@pytest.fixture(scope="module")
def four_formats(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("one-structure")
    printed = spec_print_html(SPEC)
    return {
        "txt": write(folder / "rules.txt", spec_text(SPEC)),
        "docx": write(folder / "rules.docx", spec_docx(SPEC)),
        "html": write(folder / "rules.html", word_export_html(SPEC)),
        "pdf": write(folder / "rules.pdf", print_html(browser, printed, header=None, footer=False)),
    }


def test_the_same_text_has_one_structure_in_every_format(four_formats):
    text = convert_file(four_formats["txt"])
    expected = structure(text.blocks)
    assert ("note", SPEC.items[0].text, "intro_1") in expected
    assert ("cross-heading", "Substitutes", "sec_1__crossheading_1") in expected
    assert ("table", ["Committee", "Quorum"], [["Planning", "5"], ["Licensing", "3"]]) in expected
    assert [e[1] for e in expected if e[0] == "clause"] == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    for kind in ("docx", "html", "pdf"):
        document = convert_file(four_formats[kind])
        assert document.metadata.title == text.metadata.title, kind
        assert structure(document.blocks) == expected, kind
        assert not [d for d in document.dropped if "Planning" in d.text], kind
