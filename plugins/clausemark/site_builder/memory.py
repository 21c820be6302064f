"""What one build keeps for the next: under `mkdocs serve`, an edit to one source then
re-converts only that source, and rebuilds only what depends on it.

Held by whoever runs builds (the MkDocs adapter keeps one for its whole life, a one-off
build makes a fresh one), never in module globals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..index.site_index import SiteIndex
from ..pages.document import DocumentPages
from .library import ConversionCache

PROOFS_KEPT = 1000  # page proofs held in memory before they are dropped and made again


@dataclass
class BuildMemory:
    conversions: ConversionCache = field(default_factory=ConversionCache)
    version_pages: dict[str, tuple[str, DocumentPages]] = field(
        default_factory=dict
    )  # doc -> (key, pages)
    site_index: dict[str, SiteIndex] = field(default_factory=dict)  # key -> index
    index_saved: dict[str, int] = field(default_factory=dict)  # key -> texts in the stored copy
    # (year, place on the page, the document's pages' key) -> its part of that year's review
    review_sections: dict[tuple[str, int, str], list[str]] = field(default_factory=dict)
    proofs: dict[str, tuple[list[str], list[str]]] = field(
        default_factory=dict
    )  # key -> (lost, added)
