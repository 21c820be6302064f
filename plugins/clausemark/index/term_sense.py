"""Whether a glossary term is used in the sense its definition gives, where it is found.

A term links only where its sense fits. The rules are general, and what varies by term
is data in the glossary (`only_with`):

- A term matching part of a quoted phrase ("a 'disciplinary tribunal'") is not used on
  its own: the quotes make the whole phrase the name.
- A term whose glossary entry lists `only_with` cue words (the statutory "confidential
  information" beside "exempt") links only in a clause that names one of them; elsewhere
  the words are in their everyday sense.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .glossary import Term

# A quoted phrase: an opening quote at a word's start, a closing one before a non-letter.
_QUOTED = re.compile(r"(?:(?<=[\s(])|^)([\"“'‘])([^\"“”'‘’\n]{1,80}?)([\"”'’])(?![^\W\d_])")


@lru_cache(maxsize=16)
def _quoted_spans(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """The quoted phrases of `text` (inner spans, in order, never overlapping), found once
    per text however many terms it holds, and their starts for a binary search."""
    spans = [quoted.span(2) for quoted in _QUOTED.finditer(text)]
    return [inner_start for inner_start, _ in spans], spans


def inside_larger_quote(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is only part of a quoted phrase around it."""
    starts, spans = _quoted_spans(text)
    at = bisect.bisect_right(starts, start) - 1  # the one phrase that can hold it
    if at < 0:
        return False
    inner_start, inner_end = spans[at]
    if end <= inner_end:
        return text[inner_start:inner_end].strip() != text[start:end].strip()
    return False


@lru_cache(maxsize=256)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(cue) for cue in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{names})(?![^\W_])", re.IGNORECASE)


def sense_fits(term: Term, text: str, start: int, end: int, context: str = "") -> bool:
    """`text` holds the match at [start, end); `context` is the whole clause it is in."""
    if inside_larger_quote(text, start, end):
        return False
    if term.only_with:
        return bool(_cue_pattern(term.only_with).search(context or text))
    return True
