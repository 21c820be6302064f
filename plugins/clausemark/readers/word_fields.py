"""Word's fields, as the Word reader reads them (readers/docx.py): a field's instruction,
whether its result is being read, and a HYPERLINK field's address, read as Word reads
its switches ("\\l" a location in the target, "\\o" a tooltip, "\\t" a frame)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..support.limits import most
from .word_emphasis import Segment

MAX_OPEN_FIELDS = 64  # fields open at once (so every check of them is bounded)


@dataclass
class Field:
    instruction: str = ""
    in_result: bool = False
    # a HYPERLINK field's result: its target, and where its words start in the
    # paragraph's segments (None when the result is read in another list of segments)
    target: str = ""
    start: int | None = None
    segments: list[Segment] | None = None
    begun: int = 0  # the body paragraph its begin mark is in


# A field's instruction is read this far: a HYPERLINK's address with its switches (an
# instruction cut at the bound makes no link; its words stay); any other kind is known
# by its start.
INSTRUCTION = most("link_target") + 64


def hyperlink_target(instruction: str) -> str | None:
    """The address a HYPERLINK field points at ('HYPERLINK "https://x" \\l "part"' ->
    'https://x#part'), a bookmark's link for one to a bookmark of the document alone or
    a cross-reference (REF with \\h), None for another kind of field. Whether the
    address may be a link is the link layer's."""
    tokens = [quoted or bare for quoted, bare in _FIELD_TOKEN.findall(instruction)]
    if len(tokens) >= 2 and tokens[0].upper() == "REF" and "\\h" in (t.lower() for t in tokens):
        return bookmark_link(tokens[1])  # a cross-reference made a link to its bookmark
    if not tokens or tokens[0].upper() != "HYPERLINK":
        return None
    address, location, switch = "", "", ""
    for token in tokens[1:]:
        if token.startswith("\\") and len(token) == 2:
            switch = token[1].lower()
        elif switch == "l":
            location, switch = token, ""
        elif switch in ("o", "t"):  # a tooltip, a target frame: not the address
            switch = ""
        elif not address:
            address = token
    if not address:
        return bookmark_link(location)  # a bookmark of the Word file: its clause, if any
    return f"{address}#{location}" if location else address


_FIELD_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
# A link to a bookmark of the document: made a link to the clause the bookmark is on
# once the text is parsed (parse/bookmarks.py), else its words alone.
BOOKMARK_LINK = "#cm-bookmark-"
_BOOKMARK_NAME = re.compile(r"\w{1,40}")


def bookmark_link(name: str) -> str:
    """The link target for Word's bookmark `name` ('' for none, for a name Word would not
    write (letters, digits and '_', at most 40), and for a contents entry's link to its
    heading (_Toc...): the entry is left out as contents, its words as they were)."""
    if name.startswith("_Toc") or not _BOOKMARK_NAME.fullmatch(name):
        return ""
    return f"{BOOKMARK_LINK}{name}"


def field_link(instruction: str, to_heading: bool) -> tuple[str, bool]:
    """A HYPERLINK field's address ('' for any other field, for a bookmark alone, or
    for an instruction too long to read whole), and `to_heading` made True when it
    links to a contents entry's heading (a _Toc bookmark)."""
    if len(instruction) >= INSTRUCTION:
        return "", to_heading
    target = hyperlink_target(instruction)
    if target is None:
        return "", to_heading
    return target, to_heading or "_Toc" in instruction


def unended_fields(first: str, count: int) -> list[tuple[str, str]]:
    """The one warning naming the first paragraph where a field's code is never ended."""
    if not count:
        return []
    more = f" (and in {count - 1} more paragraphs)" if count > 1 else ""
    return [
        (
            "field",
            f"{first}: a field is begun (w:fldChar) and never ended{more}; the words after "
            "it are read as text, as Word shows no field there",
        )
    ]


def is_contents(instruction: str) -> bool:
    """A table of contents field (its result is the contents list, left out)."""
    return instruction.strip().upper().startswith("TOC")


def unended_contents(places: list[str]) -> list[tuple[str, str]]:
    """The warning naming a contents field that is never ended."""
    if not places:
        return []
    return [
        (
            "field",
            f"{places[0]}: a table of contents field is begun and never ended; it is read as "
            "ending after its entries, and the text after them as text",
        )
    ]
