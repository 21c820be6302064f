"""Clock times are never clause numbers (lead ruling R24, session 13).

"7.30 pm", "9.00 a.m." and "7:30pm" are read as times where the number is read
(`numbering.styles.read_number`: the word after it says so). This module reads the other
sign: a column of increasing times at the start of lines ("7.00 Welcome", "7.10 Minutes",
"7.30 Planning", "8.15 Any other business"), a meeting's programme, which a decimal
clause run never prints (7.00 is not followed by 7.10 in a run of clauses). A time-shaped
number that goes on from the open clause run ("7.29" then "7.30") stays a clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..numbering.styles import CAPITAL_AM_PM, clause_path, is_clock_time

if TYPE_CHECKING:  # units reads lines that numbers_alone orders, which asks `programme`
    from .units import Unit

_TIME_STYLES = ("decimal", "colon")


def _minutes(unit: Unit) -> int | None:
    """A numbered unit's number as minutes after midnight, when it has a time's shape."""
    if not unit.styles or unit.styles[0] not in _TIME_STYLES:
        return None
    return _clock_minutes(unit.number or "")


def _clock_minutes(number: str) -> int | None:
    """A printed number as minutes after midnight, when it has a time's shape ('7.30')."""
    number = number.strip().rstrip(".")
    if not is_clock_time(number):
        return None
    hours, minutes = number.replace(":", ".").split(".")
    return int(hours) * 60 + int(minutes)


def _goes_on(previous: Unit | None, unit: Unit) -> bool:
    """Whether `unit`'s number is the next clause after `previous`'s (7.29 -> 7.30)."""
    before = clause_path(previous.number) if previous else None
    return _path_goes_on(before, clause_path(unit.number))


def _path_goes_on(before: tuple[str, ...] | None, after: tuple[str, ...] | None) -> bool:
    """`_goes_on` on two numbers' paths."""
    if not before or not after or len(before) != 2 or before[0] != after[0]:
        return False
    return before[1].isdigit() and after[1].isdigit() and int(before[1]) + 1 == int(after[1])


def _later(first: int, second: int) -> bool:
    """A time after another, on a 12-hour clock too: past noon ('11.30', '12.15', then
    '1.15'), never back to an earlier time of the evening ('7.45' then '7.28')."""
    return second > first or (11 * 60 <= first < 13 * 60 and 60 <= second < 7 * 60)


def _programme(column: list[Unit]) -> bool:
    """Whether increasing time-shaped numbers read as a programme's times and not as clause
    numbers: the minutes are on the clock's fives ('7.00', '7.10', '7.45'), not all the
    same (sections '1.00', '2.00', '3.00' or '1.01', '2.01' are clauses), and no number is
    the next clause after the one above it (2.10, 2.11)."""
    return programme([unit.number or "" for unit in column])


def programme(numbers: list[str]) -> bool:
    """`_programme` on printed numbers ('7.45', '8.00'): also asked of a stack of numbers
    alone (numbers_alone), whose times own no words of their own (R24, R31)."""
    if len(numbers) < 2:
        return False
    read = [_clock_minutes(number) for number in numbers]
    if None in read:
        return False
    minutes = [(value or 0) % 60 for value in read]
    if any(minute % 5 for minute in minutes) or len(set(minutes)) == 1:
        return False
    later = all(_later(a or 0, b or 0) for a, b in zip(read, read[1:], strict=False))
    paths = [clause_path(number.strip().rstrip(".")) for number in numbers]
    return later and not any(_path_goes_on(a, b) for a, b in zip(paths, paths[1:], strict=False))


def _under_heading(previous: Unit | None, column: list[Unit]) -> bool:
    """Whether every number of the column extends the whole number printed above it: 4.10,
    4.15, 4.30 under '4. Motions' are that heading's clauses (a scheme numbered in fives,
    or an extract), not a programme's times (attack14 A7)."""
    head = clause_path(previous.number) if previous else None
    if not head or len(head) != 1:
        return False
    return all((clause_path(unit.number) or ("",))[0] == head[0] for unit in column)


def _capital_times_as_text(numbered: list[Unit]) -> None:
    """'7.30 PM Public forum' (capitals, no dots): a time unless its number goes on from
    the clause before it ('7.29' then '7.30 PM and AM meetings may both be held.': clause
    7.30; lead ruling R24 as restated in session 14: the run decides before the clock)."""
    for position, unit in enumerate(numbered):
        if unit.text[:2] not in ("PM", "AM") or not CAPITAL_AM_PM.match(unit.text):
            continue  # the cheap look first
        if _minutes(unit) is None:
            continue
        previous = numbered[position - 1] if position else None
        if _goes_on(previous, unit):
            continue
        unit.text = f"{unit.number} {unit.text}".rstrip()
        unit.number, unit.styles = None, ()
        unit.plain = unit.set_apart = True


def times_as_text(units: list[Unit]) -> None:
    """Give the numbers of each column of two or more increasing clock times back to their
    lines' text, in place: the numbered units in turn, each a time after the one before,
    the first not going on from the clause before the column, read as a programme."""
    numbered = [unit for unit in units if unit.number is not None and not unit.md_level]
    _capital_times_as_text(numbered)
    numbered = [unit for unit in numbered if unit.number is not None]
    start = 0
    while start < len(numbered):
        if _minutes(numbered[start]) is None:
            start += 1
            continue
        end = start + 1
        while end < len(numbered):
            now, before = _minutes(numbered[end]), _minutes(numbered[end - 1])
            if now is None or before is None or not _later(before, now):
                break
            end += 1
        column = numbered[start:end]
        previous = numbered[start - 1] if start else None
        while column and _goes_on(previous, column[0]):  # 7.29, then 7.30: a clause
            previous, column = column[0], column[1:]
        if len(column) >= 2 and _programme(column) and not _under_heading(previous, column):
            for unit in column:
                unit.text = f"{unit.number} {unit.text}".rstrip()
                unit.number, unit.styles = None, ()
                unit.plain = unit.set_apart = True  # a line of its own, opening nothing
        start = end
