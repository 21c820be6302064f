"""Where a document is listed: the Part of the constitution its label places it in, the
order of the Parts, a Part's heading, and the document's title in menus and lists.

One home for the grouping the menu, the home page's directory and the `--dirty`
signatures all use.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model.document import Document
from ..numbering.styles import roman_value
from ..parse.metadata import display_title

_PART = re.compile(r"^\s*part\s+([\w]+)", re.I)
_APPENDIX = re.compile(r"^\s*(?:appendix|appendices|schedule|annexe?)\b", re.I)
_DOTTED = re.compile(r"^\s*(\d+)\.\d+")


def constitution_part(label: str | None) -> str:
    """The Part of the constitution a label places a document in, for navigation.

    'Part E Code 3' -> 'Part E'; '5.4' -> 'Part 5'; 'Appendix 20' -> 'Appendices'.
    """
    if not label:
        return "Other documents"
    if match := _PART.match(label):
        return f"Part {match.group(1).upper() if len(match.group(1)) == 1 else match.group(1)}"
    if _APPENDIX.match(label):
        return "Appendices"
    if match := _DOTTED.match(label):
        return f"Part {match.group(1)}"
    return "Other documents"


_NUMBERED = re.compile(r"(\d+)(.*)")
_ROMAN = re.compile(r"(X{0,3}(?:IX|IV|V?I{0,3}))([A-H]?)")  # I ... XXXIX, and IVA


def part_order(name: str) -> tuple:
    """Parts in printed order (Part 1 ... Part 4, Part 4A, Part 4B, Part 5 ... Part 10,
    Part A), then appendices, then the rest."""
    if name.startswith("Part "):
        token = name[5:]
        numbered = _NUMBERED.fullmatch(token)
        if numbered:  # 'Part 4A' after Part 4, before Part 5 (it sorted after Part 10)
            return (0, int(numbered.group(1)), numbered.group(2))
        roman = _ROMAN.fullmatch(token)  # 'Part IX' after Part VIII (it sorted before Part V)
        if roman and roman.group(1):  # 'Part E' stays a letter (Parts lettered to I are rare)
            return (0, roman_value(roman.group(1)) or 0, roman.group(2))
        return (0, 1_000_000, token)
    return (1 if name == "Appendices" else 2, 0, name)


def part_heading(part: str, names: dict[str, str] | None = None) -> str:
    """'Part 5' -> 'Part 5: Codes and Protocols' when the site names its Parts (mkdocs.yml
    `part_names`); a Part the site does not name keeps its number alone."""
    title = (names or {}).get(part)
    return f"{part}: {title}" if title else part


def nav_titles(documents: list[Document]) -> dict[str, str]:
    """Each document's title for menus, by id; the council or label tells apart two
    documents of one name. One pass over the documents, however many share a name."""
    shown = {d.doc_id: display_title(d.metadata.title) for d in documents}
    count = Counter(shown.values())
    titles = {}
    for document in documents:
        title = shown[document.doc_id]
        extra = document.metadata.council or document.metadata.label
        titles[document.doc_id] = f"{title} ({extra})" if count[title] > 1 and extra else title
    return titles
