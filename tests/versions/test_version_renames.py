"""A version published under one label and now under another: its old addresses still land.

The case is the one session 6 made: control rows "Version | 3" are read now, so a version
sources/anchors.json recorded as "2025" (its adoption year, the key when no printed
version was read) is published as "3", and /rules/versions/2025/ must still lead there.
"""

from __future__ import annotations

import json

import yaml
from clausemark.convert import convert_file
from clausemark.pages.document import document_pages
from clausemark.pages.moved_versions import moved_version_pages
from clausemark.versions.anchor_registry import (
    DocumentAnchors,
    VersionAnchors,
    from_json,
    load_registry,
    save_registry,
    to_json,
    update_document,
)
from clausemark.versions.order import PublishedVersion, order_versions
from clausemark.versions.renames import clause_anchors, renamed_labels, renamed_versions
from renamed_version_texts import NEW, OLD


def rules_versions(tmp_path, texts=(("2025", OLD), ("2026", NEW))) -> list[PublishedVersion]:
    loaded = []
    for stem, text in texts:
        path = tmp_path / "rules" / f"{stem}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        loaded.append((convert_file(path, "rules"), f"rules/{stem}.txt", stem))
    return order_versions(loaded)


def recorded_by_year(versions: list[PublishedVersion]) -> DocumentAnchors:
    """anchors.json as a build before control rows were read wrote it: keys by year."""
    entries = []
    for version in versions:
        anchors = sorted(clause_anchors(version))
        entries.append(VersionAnchors(version.adopted[:4], {a: a for a in anchors}))
    return DocumentAnchors(entries)


def test_a_version_recorded_by_its_adoption_year_is_found_under_its_printed_version(tmp_path):
    versions = rules_versions(tmp_path)
    assert [v.label for v in versions] == ["3", "4"]
    renamed = renamed_versions(recorded_by_year(versions), versions)
    assert {old: new.label for old, new in renamed.items() if new} == {"2025": "3", "2026": "4"}


def test_a_version_that_kept_its_label_is_nobody_s_rename(tmp_path):
    versions = rules_versions(tmp_path)
    entry = recorded_by_year(versions)
    entry.versions[1].version = "4"  # recorded as 4 already: only 2025 was renamed
    renamed = renamed_versions(entry, versions)
    assert {old: new.label for old, new in renamed.items() if new} == {"2025": "3"}


def test_without_the_year_the_same_clauses_name_the_version_and_a_gone_one_is_none(tmp_path):
    versions = rules_versions(tmp_path)
    entry = recorded_by_year(versions)
    entry.versions[0].version = "first-issue"  # no key of any version: matched by clauses
    entry.versions.insert(0, VersionAnchors("2019", {"para_9": "para_9"}))  # file taken out
    renamed = renamed_versions(entry, versions)
    assert renamed["first-issue"] is versions[0]
    assert renamed["2019"] is None


def test_anchors_update_renames_the_entry_keeps_its_work_ids_and_records_the_old_label(tmp_path):
    versions = rules_versions(tmp_path)
    previous = recorded_by_year(versions)
    previous.versions[0].anchors["sec_1__para_1-2"] = "para_2"  # a wId first published so
    labels = [(v.label, sorted(clause_anchors(v))) for v in versions]
    renamed = renamed_labels(previous, versions)
    assert renamed == {"3": "2025", "4": "2026"}
    entry = update_document(previous, labels, [], renamed)
    assert [(v.version, v.was) for v in entry.versions] == [("3", ["2025"]), ("4", ["2026"])]
    assert entry.versions[0].anchors["sec_1__para_1-2"] == "para_2"
    assert "@" not in "".join(entry.versions[1].anchors.values())  # no wId renamed
    # written and read back, the old label still lands on the version it became
    path = tmp_path / "anchors.json"
    save_registry(path, {"rules": entry})
    again = load_registry(path)["rules"]
    assert {o: n.label for o, n in renamed_versions(again, versions).items() if n} == {
        "2025": "3",
        "2026": "4",
    }
    # and an update after that changes nothing
    assert to_json({"rules": update_document(again, labels, [], {})}) == to_json({"rules": again})


def test_an_entry_without_earlier_labels_is_written_as_before(tmp_path):
    data = to_json({"x": DocumentAnchors([VersionAnchors("2026", {"a": "a"})])})
    assert data["documents"]["x"]["versions"] == [{"version": "2026", "anchors": {"a": "a"}}]
    damaged = json.loads(json.dumps(data))
    damaged["documents"]["x"]["versions"][0]["was"] = "2025"  # not a list
    try:
        from_json(damaged, "anchors.json")
    except Exception as error:  # noqa: BLE001 - the one-line error is the point
        assert str(error) == "anchors.json: the anchors file is damaged"
    else:
        raise AssertionError("a damaged 'was' was read")


def front_matter(markdown: str) -> dict:
    return yaml.safe_load(markdown.split("---\n")[1])


def test_the_old_version_and_change_addresses_get_pages_that_lead_to_the_new_ones(tmp_path):
    versions = rules_versions(tmp_path)
    entry = recorded_by_year(versions)
    pages = document_pages("rules", versions, anchors=entry).pages
    old = pages["rules/versions/2025.md"]
    assert front_matter(old)["clausemark_moved"] == "../3/"
    assert front_matter(old)["search"] == {"exclude": True}
    assert "version 2025 is now version 3" in old
    assert "[version 3](3.md)" in old
    assert "The current version is [version 4](../../rules.md)." in old
    change = pages["rules/changes/2025-to-2026.md"]
    assert front_matter(change)["clausemark_moved"] == "../3-to-4/"
    assert "(3-to-4.md)" in change
    # the pages that show the text are the versions' own, as before
    assert "rules/versions/3.md" in pages and "rules/changes/3-to-4.md" in pages
    # for the offline bundle (no directory URLs) the browser goes on to the .html file
    bundle = document_pages("rules", versions, anchors=entry, directory_urls=False).pages
    assert front_matter(bundle["rules/versions/2025.md"])["clausemark_moved"] == "3.html"


def test_nothing_is_added_when_the_labels_are_the_ones_recorded(tmp_path):
    versions = rules_versions(tmp_path)
    entry = DocumentAnchors(
        [VersionAnchors(v.label, {a: a for a in clause_anchors(v)}) for v in versions]
    )
    assert moved_version_pages("rules", "Rules", versions, entry, set()) == {}
    assert set(document_pages("rules", versions, anchors=entry).pages) == {
        "rules/versions/3.md",
        "rules/versions/4.md",
        "rules/changes/3-to-4.md",
    }


def test_a_label_no_version_has_says_so_and_leads_to_the_document(tmp_path):
    versions = rules_versions(tmp_path)
    entry = recorded_by_year(versions)
    entry.versions.insert(0, VersionAnchors("2019", {"para_9": "para_9"}))
    page = document_pages("rules", versions, anchors=entry).pages["rules/versions/2019.md"]
    assert "version 2019 is no longer published" in page
    assert "clausemark_moved" not in front_matter(page)
    assert "The current version is [version 4](../../rules.md)." in page


def test_anchors_update_records_the_rename_in_sources(tmp_path):
    from site_builds import clausemark_here

    versions = rules_versions(tmp_path / "sources")
    path = tmp_path / "sources" / "anchors.json"
    save_registry(path, {"rules": recorded_by_year(versions)})
    clausemark_here("anchors", "update", "--sources", "sources", cwd=tmp_path, expect_failure=False)
    entry = load_registry(path)["rules"]
    assert [(v.version, v.was) for v in entry.versions] == [("3", ["2025"]), ("4", ["2026"])]


def _dated(year: int, times: str, version: str = "") -> str:
    printed = f"Version | {version}\n" if version else ""
    return (
        f"Standing Orders for Meetings\n\n{printed}Adopted by | Full Council\n"
        f"Date adopted | 12 May {year}\n\n1. Meetings\n\n1.1 The council meets {times} "
        "times a year.\n\n1.2 Three members form a quorum.\n"
    )


def test_a_retired_version_is_never_taken_for_a_new_one_with_the_same_clauses(tmp_path):
    """review7 R2: 2023 taken out of sources/ and 2025 added (its wording amended, its
    clauses the same): 2023's address says it is no longer published, never that it is
    now 2025, and `anchors update` keeps 2023's entry as it was."""
    before = rules_versions(
        tmp_path / "a", (("2023", _dated(2023, "four")), ("2024", _dated(2024, "five")))
    )
    entry = DocumentAnchors(
        [VersionAnchors(v.label, {a: a for a in clause_anchors(v)}) for v in before]
    )
    now = rules_versions(
        tmp_path / "b", (("2024", _dated(2024, "five")), ("2025", _dated(2025, "six")))
    )
    assert [v.label for v in now] == ["2024", "2025"]
    assert renamed_versions(entry, now) == {"2023": None}
    assert renamed_labels(entry, now) == {}
    page = document_pages("rules", now, anchors=entry).pages["rules/versions/2023.md"]
    assert "version 2023 is no longer published" in page
    assert "clausemark_moved" not in front_matter(page)


def test_a_renamed_version_keeps_its_place_among_the_versions_that_kept_their_labels(tmp_path):
    """Printed versions 3 and 4 recorded; 3 taken out and 5 added with 3's clauses: 3
    was before 4, 5 comes after it, so 5 is not 3 renamed."""
    texts = (("a", _dated(2023, "four", "3")), ("b", _dated(2024, "five", "4")))
    before = rules_versions(tmp_path / "a", texts)
    entry = DocumentAnchors(
        [VersionAnchors(v.label, {a: a for a in clause_anchors(v)}) for v in before]
    )
    texts = (("b", _dated(2024, "five", "4")), ("c", _dated(2025, "six", "5")))
    now = rules_versions(tmp_path / "b", texts)
    assert [v.label for v in now] == ["4", "5"]
    assert renamed_versions(entry, now) == {"3": None}
