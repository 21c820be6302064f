"""A Word paragraph's pieces with their emphasis, written once as Markdown marks.

Word splits text into runs at will (one bold word may be three runs); the page shows
emphasis as Word does: adjacent pieces with the same emphasis joined, spaces taking the
emphasis they sit in, and emphasis nested where it overlaps, the longer outside. Every
step is linear in the paragraph's pieces (a paragraph of 100,000 runs is read at once).
"""

from __future__ import annotations

# A piece of a paragraph's text with its emphasis (bold, italic, underline); None for
# text already written out (a link, a footnote mark, a superscript set by hand).
Format = tuple[bool, bool, bool] | None
Segment = tuple[str, Format]
PLAIN: Format = (False, False, False)  # most of a document's text


_OPEN = ("**", "*", "<u>")  # by position in a Format: bold, italic, underline
_CLOSE = ("**", "*", "</u>")


def _span(groups: list, start: int, mark: int) -> int:
    """How many groups from `start` on keep this emphasis (spaces keep any)."""
    count = 0
    for position in range(start, len(groups)):  # never a copy of the rest
        text, marks = groups[position]
        if marks is None or (mark not in marks and text.strip()):
            break
        count += 1
    return count


def _close(out: list[str], marks: list[int]) -> None:
    """Close these marks (innermost first) against the last word, spaces after them."""
    trailing = ""
    while out and not out[-1].strip():
        trailing = out.pop() + trailing
    if out:
        kept = out[-1].rstrip()
        trailing = out[-1][len(kept) :] + trailing
        out[-1] = kept
    out.extend(_CLOSE[mark] for mark in reversed(marks))
    out.append(trailing)


def merged(segments: list[Segment]) -> str:
    """The pieces of a paragraph with their emphasis, as Word shows them: adjacent
    pieces with the same emphasis joined (one bold word split over three runs is one
    bold word, not `**t****h**`), a piece of spaces taking the emphasis it sits in, and
    emphasis nested where it overlaps (`*an **important** word*`), the longer outside."""
    for _text, fmt in segments:
        if fmt is not None and fmt is not PLAIN and (fmt[0] or fmt[1] or fmt[2]):
            break
    else:  # most paragraphs: no emphasis
        return "".join([text for text, _fmt in segments])
    pieces: list[list] = []  # [texts, marks (positions of Format that are on) or None]
    for text, fmt in segments:
        marks = None if fmt is None else tuple(i for i, on in enumerate(fmt) if on)
        joins = pieces and marks is not None and pieces[-1][1] is not None
        if joins and (not text.strip() or marks == pieces[-1][1]):
            pieces[-1][0].append(text)  # joined once at the end: a paragraph of 100,000
            continue  # runs is not copied 100,000 times
        pieces.append([[text], marks])
    groups = [("".join(texts), marks) for texts, marks in pieces]
    out: list[str] = []
    stack: list[int] = []
    for index, (text, marks) in enumerate(groups):
        wanted = marks or ()
        keep = 0
        while keep < len(stack) and stack[keep] in wanted:
            keep += 1
        if keep < len(stack):
            _close(out, stack[keep:])
            del stack[keep:]
        new = [mark for mark in wanted if mark not in stack]
        if new and text.strip():
            lead = text[: len(text) - len(text.lstrip())]
            out.append(lead)
            text = text[len(lead) :]
            for mark in sorted(new, key=lambda m: (-_span(groups, index, m), m)):
                out.append(_OPEN[mark])
                stack.append(mark)
        out.append(text)
    if stack:
        _close(out, stack)
    return "".join(out)
