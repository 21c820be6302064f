"""Where a document sits in the constitution, as a line over its text prints it ('Part 4F
of the Constitution of ...', 'Part 4 Section 5 of the Constitution'): the one reading of
such a line, for the label (metadata) and for the parser, which must never open a Part
container over the sections from it."""

from __future__ import annotations

import re

# "Part 4F of the Constitution of Harrowmere County Council", "PART 4.2 OF THE COUNCIL'S
# CONSTITUTION", "Appendix 3 to the Constitution", and a place of two steps, "Part 4
# Section 5 of the Constitution" (the label "Part 4 Section 5"): where the document sits
_PLACE_WORD = r"(part|section|appendix|schedule|annex)"
_PLACE_NUMBER = (
    r"(\d{1,3}[A-Za-z]?(?:\.\d{1,3}){0,2}|[IVX]{1,6}|[A-Z]"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
)
_PLACE_IN_CONSTITUTION = re.compile(
    rf"^{_PLACE_WORD}\s+{_PLACE_NUMBER}(?:,?\s+{_PLACE_WORD}\s+{_PLACE_NUMBER})?"
    r"\s+(?:of|to)\s+(?:the|this)\s+(?:[\w'’-]+\s+){0,4}?constitution\b",
    re.I,
)


def _place_step(word: str, number: str) -> str:
    if number.isalpha() and len(number) > 1 and not set(number.upper()) <= set("IVX"):
        number = number.capitalize()  # "Part Three", "PART THREE": a number in words
    return f"{word.capitalize()} {number}"


def place_in_constitution(text: str) -> str | None:
    """'PART 4.2 OF THE COUNCIL'S CONSTITUTION' -> 'Part 4.2', 'Part 4, Section 5 of the
    Constitution' -> 'Part 4 Section 5'; None for any other line."""
    found = _PLACE_IN_CONSTITUTION.match(text.strip())
    if found is None:
        return None
    place = _place_step(found.group(1), found.group(2))
    if found.group(3):  # "Part 4 Section 5 of the Constitution"
        place = f"{place} {_place_step(found.group(3), found.group(4))}"
    return place


def place_and_title(text: str) -> tuple[str, str] | None:
    """'Part 3 of the Constitution: Powers and Delegation' -> ('Part 3', 'Powers and
    Delegation'): a line saying where the document sits and what it is; None when the
    line names no place or no title after a colon or dash."""
    found = _PLACE_IN_CONSTITUTION.match(text.strip())
    if found is None:
        return None
    rest = text.strip()[found.end() :]
    if rest[:1] not in (":", "-", "–", "—") and rest[:2] not in (" -", " –", " —"):
        return None
    title = rest.strip(" :-–—")
    place = place_in_constitution(text)
    return (place, title) if place and title else None
