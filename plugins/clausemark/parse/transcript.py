"""A document site's transcript: a whole file run into one paragraph ('... cannot be
revoked. STANDING ORDER 1 - Meetings (1)* The Annual Meeting shall be held - (a) in a
year of elections ... (b) in every other year ... (2) The other meetings ...'). In such
a paragraph, and only in one far longer than any clause, a rule's heading in capitals
and its bracketed clauses and items are cut apart where each stands after a sentence's
end or a lead-in's dash, each the one its numbering needs next: (1) after a heading, (2)
after (1), (a) after a bracketed number, (b) after (a). A reference ('paragraph (2)',
'Standing Order 3 (b)') stands after a word, never a sentence's end, so it stays text.
Every cut is told as a repair (INFO, code run-together-cut), as run_together.py does."""

from __future__ import annotations

import re

from ..model.document import Issue
from ..numbering.styles import container_word
from ..support.limits import most
from .run_together import CUT_NUMBER
from .units import Unit

_TRANSCRIPT = 1_000  # characters of a paragraph past which a file may be run into one
# after a sentence's end or a lead-in's dash: '(1)* The', '(a) in', 'STANDING ORDER 2 - ';
# the space before it is matched (a pattern opening on a literal is scanned for in C, one
# opening on a look-behind tried at every character): each mark starts one after it
_MARK = re.compile(
    r" (?:\((?P<n>\d{1,2})\)(?=\*? [A-Z])|\((?P<l>[a-z])\)(?= \S)"
    r"|(?P<h>[A-Z][A-Z ]{1,30}? \d{1,3}[A-Z]?)(?= [-–—:] [A-Z]))"
)
_FEWEST = 3  # cuts in sequence a transcript must hold before any is made
_ENDS = frozenset(".:;–—-")  # a sentence's end or a lead-in's dash, before the space
_HEADING_MOST = 160  # characters of a rule's heading and its title


def split_transcripts(flow: list, warnings: list[Issue] | None = None) -> list:
    """Each paragraph far longer than a clause, cut before the headings, clauses and
    items run into it (see the module)."""
    out: list = []
    for item in flow:
        if isinstance(item, Unit) and not item.md_level and len(item.text) >= _TRANSCRIPT:
            parts = _cut(item)
            if len(parts) > 1 and warnings is not None:
                said = ", ".join(p.number or p.text.split(" - ")[0] for p in parts[1:])
                message = (
                    f"headings and clause numbers {said[:200]} printed inside one long "
                    "paragraph (a document site's transcript), each read as its own"
                )
                warnings.append(Issue(item.line, message, CUT_NUMBER))
            out.extend(parts)
        else:
            out.append(item)
    return out


def _cut(unit: Unit) -> list[Unit]:
    text = unit.text
    cuts: list[tuple[int, int, str | None]] = []  # (start, text start, number or None)
    number = 0  # the last bracketed number since the last heading
    letter = ""  # the last letter since the last bracketed number
    heading: int | None = None  # the last heading's number
    for match in _MARK.finditer(text):
        if len(cuts) >= most("run_together_numbers"):
            break
        start = match.start() + 1  # after the space
        after_end = text[start - 2 : start - 1] in _ENDS
        # '(1)' straight after its heading's title: 'STANDING ORDER 1 - Meetings (1)* The'
        under_heading = (
            bool(cuts)
            and cuts[-1][2] is None
            and start - cuts[-1][0] <= _HEADING_MOST
            and match.group("n") == "1"
        )
        if not (after_end or under_heading):
            continue
        if match.group("h") is not None:
            found = container_word(text[start : start + 200])
            if found is None or not match.group("h").isupper() or not found.number.isdigit():
                continue
            if heading is not None and int(found.number) != heading + 1:
                continue
            heading, number, letter = int(found.number), 0, ""
            cuts.append((start, start, None))
        elif match.group("n") is not None:
            if int(match.group("n")) != number + 1:
                continue
            number, letter = number + 1, ""
            cuts.append((start, match.end(), f"({match.group('n')})"))
        elif number and ord(match.group("l")) == (ord(letter) + 1 if letter else ord("a")):
            letter = match.group("l")
            cuts.append((start, match.end(), f"({letter})"))
    if len(cuts) < _FEWEST:
        return [unit]
    head = text[: cuts[0][0]].rstrip()
    parts: list[Unit] = []
    for index, (_start, begin, printed) in enumerate(cuts):
        end = cuts[index + 1][0] if index + 1 < len(cuts) else len(text)
        part = Unit(unit.line, unit.indent, text[begin:end].strip())
        if printed is not None:
            part.number, part.styles = printed, _STYLES[printed[1:-1].isdigit()]
            part.set_apart = True
        parts.append(part)
    if head:
        unit.text = head
        return [unit, *parts]
    return parts


_STYLES = {True: ("paren-integer",), False: ("letter",)}
