"""The home page's directory: every document with the facts a reader looks for first.

Generated from the documents themselves (never hand-kept), as Markdown whose links are
docs-relative `.md` paths, so MkDocs turns them into URLs for the site and the bundle.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from ..index.parts import constitution_part, part_heading, part_order
from ..model.document import Document
from ..support.dates import format_date, review_overdue
from ..support.escaping import markdown_text
from ..support.urls import document_path, version_page


@dataclass
class DirectoryEntry:
    """One document's row: its current text, and its other versions and change pages."""

    document: Document
    title: str  # as the menu names it
    page: str  # docs-relative .md path of the current page
    versions: list[tuple[str, str, bool]] = field(default_factory=list)  # (label, page, draft)
    changes: list[tuple[str, str]] = field(default_factory=list)  # (label, page)


def _cell(text: str) -> str:
    """A table cell's words: no Markdown, no HTML, and no '|' ending the cell."""
    return markdown_text(text)


def _link(text: str, page: str) -> str:
    return f"[{markdown_text(text)}]({page})"


def _review_cell(next_review: str | None, build_date: str | None) -> str:
    """The date, and an 'overdue' mark: shown at build when the build date is known,
    else revealed by clausemark.js by the reader's date."""
    if not next_review:
        return "—"
    shown = _cell(format_date(next_review))
    overdue = review_overdue(next_review, build_date)
    # Hidden until the reader's date says so: kept out of the search index meanwhile, or
    # a search shows "(review overdue)" beside a document that is not.
    hidden = "" if overdue else " hidden data-search-exclude"
    return (
        f'{shown} <strong class="cm-overdue" data-cm-overdue-due="{html.escape(next_review)}"'
        f"{hidden}>(review overdue)</strong>"
    )


def _document_cell(entry: DirectoryEntry) -> str:
    parts = [f"**{_link(entry.title, entry.page)}**"]
    if entry.document.metadata.label:
        parts.append(_cell(entry.document.metadata.label))
    others = [
        _link(f"{label} (draft)" if draft else label, page) for label, page, draft in entry.versions
    ]
    if others:
        parts.append("Versions: " + " · ".join(others))
    if entry.changes:
        parts.append("Changes: " + " · ".join(_link(lbl, page) for lbl, page in entry.changes))
    return "<br>".join(parts)


def directory_markdown(
    entries: list[DirectoryEntry],
    build_date: str | None = None,
    council: str | None = None,
    part_names: dict[str, str] | None = None,
) -> str:
    """A table per Part of the constitution, in printed order; `council` is the site's
    publisher, for documents that do not name their own."""
    groups: dict[str, list[DirectoryEntry]] = {}
    for entry in entries:
        groups.setdefault(constitution_part(entry.document.metadata.label), []).append(entry)
    lines = [
        "## All documents {: #documents }",
        "",
        f"{len(entries)} documents. Dates are as adopted; a review date that has passed "
        "is marked overdue.",
        "",
        '<label class="md-button cm-search-button" for="__search">Search the constitution</label>',
        "",
    ]
    for name in sorted(groups, key=part_order):
        slug = name.lower().replace(" ", "-")
        lines += [f"### {_cell(part_heading(name, part_names))} {{: #{slug} }}", ""]
        lines += [
            '<div class="cm-directory" markdown>',
            "",
            "| Document | Council | Status | Version | Adopted | Next review |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for entry in groups[name]:
            meta = entry.document.metadata
            # "Adopted" only where the text or its sidecar says so, as the page's own
            # header has it (render/page_header.py): a text printing no adoption is not
            status = (
                "Draft"
                if meta.status == "draft"
                else "Adopted"
                if meta.status_stated or meta.adopted
                else "—"
            )
            if meta.illustrative:
                status += " (illustrative)"
            cells = [
                _document_cell(entry),
                _cell(meta.council or council or "—"),
                status,
                _cell(meta.version or "—"),
                _cell(format_date(meta.adopted)) or "—",
                _review_cell(meta.next_review, build_date),
            ]
            lines.append("| " + " | ".join(cells) + " |")
        lines += ["", "</div>", ""]
    return "\n".join(lines)


def directory_entry(doc_id: str, document: Document, pages) -> DirectoryEntry:
    """`pages`: the document's pages (DocumentPages); one version has no version pages."""
    entry = DirectoryEntry(document, document.metadata.title, document_path(doc_id))
    if pages.versioned:
        entry.versions = [
            (v.label, version_page(doc_id, v.slug), v.is_draft) for v in pages.versions
        ]
        entry.changes = [(f"{p.old.label} to {p.new.label}", p.path) for p in pages.pairs]
    return entry
