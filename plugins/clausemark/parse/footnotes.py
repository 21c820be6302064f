"""Footnotes: their texts taken out of the flow, and markers linked to them."""

from __future__ import annotations

import re

from ..model.document import Document, Footnote, Heading, Issue
from ..support.markdown_text import SUPERSCRIPT_DIGITS, superscript_to_digits
from .units import Unit

_FOOTNOTE_DEF = re.compile(rf"^(?:([{SUPERSCRIPT_DIGITS}]+)|\[\^(\w+)\]:?)\s*(?=\S)")


def take_footnotes(units: list[Unit], footnotes: list[Footnote]) -> set[int]:
    """The ids of the units that are footnotes' texts: each note ('[^13]: ...'), and the
    bulleted items set in under it ('• Chair of the Council;' under a note printed as an
    item of a web page's list), which are the note's own, joined to its text."""
    taken: set[int] = set()
    note: Footnote | None = None
    indent = 0
    for unit in units:
        if note is not None and unit.bullet and unit.indent > indent:
            note.text = f"{note.text} {unit.text.strip()}"
            note.last_line = max([note.last_line, unit.line, *unit.joined_lines])
            taken.add(id(unit))
            continue
        note = None
        if _take_footnote(unit, footnotes):
            taken.add(id(unit))
            note, indent = footnotes[-1], unit.indent
    return taken


def _take_footnote(unit: Unit, footnotes: list[Footnote]) -> bool:
    if unit.bullet or unit.number or unit.md_level:
        return False
    match = _FOOTNOTE_DEF.match(unit.text)
    if not match:
        return False
    label = superscript_to_digits(match.group(1)) if match.group(1) else match.group(2)
    text = unit.text[match.end() :]
    if match.group(1) and f"[^{label}]" in text:  # "²0²0": a note never marks itself
        text = text.replace(f"[^{label}]", match.group(1))
    footnotes.append(
        Footnote(
            label=label,
            text=text,
            line=unit.line,
            last_line=max([unit.line, *unit.joined_lines]),
        )
    )
    return True


_FOOTNOTE_REF_PATTERN = re.compile(r"\[\^(\w+)\]")


def _link_footnotes(document: Document, noted_headings: list[Heading] = []) -> None:  # noqa: B006
    from ..model.document import iter_clauses, iter_headings, iter_notes, iter_tables

    texts: list[tuple[int, str]] = []
    for clause, _parent, _heading, _depth in iter_clauses(document.blocks):
        for text in [clause.text, *clause.paragraphs, *clause.tail]:
            texts.append((clause.line, text))
    for note, _heading in iter_notes(document.blocks):
        texts.append((note.line, note.text))
    for table in iter_tables(document.blocks):  # "made as a councillor[^3]" in a cell
        for cell in [*table.header, *(cell for row in table.rows for cell in row)]:
            texts.append((table.line, cell))
    for heading in noted_headings:
        texts.extend((heading.line, f"[^{label}]") for label in heading.notes)
    for heading in iter_headings(document.blocks):  # 'Positions[^13] etc.': in its title
        if "[^" in heading.title:
            texts.append((heading.line, heading.title))
    defined = {f.label for f in document.footnotes}
    seen: set[str] = set()
    for line, text in texts:
        if "[^" not in text:
            continue  # the cheap look first: most paragraphs mark no note
        for label in _FOOTNOTE_REF_PATTERN.findall(text):
            if label in defined or label in seen:
                seen.add(label)
                continue
            seen.add(label)
            document.footnotes.append(Footnote(label=label, text="", line=line, missing=True))
            document.warnings.append(
                Issue(line, f"footnote {label} is marked but its text is missing", "footnote")
            )
    for footnote in document.footnotes:
        if not footnote.missing and footnote.label not in seen:
            document.warnings.append(
                Issue(footnote.line, f"footnote {footnote.label} is never referred to", "footnote")
            )
    document.footnotes.sort(key=lambda f: (int(f.label) if f.label.isdigit() else 10**6, f.label))
