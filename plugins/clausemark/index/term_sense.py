"""Whether a glossary term is used in the sense its definition gives, where it is found.

A term links only where its sense fits. The rules are general, and what varies by term
is data in the glossary (`only_with`):

- A term matching part of a quoted phrase ("a 'disciplinary tribunal'") is not used on
  its own: the quotes make the whole phrase the name.
- A term whose glossary entry lists `only_with` cue words (the statutory "confidential
  information" beside "exempt") links only in a clause that names one of them; elsewhere
  the words are in their everyday sense.
- A term inside a proper name is part of that name, not the defined thing: an Act's or
  Regulations' title ("Local Government (Executive Arrangements) Regulations 2000", read
  as references/statutes.py reads statutes), a job title joined by "&" or "and" ("Clerk
  & Chief Executive", "Chief Executive and Clerk"), a body's name ("Councillor Conduct
  Committee"); so is a term in a document-control row ("Replaces: ...").
- A maintainer's `not_terms` in a document's sidecar (references/overrides.py) says so
  for a phrase anywhere in the document, or in one clause.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..parse.metadata import is_doc_control_label
from ..references.statutes import statute_spans
from .glossary import Term

# A quoted phrase: an opening quote at a word's start, a closing one before a non-letter.
_QUOTED = re.compile(r"(?:(?<=[\s(])|^)([\"“'‘])([^\"“”'‘’\n]{1,80}?)([\"”'’])(?![^\W\d_])")


@lru_cache(maxsize=64)  # one clause's text, asked once per term found in it
def _quoted_spans(text: str) -> tuple[list[int], list[int]]:
    """The starts and ends of the quoted phrases' insides, in order (they never overlap)."""
    spans = [quoted.span(2) for quoted in _QUOTED.finditer(text)]
    return [start for start, _ in spans], [end for _, end in spans]


@lru_cache(maxsize=64)
def _statutes(text: str) -> tuple[list[int], list[int]]:
    """The statutory references' starts and ends (references/statutes.py), in order."""
    spans = list(statute_spans(text))
    return [start for start, _ in spans], [end for _, end in spans]


def _within(spans: tuple[list[int], list[int]], start: int, end: int) -> int | None:
    """The span (by position) holding [start, end), found by bisection: each text is read
    once, however many terms it holds."""
    starts, ends = spans
    position = bisect_right(starts, start) - 1
    if position >= 0 and end <= ends[position]:
        return position
    return None


def inside_larger_quote(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is only part of a quoted phrase around it."""
    spans = _quoted_spans(text)
    position = _within(spans, start, end)
    if position is None:
        return False
    inner = text[spans[0][position] : spans[1][position]]
    return inner.strip() != text[start:end].strip()


@lru_cache(maxsize=256)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(cue) for cue in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{names})(?![^\W_])", re.IGNORECASE)


# Words that make a run of capitalised words a job title or a body's name.
_JOB_WORDS = (
    r"(?:Executive|Officer|Director|Manager|Secretary|Treasurer|Clerk|Solicitor|Chair(?:man)?"
    r"|Mayor|Head|Controller|Registrar|Accountant|Surveyor|Auditor|Lead|Adviser|Advisor)"
)
_BODY_WORDS = (
    r"(?:Committee|Sub-Committee|Board|Panel|Association|Commission|Partnership|Trust"
    r"|Forum|Tribunal|Ombudsman|Agency|Department|Directorate|Office|Service)"
)
_CAPITALISED = r"[A-Z][\w'’-]*"
# After the term: "& Chief Executive", "Advisory Panel"; "and Chief Executive" only after
# a one-word term ("Clerk and Chief Executive" is one post; "Proper Officer and
# Responsible Financial Officer" are two, each a term of its own).
_JOINED_AFTER = re.compile(rf"\s*&\s*{_CAPITALISED}|(?:\s+{_CAPITALISED}){{0,3}}\s+{_BODY_WORDS}\b")
_AND_AFTER = re.compile(rf"\s+and\s+(?:{_CAPITALISED}\s+){{0,3}}{_JOB_WORDS}\b")
# Before the term: "Chief Executive & "; "Chief Executive and " before a one-word term.
_JOINED_BEFORE = re.compile(rf"{_CAPITALISED}\s*&\s*$")
_AND_BEFORE = re.compile(rf"\b{_JOB_WORDS}\s+and\s+$")
# Labels of document-control rows besides those the metadata reader knows.
_CONTROL_ROW = re.compile(
    r"^(?:replaces|supersedes|previous\s+versions?|amendments?|summary\s+of\s+changes"
    r"|changes|prepared\s+by|approved\s+by|document\s+(?:owner|reference|ref\.?)"
    r"|distribution|classification|equality\s+impact|consultation)\s*:?$",
    re.I,
)


def is_control_row(label: str) -> bool:
    """Whether a table row labelled `label` is document control ("Replaces", "Version")."""
    return is_doc_control_label(label) or bool(_CONTROL_ROW.match(label.strip()))


def inside_proper_name(term: Term, text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of a longer proper name: an Act's or Regulations'
    title, a job title joined by '&' or 'and', a body's name."""
    if _within(_statutes(text), start, end) is not None:
        return True
    if _JOINED_AFTER.match(text, end):
        # a term that is itself a body ("Standards Committee") names that body
        return not re.search(rf"{_BODY_WORDS}$", text[start:end])
    one_word = " " not in text[start:end].strip()
    if one_word and _AND_AFTER.match(text, end):
        return True
    before = max(0, start - 40)
    if _JOINED_BEFORE.search(text, before, start):
        return True
    return one_word and bool(_AND_BEFORE.search(text, before, start))


def sense_fits(term: Term, text: str, start: int, end: int, context: str = "") -> bool:
    """`text` holds the match at [start, end); `context` is the whole clause it is in."""
    if inside_larger_quote(text, start, end):
        return False
    if inside_proper_name(term, text, start, end):
        return False
    if term.only_with:
        return bool(_cue_pattern(term.only_with).search(context or text))
    return True
