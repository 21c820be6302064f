"""The conversion pipeline and its data export: source file -> Document -> Markdown / JSON."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import NoReturn

from .model.document import (
    Clause,
    Document,
    Heading,
    Issue,
    Section,
    iter_clauses,
    iter_headings,
)
from .model.records import clause_records, heading_records
from .numbering.styles import clean_number
from .parse.bookmarks import link_bookmarks
from .parse.contents import HeadingIndex
from .parse.drops import settle_drops
from .parse.parser import parse
from .parse.reader_contents import reader_drop
from .readers import read_source
from .readers.text import SourceError, SourceText, front_without_zero_width, zero_width_repair
from .readers.word_fields import BOOKMARK_LINK
from .render.fidelity import lost_words
from .support.limits import LimitError, most
from .support.markdown_text import plain_text
from .support.urls import slugify

JSON_FORMAT_VERSION = 1


# A document's id is its address and a folder name in the site, beside longer names
# (version and change pages): a name near the file system's 255-byte limit would fail
# somewhere in the build, so it is refused at once.
MAX_ID_LENGTH = 100


def doc_id_for(path: Path, display: str | None = None) -> str:
    """A URL-safe id from the file name: 'Member Protocol.txt' -> 'member-protocol'."""
    stem = slugify(path.stem)
    if len(stem) > MAX_ID_LENGTH:
        raise SourceError(
            display or str(path),
            f"the file name is too long for a page address ({len(stem)} characters, "
            f"at most {MAX_ID_LENGTH}); shorten it",
        )
    return stem or "document"


def convert_file(
    path: Path | str,
    doc_id: str | None = None,
    display: str | None = None,
    defaults: dict | None = None,
    check_fidelity: bool = True,
):
    """Read and parse one source; raises SourceError with a one-line message.

    `defaults` is metadata from a sidecar file; the source's own front matter wins.
    `check_fidelity=False` leaves the nothing-lost proof to a caller that renders the
    page anyway (the MkDocs plugin checks the page it builds).
    """
    path = Path(path)
    source = read_source(path, display)
    if defaults:
        defaults, removed = front_without_zero_width(defaults)  # as a front matter's are
        if removed:
            source.warnings.append(zero_width_repair(removed, "the sidecar"))
        source.front_matter = {**defaults, **source.front_matter}
    try:
        document = parse(source, doc_id or doc_id_for(path, source.path))
    except RecursionError:
        raise SourceError(source.path, "the text is nested too deeply to read") from None
    except LimitError as error:
        raise SourceError(source.path, error.message) from None
    _check_depth(source, document)
    if not document.blocks and not document.title_lines:
        raise SourceError(source.path, document.warnings[-1].message)
    document.source_format = source.source_format
    if BOOKMARK_LINK in source.text:  # a Word file's links to its own bookmarks
        link_bookmarks(document, source.bookmarks, source.first_line)
    document.places = {line + source.first_line - 1: place for line, place in source.places.items()}
    for issue in document.warnings if source.places else ():
        if issue.line:
            issue.place = source.places.get(issue.line - source.first_line + 1)
    for note in source.notes:
        document.warnings.insert(0, _note_issue(note))
    for code, message in reversed(source.warnings):
        document.warnings.insert(0, Issue(None, message, code))
    for item in document.dropped if source.places else ():
        if item.line:
            item.place = source.places.get(item.line - source.first_line + 1)
    # Line 0: left out by the reader, so on no line of the text the parser read.
    if source.dropped:
        headings = HeadingIndex.build(
            [
                (position, f"{h.number} {h.title}" if h.number else h.title)
                for position, h in enumerate(iter_headings(document.blocks))
            ]
        )
        document.dropped[:0] = [
            reader_drop(reason, text, headings, source.dropped_places.get(index))
            for index, (reason, text) in enumerate(source.dropped)
        ]
    settle_drops(document, source.front_matter.get("dropped"), source.path)
    for problem in lost_words(source, document) if check_fidelity else ():
        document.warnings.append(Issue(None, f"conversion lost text: {problem}", "lost-words"))
    return document


def _check_depth(source: SourceText, document: Document) -> None:
    """A SourceError naming the first clause nested past `clause_depth`, or the first
    number printed with more than `number_parts` parts (its line, or its page or
    paragraph), before any page is made of it: ids repeat the numbers above them, so these
    two bound every id's length. Walked without recursion."""
    limit = most("clause_depth")
    stack: list[tuple[object, int]] = [(block, 1) for block in reversed(document.blocks)]

    def refuse(name: str, amount: int, line: int) -> NoReturn:
        place = source.places.get(line)
        error = LimitError(name, amount, place)
        raise SourceError(
            source.path, error.message, None if place else line + source.first_line - 1
        )

    while stack:
        block, depth = stack.pop()
        if isinstance(block, Section):
            _check_parts(block.heading.number, block.heading.line, refuse)
            stack.extend((child, depth) for child in reversed(block.blocks))
        elif isinstance(block, Heading):
            _check_parts(block.number, block.line, refuse)
        elif isinstance(block, Clause):
            if depth > limit:
                refuse("clause_depth", depth, block.line)
            _check_parts(block.number, block.line, refuse)
            stack.extend((child, depth + 1) for child in reversed(block.children))


def _check_parts(
    number: str | None, line: int, refuse: Callable[[str, int, int], NoReturn]
) -> None:
    """Refuse a printed number of more than `number_parts` parts ('1.1.1...', '1(a)(b)...')."""
    if number and len(number) > most("number_parts"):  # a short number has few parts
        parts = len(clean_number(number).split("-"))
        if parts > most("number_parts"):
            refuse("number_parts", parts, line)


def _note_issue(note: str) -> Issue:
    return Issue(None, note, "encoding")


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_to_json(document: Document) -> dict:
    """The documented data export (see README, 'The JSON export')."""
    tables = {c.anchor: c.tables for c, *_ in iter_clauses(document.blocks) if c.tables}
    meta = asdict(document.metadata)
    meta.pop("extra", None)
    return {
        "format": "clausemark-document",
        "format_version": JSON_FORMAT_VERSION,
        "document": document.doc_id,
        "source": document.path,
        "source_format": document.source_format,
        "metadata": meta,
        "history": _history(document),
        "headings": [
            {
                "anchor": h.anchor,
                "number": h.number,
                "title": h.title,
                "section": h.number is not None,
            }
            for h in heading_records(document)
        ],
        "clauses": [
            {
                "anchor": r.anchor,
                "number": r.number,
                "parent": r.parent,
                "heading": r.heading,
                "text": r.text,
                "tables": [
                    {"anchor": t.anchor, "header": t.header, "rows": t.rows}
                    for t in tables.get(r.anchor, [])
                ],
            }
            for r in clause_records(document)
        ],
        "footnotes": [
            {"label": f.label, "text": plain_text(f.text), "missing": f.missing, "line": f.line}
            for f in document.footnotes
        ],
        "warnings": [
            {"line": w.line, "code": w.code, "message": w.message} for w in document.warnings
        ],
        "dropped": [
            {
                "line": d.line,
                "place": d.place,
                "kind": d.kind,
                "level": d.level,
                "reason": d.reason,
                "text": d.text,
            }
            for d in document.dropped
        ],
    }


def _history(document: Document) -> list[dict]:
    from .parse.metadata import history_rows

    return history_rows(document.history) if document.history is not None else []
