"""A line of document control printed after the last clause ('Last updated ..., version
4', 'Reviewed ...', 'Date of next review ...', 'Version 3, adopted ...') is no part of that
clause in any format: it is read into the metadata and kept as a paragraph of its own, so
the next review's new date amends no clause."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import Table, iter_clauses
from clausemark.model.records import clause_records
from clausemark.versions.diff import diff_clauses
from format_fixtures import closing_line_source, notes_in

CLAUSES = ("1.1 Members are told of each meeting.", "1.2 Notice is given in writing.")


def _write(tmp_path, name: str, control: str, between: str = "\n\n"):
    return closing_line_source(
        tmp_path / name, "Notice Protocol", "1. Notices", CLAUSES, control, between
    )


_notes = notes_in


@pytest.mark.parametrize(
    ("name", "between"),
    [("notice.txt", "\n\n"), ("notice.txt", "\n"), ("notice.html", ""), ("notice.docx", "")],
)
def test_a_last_updated_line_is_no_part_of_the_last_clause(tmp_path, name, between):
    control = "Last updated 3 February 2026, version 4"
    document = convert_file(_write(tmp_path, name, control, between))
    texts = [clause.text for clause, *_ in iter_clauses(document.blocks)]
    assert texts == ["Members are told of each meeting.", "Notice is given in writing."]
    assert _notes(document.blocks) == [control]  # kept, where it is printed
    assert (document.metadata.version, document.metadata.adopted) == ("4", "2026-02-03")


@pytest.mark.parametrize(
    ("control", "metadata"),
    [
        ("Reviewed 12 March 2025", {"adopted": "2025-03-12"}),
        ("Date of next review: May 2027", {"next_review": "2027-05"}),
        ("Version 3, adopted 3 May 2024", {"version": "3", "adopted": "2024-05-03"}),
        ("Version 2.1 – approved by Council on 9 June 2025", {"version": "2.1"}),
        # a full stop after the number ends a sentence: the version is still read (trial5)
        (
            "Version 3. Adopted by Full Council on 22 July 2026.",
            {"version": "3", "adopted": "2026-07-22", "adopted_by": "Full Council"},
        ),
        ("Version 4.", {"version": "4"}),
    ],
)
@pytest.mark.parametrize("name", ["notice.txt", "notice.docx"])
def test_other_control_lines_are_no_part_of_the_last_clause(tmp_path, name, control, metadata):
    document = convert_file(_write(tmp_path, name, control, "\n"))
    texts = [clause.text for clause, *_ in iter_clauses(document.blocks)]
    assert texts[-1] == "Notice is given in writing."
    kept = [*_notes(document.blocks)]
    kept += [" ".join(t.header + [c for row in t.rows for c in row]) for t in _tables(document)]
    assert [" ".join(k.split()) for k in kept] == [control]  # kept apart, as a note or a table
    for key, value in metadata.items():
        assert getattr(document.metadata, key) == value


def _tables(document) -> list:
    def walk(blocks):
        for block in blocks:
            if isinstance(block, Table):
                yield block
            yield from walk(getattr(block, "blocks", []))

    return list(walk(document.blocks))


def test_a_new_review_date_amends_no_clause(tmp_path):
    old = convert_file(_write(tmp_path, "a.txt", "Last updated 3 February 2026, version 4"))
    new = convert_file(_write(tmp_path, "b.txt", "Last updated 9 March 2027, version 5"))
    diff = diff_clauses(clause_records(old), clause_records(new), old.metadata, new.metadata)
    assert [change.status for change in diff.changes] == ["unchanged", "unchanged"]


@pytest.mark.parametrize(
    "line",
    [
        "Reviewed annually by the Standards Committee.",
        "Version numbers are kept by the clerk.",
        "Version 3. The clerk keeps the older ones.",
        "revised on 3 May 2024 by the committee.",
    ],
)
def test_a_sentence_that_only_starts_like_a_control_line_stays_in_its_clause(tmp_path, line):
    path = tmp_path / "notice.txt"
    path.write_text(f"Notice Protocol\n\n1. Notices\n\n1.1 Notice is given\n{line}\n", "utf-8")
    (clause, *_rest), *_ = list(iter_clauses(convert_file(path).blocks))
    assert clause.text == f"Notice is given {line}"
