"""A document's pages, one version or many: the one home of the document page.

Page paths (docs-relative, so MkDocs gives them their URLs):
  {doc}.md                          the current (newest adopted) version
  {doc}/versions/{slug}.md          every version of a document that has several, with
                                    the same fragment ids, kept out of search
  {doc}/changes/{old}-to-{new}.md   what changed between two consecutive versions
                                    (pages/versions.py writes them)

A link written before a renumbering must still land on the clause it meant. Each page
of a version carries, as inline JSON, where every anchor of the earlier versions went,
and where the addresses a converter correction changed now lead (sources/anchors.json);
clausemark-anchors.js reads it when the URL's fragment is missing from the page. Where
an old anchor now names a different clause, that clause carries a short note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..model.document import Document, iter_clauses
from ..numbering.clause_names import clause_name
from ..parse.metadata import display_title
from ..render.markdown_writer import render_document
from ..render.page_contract import (
    AnchorLanding,
    ChangedClauses,
    ChangesLink,
    PageAnnotations,
    VersionLink,
    VersionOf,
)
from ..support.urls import document_path, relative_url
from ..versions.anchor_registry import DocumentAnchors, corrected_anchors
from ..versions.diff import DocumentDiff
from ..versions.order import PublishedVersion, current_version
from .moved_versions import moved_version_pages
from .versions import VersionPair, compare_all, diff_page_markdown, version_path


@dataclass
class DocumentPages:
    """Every page of one document: its current page and, when it has several versions,
    each version's page and each change page."""

    current: str  # Markdown for {doc}.md
    pages: dict[str, str]  # path -> Markdown: version pages and diff pages (none for one)
    pairs: list[VersionPair]
    versions: list[PublishedVersion] = field(default_factory=list)  # in adoption order
    citations: dict[str, str] = field(default_factory=dict)  # page -> address it cites

    @property
    def versioned(self) -> bool:
        """Several versions: each has its own page, and each change its diff page."""
        return len(self.versions) > 1

    def stored(self) -> StoredPages:
        """What the disk cache keeps: the Markdown and the diffs, not the versions' texts
        (the conversion cache holds those once)."""
        return StoredPages(
            self.current, self.pages, [pair.diff for pair in self.pairs], self.citations
        )

    def version_pages(self, doc_id: str) -> dict[str, Document]:
        """Each version's page and the version's text, for the linker to read it against."""
        if not self.versioned:
            return {}
        return {version_path(doc_id, version): version.document for version in self.versions}


@dataclass
class StoredPages:
    """A document's pages as the disk cache keeps them (DocumentPages.stored)."""

    current: str
    pages: dict[str, str]
    diffs: list[DocumentDiff]  # between each version and the next
    citations: dict[str, str]

    def restored(self, doc_id: str, versions: list[PublishedVersion]) -> DocumentPages:
        """The pages again, with the versions they were made from, `versions` in order."""
        title = current_version(versions).document.metadata.title
        pairs = [
            VersionPair(doc_id, title, old, new, diff)
            for (old, new), diff in zip(
                zip(versions, versions[1:], strict=False), self.diffs, strict=True
            )
        ]
        return DocumentPages(self.current, self.pages, pairs, list(versions), self.citations)


def document_pages(
    doc_id: str,
    versions: list[PublishedVersion],
    *,
    anchors: DocumentAnchors | None = None,
    directory_urls: bool = True,
    cite_url: Callable[[str], str | None] | None = None,
    build_date: str | None = None,
) -> DocumentPages:
    """All pages of a document, `versions` in adoption order (one or several).

    `anchors`: the document's entry in sources/anchors.json; an address a converter
    correction changed lands on its clause on every page showing that version.
    `cite_url`: the address a citation of each page (by its docs path) names, if the
    site says (see cite_urls.py); each page carries it in its front matter.
    `build_date`: when known, the pages say at build whether a review is overdue.
    """
    current = current_version(versions)
    title = display_title(current.document.metadata.title)  # as the menu and tab name it
    pairs = compare_all(doc_id, title, versions)
    pages = {pair.path: diff_page_markdown(pair) for pair in pairs}
    current_markdown = ""
    for position, version in enumerate(versions):
        corrected = corrected_landings(_corrected(anchors, version))
        shown_at = [document_path(doc_id)] if version is current else []
        if len(versions) > 1:
            shown_at.insert(0, version_path(doc_id, version))
        for path in shown_at:
            is_current = path == document_path(doc_id)
            if len(versions) > 1:
                into = pairs[position - 1] if position else None
                moved = anchor_landings(pairs, position, path, directory_urls) if position else {}
                annotations = version_annotations(
                    version,
                    current,
                    pairs,
                    into,
                    {**corrected, **moved},
                    path,
                    is_current,
                    directory_urls,
                )
            else:
                annotations = PageAnnotations(landings=corrected)
            annotations = replace(
                annotations,
                cite_url=cite_url(path) if cite_url is not None else None,
                build_date=build_date,
            )
            markdown = render_document(version.document, annotations)
            if is_current:
                current_markdown = markdown
            else:
                pages[path] = markdown
    made = {*pages, document_path(doc_id)}
    pages.update(moved_version_pages(doc_id, title, versions, anchors, made, directory_urls))
    return DocumentPages(current_markdown, pages, pairs, list(versions))


def _corrected(anchors: DocumentAnchors | None, version: PublishedVersion) -> dict[str, str]:
    """Old address -> anchor now, for the clauses of `version` a converter correction moved."""
    if anchors is None:
        return {}
    shown = [clause.anchor for clause, *_ in iter_clauses(version.document.blocks)]
    return corrected_anchors(anchors, version.label, shown)


def anchor_landings(
    pairs: list[VersionPair], target: int, page: str, directory_urls: bool = True
) -> dict[str, AnchorLanding]:
    """For the version `pairs[target - 1].new`: every anchor of every earlier version.

    The moves of consecutive diffs are followed to this version; the nearest earlier
    version wins when two disagree about one anchor. Anchors still naming the same
    clause are left out.
    """
    landings: dict[str, AnchorLanding] = {}
    here = pairs[target - 1].new_records
    for start in range(target):
        origin = pairs[start]
        position: dict[str, str | None] = {a: a for a in origin.old_records}
        removed_by: dict[str, tuple[VersionPair, str]] = {}
        for pair in pairs[start:target]:
            moves = {c.old.anchor: c.new_anchor for c in pair.diff.changes if c.old}
            for anchor, now in list(position.items()):
                if now is None:
                    continue
                position[anchor] = moves.get(now)
                if position[anchor] is None:
                    removed_by[anchor] = (pair, now)
        for anchor, now in position.items():
            if now == anchor:
                continue
            old_name = clause_name(origin.old_records[anchor], origin.old_records)
            version = origin.old.label
            if now is None:
                pair, last_anchor = removed_by[anchor]
                note = f"{old_name} of version {version} was removed in version {pair.new.label}."
                url = f"{relative_url(page, pair.path, directory_urls)}#removed-{last_anchor}"
                landing = AnchorLanding(anchor, None, note, url, anchor in here)
            else:
                new_name = clause_name(here.get(now), here)
                note = f"{old_name} of version {version} is now {new_name}."
                landing = AnchorLanding(anchor, now, note, None, anchor in here)
            landings[anchor] = landing
    return landings


def corrected_landings(corrected: dict[str, str]) -> dict[str, AnchorLanding]:
    """Landings for addresses a converter correction changed (anchor_registry.corrected_anchors)."""
    return {
        old: AnchorLanding(old, now, f"This link's earlier address (#{old}) now leads here.")
        for old, now in corrected.items()
    }


def changes_links(
    doc_id: str, pairs: list[VersionPair], page: str, directory_urls: bool = True
) -> tuple[ChangesLink, ...]:
    """`clausemark.changes` for the page header template: label and page-relative URL."""
    return tuple(
        ChangesLink(
            f"Changes from {pair.old.label} to {pair.new.label}",
            relative_url(page, pair.path, directory_urls),
        )
        for pair in pairs
    )


def renumbered_from(pair: VersionPair) -> dict[str, str]:
    """Each clause of the new version whose number changed -> its name before."""
    return {
        change.new.anchor: clause_name(change.old, pair.old_records)
        for change in pair.diff.changes
        if change.old is not None
        and change.new is not None
        and change.renumbered
        and change.new.kind != "heading"  # a section's heading moves with its clauses
    }


def changed_in(pair: VersionPair | None) -> dict[str, str]:
    """`clausemark.changed`: this version's clauses that the diff into it changed, by status."""
    if pair is None:
        return {}
    marks = {}
    for change in pair.diff.changes:
        if change.new is None or change.status == "unchanged":
            continue
        marks[change.new.anchor] = "amended" if change.amended else change.status
    return marks


def version_annotations(
    version: PublishedVersion,
    current: PublishedVersion,
    pairs: list[VersionPair],
    into: VersionPair | None,
    landings: dict[str, AnchorLanding],
    path: str,
    is_current: bool,
    directory_urls: bool,
) -> PageAnnotations:
    """What one version's page shows beside its text: the other versions, the diff pages,
    the clauses the last review changed, where earlier anchors went and, on an earlier
    version's own page, that it is not the current one."""
    doc_id = version.document.doc_id
    versions = tuple(
        VersionLink(
            shown.label,
            shown.document.metadata.status,
            relative_url(path, version_path(doc_id, shown), directory_urls),
        )
        for shown in _all_versions(pairs, version)
    )
    changed = None
    if into is not None:
        diff_url = relative_url(path, into.path, directory_urls)
        changed = ChangedClauses(into.old.label, diff_url, changed_in(into), renumbered_from(into))
    version_of = None
    if not is_current:
        version_of = VersionOf(
            page=path,
            label=version.label,
            draft=version.is_draft,
            current_label=current.label,
            current_url=relative_url(path, document_path(doc_id), directory_urls),
        )
    return PageAnnotations(
        version_of=version_of,
        changed=changed,
        landings=landings,
        changes=changes_links(doc_id, pairs, path, directory_urls),
        versions=versions,
    )


def _all_versions(pairs: list[VersionPair], only: PublishedVersion) -> list[PublishedVersion]:
    if not pairs:
        return [only]
    return [pairs[0].old, *(pair.new for pair in pairs)]
