"""Document-control label lines over a text's title (lead ruling R38): 'Reference: PR_PER1
Recruitment Procedure', 'Ref: HR/04', 'Policy number 12', 'Status: Draft', 'Owner: Town
Clerk', 'Review date: May 2026'. Never the title (even when the value holds the document's
name: the title is the next heading) and never joined with the heading under them. A pure
test of one line, read where the title is chosen (above_title.py, titles.py)."""

from __future__ import annotations

import re
from functools import lru_cache

from .metadata import is_doc_control_label

# 'Reference: PR_PER1 Recruitment Procedure', 'Ref: HR/04', 'Policy number 12', 'Status:
# Draft', 'Owner: Town Clerk', 'Review date: May 2026': a document-control label line, never
# the title even when its value holds the document's name (the title is the next heading).
_REFERENCE = re.compile(
    r"^(?:(?:document|doc\.?|policy|procedure|file)\s+)?(?:reference|ref\.?)(?:\s+(?:no\.?|number))?"
    # a colon, or a code with a digit, '_' or '/' ('Reference XX_1 ...'): never a title's
    # word ('Reference Guide to Standing Orders': attack17 A17-2)
    r"(?:\s*:\s*\S|\.?\s+(?=[^\s]*[\d_/])\S)"
    r"|^(?:document|policy|procedure)\s+(?:number|no\.?)\s*[:.]?\s*[A-Z]{0,4}[-/]?\d",
    re.I,
)
_LABEL_VALUE = re.compile(r"^([A-Z][A-Za-z ]{1,30}?)\s*:\s*\S")
_CONTROL_LABEL_MOST = 120


_NAMED_FIRST = ("ref", "doc", "pol", "pro", "fil")  # the label words that need no colon


@lru_cache(maxsize=2048)  # the same line is asked about where it is parted, joined and read
def control_label(text: str) -> bool:
    """A document-control label and its value alone on a line over the title."""
    if len(text) > _CONTROL_LABEL_MOST or not text[:1].isupper():
        return False
    if ":" not in text and text[:3].lower() not in _NAMED_FIRST:
        return False  # the cheap look: no label, no colon
    if _REFERENCE.match(text):
        return True
    labelled = _LABEL_VALUE.match(text)
    return (
        labelled is not None
        and not labelled.group(1).strip().lower().endswith("title")
        and is_doc_control_label(labelled.group(1))
    )
