"""A line of document-control fields ('Version 2 · Approved by ... · Next review ...'),
parted by a middle dot, a bar, a bullet or a semicolon, after the last clause or over
the text: read as document control (version, adoption, next review), never a clause's
text, its words kept on the page (trial7 T6)."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.model.records import clause_records
from clausemark.versions.diff import diff_clauses
from format_fixtures import closing_line_source, notes_in

CLAUSES = ("1.1 Grants are paid each quarter.", "1.2 Notice is given in writing.")


def _write(tmp_path, name: str, control: str, between: str = "\n\n"):
    return closing_line_source(
        tmp_path / name, "Grants Protocol", "1. Grants", CLAUSES, control, between
    )


_notes = notes_in


LINES = [
    (
        "Version 2 · Approved by the Grants Panel on 12 January 2026 · Next review January 2028",
        ("2", "2026-01-12", "Grants Panel", "2028-01"),
    ),
    (
        "Version 3 | Approved by Council 14 May 2025 | Next review May 2027",
        ("3", "2025-05-14", "Council", "2027-05"),
    ),
    (
        "Version 4 • Adopted 3 March 2025 • Review date: March 2027",
        ("4", "2025-03-03", None, "2027-03"),
    ),
    (
        "Adopted by the Council on 2 April 2025; Version 1.2; Next review: April 2027",
        ("1.2", "2025-04-02", "Council", "2027-04"),
    ),
]


def _meta(document) -> tuple:
    meta = document.metadata
    return meta.version, meta.adopted, meta.adopted_by, meta.next_review


@pytest.mark.parametrize(("line", "read"), LINES, ids=lambda v: str(v)[:20])
@pytest.mark.parametrize("name", ["notice.txt", "notice.html", "notice.docx"])
def test_a_closing_line_of_control_fields_is_document_control(tmp_path, name, line, read):
    document = convert_file(_write(tmp_path, name, line))
    assert [record.text for record in clause_records(document)] == [
        clause.split(" ", 1)[1] for clause in CLAUSES
    ]
    assert _meta(document) == read
    assert _notes(document.blocks) == [line]  # its words kept, a paragraph of its own
    assert document.warnings == []


@pytest.mark.parametrize(("line", "read"), LINES[:2], ids=lambda v: str(v)[:20])
def test_a_line_of_control_fields_over_the_text(tmp_path, line, read):
    path = tmp_path / "notice.txt"
    path.write_text(f"Grants Protocol\n\n{line}\n\n1. Grants\n\n" + "\n\n".join(CLAUSES), "utf-8")
    document = convert_file(path)
    assert _meta(document) == read
    assert ("status", 3, line) in document.title_lines  # printed under the title
    assert [h.anchor for h in document.blocks if hasattr(h, "anchor")] == []  # no heading of it


def test_a_new_review_date_in_a_fields_line_amends_no_clause(tmp_path):
    old = convert_file(_write(tmp_path, "a.txt", LINES[0][0]))
    new = convert_file(_write(tmp_path, "b.txt", LINES[0][0].replace("2028", "2029")))
    diff = diff_clauses(clause_records(old), clause_records(new), old.metadata, new.metadata)
    assert [change.status for change in diff.changes] == ["unchanged", "unchanged"]


@pytest.mark.parametrize(
    "line",
    [
        "Members must attend; the chair decides the order.",
        "Version 2 | the clerk keeps the older ones",
        "Next review | the panel sets the date each year",
    ],
)
def test_a_line_with_other_words_between_the_marks_stays_text(tmp_path, line):
    document = convert_file(_write(tmp_path, "notice.txt", line, "\n"))
    assert clause_records(document)[-1].text == f"Notice is given in writing. {line}"
