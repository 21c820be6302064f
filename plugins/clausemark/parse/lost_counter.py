"""A saved web page's list that lost its counter (lead ruling R40): every item prints
'1.' at the same margin, so its items are siblings read as printed (para_1, para_1_2 ...),
never the first item's own clauses.

A browser prints an ordered list's counter per item, and a page whose markup broke the
list (each <li> in an <ol> of its own) prints '1.' for every item, showing the list only
by indenting every item the same. The first item ('1. Introduction') is then no heading
over the others: each item stands where the one before it did, and a heading among them
('1. Where you act ...' over its own (a), (b)) holds only what stands under it. A
hand-typed text sets its lines at the margin (no indent): R13(a) reads it as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .shapes import is_numbered_title
from .units import Unit, _container_heading

if TYPE_CHECKING:
    from ..model.document import Heading
    from .structure import _Builder

_SET_IN = 2  # the fewest spaces a browser's list indents its items by
_ONES = ("1.", "1)")  # a lost counter's every number


def mark_counter_runs(units: list[Unit], items: frozenset[int] = frozenset()) -> None:
    """Mark each item of a list whose every item prints '1.' at one margin (set in by at
    least `_SET_IN` spaces, or a web page's list item at any margin: `items`, its lines;
    two items or more, and no other whole number at that margin before the list ends):
    `Unit.counter_run` is the first item's line. A list ends at a '#' heading or a whole
    number printed left of its margin. One pass over the units."""
    run: list[Unit] = []
    counted = False  # a '2.' (any other number) printed at the run's margin
    for unit in units:
        if unit.md_level:
            _close(run, counted)
            run, counted = [], False
            continue
        if run and not unit.number and unit.text[:1].isupper() and _container_heading(unit.text):
            _close(run, counted)  # 'PART 2' ends the list: its '1.' items are another's
            run, counted = [], False
            continue
        if not unit.number or "integer" not in unit.styles or unit.bullet:
            continue  # text, (a), (i), 2.1 between the items: the list goes on
        if run and unit.indent > run[0].indent:
            continue  # a list of an item's own, set in deeper
        if run and unit.indent < run[0].indent:
            _close(run, counted)
            run, counted = [], False
        if unit.indent < _SET_IN and unit.line not in items:
            continue
        if run or unit.number in _ONES:
            run.append(unit)
            counted = counted or unit.number not in _ONES
    _close(run, counted)


def _close(run: list[Unit], counted: bool) -> None:
    if len(run) >= 2 and not counted:
        for unit in run:
            unit.counter_run = run[0].line


def back_to_run(builder: _Builder, unit: Unit) -> None:
    """Before an item of a lost-counter run other than its first: the clause open and the
    sections opened since the run began (an item over its own (a), (b)) are closed, so
    the item stands where the run's first did. A run inside a clause opened before it
    (its items that clause's list) is left to the list's own rules, and so is a title
    over clauses numbered under another number (each heading drawn as a list of one)."""
    first = unit.counter_run
    if not first or unit.line == first:
        return
    if len(builder.next_path or ()) > 1 and is_numbered_title(unit.text):
        return  # '1. Urgent Decisions' over 3.1: a web page's heading drawn as a list of one
    if builder.chain and builder.chain[0].line < first:
        return
    while builder.containers and _item_opened(builder.containers[-1].heading, first):
        builder.containers.pop()
    builder.close_clause()
    builder.append_text = None


def _item_opened(heading: Heading, first: int) -> bool:
    """Whether a section was opened by an item of the run (its '1.', since the first)."""
    return heading.line >= first and heading.number in _ONES


def next_in_run(unit: Unit, following: object) -> bool:
    """Whether the line after an item is the next item of its lost-counter run: nothing
    of its own stands under the item (R40: '1. Introduction' then '1. This Code ...')."""
    return (
        bool(unit.counter_run)
        and isinstance(following, Unit)
        and following.counter_run == unit.counter_run
    )


def restarts_beside(unit: Unit, following: object) -> bool:
    """Whether the line after an item is a '1.' printed at the item's own margin, set in
    as a browser sets a list ('  9. Finance' then '  1. Bank reconciliation'): a list
    starting again at that level, never the item's own (R40: indentation decides)."""
    return (
        unit.indent >= _SET_IN
        and isinstance(following, Unit)
        and following.indent == unit.indent
        and following.number in _ONES
        and unit.number not in _ONES
    )


def inside_set_in_item(builder: _Builder, unit: Unit) -> bool:
    """'    Term Definition' (a flattened table's head) set in under '  1. Definitions', a
    saved page's list item opening the section: a line of that item, never a heading
    closing it (R40: indentation decides where the page indents its list)."""
    margin = builder.heading_margin
    return (
        margin is not None
        and margin >= _SET_IN
        and unit.indent > margin
        and not unit.number
        and not unit.md_level
        and builder.open_section_number() is not None
    )
