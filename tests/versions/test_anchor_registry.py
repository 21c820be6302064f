"""sources/anchors.json: permanent clause ids, updated by a command, checked by the build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.model.records import clause_records
from clausemark.site_builder.library import discover
from clausemark.versions.anchor_registry import (
    AnchorRegistryError,
    check_document,
    load_registry,
    save_registry,
    update_document,
)
from clausemark.versions.diff import diff_clauses

SOURCES = Path(__file__).resolve().parents[2] / "sources"
TOWN = SOURCES / "town-council-member-officer-relations-protocol"


def town_versions():
    old = convert_file(TOWN / "2026.txt", "town")
    new = convert_file(TOWN / "2027-draft.txt", "town")
    old_records, new_records = clause_records(old), clause_records(new)
    diff = diff_clauses(old_records, new_records, old.metadata, new.metadata)
    versions = [
        ("2026", [r.anchor for r in old_records]),
        ("2027", [r.anchor for r in new_records]),
    ]
    return versions, [diff]


def test_work_ids_follow_the_clause_through_renumbering():
    versions, diffs = town_versions()
    entry = update_document(None, versions, diffs)
    first, second = entry.versions
    assert first.anchors["sec_2__para_2-2"] == "sec_2__para_2-2"
    # old 2.2 is now 2.3 and keeps its permanent id; the new 2.2 gets a fresh one
    assert second.anchors["sec_2__para_2-3"] == "sec_2__para_2-2"
    assert second.anchors["sec_2__para_2-2"] == "sec_2__para_2-2@2027"
    assert entry.removed == {"sec_5__para_5-3": "2027"}


def test_an_update_never_renames_a_published_work_id():
    versions, diffs = town_versions()
    entry = update_document(None, versions, diffs)
    again = update_document(entry, versions, diffs)
    assert [v.anchors for v in again.versions] == [v.anchors for v in entry.versions]


def test_check_passes_when_every_published_anchor_is_accounted_for():
    versions, diffs = town_versions()
    entry = update_document(None, versions, diffs)
    assert check_document("town", entry, "2027", versions[1][1]) == []


def test_a_published_anchor_that_disappears_without_mapping_fails_naming_document_and_anchor():
    versions, diffs = town_versions()
    entry = update_document(None, versions[:1], [])
    current = [a for a in versions[0][1] if a != "sec_4__para_4-1"]
    problems = check_document("town", entry, "2027", current)
    assert len(problems) == 1
    assert problems[0].startswith("town: anchor #sec_4__para_4-1 (published in version 2026)")
    assert "\n" not in problems[0]
    assert "clausemark anchors update" in problems[0]


def test_registry_round_trips_and_a_damaged_file_is_one_line_error(tmp_path):
    versions, diffs = town_versions()
    path = tmp_path / "anchors.json"
    save_registry(path, {"town": update_document(None, versions, diffs)})
    loaded = load_registry(path)
    assert loaded["town"].versions[1].anchors["sec_2__para_2-3"] == "sec_2__para_2-2"
    assert json.loads(path.read_text())["format"] == "clausemark-anchors"
    assert load_registry(tmp_path / "absent.json") == {}
    path.write_text('{"format": "clausemark-anchors", "documents": {"x": {"versions": 3}}}')
    with pytest.raises(AnchorRegistryError, match="damaged"):
        load_registry(path)


def test_the_committed_anchors_file_covers_every_document_of_the_example_site():
    registry = load_registry(SOURCES / "anchors.json")
    for entry in discover(SOURCES):
        assert entry.doc_id in registry, f"run `clausemark anchors update` for {entry.doc_id}"
    town = registry["town-council-member-officer-relations-protocol"]
    assert [v.version for v in town.versions] == ["2026", "2027"]


def test_the_committed_anchors_file_records_the_ids_the_converter_gives_now():
    """A parser change that renames a clause id of the example site must come with
    `clausemark anchors update` (which keeps the old address landing, or names it when it
    cannot): the build checks only versions before the current one, so without this a
    renamed id of a current version would die unsaid (ANCHORS.md, "Guarantees")."""
    from clausemark.site_builder.library import ConversionCache, load_versions

    registry = load_registry(SOURCES / "anchors.json")
    cache = ConversionCache()
    for entry in discover(SOURCES):
        for version in load_versions(entry, cache, check_fidelity=False):
            now = {r.anchor for r in version.records() if r.kind == "clause"}
            recorded = registry[entry.doc_id].version(version.label)
            assert recorded is not None, f"{entry.doc_id} {version.label} is not recorded"
            gone, new = sorted(set(recorded.anchors) - now), sorted(now - set(recorded.anchors))
            assert not gone and not new, (
                f"{entry.doc_id} {version.label}: the converter now gives other clause ids "
                f"(no longer given: {gone[:5]}, new: {new[:5]}); run `clausemark anchors "
                "update`, read what it says it drops, and commit sources/anchors.json"
            )


def test_an_anchor_a_correction_changed_maps_its_old_address_to_the_clause_now():
    from clausemark.versions.anchor_registry import (
        DocumentAnchors,
        VersionAnchors,
        corrected_anchors,
    )

    entry = DocumentAnchors(
        versions=[
            VersionAnchors(
                "1",
                {"para_4": "para_4", "para_4__subpara_a": "para_4__subpara_1", "para_5": "para_5"},
            )
        ]
    )
    anchors = ["para_4", "para_4__subpara_a", "para_5"]
    assert corrected_anchors(entry, "1", anchors) == {"para_4__subpara_1": "para_4__subpara_a"}
    # an old address that a clause holds again is that clause's, not a landing
    assert corrected_anchors(entry, "1", [*anchors, "para_4__subpara_1"]) == {}
    assert corrected_anchors(entry, "2", anchors) == {}
    assert corrected_anchors(None, "1", anchors) == {}
    # a new clause's wId 'anchor@version' was never an address: nothing lands from it
    renamed = DocumentAnchors(versions=[VersionAnchors("2", {"para_4": "para_4@2"})])
    assert corrected_anchors(renamed, "2", ["para_4"]) == {}


def test_the_readme_says_a_new_document_needs_its_anchors_recorded():
    """What "Adding a document" promises is what the check above holds a new document to."""
    readme = (SOURCES.parent / "README.md").read_text(encoding="utf-8")
    adding = readme.split("## Adding a document", 1)[1].split("\n## ", 1)[0]
    assert "Nothing else is required" not in adding
    assert "`clausemark anchors update`" in adding and "`sources/anchors.json`" in adding


def test_a_converter_correction_of_a_recorded_version_keeps_its_old_addresses_landing():
    """A parser change renames ids of a version already recorded (the lead-in ruling:
    'para_20__subpara_a' becomes 'para_a'), its text the same: `anchors update` keeps each
    old address as the wId of the clause at its place, so the page lands it."""
    from clausemark.versions.anchor_registry import corrected_anchors, dropped_addresses

    old = ["para_19", "para_20", "para_20__subpara_a", "para_20__subpara_b", "para_21"]
    recorded = update_document(None, [("1", old)], [])
    new = ["para_19", "para_20", "para_a", "para_b", "para_21"]
    entry = update_document(recorded, [("1", new)], [])
    assert entry.versions[0].anchors["para_a"] == "para_20__subpara_a"
    assert entry.versions[0].anchors["para_19"] == "para_19"
    assert corrected_anchors(entry, "1", new) == {
        "para_20__subpara_a": "para_a",
        "para_20__subpara_b": "para_b",
    }
    assert dropped_addresses(recorded, entry) == []
    # recorded again with the same anchors: nothing moves
    assert update_document(entry, [("1", new)], []).versions == entry.versions


def test_a_correction_that_changes_the_clause_count_pairs_nothing_and_names_what_it_drops():
    """Without clause text the registry cannot tell which clause became which when the
    count changed: it pairs none (a wrong landing is worse than none) and says so."""
    from clausemark.versions.anchor_registry import corrected_anchors, dropped_addresses

    old = ["para_1", "para_2", "para_2__subpara_a", "para_3"]
    recorded = update_document(None, [("1", old)], [])
    new = ["para_1", "para_a", "para_2"]  # a lead-in became a note: one clause fewer
    entry = update_document(recorded, [("1", new)], [])
    assert corrected_anchors(entry, "1", new) == {}
    assert dropped_addresses(recorded, entry) == ["para_2__subpara_a", "para_3"]


def test_a_correction_in_a_later_version_keeps_what_the_diff_carried():
    """In version 2 the diff from version 1 carries a clause's wId; pairing by place only
    fills ids the diff did not carry, and never gives one wId twice."""
    versions, diffs = town_versions()
    entry = update_document(None, versions, diffs)
    label, anchors = versions[1]
    renamed = [a.replace("sec_5__", "sec_5x__") for a in anchors]  # a correction in 2027
    corrected = update_document(entry, [versions[0], (label, renamed)], diffs)
    second = corrected.versions[1].anchors
    wids = list(second.values())
    assert len(wids) == len(set(wids))
    for old, new in zip(anchors, renamed, strict=True):
        assert second[new] == entry.versions[1].anchors[old]
