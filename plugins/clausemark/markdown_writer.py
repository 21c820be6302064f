"""Document model to structured Markdown that any Python-Markdown reader can render.

Only standard syntax plus `attr_list` and `footnotes`: every clause carries its id in
an attribute list, numbered clauses are headings (so each is its own search entry and
table-of-contents anchor), and one clause is one block, so that a git diff of two
outputs shows clause-sized changes.
"""

from __future__ import annotations

import html
import re
from typing import Any

import yaml

from .escaping import html_text, markdown_text
from .markdown_guard import defuse_brackets
from .metadata import display_title
from .model import Clause, Document, Footnote, Heading, Note, Section, Table

EDITORIAL = "cm-editorial"  # the site's words beside the adopted text (see editorial.py)
_BLOCK_START = re.compile(r"^(\s*)(#|>|[-+*](?=\s)|\d+(?=[.)]\s)|=+\s*$|\|)")


def escape_block(text: str) -> str:
    """Keep a paragraph a paragraph: its first characters must not read as block syntax."""
    text = defuse_brackets(text).replace("{", "\\{").replace("}", "\\}")
    match = _BLOCK_START.match(text)
    if not match:
        return text
    prefix, token = match.group(1), match.group(2)
    if token[0].isdigit():
        return f"{prefix}{token}\\{text[match.end() :]}"
    return f"{prefix}\\{text[len(prefix) :]}"


def escape_heading(text: str) -> str:
    """Heading text may not end the line with '#' or hold '{' (attribute-list syntax)."""
    escaped = defuse_brackets(text).replace("{", "\\{").replace("}", "\\}")
    return escaped.rstrip("#").rstrip() or text


def _attrs(anchor: str, *classes: str) -> str:
    names = " ".join(f".{c}" for c in classes)
    return f"{{: #{anchor} {names} }}" if names else f"{{: #{anchor} }}"


def _editorial(text: str) -> str:
    return f'<span class="{EDITORIAL}" data-search-exclude>{text}</span>'


def _cell(text: str) -> str:
    return defuse_brackets(text).replace("|", "\\|").replace("{", "\\{").replace("}", "\\}") or " "


def render_table(table: Table) -> list[str]:
    lines: list[str] = []
    # A caption or header the source does not print is the site's, marked as editorial.
    caption = table.caption
    if caption:
        lines += [f"**{caption}**", _attrs(table.anchor, "cm-table-caption"), ""]
    elif table.kind == "version-history":
        caption = "Version history"
        lines += [f"**{caption}**", _attrs(table.anchor, "cm-table-caption", EDITORIAL), ""]
    header = [_cell(c) for c in table.header]
    if not any(table.header):
        header = [_editorial(c) for c in ["Item", "Detail"][: len(table.header)]]
    if len(header) < 2:
        header = [*header, ""]
    width = len(header)
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "|".join(" --- " for _ in range(width)) + "|")
    for row in table.rows:
        cells = (row + [""] * width)[:width]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    if not caption:
        lines += ["", f'<span id="{table.anchor}"></span>']
    lines.append("")
    return lines


def _number_prefix(clause: Clause) -> str:
    return f"**{clause.number}** " if clause.number else ""


def render_item(item: Clause, indent: int) -> list[str]:
    pad = " " * indent
    inner = " " * (indent + 4)
    lines = [
        f"{pad}-   {_number_prefix(item)}{escape_block(item.text)}",
        f"{inner}{_attrs(item.anchor, 'cm-item')}",
        "",
    ]
    for paragraph in item.paragraphs:
        lines += [f"{inner}{escape_block(paragraph)}", ""]
    for child in item.children:
        lines += render_item(child, indent + 4)
    for paragraph in item.tail:
        lines += [f"{inner}{escape_block(paragraph)}", ""]
    return lines


def reader_note(text: str) -> str:
    """A printed error told to the reader beside the clause, marked as the site's note."""
    return (
        f'<aside class="{EDITORIAL} cm-editorial-note cm-numbering-note" data-search-exclude '
        'aria-label="Editorial note on the numbering"><p>'
        f'<span class="cm-editorial-label">Editorial note</span> {html.escape(text)}</p></aside>'
    )


def render_clause(
    clause: Clause, level: int, notes: dict[int, list[str]] | None = None
) -> list[str]:
    lines: list[str] = []
    if clause.number:
        lines += [f"{'#' * level} {clause.number} {_attrs(clause.anchor, 'cm-clause')}", ""]
        lines += [escape_block(clause.text), ""]
    else:
        lines += [escape_block(clause.text), _attrs(clause.anchor, "cm-clause", "cm-unnumbered")]
        lines.append("")
    for text in (notes or {}).get(clause.line, []):
        lines += [reader_note(text), ""]
    for paragraph in clause.paragraphs:
        lines += [escape_block(paragraph), ""]
    for child in clause.children:
        lines += render_item(child, 0)
    for paragraph in clause.tail:
        lines += [escape_block(paragraph), "{: .cm-clause-tail }", ""]
    return lines


def render_blocks(blocks, level: int, notes: dict[int, list[str]] | None = None) -> list[str]:
    lines: list[str] = []
    clause_level = level
    for block in blocks:
        if isinstance(block, Section):
            heading = block.heading
            lines += [
                f"## {heading.number} {escape_heading(heading.title)} {_attrs(heading.anchor)}",
                "",
            ]
            lines += render_blocks(block.blocks, 3, notes)
        elif isinstance(block, Heading):
            lines += [
                f"{'#' * block.level} {escape_heading(block.title)} {_attrs(block.anchor)}",
                "",
            ]
            clause_level = min(block.level + 1, 6)
        elif isinstance(block, Clause):
            lines += render_clause(block, clause_level, notes)
        elif isinstance(block, Table):
            lines += render_table(block)
        elif isinstance(block, Note):
            lines += [escape_block(block.text), _attrs(block.anchor, "cm-note"), ""]
    return lines


_FOOTNOTE_REF = re.compile(r"\[\^(\w+)\]")


def link_footnote_refs(text: str, seen: dict[str, int]) -> str:
    """'[^5]' -> a marker that shows 5, as printed (Markdown's footnotes would renumber it)."""

    def marker(match: re.Match) -> str:
        label = match.group(1)
        seen[label] = seen.get(label, 0) + 1
        ref_id = f"fnref:{label}" if seen[label] == 1 else f"fnref{seen[label]}:{label}"
        return (
            f'<sup class="cm-fnref" id="{ref_id}"><a href="#fn:{label}" '
            f'aria-label="Footnote {label}">{label}</a></sup>'
        )

    return _FOOTNOTE_REF.sub(marker, text)


def render_footnotes(footnotes: list[Footnote]) -> list[str]:
    lines = ['<div class="footnote cm-footnotes" markdown>', "", "## Footnotes {: #footnotes }", ""]
    for footnote in footnotes:
        attrs = 'class="cm-footnote"'
        if footnote.missing:  # the whole entry is the site's note: the source has no text
            text = f"The text of footnote {footnote.label} is missing from the source document."
            attrs = f'class="cm-footnote {EDITORIAL}" data-search-exclude'
        else:
            text = escape_block(footnote.text)
        lines += [
            f'<p id="fn:{footnote.label}" {attrs} markdown="span">'
            f'<span class="cm-footnote-label">{footnote.label}</span> {text} '
            f'<a class="footnote-backref" href="#fnref:{footnote.label}" '
            f'aria-label="Back to the text of footnote {footnote.label}">↩</a></p>',
            "",
        ]
    lines += ["</div>", ""]
    return lines


def front_matter(document: Document) -> dict:
    meta = document.metadata
    data: dict[str, Any] = {
        "title": html_text(display_title(meta.title)),  # MkDocs and Material read it as HTML
        "clausemark": {
            "document": document.doc_id,
            "source": document.path,
            "council": meta.council,
            "document_type": meta.document_type,
            "label": meta.label,
            "version": meta.version,
            "status": meta.status,
            "adopted": meta.adopted,
            "adopted_by": meta.adopted_by,
            "minute": meta.minute,
            "next_review": meta.next_review,
            "illustrative": meta.illustrative,
            "warnings": len(document.warnings),
        },
    }
    data["clausemark"] = {k: v for k, v in data["clausemark"].items() if v not in (None, "")}
    return data


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: faster


def render_document(document: Document) -> str:
    head = yaml.dump(front_matter(document), Dumper=_DUMPER, sort_keys=False, allow_unicode=True)
    lines = ["---", head.rstrip(), "---", ""]
    printed = next((t for k, _l, t in document.title_lines if k == "title"), None)
    heading = escape_heading(printed) if printed else markdown_text(document.metadata.title)
    # A title the source does not print (taken from metadata or the file name) is the site's.
    marked = "" if printed else f" .{EDITORIAL}"
    title_line = [f'# {heading} {{: #title{marked} data-cm-document="{document.doc_id}" }}', ""]
    for kind, _line, text in document.title_lines:  # as printed: a council line may follow
        if kind == "title" and title_line:
            lines += title_line
            title_line = []
        elif kind in ("label", "council", "status"):
            lines += [escape_block(text), "{: .cm-label }", ""]
    lines += title_line
    notes: dict[int, list[str]] = {}
    for issue in document.warnings:
        if issue.reader_note and issue.line:
            notes.setdefault(issue.line, []).append(issue.reader_note)
    lines += render_blocks(document.blocks, 2, notes)
    if document.footnotes:
        lines += render_footnotes(document.footnotes)
        seen: dict[str, int] = {}
        lines = [link_footnote_refs(line, seen) if "[^" in line else line for line in lines]
    return "\n".join(lines).rstrip() + "\n"
