"""Versions published under a label they no longer have: where their old address leads.

A version's key (its page's URL, its entry in sources/anchors.json) is the version the
text prints, else its adoption year, else its file's name (order.version_label). When
the converter learns to read a printed version ("Version | 4" in a control table), the
version published as `/rules/versions/2025/` becomes `/rules/versions/4/`. People keep
links for years, so every label anchors.json records that no version has now is matched
to the version it became, by the first of these that names one version alone:

1. recorded: a version's entry lists the label under `was` (`clausemark anchors update`
   writes it once it has matched the rename);
2. same adoption: the label is a key the version had before its printed version was
   read, its adoption year or its file's name;
3. same clauses: the version's clause anchors are exactly the ones recorded under the
   label, and the version prints its version now (one keyed by its adoption year or
   file name, as before, is another version, not this one renamed).

A renamed version keeps its place among the versions that kept their labels: a label
recorded before one of them is never matched to a version after it.

A version whose label anchors.json records kept its name, and is nobody's rename. A
label matched to no version names a version no longer published (its file taken out
of sources/): its address says so and leads to the document.
"""

from __future__ import annotations

from .anchor_registry import DocumentAnchors
from .order import PublishedVersion


def former_keys(version: PublishedVersion) -> set[str]:
    """The keys order.version_label gives a version that prints no version of its own."""
    keys = {version.stem} if version.stem else set()
    if version.adopted:
        keys.add(version.adopted[:4])
    return keys


def renamed_versions(
    entry: DocumentAnchors | None, versions: list[PublishedVersion]
) -> dict[str, PublishedVersion | None]:
    """Each label `entry` records that no version in `versions` has now -> the version it
    became, or None when it is no longer published. Empty when nothing was renamed."""
    if entry is None:
        return {}
    present = {version.label for version in versions}
    recorded = {recorded.version for recorded in entry.versions}
    # a version still published under a recorded label kept its name: nobody's rename
    open_versions = [version for version in versions if version.label not in recorded]
    result: dict[str, PublishedVersion | None] = {}
    by_label = {version.label: version for version in versions}
    place = {version.label: index for index, version in enumerate(versions)}
    # (recorded place, place now) of each version that kept its label: a renamed one
    # keeps its place among them ('2023' recorded before '2024' is never '2025' after it)
    kept = [
        (index, place[old.version])
        for index, old in enumerate(entry.versions)
        if old.version in present
    ]
    for index, old in enumerate(entry.versions):
        if old.version not in present:
            in_order = [
                version
                for version in open_versions
                if all((index < was) == (place[version.label] < now) for was, now in kept)
            ]
            result[old.version] = _matched(old.version, set(old.anchors), in_order)
    for old in entry.versions:  # recorded: an earlier label lands where its version is now
        became = by_label.get(old.version) or result.get(old.version)
        for label in old.was:
            if label not in present:
                result.setdefault(label, became)
    return result


def _matched(
    label: str, anchors: set[str], candidates: list[PublishedVersion]
) -> PublishedVersion | None:
    same_adoption = [version for version in candidates if label in former_keys(version)]
    if len(same_adoption) == 1:
        return same_adoption[0]
    # by its clauses only a version that prints its version now: one keyed as before
    # (its adoption year, its file's name) was never renamed, it is another version
    pool = same_adoption or [v for v in candidates if v.label not in former_keys(v)]
    same_clauses = [version for version in pool if clause_anchors(version) == anchors]
    return same_clauses[0] if len(same_clauses) == 1 else None


def clause_anchors(version: PublishedVersion) -> set[str]:
    """The anchors anchors.json records for a version (`clausemark anchors update`)."""
    return {record.anchor for record in version.records() if record.kind == "clause"}


def renamed_labels(
    entry: DocumentAnchors | None, versions: list[PublishedVersion]
) -> dict[str, str]:
    """Label now -> the label anchors.json recorded it under, for `update_document`."""
    if entry is None:
        return {}
    recorded = {version.version for version in entry.versions}
    return {
        version.label: old
        for old, version in renamed_versions(entry, versions).items()
        if version is not None and version.label not in recorded
    }
