"""Initials are not list letters (lead ruling R17): "P. Baxter objected to the proposal"
starts with a person's initial, not item P of a list. A capital with a full stop is a
list letter only where it starts a lettered run ("A." with a "B." after it) or continues
one (B. after A.), or is a capital roman numeral in turn (I. with a II. after it, then
II. ...); any other one is text: "A. Smith thanked ..." or "I. Patel said ..." alone is a
name's initial (lead ruling R28)."""

from __future__ import annotations

import re

from ..numbering.styles import roman_value
from .units import Unit

_CAPITAL_DOT = re.compile(r"[A-Z]\.")
_ROMAN_DOT = re.compile(r"[IVX]{1,6}\.")


def initials_as_text(units: list[Unit]) -> None:
    """Give a lone capital with a full stop back to its paragraph's text, in place."""
    last_letter = ""  # the last capital with a full stop kept as a list letter
    last_roman = 0  # and its value as a roman numeral ("I." ... "IV.") where it is one
    seconds = _seconds_after(units)
    for index, unit in enumerate(units):
        number = unit.number
        if not number or "letter" not in unit.styles or unit.md_level:
            continue
        roman = roman_value(number.rstrip(".")) if "roman" in unit.styles else None
        if not _CAPITAL_DOT.fullmatch(number):
            if roman is not None and number.endswith("."):
                last_roman = roman  # "II." "III.": a capital roman run goes on
            continue
        letter = number[0]
        first = letter == "A" and seconds[index][0] == "B."  # "A." with its "B." (R28)
        in_run = first or (last_letter and ord(letter) == ord(last_letter) + 1)
        starts = roman == 1 and seconds[index][1] == "II."  # "I." with its "II."
        if in_run or starts or (roman is not None and roman == last_roman + 1 > 1):
            last_letter, last_roman = letter, roman or 0
            continue
        unit.text = f"{number} {unit.text}"
        unit.number, unit.styles = None, ()


def _seconds_after(units: list[Unit]) -> list[tuple[str, str]]:
    """Per unit, the next capital letter with a full stop after it that is no roman
    numeral ('B.') and the next capital roman with one ('II.'): a run's first item "A." or
    "I." is one only when its second comes next in its own style, not an initial's
    "A." under another item whose list has a "B." further on."""
    found: list[tuple[str, str]] = [("", "")] * len(units)
    letter = roman = ""
    for index in range(len(units) - 1, -1, -1):
        found[index] = (letter, roman)
        number = units[index].number or ""
        if _CAPITAL_DOT.fullmatch(number) and number[0] not in "IVX":
            letter = number
        elif _ROMAN_DOT.fullmatch(number):
            roman = number
    return found
