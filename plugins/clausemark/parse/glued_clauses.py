"""A clause number glued to the end of the words before it (lead ruling R18, session 12):
"1.1 POLICY FRAMEWORK1.1.1 The Council's framework ..." is clause 1.1 (its title) and clause
1.1.1 (its text), run together where a copy from a table or a PDF lost the line break and
the space. The number starts a clause there only when it is multi-level, comes straight
after a letter, and extends the open clause by one level or is its next sibling; a number
after a space inside a sentence ("... agreed. 2. That ...") is left to run_together.py's
rules, and any other number stays in the text as printed."""

from __future__ import annotations

import re

from ..numbering.styles import clause_path, read_number
from .units import Unit

# a letter, then a number of two to six levels (a trailing full stop allowed), then a space,
# a '/' cell mark or the end: "FRAMEWORK1.1.1 / The", "Procedure2.3.4. Members"
_GLUED = re.compile(r"(?<=[A-Za-z])(\d{1,3}(?:\.\d{1,3}){1,5}\.?)(?=\s|$)")


def _continues(number: str, open_path: tuple[str, ...] | None) -> bool:
    """One level deeper than the open clause (1.1 -> 1.1.1), or its next sibling (1.1.1 ->
    1.1.2)."""
    path = clause_path(number)
    if not path or not open_path:
        return False
    if len(path) == len(open_path) + 1 and path[:-1] == open_path:
        return path[-1] in ("1", "01")
    if len(path) == len(open_path) and path[:-1] == open_path[:-1]:
        last, this = open_path[-1], path[-1]
        return last.isdigit() and this.isdigit() and int(this) == int(last) + 1
    return False


def split_glued_clauses(flow: list) -> list:
    """Each paragraph split before a clause number glued to its words (see the module)."""
    out: list = []
    open_path: tuple[str, ...] | None = None
    for item in flow:
        if not isinstance(item, Unit) or item.md_level or item.listed:
            out.append(item)
            continue
        if item.number and "decimal" in item.styles:
            open_path = clause_path(item.number) or open_path
        while open_path and (found := _GLUED.search(item.text)) and found.start() > 0:
            number = found.group(1)
            read = read_number(f"{number} {item.text[found.end() :].lstrip() or 'x'}")
            if read is None or not _continues(number, open_path):
                break
            rest = item.text[found.end() :].strip()
            item.text = item.text[: found.start()].rstrip()
            out.append(item)
            item = Unit(item.line, item.indent, rest, number=read.number, styles=read.styles)
            open_path = clause_path(number)
        out.append(item)
    return out
