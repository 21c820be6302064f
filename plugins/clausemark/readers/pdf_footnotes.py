"""Footnotes at the foot of a PDF page whose numbers are not raised (trial L5): a word
processor sets the note's number in the note's own small type ("1 Localism Act 2011,
section 27(1).") while the mark in the text is raised ("conduct.¹").

Read by geometry and size, as a reader sees a page: a paragraph is a footnote when it is
set smaller than the body text, starts below the page's last line of body text, and
starts with a number that a raised mark on the same page carries. Its words become the
note (linked from the mark), never the clause text and never dropped; a later line of
it starting with the next marked number starts the next note. A small paragraph whose
number no mark on the page carries stays text, as printed.
"""

from __future__ import annotations

import re

from .pdf_extract import SUPERSCRIPT_DIGITS, Line

_PLAIN_NOTE = re.compile(r"^(\d{1,3})[.)]?\s+(?=\S)")  # "1 Act ...", "1. Act ...", "1) Act ..."
_RAISED = re.compile(f"[{SUPERSCRIPT_DIGITS}]{{1,3}}")
SMALLER = 0.9  # a note's type is at most this much of the body text's (8-10 pt under 11-12)


def page_marks(lines: list[Line]) -> set[str]:
    """The labels of the raised marks on a page ('¹²' is note 12)."""
    found: set[str] = set()
    for line in lines:
        for mark in _RAISED.findall(line.text):
            found.add("".join(str(SUPERSCRIPT_DIGITS.index(ch)) for ch in mark))
    return found


def body_foot(lines: list[Line], body_size: float) -> float:
    """The baseline of the page's lowest line of body text (0: none on the page)."""
    return max((line.bottom for line in lines if line.size >= 0.95 * body_size), default=0.0)


def plain_notes(
    lines: list[Line], body_size: float, marks: set[str], foot: float
) -> list[tuple[str, list[str]]] | None:
    """The footnotes a paragraph at the page foot holds, as (label, its lines' texts);
    None when it is not such a paragraph."""
    first = _PLAIN_NOTE.match(lines[0].text)
    if (
        first is None
        or not marks
        or lines[0].size >= SMALLER * body_size
        or lines[0].top < foot
        or first.group(1) not in marks
    ):
        return None
    notes: list[tuple[str, list[str]]] = []
    for line in lines:
        starts = _PLAIN_NOTE.match(line.text)
        label = starts.group(1) if starts else None
        if label in marks and label not in {done for done, _ in notes}:
            notes.append((label, [line.text[starts.end() :]]))  # type: ignore[union-attr]
        else:
            notes[-1][1].append(line.text)
    return notes
