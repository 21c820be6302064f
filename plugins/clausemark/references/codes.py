"""The codes of conduct, in the dozen ways a constitution names them.

"the Members' Code", "Councillors' Code of Conduct", "the code of conduct for officers",
"those codes", "Members' and Employees' Codes": each mention is mapped to the canonical
names below, which the document registry then places. A plain plural noun ("members")
is never a code; "the code of conduct" that says neither side is `UNSPECIFIED_CODE`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .model import Finding, RefMatch, RefTarget

if TYPE_CHECKING:  # registry.py reads the codes' names from here
    from .registry import Registry

MEMBERS_CODE = "Members' Code of Conduct"
EMPLOYEES_CODE = "Employees' Code of Conduct"
UNSPECIFIED_CODE = "Code of Conduct"  # "the code of conduct": the text does not say which

_APOS = r"(?:['’]s?)?"
_MEMBER = r"(?:elected\s+)?(?:members?|councillors?)"
_EMPLOYEE = r"(?:employees?|officers?|staff)"
_SIDE = rf"(?:{_MEMBER}|{_EMPLOYEE}){_APOS}"
_PLURAL_SIDE = r"(?:members|councillors|employees|officers|staff)"
_CODE_PAIR = re.compile(
    rf"\b(?P<a>{_SIDE})\s+(?:and|&)\s+(?P<b>{_SIDE})\s+(?P<codes>codes?\s+of\s+conduct\b|codes\b)",
    re.IGNORECASE,
)
_CODE_FOR_BOTH = re.compile(
    r"\b(?P<head>codes\s+of\s+conduct)\s+(?:for|(?:which|that)\s+apply\s+to|applying\s+to)\s+"
    rf"(?:both\s+)?(?:the\s+)?(?P<a>{_PLURAL_SIDE})\s+and\s+(?:the\s+)?(?P<b>{_PLURAL_SIDE})\b",
    re.IGNORECASE,
)
_CODE_DEICTIC = re.compile(
    r"\b(?:the\s+two|those\s+two|both(?:\s+the)?|those|these|(?:the|their)\s+"
    r"(?:respective|own|various|two)|the)\s+codes\b(?:\s+of\s+conduct\b)?(?!\s+of\s+(?!conduct))",
    re.IGNORECASE,
)
_CODE_SINGLE = re.compile(
    rf"\b(?P<side>{_MEMBER}|{_EMPLOYEE}){_APOS}\s+code\b(?:\s+of\s+conduct\b)?", re.IGNORECASE
)
_CODE_FOR = re.compile(
    rf"\bcode\s+of\s+conduct\s+for\s+(?:(?:the|all)\s+)?(?P<side>{_MEMBER}|{_EMPLOYEE})\b",
    re.IGNORECASE,
)
_CODE_BARE = re.compile(
    r"\b(?:the|its|(?:the\s+)?(?:council|authority)['’]s)\s+(?P<code>code\s+of\s+conduct)\b",
    re.IGNORECASE,
)
# "codes of conduct" in the plural, naming neither side, means both codes.
_CODE_PLURAL = re.compile(r"\bcodes\s+of\s+conduct\b", re.IGNORECASE)
_SIDE_WORD = re.compile(rf"^(?:the\s+)?(?P<side>{_MEMBER}|{_EMPLOYEE}){_APOS}$", re.IGNORECASE)
_MENTIONS_CODES = re.compile(r"\bcodes?\s+of\s+conduct\b", re.IGNORECASE)


def _side_code(word: str) -> str:
    return MEMBERS_CODE if re.search(r"member|councillor", word, re.IGNORECASE) else EMPLOYEES_CODE


def code_matches(text: str) -> Iterator[RefMatch]:
    """Every mention of a code of conduct, before overlaps are settled (the finder)."""

    def code(start: int, end: int, targets: tuple[RefTarget, ...]) -> RefMatch:
        relation = "list" if len(targets) > 1 else "single"
        return RefMatch(start, end, "code", "code", targets, relation, text[start:end])

    if "code" not in text.lower():
        return  # every pattern below names a code; most clauses do not

    # "Members' and Employees' Codes": each side's words link to its own code; in
    # "codes of conduct for members and officers" the codes themselves name both, and
    # "members" and "officers" are the people, not codes (a plain plural noun is never
    # a mention of a code).
    for pattern, second_end in ((_CODE_PAIR, "codes"), (_CODE_FOR_BOTH, "b")):
        for m in pattern.finditer(text):
            first, second = _side_code(m["a"]), _side_code(m["b"])
            if first != second:
                targets: tuple[RefTarget, ...] = (
                    RefTarget(m.start("a"), m.end("a"), names=(first,)),
                    RefTarget(m.start("b"), m.end(second_end), names=(second,)),
                )
                if "head" in pattern.groupindex:
                    head_start, head_end = m.span("head")
                    both = (MEMBERS_CODE, EMPLOYEES_CODE)
                    targets = (RefTarget(head_start, head_end, names=both),)
                yield code(m.start(), m.end(), targets)
    # "those codes", "codes of conduct": one span naming both codes.
    for pattern in (_CODE_DEICTIC, _CODE_PLURAL):
        for m in pattern.finditer(text):
            both = (MEMBERS_CODE, EMPLOYEES_CODE)
            yield code(m.start(), m.end(), (RefTarget(m.start(), m.end(), names=both),))
    for pattern in (_CODE_SINGLE, _CODE_FOR):
        for m in pattern.finditer(text):
            names = (_side_code(m["side"]),)
            yield code(m.start(), m.end(), (RefTarget(m.start(), m.end(), names=names),))
    for m in _CODE_BARE.finditer(text):
        start, end = m.span("code")
        yield code(start, end, (RefTarget(start, end, names=(UNSPECIFIED_CODE,)),))


def code_references(text: str, registry: Registry | None = None) -> Iterator[Finding]:
    """The finder of the "code" entry of `finders.FINDERS` (it needs no registry)."""
    return ((found.start, found.end, found) for found in code_matches(text))


def canonical_code_names(phrase: str) -> tuple[str, ...]:
    """The codes a whole phrase names: 'Councillors' Code' -> (MEMBERS_CODE,); else ()."""
    text = phrase.strip()
    for found in code_matches(text):
        if found.start == 0 and found.end == len(text):
            return tuple(name for target in found.targets for name in target.names)
    return ()


def code_for_side(words: str, context: str) -> str | None:
    """The code that 'employees' or 'the members’' means where `context` speaks of codes."""
    side = _SIDE_WORD.match(words)
    if side and _MENTIONS_CODES.search(context):
        return _side_code(side["side"])
    return None
