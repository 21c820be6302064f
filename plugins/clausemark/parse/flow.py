"""The units of the whole document in reading order, repaired before structure is read:
plain-title contents lists, numbers alone on their line, compound numbers, bare letters,
quoted provisions."""

from __future__ import annotations

import re

from ..model.document import Dropped, Table
from ..numbering.styles import CLAUSE_STYLES, read_number
from .contents import _CONTENTS_TITLE
from .inline import strip_emphasis_wrapper
from .units import ChunkResult, Unit, _number_only


def _accept_bare_letters(units: list[Unit]) -> None:
    """'a Items are taken in order' is item a only when 'b', 'c' ... follow it in turn;
    items of another style between them ('i.', 'ii.' under c) do not break the run."""
    run: list[Unit] = []

    def settle():
        if len(run) >= 2:
            for unit in run:
                unit.styles = ("letter",)
        run.clear()

    for unit in units:
        if unit.styles == ("bare-letter",):
            previous = run[-1].number if run else None
            if previous and unit.number == chr(ord(previous) + 1):
                run.append(unit)
                continue
            settle()
            if unit.number == "a":
                run.append(unit)
            continue
        if unit.number and not set(unit.styles) & CLAUSE_STYLES:
            continue
        settle()
    settle()
    for unit in units:
        if unit.styles == ("bare-letter",):
            unit.text = f"{unit.number} {unit.text}"
            unit.number, unit.styles = None, ()


def _in_order(result: ChunkResult) -> list[Unit | Table]:
    """A chunk's units with its tables put back where they stood."""
    before: dict[int, list[Table]] = {}
    for position, table in result.tables:
        before.setdefault(position, []).append(table)
    ordered: list[Unit | Table] = []
    for position, unit in enumerate(result.units):
        ordered += before.pop(position, [])
        ordered.append(unit)
    for position in sorted(before):
        ordered += before[position]
    return ordered


def _split_compound(units: list) -> list:
    """'2.—(1) The council ...' and '3:2 a) The mover ...': a clause whose first sub-clause
    starts on its line. The clause keeps no text of its own; the sub-clause carries it."""
    result: list[Unit] = []
    for unit in units:
        result.append(unit)
        if not isinstance(unit, Unit) or not unit.number or unit.md_level:
            continue
        if not set(unit.styles) & CLAUSE_STYLES:
            continue
        inner = read_number(unit.text)
        if inner is None or set(inner.styles) & CLAUSE_STYLES or not inner.rest:
            continue
        child = Unit(unit.line, unit.indent + 1, inner.rest, number=inner.number)
        child.styles, child.joined_lines = inner.styles, unit.joined_lines
        unit.text, unit.joined_lines = "", []
        result.append(child)
    return result


def _entry_key(text: str) -> str:
    """'2. Lobbying   4' and 'LOBBYING' are one contents entry: no number, no page, no case."""
    found = read_number(text)
    text = found.rest if found else text
    text = re.sub(r"[\s.…]*\d{1,4}$", "", strip_emphasis_wrapper(text))
    return " ".join(re.findall(r"\w+", text.casefold()))


def _drop_plain_contents(flow: list, dropped: list[Dropped]) -> list:
    """A contents list printed as plain titles ('Contents', then 'Introduction',
    'Lobbying' ...) that come again later as headings: dropped, like any contents list."""
    units = [item for item in flow if isinstance(item, Unit)]
    start = next(
        (
            index
            for index, unit in enumerate(units[:40])
            if not unit.number and _CONTENTS_TITLE.match(strip_emphasis_wrapper(unit.text))
        ),
        None,
    )
    if start is None:
        return flow
    keys = [_entry_key(f"{u.number} {u.text}" if u.number else u.text) for u in units]
    last_seen = {key: index for index, key in enumerate(keys)}
    run = []
    for index in range(start + 1, len(units)):
        entry = units[index]
        if not keys[index] or entry.joined_lines or last_seen[keys[index]] <= index:
            break
        run.append(entry)
    if len(run) < 2:
        return flow
    for entry in [units[start], *run]:
        dropped.append(Dropped(entry.line, entry.text, "printed contents list"))
    gone = {id(entry) for entry in [units[start], *run]}
    return [item for item in flow if id(item) not in gone]


def _join_number_only(flow: list) -> list:
    """A number alone on its line, then a blank line, then its text: one unit."""
    result: list = []
    for item in flow:
        previous = result[-1] if result else None
        if (
            isinstance(item, Unit)
            and isinstance(previous, Unit)
            and previous.number is None
            and _number_only(previous.text)
            and item.number is None
            and not item.md_level
            and not item.bullet
        ):
            previous.text = f"{previous.text} {item.text}"
            previous.joined_lines += [item.line, *item.joined_lines]
            previous.alone = False
            continue
        result.append(item)
    return result


_QUOTED_NUMBER = re.compile(r"[“\"‘]\s*(?=\(?\d{1,3}[A-Z]?[).:\s]|\([a-z]{1,4}\)|\d{1,3}\.\d)")


_QUOTE_CHARS = frozenset('“"‘')


_CLOSING_QUOTE = re.compile(r"[”’]|\"(?=\W*$)")


def _quote_opens(text: str) -> bool:
    """Whether a quoted provision ("insert— “(2A) ...") starts in `text` and runs on."""
    starts = [found.end() for found in _QUOTED_NUMBER.finditer(text)]
    return bool(starts) and not _CLOSING_QUOTE.search(text, starts[-1])
