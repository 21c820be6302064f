"""A document's versions: which one is current, and their order.

A council publishes the adopted text; a draft revision may sit beside it for
comment. Readers citing "para 2.3" mean the adopted text, so the newest adopted
version is current and a draft never is, however new. Versions are ordered by
adoption date (drafts last, in file order), not by file name, because file names
are whatever the person who added them chose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.document import ClauseRecord, Document
from ..model.records import text_records
from ..support.urls import slugify

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")


@dataclass
class PublishedVersion:
    """One version of a document as the site publishes it."""

    label: str  # as readers name it: "2026", "2027"
    slug: str  # URL-safe and unique within the document
    document: Document
    display: str  # the source file, as shown in messages
    stem: str = ""  # the source file's name without its suffix: the key's last fallback

    @property
    def is_draft(self) -> bool:
        return self.document.metadata.status == "draft"

    @property
    def adopted(self) -> str | None:
        """The ISO adoption date, or None when the text gives none (or a draft says '(draft)')."""
        adopted = self.document.metadata.adopted
        return adopted if adopted and _ISO_DATE.match(adopted) else None

    @property
    def year(self) -> str | None:
        """The year this version belongs to: its adoption year, else a year in its label."""
        if self.adopted:
            return self.adopted[:4]
        found = _YEAR.search(self.label)
        return found.group(0) if found else None

    def records(self) -> list[ClauseRecord]:
        return text_records(self.document, tables=True, headings=True)


def version_label(document: Document, fallback: str) -> str:
    """The key a version is published under (its URL, its entry in sources/anchors.json):
    the version the text prints, else its adoption year, else the file's name. The year
    is the site's name for that version, never shown as a version the text printed (the
    metadata says none): the keys existing sites published stay the same."""
    meta = document.metadata
    return (meta.version or (meta.adopted or "")[:4] or fallback).strip() or fallback


MAX_SLUG_LENGTH = 64  # two of them name a change page: well inside the 255-byte limit


def version_slug(label: str) -> str:
    """The version's part of its page's URL: dots kept, as version numbers have them."""
    return slugify(label, keep=".", max_length=MAX_SLUG_LENGTH, fallback="version")


def order_versions(loaded: list[tuple[Document, str, str]]) -> list[PublishedVersion]:
    """(document, display, file stem) in file order -> versions in adoption order.

    Adopted versions with a date come by date; versions without one keep their file
    order; drafts come last. Labels that repeat get "-2", "-3" so URLs stay unique.
    """
    versions = [
        PublishedVersion(version_label(document, stem), "", document, display, stem)
        for document, display, stem in loaded
    ]

    def key(item: tuple[int, PublishedVersion]):
        position, version = item
        return (version.is_draft, version.adopted or "", position)

    ordered = [version for _, version in sorted(enumerate(versions), key=key)]
    seen: dict[str, int] = {}
    for version in ordered:
        slug = version_slug(version.label)
        seen[slug] = seen.get(slug, 0) + 1
        version.slug = slug if seen[slug] == 1 else f"{slug}-{seen[slug]}"
    return ordered


def current_version(versions: list[PublishedVersion]) -> PublishedVersion:
    """The newest adopted version; only when every version is a draft, the newest draft."""
    adopted = [version for version in versions if not version.is_draft]
    return (adopted or versions)[-1]
