"""Whole numbers printed bare at a paragraph's start, with no full stop or bracket: which
are clause numbers and which are words of the text ("12 High Street was ...").

A bare number is a clause number when the line's shape says so (a heading alone, "1
MEETINGS"; a number over its own 1(a); a committee page's item linked to its report), and
(lead ruling R23, session 13) when it is one of a run of them in sequence: an agenda or
minutes printing "1 To receive apologies", "2 To approve the minutes" ..., one space after
each number. Two in turn (1 then 2, or the next after the open run's printed number) make
the run; a number alone or out of turn ("2 members were present" after nothing) stays
text, as R17 keeps a lone letter."""

from __future__ import annotations

import re

from ..numbering.styles import clause_path, read_number, token_of
from ..support.dates import DATE_PATTERN, MONTHS, starts_with_date
from .item_kinds import dashed_out_of_run, goes_on_run, tally_or_address
from .shapes import is_heading_text
from .site_lines import file_link
from .units import _INTEGER_BARE, RUN_ITEM, Unit, glued_heading, next_lower_heading

_INTEGERS = frozenset({"integer", "integer-bare"})
# R25: "7a Councillor ...", "7b.", "7c)": a whole number with a small letter after it
_SMALL_INSERTED = re.compile(r"^(\d{1,3})([a-z])(?:[.)]\s*|\s+)(?=[^\s.])")


def _inserted(unit: Unit, last_number: str | None, before: str | None) -> str | None:
    """The number of an inserted item printed with a small letter ('7a', '7b' after item 7,
    or where no 7 is printed after 6: lead ruling R25), as '4A' is inserted after 4: 'a'
    goes with the last whole number printed or the next one, each later letter with the
    letter before it ('7b' after '7a')."""
    match = _SMALL_INSERTED.match(unit.text)
    if match is None:
        return None
    number, letter = match.group(1), match.group(2)
    if letter == "a":
        last = (last_number or "").rstrip(".)")
        ok = last.isdigit() and int(number) in (int(last), int(last) + 1)
    else:
        ok = before == f"{number}{chr(ord(letter) - 1)}"
    return match.group(0).rstrip() if ok else None


def _run_value(unit: Unit) -> int | None:
    """The number of a paragraph that may be an item of a bare run ("4 Planning"), or None:
    never a date ("20 August 2018 ..."), a Markdown heading, a bullet or a listed line."""
    if unit.number is not None or unit.bullet or unit.md_level or unit.listed:
        return None
    match = RUN_ITEM.match(unit.text)
    if match is None:
        return None
    word = unit.text[match.end() :].split(None, 1)[0].strip(".,").lower() if unit.text else ""
    if word in MONTHS or DATE_PATTERN.match(unit.text):
        return None  # "1 May 2024 ..." is a date
    if tally_or_address(unit.text[match.end() :]):
        return None  # "3 For", "5 Mill Lane": a count, a house (R29)
    return int(match.group(1))


def bare_runs(units: list[Unit]) -> set[int]:
    """The positions of `units` whose bare number goes in turn with another (R23): "1 ..."
    then "2 ..." (other paragraphs between them allowed), or the number after the last
    whole number printed ("7." then "8 To receive ..."). A run's first item counts once its
    second is seen."""
    found: set[int] = set()
    last: int | None = None  # the open run's last number
    pending: int | None = None  # a "1 ..." that starts a run once its "2 ..." comes
    item: str | None = None  # the words of the run's last item (None: not known)
    for index, unit in enumerate(units):
        if unit.number is not None:
            if unit.styles and unit.styles[0] in _INTEGERS:
                path = clause_path(unit.number) or ()
                if len(path) == 1 and path[0].isdigit():
                    last, pending = int(path[0]), None
                    found_number = read_number(unit.first)
                    item = found_number.rest if found_number else None
            continue
        value = _run_value(unit) if unit.text[:1].isdigit() else None
        if value is None:
            continue
        words = unit.first.split(" ", 1)[1] if " " in unit.first else ""
        if last is not None and value == last + 1 and goes_on_run(item, words):
            found.add(index)  # R29: a sentence never goes on a run of titles
            if pending is not None:
                found.add(pending)
            last, pending, item = value, None, words
        elif value == 1:
            last, pending, item = 1, index, words
    return found


def read_bare_numbers(units: list[Unit]) -> None:
    """Give each bare number that is a clause number its place as the unit's number, in
    place: a heading printed without its full stop ('10 contracts' after '9. income',
    '1Meetings', '1 MEETINGS' alone), a number over its own '1(a)', an item linked to its
    report, and the items of a bare run (R23)."""
    dashed_out_of_run(units)  # R29: '37 – ...', '49 – ...' cited out of turn are text
    runs = bare_runs(units)
    last_number = None  # the last integer printed: '10 contracts' after '9. income'
    before = None  # the last inserted item read ('7a'), as its token
    for index, bare in enumerate(units):
        if bare.number is not None and set(bare.styles) & _INTEGERS:
            last_number = bare.number
        if bare.number is not None or bare.bullet or bare.md_level or bare.listed:
            continue
        if bare.text[:1].isdigit() and tally_or_address(bare.text.split(" ", 1)[-1]):
            bare.plain = bare.set_apart = True  # "4 Against", "7a High Street": a count, a house
            continue
        if bare.text[:1].isdigit() and (inserted := _inserted(bare, last_number, before)):
            style = "integer" if inserted[-1] in ".)" else "integer-bare"
            bare.number, bare.styles = inserted, (style,)
            bare.text, before = bare.text[len(inserted) :].lstrip(), token_of(inserted)
            continue
        if next_lower_heading(bare, last_number):
            number, bare.text = bare.text.split(None, 1)
            bare.number, bare.styles, last_number = number, ("integer-bare",), number
            continue
        if glued_heading(bare, last_number):  # "1Meetings" alone: heading 1, glued
            rest = bare.text.lstrip("0123456789")
            bare.number, bare.text = bare.text[: len(bare.text) - len(rest)], rest
            bare.styles, last_number = ("integer",), bare.number  # a heading alone
            continue
        match = _INTEGER_BARE.match(bare.text)
        if match and not starts_with_date(bare.text):  # "20 AUGUST 2018", "25 May 2021 Hall"
            following = units[index + 1] if index + 1 < len(units) else None
            next_path = clause_path(following.number) if following else None
            heads_next = bool(next_path and len(next_path) > 1 and next_path[0] == match.group(1))
            rest = bare.text[match.end() :]
            # "1 RULES OF DEBATE" over "a Motions ...": a heading in capitals
            capitals = rest.isupper() and bool(following and following.number)
            heading = (bare.alone or capitals) and is_heading_text(rest)
            # "8 Grass Cutting PDF 96 KB": a committee page's item, a link to its report
            if heading or heads_next or file_link(rest) or index in runs:
                bare.number, bare.styles = match.group(1), ("integer-bare",)
                bare.text, last_number = rest, bare.number  # '7a' may follow it (R25)
