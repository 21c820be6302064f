"""Counts are not items (lead ruling R29, session 14): which bare numbers at a line's start
go on an open numbered run and which are words of the text.

A bare integer and a word ("3 Councillors declared ...") continues a run only when its
line is the same kind of line as the run's items: a sentence never goes on a run of short
title lines ("2. Declarations of interest" / "3 Councillors declared an interest." is item
2's text) nor of "To ..." items; a title line or a "To ..." line goes on either. Whatever
the run, a vote's tally ("2 Against", "5 in favour") and an address ("5 Mill Lane", "7a
High Street: porch") are never items. The dash form ("37 – Supplementary questions ...")
is read like the bare form: an item only in a run (1 – Apologies, 2 – Minutes), never as
one of a list of numbers that skip (rule numbers cited in a table of notes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..numbering.styles import clause_path
from .shapes import TALLY, is_numbered_title

if TYPE_CHECKING:
    from .units import Unit

_STREET_WORDS = frozenset(
    {"street", "road", "lane", "close", "avenue", "way", "drive", "court", "place", "crescent",
     "gardens", "terrace", "row", "square", "green", "walk", "hill", "mews", "park"}
)  # fmt: skip
_TITLE_WORDS = 12  # R8's most words of a title line
# a title before its text on one line ('Urgent Business (if any): To be accepted ...',
# 'Croeso / Welcome ...', 'Minutes – agreed.'), or more than one sentence: not ONE sentence
_NOT_ONE_SENTENCE = (". ", ":", " / ", " – ", " — ", " - ")


def tally_or_address(rest: str) -> bool:
    """Whether the words after a bare number say it is a count or a house's number, not an
    item's: a vote's tally ('For', 'Against', 'in favour'), or a street name within three
    words ('Mill Lane', 'High Street', 'St John's Close'), each word of the name capitalised
    ('5 Green Spaces' is an item's title: a street word first is no street)."""
    rest = rest.lstrip()
    if not rest:
        return False
    if TALLY.match(rest) and len(rest) <= 40:
        return True  # '3 For', '2 Against (Cllr Grey)'; 'For the year ...' is a sentence
    words = rest.split(None, 3)[:3]
    for position, word in enumerate(words):
        bare = word.strip(".,:;()'’").lower()
        if position and bare in _STREET_WORDS and word[:1].isupper():
            return all(before[:1].isupper() for before in words[:position])
    return False


def line_kind(text: str) -> str:
    """The kind of an item's first line (its words after the number): 'to' (an agenda's
    'To receive ...'), 'title' (a short title line, R8's shape), 'sentence' (one sentence,
    from its first word to the full stop that ends the line: '3 Councillors declared an
    interest.') or 'other' (a title run on into its minutes on the same line, 'Minutes of
    the Last Meeting The minutes were accepted. Proposed by ...', or a line cut short)."""
    text = text.strip()
    if text.startswith(("To ", "to ")):
        return "to"
    if len(text.split()) <= _TITLE_WORDS and is_numbered_title(text) and text[-1:] != ".":
        return "title"
    if text.isupper() and is_numbered_title(text):
        return "title"  # 'PLANNING MATTERS.': a heading in capitals may end with '.'
    if text.endswith(".") and not any(mark in text for mark in _NOT_ONE_SENTENCE):
        return "sentence"
    return "other"


def goes_on_run(item_text: str | None, candidate: str) -> bool:
    """Whether a line `candidate` (the words of its first line after its bare number) may
    go on a run whose last item's first line reads `item_text` (None or empty: not known):
    a sentence never goes on a run of titles or of 'To ...' items; any other line goes on."""
    if line_kind(candidate) != "sentence" or not item_text or not item_text.strip():
        return True
    return line_kind(item_text) not in ("title", "to")


def dashed_out_of_run(units: list[Unit]) -> None:
    """Give each dash-form number ('37 – Supplementary questions ...') that is in no run its
    line back as text, in place: kept are a number that comes next after the last whole
    number printed, one whose next whole number comes next after it, and one over its own
    clauses ('1 – MEETINGS' over 1.1). '37 –', '49 –', '51 –' (rule numbers cited) are text."""
    if not any(unit.dashed for unit in units):
        return  # the cheap look first: most texts print no dash form
    last: int | None = None
    for index, unit in enumerate(units):
        value = _whole(unit)
        if value is None:
            continue
        if unit.dashed is not None and not (
            (last is not None and value == last + 1) or _runs_on(units, index, value)
        ):
            unit.text, unit.number, unit.styles = unit.dashed, None, ()
            unit.plain = unit.set_apart = True
            continue
        last = value


def _whole(unit: Unit) -> int | None:
    """A unit's whole number ('7.', '7', '7 –'), or None."""
    number = (unit.number or "").rstrip(".)")
    whole = number.isascii() and number.isdigit()  # never a superscript "¹"
    return int(number) if whole and unit.styles[:1] != ("decimal",) else None


def _runs_on(units: list[Unit], index: int, value: int) -> bool:
    """Whether the next numbered unit after `index` comes next after `value` (8 after 7) or
    extends it (7.1 after 7)."""
    for later in units[index + 1 : index + 1 + _LOOK_AHEAD]:
        if later.number is None:
            continue
        path = clause_path(later.number)
        if not path:
            return False
        # by value: '02' comes next after '01' as '2' after '1' does
        return path[0].isascii() and path[0].isdigit() and int(path[0]) == value + (len(path) == 1)
    return False


_LOOK_AHEAD = 50  # units: bounded, the pass stays linear
