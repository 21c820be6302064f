"""The five seeds keep every clause, heading and anchor they had before the layout work.

tests/seed_anchors.json was generated once from the converter as it stood before the
numbering-style table and the new layout rules (issue 10); it is never regenerated to
make this test pass. A deliberate change to a published anchor belongs in
sources/anchors.json and in this file, with the reason in the commit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clausemark.convert import document_to_json
from clausemark.model.records import clause_records
from seeds import SOURCES, converted

PINNED = json.loads(
    (Path(__file__).parent.parent / "seed_anchors.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("name", sorted(PINNED))
def test_seed_keeps_its_clauses_headings_and_metadata(name):
    document = converted(SOURCES / name)
    pinned = PINNED[name]
    clauses = [[r.anchor, r.number, r.parent] for r in clause_records(document)]
    headings = [
        [h["anchor"], h["number"], h["title"]] for h in document_to_json(document)["headings"]
    ]
    assert clauses == pinned["clauses"]
    assert headings == pinned["headings"]
    meta = document.metadata
    assert [meta.title, meta.council, meta.status, meta.version, meta.adopted] == [
        pinned["title"],
        pinned["council"],
        pinned["status"],
        pinned["version"],
        pinned["adopted"],
    ]
