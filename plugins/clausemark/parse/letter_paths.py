"""A letter glued to a roman at a line's start ('(d)(ii) Local Involvement Network ...'): the
whole path of an item printed as one number, as '1(b)(i)' is for a clause.

After '(d)' printed above it, '(d)(ii)' is item (ii) of (d), its number the whole path
(anchor `..._subpara_d__item_d-ii`); with no '(d)' printed before it, the line is (d) with
its first item (ii) on it, as '(3) (a) ...' is clause 3 whose (a) carries the text (R32)."""

from __future__ import annotations

import re

from ..numbering.styles import is_roman
from .units import Unit

_ROMAN_GLUED = re.compile(r"\(([ivxlc]{1,6})\)\s+(?=\S)")


def letter_paths(flow: list) -> list:
    """The flow with each letter glued to a roman read as above (see the module)."""
    result: list = []
    letters: set[str] = set()  # the letters printed so far, '(d)'
    for unit in flow:
        result.append(unit)
        if not isinstance(unit, Unit) or not unit.number or unit.md_level:
            continue
        if "letter" not in unit.styles or unit.number[:1] != "(":
            continue
        glued = _ROMAN_GLUED.match(unit.text) if unit.first.startswith(f"{unit.number}(") else None
        if glued is None or not is_roman(glued.group(1)):
            letters.add(unit.number)
            continue
        if unit.number in letters:  # '(d)' above: one number, the item's whole path
            unit.number = f"{unit.number}({glued.group(1)})"
            unit.styles, unit.text = ("roman",), unit.text[glued.end() :]
            continue
        letters.add(unit.number)
        child = Unit(
            unit.line, unit.indent + 1, unit.text[glued.end() :], number=f"({glued.group(1)})"
        )
        child.styles, child.joined_lines = ("roman",), unit.joined_lines
        unit.text, unit.joined_lines = "", []
        result.append(child)
    return result
