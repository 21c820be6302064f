"""Links to a Word document's own bookmarks, made links to the clause they mark.

The Word reader writes a link to a bookmark (a `w:hyperlink w:anchor`, a HYPERLINK
field's `\\l` alone, a cross-reference `REF ... \\h`) as "[words](#cm-bookmark-NAME)" and
says which line of its text each bookmark is on (`SourceText.bookmarks`). Once the text
is parsed, a bookmark on the line a clause or heading starts at links there by that
clause's anchor; any other keeps its words, unlinked (a bookmark in running text, or one
the document never sets): nothing links to a place the page does not have.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass

from ..model.document import Clause, Document, Footnote, Heading, Note, Section, Table
from ..readers.word_fields import BOOKMARK_LINK

_LINK = re.compile(r"\[((?:\\.|[^\[\]\\])*)\]\(" + re.escape(BOOKMARK_LINK) + r"(\w{1,40})\)")
_TEXTS = (Clause, Heading, Note, Table, Footnote, Section)


def link_bookmarks(document: Document, bookmarks: dict[str, int], first_line: int = 1) -> None:
    """Every bookmark link in the document's text made a link to its clause or heading,
    or its words alone (see the module); `bookmarks` lines are the reader's text's."""
    starts: dict[int, str] = {}
    _starts(document.blocks, starts)
    targets = {
        name: starts[line + first_line - 1]
        for name, line in bookmarks.items()
        if line + first_line - 1 in starts
    }

    def linked(match: re.Match) -> str:
        anchor = targets.get(match[2])
        return f"[{match[1]}](#{anchor})" if anchor else match[1]

    for block in [*document.blocks, *document.footnotes]:
        _rewrite(block, linked)
    unlinked = _LINK.sub  # a title is words: never a link
    document.metadata.title = unlinked(r"\1", document.metadata.title)
    document.title_lines = [(k, n, unlinked(r"\1", t)) for k, n, t in document.title_lines]


def _starts(blocks: list, starts: dict[int, str]) -> None:
    """Line -> anchor of each clause and heading (a clause's own line first)."""
    for block in blocks:
        if isinstance(block, Section):
            starts.setdefault(block.heading.line, block.heading.anchor)
            _starts(block.blocks, starts)
        elif isinstance(block, Clause):
            if block.anchor:
                starts.setdefault(block.line, block.anchor)
            _starts(block.children, starts)
        elif isinstance(block, Heading) and block.anchor:
            starts.setdefault(block.line, block.anchor)


def _rewrite(item, linked) -> None:
    """Every text of a block and those inside it, rewritten in place."""
    for spec in fields(item):
        value = getattr(item, spec.name)
        if isinstance(value, str):
            if BOOKMARK_LINK in value:
                setattr(item, spec.name, _LINK.sub(linked, value))
        elif isinstance(value, list | tuple):
            changed = [_rewritten(entry, linked) for entry in value]
            setattr(item, spec.name, type(value)(changed))
        elif is_dataclass(value) and isinstance(value, _TEXTS):
            _rewrite(value, linked)


def _rewritten(entry, linked):
    if isinstance(entry, str):
        return _LINK.sub(linked, entry) if BOOKMARK_LINK in entry else entry
    if isinstance(entry, list):
        return [_rewritten(inner, linked) for inner in entry]
    if is_dataclass(entry) and isinstance(entry, _TEXTS):
        _rewrite(entry, linked)
    return entry
