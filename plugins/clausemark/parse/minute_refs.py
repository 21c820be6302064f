"""A minute reference printed before an item's number ("C048/23   1.   APOLOGIES FOR
ABSENCE.", "M21/25  4.  FINANCE."): the council's own reference for the minute, carried by
the numbered heading it stands before (`Heading.reference`, shown in the heading's text),
never a cross-heading of its own there, never a warning, never lost (lead ruling R8 reads
the item as if the reference were not there). Before an item that is a clause (a sentence)
it stays a cross-heading, in the order printed."""

from __future__ import annotations

import re

from ..model.document import Heading
from .units import Unit

# "C048/23", "M21/25", "16/137", "FC 12/24", "PL.045/2023": letters, a number, '/', a year or
# a count; the whole text before the item's number
MINUTE_REFERENCE = re.compile(r"^(?:[A-Z]{1,4}[ .]?)?\d{1,4}/\d{2,4}[a-z]?$")


def take_reference(parts: list[Unit], unit: Unit) -> list[Unit]:
    """`parts` of a line cut before a clause number: where the words before the first number
    are only a minute reference, that number's part carries it instead (no part of its own)."""
    if len(parts) < 2 or parts[0] is not unit or unit.number or not parts[1].number:
        return parts
    head = unit.text.strip()
    if len(head) > 16 or not MINUTE_REFERENCE.match(head):
        return parts
    parts[1].reference = head
    parts[1].line, parts[1].indent = unit.line, unit.indent
    return parts[1:]


def referenced(unit: Unit, text: str) -> str:
    """A cross-heading's text with the minute reference printed before its number (and a
    clause's inside another: the page's proof then names the words' order)."""
    return f"{unit.reference} {text}" if unit.reference else text


def reference_apart(container: list, depth: int, unit: Unit, text: str) -> str:
    """A clause at the top has no heading line to carry a reference: it stands before the
    clause as printed, a cross-heading of its own (as a reference alone on its line does);
    the clause's text without it."""
    if unit.reference:
        container.append(Heading(title=unit.reference, line=unit.line, level=min(2 + depth, 6)))
        unit.reference = None
    return text
