"""What a page shows beside a document's text: the contract between the site and the writer.

The site decides the facts (this is an earlier version, these clauses changed in the last
review, this old anchor now leads there); `markdown_writer.render_document` turns them
into Markdown, so every `cm-` class, `data-cm-*` attribute, banner, change mark, note and
moves script is written in one place, with the text, and never patched in afterwards.
Plain data: no Markdown, no HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class AnchorLanding:
    """Where an anchor of an earlier version leads on a later version's page."""

    anchor: str
    to: str | None
    note: str
    diff_url: str | None = None
    reused: bool = False  # the anchor exists on the page but names a different clause


@dataclass(frozen=True)
class VersionOf:
    """The page shows an earlier (or draft) version, not the document's current text."""

    page: str  # this page's docs path: the linker reads the version's own clauses for it
    label: str  # the version shown
    draft: bool
    current_label: str
    current_url: str  # page-relative URL of the document's current page


@dataclass(frozen=True)
class ChangedClauses:
    """The clauses the review into this version changed, each labelled on the page."""

    since: str  # the label of the version before
    diff_url: str  # page-relative URL of the diff page; each change is `#change-{anchor}`
    statuses: dict[str, str]  # anchor -> "amended", "added", "renumbered", "moved"
    # anchor -> the clause's name before the review ("para 3.3"), for each clause whose
    # number changed: shown once as a small "was para 3.3" beside it
    was: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ChangesLink:
    """One diff page of the document, for the page header: `clausemark.changes`."""

    label: str
    url: str


@dataclass(frozen=True)
class VersionLink:
    """One version of the document, for the version menu: `clausemark.versions.order`."""

    label: str
    status: str | None
    url: str


@dataclass(frozen=True)
class PageAnnotations:
    """Everything a document's page carries besides the document itself."""

    version_of: VersionOf | None = None  # None: the document's own (current) page
    changed: ChangedClauses | None = None
    landings: dict[str, AnchorLanding] = field(default_factory=dict)
    changes: tuple[ChangesLink, ...] = ()
    versions: tuple[VersionLink, ...] = ()
    cite_url: str | None = None  # the address a citation of this page names (cite_urls.py)
    build_date: str | None = None  # ISO: lets the page say at build that a review is overdue

    def reused_anchor_notes(self) -> dict[str, AnchorLanding]:
        """Anchors on this page that once named another clause: each gets a note under it."""
        return {anchor: landing for anchor, landing in self.landings.items() if landing.reused}
