"""Choosing the current version, ordering versions by adoption, and the history."""

from __future__ import annotations

from pathlib import Path

from clausemark.convert import convert_file, document_to_json
from clausemark.model.document import Document, Metadata
from clausemark.versions.order import current_version, order_versions, version_slug

VERSIONED = (
    Path(__file__).resolve().parents[2]
    / "sources"
    / ("town-council-member-officer-relations-protocol")
)


def doc(version: str, adopted: str | None, status: str = "adopted") -> tuple:
    meta = Metadata(version=version, adopted=adopted, status=status)
    return (Document("protocol", f"{version}.txt", meta), f"{version}.txt", version)


def test_versions_are_ordered_by_adoption_date_not_file_name_and_drafts_come_last():
    loaded = [
        doc("b-2025", "2025-03-24"),
        doc("a-2026", "2026-03-23"),
        doc("z-draft", None, "draft"),
    ]
    loaded = [loaded[2], loaded[1], loaded[0]]
    ordered = order_versions(loaded)
    assert [v.label for v in ordered] == ["b-2025", "a-2026", "z-draft"]


def test_the_newest_adopted_version_is_current_and_a_draft_never_is():
    ordered = order_versions([doc("2026", "2026-03-23"), doc("2027", None, "draft")])
    assert current_version(ordered).label == "2026"
    only_drafts = order_versions([doc("2027", None, "draft"), doc("2028", None, "draft")])
    assert current_version(only_drafts).label == "2028"


def test_repeated_labels_get_distinct_slugs():
    ordered = order_versions([doc("2026", "2026-01-01"), doc("2026", "2026-06-01")])
    assert [v.slug for v in ordered] == ["2026", "2026-2"]
    assert version_slug("Version 3 (draft)") == "version-3-draft"


def test_the_example_revision_is_a_draft_and_2026_stays_current():
    files = sorted(VERSIONED.glob("*.txt"))
    loaded = [(convert_file(p, "town"), str(p), p.stem) for p in files]
    ordered = order_versions(loaded)
    assert [v.label for v in ordered] == ["2026", "2027"]
    assert ordered[1].is_draft and ordered[1].document.metadata.illustrative
    assert ordered[1].adopted is None and ordered[1].year == "2027"
    assert current_version(ordered).label == "2026"
    # the newest text's own history table lists versions the site has no text of
    history = document_to_json(ordered[-1].document)["history"]
    assert [row["version"] for row in history][:2] == ["2020v1", "2021"]
    assert history[-1]["version"] == "2027" and history[-1]["adopted"] == "(draft)"
