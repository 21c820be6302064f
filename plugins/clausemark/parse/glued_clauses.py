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
from .shapes import is_heading_text
from .units import Unit

# a letter, then a number of two to six levels (a trailing full stop allowed), then a space,
# a '/' cell mark or the end: "FRAMEWORK1.1.1 / The", "Procedure2.3.4. Members"
_GLUED = re.compile(r"[A-Za-z](\d{1,3}(?:\.\d{1,3}){1,5}\.?)(?=\s|$)")


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


def _wanted(open_path: tuple[str, ...]) -> tuple[str, ...]:
    """The printed forms a glued number continuing the open clause starts with: a cheap
    look for them first (a regular expression over every paragraph cost 7% of a pass)."""
    child = ".".join((*open_path, "1"))
    last = open_path[-1]
    if not last.isdigit() or len(last) > 3:
        return (child,)
    return child, ".".join((*open_path[:-1], str(int(last) + 1)))


_SENTENCE_END = re.compile(r"[.;:!?]\s")
_WORD_BEFORE = re.compile(r"[A-Za-z]+$")


def _glued_to_heading(text: str, found: re.Match) -> bool:
    """Whether the words before a glued number are a heading's (a capital-led title since
    the last sentence's end, its last word two letters or more) and the words after it
    open a sentence with a capital (R28): "POLICY FRAMEWORK1.1.1 The Council's ..." is;
    a version or a reference inside a sentence ("system v1.2 supplied", "Annex B1.3.1 of
    the guidance", "Schedule2.4 of the handbook") is not."""
    before = text[: found.start(1)]
    word = _WORD_BEFORE.search(before)
    after = text[found.end() :].lstrip(" /")
    if word is None or len(word.group(0)) < 2 or not after[:1].isupper():
        return False
    head = _SENTENCE_END.split(before)[-1].strip(" /")
    return bool(head) and is_heading_text(head)


def _next_clause(text: str, open_path: tuple[str, ...]):
    """The first glued number in `text` that continues the open clause, and its reading."""
    for found in _GLUED.finditer(text):
        number = found.group(1)
        if _continues(number, open_path) and _glued_to_heading(text, found):
            read = read_number(f"{number} {text[found.end() :].lstrip() or 'x'}")
            if read is not None:
                return found, read
    return None


def split_glued_clauses(flow: list) -> list:
    """Each paragraph split before a clause number glued to its words (see the module)."""
    out: list | None = None  # made at the first split: most texts have none
    wanted: tuple[str, ...] = ()
    for index, item in enumerate(flow):
        if type(item) is not Unit or item.md_level or item.listed:
            if out is not None:
                out.append(item)
            continue
        if item.number and "decimal" in item.styles:
            open_path = clause_path(item.number)
            wanted = _wanted(open_path) if open_path else wanted
        text = item.text
        if not wanted or (wanted[0] not in text and wanted[-1] not in text):
            if out is not None:
                out.append(item)
            continue
        if out is None:
            out = flow[:index]
        parts = _split(item, clause_path(".".join(wanted[0].split(".")[:-1])))
        out += parts
        last = parts[-1]
        if len(parts) > 1 and last.number and (path := clause_path(last.number)):
            wanted = _wanted(path)
    return flow if out is None else out


def _split(item: Unit, open_path: tuple[str, ...] | None) -> list[Unit]:
    """The paragraph and the clauses glued on to it, in order."""
    parts = [item]
    while open_path and (found := _next_clause(item.text, open_path)):
        match, read = found
        rest = item.text[match.end() :].strip()
        item.text = item.text[: match.start(1)].rstrip()
        item = Unit(item.line, item.indent, rest, number=read.number, styles=read.styles)
        parts.append(item)
        open_path = clause_path(match.group(1))
    return parts
