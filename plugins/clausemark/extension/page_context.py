"""What a document's page shows beyond its own Markdown, as one hash per document.

A page's links, "Referenced by" and "Related" lists come from the site index: the
references its clauses make (resolved or not), the clauses that cite them, their
counterparts elsewhere, and the numbers and titles those links print. Hashing exactly
that lets a dirty rebuild (`mkdocs serve --dirty`) skip the pages an edit cannot have
changed, and rebuild every page it can.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from ..index.site_index import SiteIndex
from ..numbering.clause_names import clause_label


def document_contexts(index: SiteIndex) -> dict[str, str]:
    """A hash per document of every index entry its page draws on."""
    parts: dict[str, list] = defaultdict(list)
    for use in index.references:
        targets = [(*target, _label(index, *target)) for target in use.targets]
        parts[use.source_document].append(
            ("cites", use.source_anchor, use.text, use.status, targets, use.message)
        )
    for (document, anchor), sources in index.referenced_by.items():
        cited_by = [(*source, _label(index, *source)) for source in sources]
        parts[document].append(("cited-by", anchor, cited_by))
    for (document, anchor), related in index.related.items():
        # the "Related" list prints each document's title with its label (labelled_title_of)
        similar = [
            (
                r.document,
                r.anchor,
                _label(index, r.document, r.anchor),
                index.labelled_title_of(r.document),
            )
            for r in related
        ]
        parts[document].append(("related", anchor, similar))
    return {
        document: hashlib.sha256(repr(sorted(map(repr, entries))).encode()).hexdigest()
        for document, entries in parts.items()
    }


def reference_targets(index: SiteIndex) -> str:
    """A hash of every clause and section a reference could resolve to, in any document.

    A reference in a footnote or a table cell is linked on its page without passing
    through the index, so what it may resolve to is part of every page's signature.
    """
    clauses = (
        (document, anchor, record.number, record.parent)
        for (document, anchor), record in index.clauses.clauses.items()
    )
    headings = (
        (h.document, h.anchor, h.number, h.title)
        for group in index.clauses.titles.values()
        for h in group
    )
    parts = sorted(map(repr, clauses)) + sorted(set(map(repr, headings)))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _label(index: SiteIndex, document: str, anchor: str | None) -> tuple[str, str]:
    """The title and clause number a link to (document, anchor) prints."""
    number = clause_label(index, document, anchor) if anchor else ""
    return index.title_of(document), number
