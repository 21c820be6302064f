"""Initials are not list letters (lead ruling R17): "P. Baxter objected to the proposal"
starts with a person's initial, not item P of a list. A capital with a full stop is a
list letter only where it starts a lettered run ("A.") or continues one (B. after A.), or
is a capital roman numeral in turn (I., then II. ...); any other one is text."""

from __future__ import annotations

import re

from ..numbering.styles import roman_value
from .units import Unit

_CAPITAL_DOT = re.compile(r"[A-Z]\.")


def initials_as_text(units: list[Unit]) -> None:
    """Give a lone capital with a full stop back to its paragraph's text, in place."""
    last_letter = ""  # the last capital with a full stop kept as a list letter
    last_roman = 0  # and its value as a roman numeral ("I." ... "IV.") where it is one
    for unit in units:
        number = unit.number
        if not number or "letter" not in unit.styles or unit.md_level:
            continue
        roman = roman_value(number.rstrip(".")) if "roman" in unit.styles else None
        if not _CAPITAL_DOT.fullmatch(number):
            if roman is not None and number.endswith("."):
                last_roman = roman  # "II." "III.": a capital roman run goes on
            continue
        letter = number[0]
        in_run = letter == "A" or (last_letter and ord(letter) == ord(last_letter) + 1)
        if in_run or (roman is not None and roman in (1, last_roman + 1)):
            last_letter, last_roman = letter, roman or 0
            continue
        unit.text = f"{number} {unit.text}"
        unit.number, unit.styles = None, ()
