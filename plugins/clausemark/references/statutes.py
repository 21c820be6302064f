"""Statutory references: an Act, Regulations or an Order, with the parts of it cited.

"the Localism Act 2011", "the 2011 Act", "the Local Government (Executive Arrangements)
Regulations", "Part 3 of the Act", "Schedule 1 to the Localism Act 2011", "Local
Government (Northern Ireland) Act 2014, Part 3, S6(1)": a statute's Parts, sections and
Schedules are never the constitution's, so the whole phrase is claimed as a look-alike
(`finders.FINDERS`): no other finder reads a "Part 3" or a "Standing Orders" inside it,
nothing links into the constitution and no registry warning is given.

Every repetition is bounded, and each search looks back a bounded window, so a text of
any length costs time in proportion to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Finding, RefMatch, RefTarget
from .registry import Registry

# One word of a statute's title: a capitalised word, a bracketed part ("(Northern
# Ireland)", "(Executive Arrangements)"), or a small joining word.
_TITLE_WORD = r"(?:[A-Z][\w'’-]*|\([A-Z][^()\n]{0,60}\)|of|and|for|on|in|to|&)"
_ENDER_WORDS = ("Act", "Regulations", "Order", "Measure")
_ENDER = rf"(?:{'|'.join(_ENDER_WORDS)})"
_YEAR = r"(?:\s+\((?:Northern\s+Ireland|Wales|Scotland|England)\))?\s+\d{4}\b"
_STATUTE = re.compile(
    # "the Localism Act 2011", "Local Government (Northern Ireland) Act 2014"
    rf"(?<![\w-])(?:[A-Z][\w'’-]*|\([A-Z][^()\n]{{0,60}}\))(?:\s+{_TITLE_WORD}){{0,12}}?"
    rf"\s+{_ENDER}{_YEAR}"
    # a title with a bracketed part needs no year: "... (Executive Arrangements) Regulations"
    rf"|(?<![\w-])(?:[A-Z][\w'’-]*\s+){{1,6}}(?:\([A-Z][^()\n]{{0,60}}\)\s+){{1,3}}{_ENDER}\b"
    # "the 2011 Act", "the Act", "the said Regulations"
    rf"|(?<![\w-])(?i:the)\s+(?:\d{{4}}\s+|said\s+|above\s+|principal\s+)?{_ENDER}\b"
)
# One cited part of a statute: "Part 3", "section 6(1)", "S6(1)", "s.101", "Schedule 12A",
# "paragraph 2", "Article 4", "regulation 5", "Chapter 2".
_PIECE = (
    r"(?<![\w.])(?:(?i:part|schedule|sections?|ss?\.?|paragraphs?|paras?\.?|articles?|regulations?"
    r"|reg\.?|chapter)\s*\d{1,3}[A-Z]{0,2}(?:\(\w{1,4}\)){0,4})"
)
_PIECES = rf"{_PIECE}(?:\s*(?:,|and|or|&)\s*{_PIECE}){{0,8}}"
# Pieces cited before the statute: "Part 3 and Schedule 2 of the Act", "Schedule 1 to ...".
_BEFORE = re.compile(rf"{_PIECES}(?:\s*,)?\s+(?:of|to|under|in)\s+(?:the\s+)?$")
# Pieces cited after it: "Act 2014, Part 3, S6(1)", "Act 2000 (Part 3)", "Act 1972 s.101".
_AFTER = re.compile(rf"(?:\s*,\s*|\s+)(?:{_PIECES}|\({_PIECES}\))")
_LOOK_BACK = 160  # characters: eight pieces and their joining words


# Acts whose legislation.gov.uk address is certain (type/year/chapter), by title: the
# optional link (`legislation_links: true`) is made for these and no other.
LEGISLATION = {
    "local government act 1972": "ukpga/1972/70",
    "local government and housing act 1989": "ukpga/1989/42",
    "human rights act 1998": "ukpga/1998/42",
    "local government act 2000": "ukpga/2000/22",
    "freedom of information act 2000": "ukpga/2000/36",
    "equality act 2010": "ukpga/2010/15",
    "localism act 2011": "ukpga/2011/20",
    "local audit and accountability act 2014": "ukpga/2014/2",
    "data protection act 2018": "ukpga/2018/12",
}
LEGISLATION_SITE = "https://www.legislation.gov.uk/"


def legislation_url(title: str) -> str | None:
    """The Act's address on legislation.gov.uk, when the table knows it for certain."""
    words = " ".join(title.split()).lower()
    words = words[4:] if words.startswith("the ") else words
    found = LEGISLATION.get(words)
    return LEGISLATION_SITE + found if found else None


def _spans(text: str) -> Iterator[tuple[int, int, re.Match[str]]]:
    # Every statute ends in one of _ENDER's words, as written (case counts): a text with
    # none of them is not searched (most clauses; the page linker asks of every text).
    if not any(word in text for word in _ENDER_WORDS):
        return
    for m in _STATUTE.finditer(text):
        start, end = m.start(), m.end()
        window = max(0, start - _LOOK_BACK)
        before = _BEFORE.search(text[window:start])
        if before:
            start = window + before.start()
        after = _AFTER.match(text, end)
        if after:
            end = after.end()
        yield start, end, m


def statute_spans(text: str) -> Iterator[tuple[int, int]]:
    """Each statutory reference in `text`: the statute with the parts cited of it."""
    for start, end, _title in _spans(text):
        yield start, end


def statutory_references(text: str, registry: Registry | None) -> Iterator[Finding]:
    """The finder of `finders.FINDERS`: a statute claims its span, unlinked; with the
    registry's `legislation_links`, an Act the table knows links its title there."""
    for start, end, title in _spans(text):
        url = legislation_url(title.group()) if registry and registry.legislation_links else None
        if url is None:
            yield start, end, None
            continue
        target = RefTarget(title.start(), title.end(), names=(title.group(),))
        yield (
            start,
            end,
            RefMatch(start, end, "statute", "statute", (target,), text=text[start:end]),
        )
