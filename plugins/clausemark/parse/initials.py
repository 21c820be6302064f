"""Initials are not list letters (lead ruling R17): "P. Baxter objected to the proposal"
starts with a person's initial, not item P of a list. A capital with a full stop is a
list letter only where it starts a lettered run ("A." with "B." next) or goes on with one
(B. after A.), and a capital roman numeral only in a run of them ("I." with "II." next,
"V." after "IV."); any other one is text: "I. Smith", then "J. Brown", then "V. Patel" in
a list of names (R28), a lone "A." or "I." (R28). Capital romans under a lettered item
("d)" over "I." ... "VII.") are that item's list (R26): kept as romans, so that "V." after
"IV." is never a name's initial."""

from __future__ import annotations

import re

from ..numbering.styles import roman_value
from .units import Unit

_CAPITALS_DOT = re.compile(r"[A-Z]{1,6}\.")


def _capitals(unit: Unit) -> bool:
    """A number printed as capitals with a full stop ("C.", "IV."), a letter or a roman."""
    styles = unit.styles
    return (
        unit.number is not None
        and not unit.md_level
        and ("letter" in styles or "roman" in styles)
        and bool(_CAPITALS_DOT.fullmatch(unit.number))
    )


def initials_as_text(units: list[Unit]) -> None:
    """Give a capital with a full stop that is in no run back to its paragraph's text, in
    place; set each kept one's style (letter or roman) where both were possible."""
    _lone_bracketed_a(units)  # '(A) Grants are made once a year.' alone: text (R32)
    marks = [unit for unit in units if _capitals(unit)]
    last_letter = ""  # the last capital kept as a list letter
    last_roman = 0  # the value of the last capital roman numeral kept
    for position, unit in enumerate(marks):
        number = unit.number or ""
        token = number[:-1]
        following = marks[position + 1].number if position + 1 < len(marks) else None
        roman = roman_value(token) if "roman" in unit.styles else None
        if len(token) > 1:  # "II.", "VII.": only a roman numeral
            if roman is not None:
                last_roman = roman
            continue
        letter_next = following == f"{chr(ord(token) + 1)}."
        if (last_letter and ord(token) == ord(last_letter) + 1) or (token == "A" and letter_next):
            last_letter, unit.styles = token, ("letter",)  # A. B. ... (I. after H.)
            continue
        if roman is not None and (roman == last_roman + 1 and last_roman or following == "II."):
            last_roman, unit.styles = roman, ("roman",)  # I. II. ... (V. after IV.)
            continue
        unit.text = f"{number} {unit.text}"
        unit.number, unit.styles = None, ()


_FIRST_UNDER = frozenset({"(1)", "1.", "1)", "1"})


def _lone_bracketed_a(units: list[Unit]) -> None:
    """Give '(A)' back to its paragraph's text, in place, where no '(B)' stands anywhere
    and no '(1)' right under it: a bracketed capital alone heads nothing and lists
    nothing (lead ruling R32's negative, as R28 reads a lone 'A.')."""
    if not any(unit.number == "(A)" for unit in units):
        return  # the cheap look first
    if any(unit.number == "(B)" for unit in units):
        return
    numbered = [unit for unit in units if unit.number is not None]
    for position, unit in enumerate(numbered):
        if unit.number != "(A)" or unit.md_level:
            continue
        following = numbered[position + 1].number if position + 1 < len(numbered) else None
        if following in _FIRST_UNDER:
            continue
        unit.text = f"{unit.number} {unit.text}".rstrip()
        unit.number, unit.styles = None, ()
