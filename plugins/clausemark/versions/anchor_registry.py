"""sources/anchors.json: permanent clause ids, so that a published link never dies.

Every clause gets a permanent work id (wId): its anchor in the version where it first
appeared. For each published version the file maps that version's anchors to wIds, and
it records the version in which a clause was removed. `clausemark anchors update`
writes it; the build checks it, failing when an anchor published in an earlier
version is missing from the current one and the file cannot say where it went.

Shape::

    {"format": "clausemark-anchors", "version": 1,
     "documents": {DOC_ID: {
        "versions": [{"version": "2026", "anchors": {ANCHOR: WID, ...},
                      "was": [EARLIER_LABEL, ...]}, ...],   # "was" only for a renamed one
        "removed": {WID: VERSION_REMOVED_IN, ...}}}}
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..support.atomic import write_atomically
from ..support.limits import LimitError, read_within
from .diff import DocumentDiff, anchor_moves

FORMAT = "clausemark-anchors"
FORMAT_VERSION = 1
# A new clause whose anchor an earlier clause had gets the wId "anchor@version".
WID_VERSION = "@"


class AnchorRegistryError(Exception):
    """A one-line problem with anchors.json."""


@dataclass
class VersionAnchors:
    version: str
    anchors: dict[str, str]  # this version's anchor -> wId
    # Labels this version was published under before (its URL named them): each still
    # lands on it (versions/renames.py). Written by `clausemark anchors update`.
    was: list[str] = field(default_factory=list)


@dataclass
class DocumentAnchors:
    versions: list[VersionAnchors] = field(default_factory=list)
    removed: dict[str, str] = field(default_factory=dict)  # wId -> version it was removed in

    def version(self, label: str) -> VersionAnchors | None:
        return next((v for v in self.versions if v.version == label), None)

    def work_ids(self) -> set[str]:
        return {wid for v in self.versions for wid in v.anchors.values()}


Registry = dict[str, DocumentAnchors]


def update_document(
    previous: DocumentAnchors | None,
    versions: list[tuple[str, list[str]]],
    diffs: list[DocumentDiff],
    renamed: Mapping[str, str] | None = None,
) -> DocumentAnchors:
    """Record each version's anchors, in order, carrying wIds along the diffs between them.

    `versions` is (label, anchors) oldest first; `diffs[k]` compares version k with k+1.
    A version already recorded with the same anchors keeps its wIds untouched, so an
    update never renames a published wId. Versions recorded earlier whose text is no
    longer in sources/ stay in the file: their links still have to land somewhere.
    `renamed` maps a version's label now to the label it was recorded under
    (versions/renames.py): its entry takes the new label, keeps its wIds and lists the
    old label under `was`, so its old address still lands.
    """
    previous = previous or DocumentAnchors()
    renamed = {new: old for new, old in (renamed or {}).items() if previous.version(old)}
    labels = {label for label, _ in versions} | set(renamed.values())
    kept = [v for v in previous.versions if v.version not in labels]
    result = DocumentAnchors(list(kept), dict(previous.removed))
    taken = result.work_ids()
    mapping: dict[str, str] = {}
    for position, (label, anchors) in enumerate(versions):
        recorded = previous.version(label)
        was = list(recorded.was) if recorded is not None else []
        former = previous.version(renamed[label]) if recorded is None and label in renamed else None
        if former is not None:  # published under another label: the same version renamed
            recorded, was = former, [*former.was, former.version]
        if recorded is not None and set(recorded.anchors) == set(anchors):
            mapping = dict(recorded.anchors)
        else:
            moves = anchor_moves(diffs[position - 1]) if position else {}
            carried = {new: mapping[old] for old, new in moves.items() if new and old in mapping}
            if position == 0 and recorded is not None:
                carried = {a: w for a, w in recorded.anchors.items() if a in set(anchors)}
            if recorded is not None:
                carried = {**corrected_in_place(recorded.anchors, anchors, carried), **carried}
            mapping = {}
            for anchor in anchors:
                wid = carried.get(anchor)
                if wid is None:
                    wid = anchor if anchor not in taken else f"{anchor}{WID_VERSION}{label}"
                mapping[anchor] = wid
            if position:
                before = result.versions[-1].anchors
                for old, new in moves.items():
                    if new is None and old in before:
                        result.removed.setdefault(before[old], label)
        taken |= set(mapping.values())
        result.versions.append(VersionAnchors(label, mapping, was))
    return result


def corrected_in_place(
    recorded: Mapping[str, str], anchors: list[str], carried: Mapping[str, str]
) -> dict[str, str]:
    """New anchor -> the wId its clause was recorded under, for a version already recorded
    whose text is the same but whose ids a converter correction changed ('para_20__subpara_a'
    is now 'para_a'): so its published address still lands (`corrected_anchors`).

    The registry keeps no clause text, so clauses are paired by place: only when the
    version still has as many clauses as were recorded (a correction that renames ids
    keeps the clauses and their reading order), the k-th anchor now with the k-th recorded,
    where neither id is in the other list and the wId is not carried already. With another
    count nothing is paired: a wrong landing would be worse than none, and `clausemark
    anchors update` names the addresses it drops (`dropped_addresses`)."""
    before = list(recorded)
    if len(before) != len(anchors):
        return {}
    old_ids, new_ids = set(before), set(anchors)
    taken = {wid for anchor, wid in carried.items() if anchor in new_ids}
    paired: dict[str, str] = {}
    for old, new in zip(before, anchors, strict=True):
        wid = recorded[old]
        if old == new or old in new_ids or new in old_ids or wid in taken:
            continue
        paired[new] = wid
        taken.add(wid)
    return paired


def dropped_addresses(previous: DocumentAnchors | None, entry: DocumentAnchors) -> list[str]:
    """Addresses recorded before that lead nowhere after an update: a version's anchor
    whose wId no version holds now and that is not recorded as removed."""
    if previous is None:
        return []
    kept = entry.work_ids() | set(entry.removed)
    held = {anchor for version in entry.versions for anchor in version.anchors}
    return sorted(
        {
            anchor
            for version in previous.versions
            for anchor, wid in version.anchors.items()
            if wid not in kept and anchor not in held
        }
    )


def check_document(
    doc_id: str, entry: DocumentAnchors | None, current: str, anchors: list[str]
) -> list[str]:
    """One line per anchor published before the current version that now leads nowhere."""
    if entry is None:
        return []
    present = set(anchors)
    recorded = entry.version(current)
    landing = {wid for a, wid in (recorded.anchors if recorded else {}).items() if a in present}
    problems = []
    reported: set[str] = set()
    for version in entry.versions:
        if version.version == current:
            break
        for anchor, wid in version.anchors.items():
            if anchor in present or anchor in reported:
                continue
            if wid in landing or wid in entry.removed:
                continue
            reported.add(anchor)
            problems.append(
                f"{doc_id}: anchor #{anchor} (published in version {version.version}) is missing "
                f"from version {current} and sources/anchors.json does not say where it went; "
                "run `clausemark anchors update`"
            )
    return problems


def unrecorded_now(
    doc_id: str, entry: DocumentAnchors | None, current: str, anchors: list[str]
) -> list[str]:
    """One line when the current version's recorded clause ids are no longer all given
    (a clausemark upgrade reads the same text into other ids): `check_document` looks only
    at earlier versions, so without this line the old addresses would die unsaid until
    `clausemark anchors update` pairs them with the new ids."""
    recorded = entry.version(current) if entry else None
    if recorded is None:
        return []
    present = set(anchors)
    missing = [anchor for anchor in recorded.anchors if anchor not in present]
    if not missing:
        return []
    shown = ", ".join(f"#{anchor}" for anchor in missing[:5])
    more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
    return [
        f"{doc_id}: {len(missing)} clause id(s) recorded for version {current} in "
        f"sources/anchors.json are no longer given ({shown}{more}); run `clausemark anchors "
        "update` so that their old addresses keep landing, and commit the file"
    ]


def corrected_anchors(entry: DocumentAnchors | None, current: str, anchors: list[str]) -> dict:
    """Old address -> anchor now, for clauses of the version `current` whose anchor a
    converter correction changed: their wId is the address first published, and no clause
    holds it now. A wId `anchor@version` (a new clause given an id an earlier one had) was
    never an address, so no link can name it."""
    recorded = entry.version(current) if entry else None
    if recorded is None:
        return {}
    present = set(anchors)
    return {
        wid: anchor
        for anchor, wid in recorded.anchors.items()
        if anchor in present and wid != anchor and wid not in present and WID_VERSION not in wid
    }


def to_json(registry: Registry) -> dict:
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "documents": {
            doc_id: {
                "versions": [_version_json(v) for v in entry.versions],
                "removed": entry.removed,
            }
            for doc_id, entry in sorted(registry.items())
        },
    }


def _version_json(version: VersionAnchors) -> dict:
    """A renamed version lists its earlier labels; any other is written as before."""
    data: dict = {"version": version.version, "anchors": version.anchors}
    if version.was:
        data["was"] = version.was
    return data


def from_json(data: object, where: str) -> Registry:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise AnchorRegistryError(f"{where}: not a clausemark anchors file")
    try:
        return {
            doc_id: DocumentAnchors(
                [
                    VersionAnchors(
                        str(v["version"]), _texts(v["anchors"]), _labels(v.get("was", []))
                    )
                    for v in body["versions"]
                ],
                _texts(body.get("removed", {})),
            )
            for doc_id, body in data.get("documents", {}).items()
        }
    except (KeyError, TypeError, ValueError, AttributeError):
        raise AnchorRegistryError(f"{where}: the anchors file is damaged") from None


def _texts(value: object) -> dict[str, str]:
    """An id map ({old id: id}, {id: version removed in}) of strings only: a number or a
    null there would pass the load and fail a later step with a traceback."""
    if not isinstance(value, dict) or not all(
        isinstance(key, str) and isinstance(item, str) for key, item in value.items()
    ):
        raise ValueError("not a map of ids")
    return dict(value)


def _labels(value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("not a list of labels")
    return list(value)


def load_registry(path: Path) -> Registry:
    """An absent file is an empty registry: a new site has published nothing yet."""
    if not path.is_file():
        return {}
    try:
        data = json.loads(read_within(path, "data_file_bytes").decode("utf-8"))
    except LimitError as error:
        raise AnchorRegistryError(f"{path}: {error.message}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise AnchorRegistryError(f"{path}: cannot read the anchors file ({error})") from None
    except RecursionError:  # '[[[[...' nested past Python's stack
        raise AnchorRegistryError(f"{path}: the anchors file is nested too deep") from None
    except ValueError:  # a number of more digits than Python converts (4,300)
        raise AnchorRegistryError(f"{path}: the anchors file holds a number too long") from None
    return from_json(data, str(path))


def save_registry(path: Path, registry: Registry) -> None:
    """Written whole and atomically; sorted so that a git diff shows only what changed."""
    text = json.dumps(to_json(registry), indent=1, ensure_ascii=False) + "\n"
    write_atomically(path, text)
