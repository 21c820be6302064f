"""A single-level number glued to a heading in capitals ('1GENERAL' over '1.1Community
...', a PDF copy that lost the space) is a numbered heading like '1 GENERAL' (lead ruling
R8, session 11); before, only a heading in words ('1Meetings') was read so, and
'1GENERAL' became a cross-heading with its clauses at the top. An ordinal ('1ST') is no
glued number."""

from __future__ import annotations

from pathlib import Path

from clausemark.convert import convert_file
from clausemark.model.document import Section, iter_clauses


def _convert(tmp_path: Path, text: str):
    path = tmp_path / "code.txt"
    path.write_text(text, encoding="utf-8")
    return convert_file(path)


def test_a_number_glued_to_capitals_heads_its_clauses(tmp_path):
    document = _convert(
        tmp_path,
        "Code of Conduct\n\n1GENERAL\n\n1.1Members act for the whole community.\n\n"
        "2MEETINGS AND BUSINESS\n\n2.1The chair keeps order.\n",
    )
    sections = [b for b in document.blocks if isinstance(b, Section)]
    assert [(s.heading.anchor, s.heading.title) for s in sections] == [
        ("sec_1", "GENERAL"),
        ("sec_2", "MEETINGS AND BUSINESS"),
    ]
    anchors = [clause.anchor for clause, *_ in iter_clauses(document.blocks)]
    assert anchors == ["sec_1__para_1-1", "sec_2__para_2-1"]


def test_an_ordinal_in_capitals_is_no_glued_number(tmp_path):
    document = _convert(
        tmp_path,
        "Minutes\n\n1ST MEETING OF THE NEW COUNCIL\n\n1.1 The chair was elected.\n",
    )
    assert not [b for b in document.blocks if isinstance(b, Section)]
    assert "1ST MEETING OF THE NEW COUNCIL" in str(document)
