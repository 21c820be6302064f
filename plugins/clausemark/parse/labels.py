"""Label lines: where a document sits, printed over or with its title ("Part 5",
"PART 4 - RULES OF PROCEDURE", "Part 5 Protocol 4", "SECTION 16"), a web site's
collection over it ("Constitution", "Governance & Policies") and the kind of council
("PARISH COUNCIL"). Read by the structure pass (structure.py) and the title rules
(titles.py, parser.py)."""

from __future__ import annotations

import re

from ..numbering.styles import container_word, rank_of
from .metadata import guess_type

# A number in a location label: "5", "4A", "4.2", "B", "IV".
_LABEL_NUMBER = r"(?:\d{1,3}[a-z]?(?:\.\d{1,3}){0,2}|[a-z]|[ivxlc]{1,6})\b"
# Where a document sits: "Part 5", "Appendix 3", "Part E Code 3", and a constitution's
# places combined ("Part 5 Protocol 4", "Part 5 Appendix 2", "Part 4 Section 3").
_LABEL = re.compile(
    r"^((?:part|appendix|schedule|annexe?)\s+[\w.]+"
    r"(?:\s+(?:code|section|chapter|protocol|appendix|schedule|annexe?|article|rule)"
    rf"\s+{_LABEL_NUMBER}){{0,3}})"
    r"(?:\s*[-–—:]\s*|\s*$)",
    re.I,
)


def is_location_label(text: str) -> bool:
    """'Part 5 Protocol 4', 'Appendix 3': a line that is a location label and nothing
    else (a document's label when it stands by the title, before the text begins)."""
    found = _LABEL.match(text.strip())
    return found is not None and found.end() == len(text.strip())


# A web page's breadcrumb over a document's title: where the document sits on the site.
_COLLECTION = (
    r"(?:constitution|documents|policies(?:\s+and\s+procedures)?|council\s+documents"
    r"|governance|publications)"
)
_COLLECTION_LINE = re.compile(
    rf"^(?:the\s+)?(?:council'?s?\s+)?{_COLLECTION}(?:\s*(?:&|and)\s*{_COLLECTION})?$", re.I
)  # "Governance & Policies" too


# "PARISH COUNCIL" over the title: the kind of council, its name in the page's logo.
_KIND_OF_COUNCIL = re.compile(
    r"^(?:the\s+)?(?:parish|town|community|district|borough|county|city)\s+council$", re.I
)


def _label_line(text: str) -> bool:
    """'Part 4 – Rules of Procedure', 'SECTION 16': where the document sits (a
    'Section 16: A Protocol for ...' line is also its title)."""
    found = container_word(text)
    worded = found is not None and rank_of(found.word.element) >= 2 and not found.rest
    return bool(_LABEL.match(text)) or worded


def _titled_label(text: str) -> bool:
    """'PART 4 - RULES OF PROCEDURE': a label and a title on one line. Only a heading
    naming a kind of document under it ('Council Procedure Rules') is the title in its
    place; 'Introduction' under it is the text's first heading."""
    found = _LABEL.match(text.strip())
    return found is not None and found.end() < len(text.strip())


_ROMAN = re.compile(r"[IVXLCDM]+")


def _title_case_label(label: str) -> str:
    """'PART 5A' -> 'Part 5A': a word in capitals is written as a title is; a number
    keeps its letters as printed ('5A', 'IV', 'B')."""
    return " ".join(
        w.capitalize() if w.isalpha() and w.isupper() and not _ROMAN.fullmatch(w) else w
        for w in label.split()
    )


# Kinds of document a title names beyond DOCUMENT_TYPES (which the page shows).
_KINDS = re.compile(
    r"\b(?:procedures?|scheme|terms\s+of\s+reference|regulations|code|charter|strategy"
    r"|arrangements|constitution|handbook|statement)\b",
    re.I,
)


def names_kind(text: str) -> bool:
    """Whether a line names a kind of document ('Complaints Procedure', 'Standing
    Orders', 'Scheme of Delegation')."""
    return guess_type(text) != "Document" or bool(_KINDS.search(text))


def places_document(container) -> bool:
    """'Part 4A Council Procedure Rules': a Part, Appendix, Schedule or Annex over a title
    naming a kind of document says where the document sits ('Article 1 The Constitution'
    over its clauses is the first article; 'Part 4 Meetings' holds the meetings)."""
    return container.word.element in _PLACE_WORDS and names_kind(container.rest)


_PLACE_WORDS = frozenset({"part", "appendix", "schedule", "annex"})
