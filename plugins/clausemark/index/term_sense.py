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

import re
from functools import lru_cache

from .glossary import Term

# A quoted phrase: an opening quote at a word's start, a closing one before a non-letter.
_QUOTED = re.compile(r"(?:(?<=[\s(])|^)([\"“'‘])([^\"“”'‘’\n]{1,80}?)([\"”'’])(?![^\W\d_])")


def inside_larger_quote(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is only part of a quoted phrase around it."""
    for quoted in _QUOTED.finditer(text):
        inner_start, inner_end = quoted.span(2)
        if inner_start <= start and end <= inner_end:
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
