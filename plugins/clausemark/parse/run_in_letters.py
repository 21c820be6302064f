"""Run-in letters after an item's heading on the same line (lead ruling R45, session 15).

Minutes copied as one paragraph an item print the item's number, its heading and its
lettered sub-items on one line: "2) MATTERS ARISING a) Fund raiser - Enquiries were made.
b) Flyer - It was printed." The letters a), b) ... are the item's sub-items (para_2__subpara_a)
when they run from a) in turn, a) opening the item's words or standing straight after its
heading's words (a title: no sentence before it), each later letter after a sentence's end
and each before a capital; the heading's words stay the item's own, before them. A letter
inside a sentence ("see paragraph a) above", "options a) and b) at length": a lower-case
word before it that is no heading) is text."""

from __future__ import annotations

import re

from ..numbering.styles import CLAUSE_STYLES
from .shapes import is_heading_text
from .units import Unit

# a letter and its bracket at the text's start or after a space, before a capital
_LETTER = re.compile(r"(?:^|(?<=\s))([a-z])\)\s+(?=[A-Z“‘\"'])")
_AFTER_SENTENCE = frozenset(".;:!?")
_HEADING_MOST = 80  # characters of the heading's words before the run's a)
_FEWEST = 2  # letters that make a run (a) and b))


def split_run_in_letters(flow: list) -> list:
    """The flow with each numbered item's run-in letters (see the module) split off as
    its sub-items, in place of its one paragraph."""
    result: list = []
    for item in flow:
        result.append(item)
        if (
            isinstance(item, Unit)
            and item.number
            and not item.md_level
            and "b) " in item.text  # the cheap look first: no b), no run
            and not CLAUSE_STYLES.isdisjoint(item.styles)
        ):
            result.extend(_letters(item))
    return result


def _letters(unit: Unit) -> list[Unit]:
    """The sub-items split off `unit` (its text cut to the heading's words), or none."""
    text = unit.text
    cuts: list[re.Match[str]] = []
    for match in _LETTER.finditer(text):
        letter = match.group(1)
        if not cuts:
            if letter == "a" and _heading_before(text, match.start()):
                cuts.append(match)
            elif letter == "a":
                return []  # 'options a) and b)': the first a) is inside a sentence
        elif letter == chr(ord(cuts[-1].group(1)) + 1) and _sentence_ends(text, match.start()):
            cuts.append(match)
    if len(cuts) < _FEWEST:
        return []
    parts: list[Unit] = []
    for index, match in enumerate(cuts):
        end = cuts[index + 1].start() if index + 1 < len(cuts) else len(text)
        part = Unit(unit.line, unit.indent + 1, text[match.end() : end].rstrip())
        part.number, part.styles = f"{match.group(1)})", ("letter",)
        parts.append(part)
    unit.text, unit.run_in = text[: cuts[0].start()].rstrip(), True
    return parts


def _heading_before(text: str, start: int) -> bool:
    """Whether the words before the run's a) are none or an item's heading ('MATTERS
    ARISING'): short, opening on a capital, no sentence."""
    if start > _HEADING_MOST + 1:
        return False  # the cheap look first: never a copy of a long text's start
    head = text[:start].strip()
    return not head or is_heading_text(head)


def _sentence_ends(text: str, start: int) -> bool:
    """Whether a sentence ends right before `start` ('... in November. b) ...'): read back
    over the spaces only, never a copy of the text before it."""
    at = start - 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return at >= 0 and text[at] in _AFTER_SENTENCE
