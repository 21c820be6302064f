"""Pages the site makes for itself (glossary, code hubs) and its machine-readable index."""

from __future__ import annotations

import json
import re

from ..index.site_index import SiteIndex
from ..numbering.clause_names import clause_label
from ..support.escaping import html_text, markdown_text, markdown_url, safe_link
from ..support.urls import GLOSSARY_PAGE, document_path, relative_md


def _clause_link(index: SiteIndex, from_page: str, document: str, anchor: str | None) -> str:
    page = index.pages.get(document, document_path(document))
    href = relative_md(from_page, page) + (f"#{anchor}" if anchor else "")
    label = clause_label(index, document, anchor) if anchor else "whole document"
    return f"[{markdown_text(label)}]({href})"


def _grouped_uses(index: SiteIndex, from_page: str, uses) -> list[str]:
    lines = []
    by_document: dict[str, list[str | None]] = {}
    for document, anchor in uses:
        by_document.setdefault(document, [])
        if anchor not in by_document[document]:
            by_document[document].append(anchor)
    for document, anchors in by_document.items():
        links = ", ".join(_clause_link(index, from_page, document, a) for a in anchors)
        lines.append(f"- **{markdown_text(index.title_of(document))}**: {links}")
    return lines


def glossary_markdown(index: SiteIndex) -> str:
    page = GLOSSARY_PAGE
    lines = [
        "---",
        "title: Glossary",
        "---",
        "",
        "# Glossary {: #title }",
        "",
        "Plain-English meanings of the offices, bodies and terms used in the constitution. "
        "A term that a document defines for itself is listed under that document.",
        "",
    ]
    shared = sorted((t for t in index.terms if t.scope is None), key=lambda t: t.term.lower())
    for term in shared:
        heading = f"## {markdown_text(term.term)} {{: #{term.slug} }}"
        lines += [heading, "", markdown_text(term.definition), ""]
        if term.aliases:
            lines += [f"*Also called:* {markdown_text(', '.join(term.aliases))}", ""]
        if term.source:
            lines += [f"*Source:* {markdown_text(term.source)}", ""]
        uses = index.term_uses.get(term.key, [])
        if uses:
            lines += ["*Used in:*", "", *_grouped_uses(index, page, uses), ""]
    scoped = sorted(
        ((t.scope, t) for t in index.terms if t.scope is not None),
        key=lambda pair: (index.title_of(pair[0]), pair[1].term.lower()),
    )
    if scoped:
        lines += ["## Terms the documents define for themselves {: #document-terms }", ""]
        for scope, term in scoped:
            where = _clause_link(index, page, scope, term.anchor)
            heading = markdown_text(f"{term.term} ({index.title_of(scope)})")
            lines += [
                f"### {heading} {{: #{scope}--{term.slug} }}",
                "",
                f"Defined in {where}: “{markdown_text(term.definition)}”",
                "",
            ]
            uses = index.term_uses.get(term.key, [])
            if uses:
                lines += ["*Used in:*", "", *_grouped_uses(index, page, uses), ""]
    return "\n".join(lines)


_CODE_WORDS = re.compile(r"\bcodes?\b", re.IGNORECASE)
SNIPPET_WORDS = 16


def mention_snippet(text: str, words: int = SNIPPET_WORDS) -> str:
    """About `words` words of a clause around its first mention of a code, as printed."""
    found = _CODE_WORDS.search(text)
    tokens = text.split()
    if not tokens:
        return ""
    at = len(text[: found.start()].split()) if found else 0
    start = max(0, min(at - words // 2, len(tokens) - words))
    end = min(len(tokens), start + words)
    snippet = " ".join(tokens[start:end])
    return ("… " if start else "") + snippet + (" …" if end < len(tokens) else "")


def code_hub_markdown(index: SiteIndex, code_id: str) -> str:
    """The code's own text (documents.yml `url`), then each clause that mentions it,
    quoted around the mention, so a reader sees why it is listed."""
    code = index.codes[code_id]
    page = index.pages[code_id]
    title = code["title"]
    lines = [
        "---",
        f"title: {json.dumps(html_text(title))}",
        "---",
        "",
        f"# {markdown_text(title)} {{: #title }}",
        "",
    ]
    if code.get("description"):
        lines += [markdown_text(code["description"]), ""]
    name = markdown_text(title + (f" ({code['label']})" if code.get("label") else ""))
    if code.get("url") and safe_link(code["url"]):
        url = markdown_url(code["url"])
        lines += [f"**[Read the {name}]({url})**", "{: .cm-code-link }", ""]
    else:
        unpublished = f"The text of the {name} is not published on this site."
        lines += [unpublished, "{: .cm-code-link }", ""]
    mentions = index.code_mentions.get(code_id, [])
    lines += ["## Clauses that refer to this code {: #mentions }", ""]
    if not mentions:
        lines += ["No clause in the constitution refers to this code.", ""]
    by_document: dict[str, list[str | None]] = {}
    for document, anchor in mentions:
        anchors = by_document.setdefault(document, [])
        if anchor not in anchors:
            anchors.append(anchor)
    for document, anchors in by_document.items():
        lines += [f"### {markdown_text(index.title_of(document))}", ""]
        for anchor in anchors:
            record = index.record(document, anchor) if anchor else None
            snippet = mention_snippet(record.text) if record is not None else ""
            quoted = f": “{markdown_text(snippet)}”" if snippet else ""
            lines.append(f"- {_clause_link(index, page, document, anchor)}{quoted}")
        lines.append("")
    return "\n".join(lines)


def site_data(index: SiteIndex) -> dict:
    """The machine-readable index written beside the site (see README, 'Site index')."""
    return {
        "format": "clausemark-site-index",
        "format_version": 1,
        "documents": [
            {
                "document": doc_id,
                "title": index.title_of(doc_id),
                "page": index.pages[doc_id],
                "version": document.metadata.version,
            }
            for doc_id, document in index.documents.items()
        ],
        "clauses": [
            {
                "document": r.document,
                "anchor": r.anchor,
                "number": r.number,
                "parent": r.parent,
                "label": clause_label(index, r.document, r.anchor),
                "kind": r.kind,
            }
            for r in index.texts()
        ],
        "references": [
            {
                "source": {"document": ref.source_document, "anchor": ref.source_anchor},
                "text": ref.text,
                "status": ref.status,
                "targets": [{"document": d, "anchor": a} for d, a in ref.targets],
                "message": ref.message,
            }
            for ref in index.references
        ],
        "terms": [
            {
                "term": term.term,
                "scope": term.scope,
                "uses": [
                    {"document": d, "anchor": a} for d, a in index.term_uses.get(term.key, [])
                ],
            }
            for term in index.terms
        ],
        "related": [
            {
                "document": document,
                "anchor": anchor,
                "related": [
                    {"document": r.document, "anchor": r.anchor, "score": round(r.score, 3)}
                    for r in related
                ],
            }
            for (document, anchor), related in index.related.items()
        ],
    }
