"""Resolve every reference in one text as the site does: `find_references`, then `resolve`."""

from __future__ import annotations

from clausemark.model.document import ClauseRecord
from clausemark.references import ClauseIndex, Registry, Resolution, find_references, resolve


def find_and_resolve(
    text: str,
    citing: ClauseRecord | None,
    index: ClauseIndex,
    registry: Registry,
    *,
    document: str | None = None,
) -> list[Resolution]:
    return [
        resolve(found, citing, index, registry, document=document)
        for found in find_references(text, registry)
    ]
