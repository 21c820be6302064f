"""Clause numbers past 999 (issue 23 leftover): the style table reads 1-3 digits a part (a
year at a line's start, "2015. The council ...", is no clause number), so "1000." after
clause 999 ran into 999's text. A four-digit integer is a clause number where it comes
next after the integer clause printed before it (999 -> 1000 -> 1001), at a paragraph's
start or after a sentence's end inside one ("... item 999. 1000. The council ...")."""

from __future__ import annotations

import re

from .units import Unit

_LONG_START = re.compile(r"^(\d{4})([.)])\s+(?=\S)")
_INTEGER = re.compile(r"^\d{1,4}[.)]?$")
_FIRST_LONG = 999  # the last number the style table reads alone


def long_numbers(flow: list) -> list:
    """Four-digit clause numbers that go on from 999, read as clauses (see the module)."""
    printed = {getattr(item, "number", None) for item in flow}  # a cheap look first
    if "999." not in printed and "999)" not in printed and "999" not in printed:
        return flow
    out: list | None = None  # made at the first split: most texts have no such number
    last: int | None = None
    for index, item in enumerate(flow):
        if type(item) is not Unit or item.md_level or item.listed:
            if out is not None:
                out.append(item)
            continue
        number = item.number
        if number and "integer" in item.styles and _INTEGER.match(number):
            last = int(number.rstrip(".)"))
        elif number is None and last is not None and last >= _FIRST_LONG:
            found = _LONG_START.match(item.text)
            if found and int(found.group(1)) == last + 1:
                item.number, item.styles = found.group(1) + found.group(2), ("integer",)
                item.text, last = item.text[found.end() :], last + 1
        parts = [item]
        while last is not None and last >= _FIRST_LONG and f" {last + 1}. " in parts[-1].text:
            tail = parts[-1]
            at = tail.text.index(f" {last + 1}. ")
            if tail.text[:at].rstrip()[-1:] not in ".;:":
                break  # "... see item 1000. The ...": a citation inside a sentence
            wanted = f"{last + 1}."
            rest = tail.text[at + len(wanted) + 2 :]
            tail.text = tail.text[:at].rstrip()
            parts.append(Unit(tail.line, tail.indent, rest, number=wanted, styles=("integer",)))
            last += 1
        if len(parts) > 1 and out is None:
            out = flow[:index]
        if out is not None:
            out += parts
    return flow if out is None else out
