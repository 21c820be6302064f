"""Find cross-references in clause text and resolve them to anchors.

Readers cite clauses by number ("para 4.8", "paragraphs 21 to 27"), sections by number
or by title, other parts of the constitution by label or name ("Part 4 of the
Constitution", "the Contracts Procedure Rules"), and the codes of conduct in a dozen
spellings. `find_references` finds those phrases in plain text and gives character
offsets, so a Markdown treeprocessor can wrap exactly that span in a link; `resolve`
turns one of them into links, outwards from the citing clause, through dict lookups
that scale to thousands of clauses. Nothing that cannot be resolved is linked: the
`Resolution` says why, for the person who maintains the text.

Sections and paragraphs of Acts, statutory officers ("Section 151 Officer"), dates and
sums are never taken for references to the document itself.

"paragraph 2:1 b)" is read as a path: clause 2.1, then its item b). Only when that path
does not exist is the whole number tried as one printed number (a clause printed "2.1.b"
or "2:1 b)"), cleaned as the anchors clean it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from .anchors import clean_number
from .model import ClauseRecord, HeadingRecord
from .numbering.styles import CONTAINER_WORDS, element_for_heading, number_key
from .spans import DisjointSpans

__all__ = [
    "ClauseIndex",
    "DocumentEntry",
    "EMPLOYEES_CODE",
    "HeadingRecord",
    "Link",
    "MEMBERS_CODE",
    "RefMatch",
    "RefTarget",
    "Registry",
    "Resolution",
    "UNSPECIFIED_CODE",
    "canonical_code_names",
    "clean_number",
    "find_and_resolve",
    "find_references",
    "name_key",
    "registry_from_config",
    "resolve",
    "resolve_placeholder",
]

MEMBERS_CODE = "Members' Code of Conduct"
EMPLOYEES_CODE = "Employees' Code of Conduct"
UNSPECIFIED_CODE = "Code of Conduct"  # "the code of conduct": the text does not say which


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class RefTarget:
    """One thing a reference points at, with the span of text to link for it.

    `number` is as written ("4.8", "3.5(a)", "(1)", "2:1 b)"), except that a bracketed
    list member keeps the clause before it ("3.5(a) and (b)" gives "3.5(b)"); `title` is a heading
    title; `names` are document names (canonical code names for the codes of conduct);
    `label` is a constitution label ("Part 4", "Appendix 11").
    """

    start: int
    end: int
    number: str | None = None
    title: str | None = None
    names: tuple[str, ...] = ()
    label: str | None = None


@dataclass(frozen=True)
class RefMatch:
    """A reference found in text: `kind` is "internal", "document" or "code".

    `element` says what is cited (paragraph, subparagraph, clause, item, section, title,
    document, code); `relation` is "single", "list", "range" or "onwards".
    """

    start: int
    end: int
    kind: str
    element: str
    targets: tuple[RefTarget, ...]
    relation: str = "single"
    text: str = ""


@dataclass(frozen=True)
class Link:
    """Wrap text[start:end] in a link to `anchor` in `document` (the page top when None).

    `url` is set only for a registered document that is not part of the site. Several
    links can share one span ("those codes" names both codes): render the first on the
    span and the rest next to it.
    """

    start: int
    end: int
    document: str
    anchor: str | None
    url: str | None = None


@dataclass(frozen=True)
class Resolution:
    """What became of one reference.

    `status` is "resolved", "ambiguous" (linked to the first of several candidates),
    "unresolved" (a target in this site that does not exist) or "unresolved-external"
    (a document or code the registry cannot place). `links` holds whatever did resolve,
    so "paras 4.8 and 4.9" with no 4.9 still links 4.8 and reports 4.9.
    """

    match: RefMatch
    status: str
    links: tuple[Link, ...] = ()
    message: str = ""


# --------------------------------------------------------------------------- keys


def section_key(number: str) -> str:
    """'5.0' and '5' are both section 5."""
    key = number_key(number)
    stripped = re.sub(r"(?:-0+)+$", "", key)
    return stripped or key


def title_key(title: str) -> str:
    """Compare titles ignoring case, quotes, apostrophes and Markdown emphasis."""
    text = re.sub(r"[*_`'’‘\"“”]", "", title).replace("&", " and ")
    return " ".join(re.findall(r"\w+", text.lower()))


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def name_key(name: str) -> str:
    """Compare document names ignoring case, apostrophes, a leading 'the' and plurals.

    So 'contract procedure rules' finds 'the Contracts Procedure Rules'.
    """
    text = re.sub(r"['’‘]s\b|['’‘]", "", name.lower())
    words = re.findall(r"[a-z0-9]+", text)
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(_singular(word) for word in words)


def _label_key(label: str) -> str:
    return " ".join(label.lower().split())


def _section_of(anchor: str) -> str:
    """The section part of an anchor: 'sec_4-0__para_4-8' -> 'sec_4-0' ('' if none)."""
    parts = []
    for part in anchor.split("__"):
        if not part.startswith("sec_"):
            break
        parts.append(part)
    return "__".join(parts)


# --------------------------------------------------------------------------- finding

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_NOT_A_DATE = rf"(?!\s*(?:st|nd|rd|th)?\s+(?i:{_MONTH})\b)"
_SUB = r"(?:\s?\(?(?:[ivxlIVXL]{1,6}|[A-Za-z]{1,2})\)|\s?\(\d{1,3}\))"
_MAIN = r"\d{1,3}(?:[.:]\d{1,3})*[A-Z]?"
_RELATIVE = r"(?:\((?:[ivxlIVXL]{1,6}|[A-Za-z]{1,2}|\d{1,3})\))+"
_NUMBER = rf"(?:{_MAIN}{_SUB}*|{_RELATIVE})(?![\w%£]|[.:,]\d){_NOT_A_DATE}"
# A list goes on under the same word: "paragraphs 3 and 4", never "Rule 4 and Article 12".
_LIST_KEYWORD = (
    r"(?i:sub-?paragraphs?|sub-?paras?\b\.?|sub-?clauses?|paragraphs?|paras?\b\.?"
    r"|clauses?|sections?|items?)"
)
# The heading words of numbering/styles.py that a reference cites by number: "Article 12",
# "Rule 4.2", "Standing Order 12" (parts, schedules and appendices are document labels).
_HEADING_WORDS = {
    word: entry.element
    for entry in CONTAINER_WORDS
    if entry.rank == 3 and entry.element not in ("sec",)
    for word in entry.words
}
_KEYWORD = (
    _LIST_KEYWORD[:-1]
    + "".join(
        "|" + r"\s+".join(word.split()) + ("" if word.endswith("s") else "s?")
        for word in sorted(_HEADING_WORDS, key=len, reverse=True)
    )
    + ")"
)
_CONNECTOR = r"(?:\s*,\s*(?:(?:and|or)\s+)?|\s*&\s*|\s+(?:and/or|and|or|to)\s+|\s*[-–]\s*)"

_INTERNAL = re.compile(
    rf"(?<![\w-])(?P<kw>{_KEYWORD})\s+(?:(?i:no)\.?\s*)?(?P<first>{_NUMBER})"
    rf"(?P<rest>(?:{_CONNECTOR}(?:{_LIST_KEYWORD}\s+)?{_NUMBER})*)"
    r"(?P<onwards>\s+(?i:onwards|et\s+seq\b\.?))?"
)
_NEXT_NUMBER = re.compile(rf"(?P<conn>{_CONNECTOR})(?:{_LIST_KEYWORD}\s+)?(?P<num>{_NUMBER})")

_TITLED = re.compile(
    r"\b(?P<kw>(?i:section|part|heading|chapter))\s+(?i:entitled|headed|titled|called)\s+"
    r"(?:“(?P<t1>[^”\n]{1,120})”|‘(?P<t2>[^’\n]{1,120}?)’(?!\w)"
    r"|\"(?P<t3>[^\"\n]{1,120})\"|'(?P<t4>[^'\n]{1,120}?)'(?!\w))"
)

_LABEL = re.compile(
    r"(?<![\w-])(?P<label>(?:Part|PART|Appendix|APPENDIX|Annexe?|ANNEXE?)\s+"
    r"(?:\d{1,3}[A-Za-z]?|[IVX]{1,5}|[A-Z])(?:\s+(?i:code|section)\s+\d{1,3})?)\b"
    r"(?P<name>\s*\((?P<nametext>[^()\n]{3,80})\))?"
    r"(?P<of>\s+of\s+(?:the\s+)?(?:(?:Council|Authority)['’]s\s+)?(?i:constitution)\b)?"
)

_DOC_WORD = (
    r"(?!(?:The|This|That|These|Those|Any|Each|Such|Its|Their|Our|A|An|All|Both|Further)\b)"
    r"[A-Z][A-Za-z/-]*"
)
_DOC_ENDER = r"(?:Rules|Protocol|Policy|Regulations|Standing\s+Orders)"
_DOC_NAME = re.compile(
    rf"\b(?P<name>(?:{_DOC_WORD}\s+(?:(?:and|of|to|for|on|in|&)\s+)?){{1,7}}{_DOC_ENDER})\b"
    r"(?!\s+\d{4}|\s*\()"
)
_CONSTITUTION = re.compile(r"(?:the\s+)?(?:(?:Council|Authority)['’]s\s+)?(?i:constitution)\b")

_OWNER = re.compile(r"(?:the\s+)?(?:(?:council|authority)['’]s\s+)?", re.IGNORECASE)
_OF = re.compile(r"\s+of\s+")
_THIS = re.compile(r"(?i:this|these)\b")
_STATUTE_AFTER = re.compile(
    r"(?:(?:(?i:the|and|of|for|in|on|to)\s+|[A-Z(][\w()'’,-]*\s+){0,12}?"
    r"(?:Act|Regulations|Order|Measure|Schedule)\b|(?i:the\s+act)\b)"
)
_STATUTE_BEFORE = re.compile(
    r"(?:\b(?:Act|Regulations|Order|Measure)(?:\s+\d{4})?|\bSchedule\s+\d+[A-Z]?)"
    r"\s*[,(]?\s*(?:(?i:at|under|in)\s+)?$"
)
_OFFICER_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+\s+){0,3}(?i:officer)\b")

# Markdown link syntax, inline code and HTML tags, in case Markdown is passed in.
# No part may run past the next opening bracket of its own kind, so a line of thousands of
# unclosed '[x](' or '<' costs one short look at each, not a scan to the end from each.
_PROTECTED = re.compile(r"\[[^\[\]\n]*\]\((?:[^()\[\]\n]|\([^()\[\]\n]*\))*\)|`[^`\n]*`|<[^<>\n]+>")

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


def _code_matches(text: str) -> Iterator[RefMatch]:
    """Every mention of a code of conduct, before overlaps are settled."""

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


def canonical_code_names(phrase: str) -> tuple[str, ...]:
    """The codes a whole phrase names: 'Councillors' Code' -> (MEMBERS_CODE,); else ()."""
    text = phrase.strip()
    for found in _code_matches(text):
        if found.start == 0 and found.end == len(text):
            return tuple(name for target in found.targets for name in target.names)
    return ()


def _element(keyword: str) -> str:
    word = " ".join(keyword.lower().replace("-", "").split())
    heading = _HEADING_WORDS.get(word) or _HEADING_WORDS.get(word[:-1])
    if heading:
        return _CONTAINER_REFERENCE[heading]
    if word.startswith("sub"):
        return "subparagraph"
    for element in ("clause", "section", "item"):
        if word.startswith(element):
            return element
    return "paragraph"


# What a reference word names (its element) and the heading element it may cite.
_CONTAINER_REFERENCE = {"rule": "rule", "art": "article"}
_CONTAINER_ELEMENT = {"rule": "rule", "article": "art", "section": "sec"}


def _carry_over(previous: str, number: str) -> str:
    """In '3.5(a) and (b)' the '(b)' is 3.5(b): a bracketed list member keeps the clause."""
    head = re.match(r"\d[\d.:]*[A-Za-z]?(?=\s?\(?[A-Za-z0-9]+\))", previous)
    if head and re.fullmatch(_RELATIVE, number):
        return head.group() + number
    return number


def _document_after_of(
    text: str, position: int, registry: Registry | None
) -> tuple[str, int, RefTarget | None]:
    """Classify what follows 'of' in 'paragraph 5 of ...'.

    Returns ("internal", position, None) for 'of this Protocol', ("document", end, target)
    for another document of the constitution, and ("excluded", end, None) for anything
    else: an Act, Regulations, a Schedule, or a document nobody could link.
    """
    if _THIS.match(text, position):
        return "internal", position, None
    statute = _STATUTE_AFTER.match(text, position)
    if statute:
        return "excluded", statute.end(), None
    label = _LABEL.match(text, position)
    if label:
        named_as: tuple[str, ...] = (label["nametext"].strip(),) if label["nametext"] else ()
        return "document", label.end(), RefTarget(0, 0, names=named_as, label=label["label"])
    for found in _code_matches(text[position : position + 120]):
        if found.start <= 4 and text[position : position + found.start].strip() in ("", "the"):
            names = tuple(name for target in found.targets for name in target.names)
            return "document", position + found.end, RefTarget(0, 0, names=names)
    owner = _OWNER.match(text, position)  # optional words: it always matches
    start = owner.end() if owner else position
    if registry is not None:
        named = registry.name_pattern.match(text, start)
        if named:
            return "document", named.end(), RefTarget(0, 0, names=(named.group(),))
    named = _DOC_NAME.match(text, start)
    if named:
        return "document", named.end(), RefTarget(0, 0, names=(named["name"],))
    constitution = _CONSTITUTION.match(text, position)
    if constitution:
        return "document", constitution.end(), RefTarget(0, 0, names=("Constitution",))
    return "excluded", position, None


def _internal_matches(
    text: str, registry: Registry | None
) -> Iterator[tuple[int, int, RefMatch | None]]:
    """Numbered references, and the spans that look like them but are not (None)."""
    for m in _INTERNAL.finditer(text):
        start, end = m.start(), m.end()
        element = _element(m["kw"])
        if _STATUTE_BEFORE.search(text, max(0, start - 60), start):
            yield start, end, None
            continue
        officer = _OFFICER_AFTER.match(text, end)
        if officer:  # "Section 151 Officer", "Section 73 Chief Finance Officer"
            yield start, officer.end(), None
            continue
        targets = [RefTarget(start, m.end("first"), number=m["first"])]
        relation = "single"
        position = m.start("rest")
        while position < m.end("rest"):
            step = _NEXT_NUMBER.match(text, position)
            if step is None:  # the regex engine matched it once, so this cannot happen
                break
            number = _carry_over(targets[-1].number or "", step["num"])
            targets.append(RefTarget(step.start("num"), step.end("num"), number=number))
            connector = step["conn"].strip().lower()
            relation = "range" if connector in ("to", "-", "–") else "list"
            position = step.end()
        if m["onwards"]:
            relation = "onwards"
        of = _OF.match(text, end) if not m["onwards"] else None
        if of:
            verdict, of_end, document = _document_after_of(text, of.end(), registry)
            if verdict == "excluded":
                yield start, max(end, of_end), None
                continue
            if verdict == "document" and document is not None:
                if len(targets) == 1:  # one number: the whole phrase is the link
                    targets = [RefTarget(start, of_end, number=m["first"])]
                targets = [
                    RefTarget(t.start, t.end, t.number, names=document.names, label=document.label)
                    for t in targets
                ]
                yield (
                    start,
                    of_end,
                    RefMatch(
                        start,
                        of_end,
                        "document",
                        element,
                        tuple(targets),
                        relation,
                        text[start:of_end],
                    ),
                )
                continue
        yield (
            start,
            end,
            RefMatch(start, end, "internal", element, tuple(targets), relation, text[start:end]),
        )


def _titled_matches(text: str) -> Iterator[RefMatch]:
    for m in _TITLED.finditer(text):
        title = m["t1"] or m["t2"] or m["t3"] or m["t4"]
        target = RefTarget(m.start(), m.end(), title=title.strip())
        yield RefMatch(m.start(), m.end(), "internal", "title", (target,), text=m.group())


def _label_matches(text: str) -> Iterator[tuple[int, int, RefMatch | None]]:
    for m in _LABEL.finditer(text):
        of = _OF.match(text, m.end()) if not m["of"] else None
        if of and (_STATUTE_AFTER.match(text, of.end()) or _THIS.match(text, of.end())):
            yield m.start(), m.end(), None
            continue
        names = (m["nametext"].strip(),) if m["nametext"] else ()
        target = RefTarget(m.start(), m.end(), names=names, label=m["label"])
        yield (
            m.start(),
            m.end(),
            RefMatch(m.start(), m.end(), "document", "document", (target,), text=m.group()),
        )


def _named_matches(text: str, registry: Registry | None) -> Iterator[RefMatch]:
    patterns = [registry.name_pattern] if registry is not None else []
    for pattern in patterns:
        for m in pattern.finditer(text):
            target = RefTarget(m.start(), m.end(), names=(m.group(),))
            yield RefMatch(m.start(), m.end(), "document", "document", (target,), text=m.group())
    for m in _DOC_NAME.finditer(text):
        name = m["name"]
        if name == text.strip():  # a title on its own ("Breach of Protocol"), not a citation
            continue
        qualifiers = set(name_key(name).split()) - {"procedure", "rule", "protocol", "policy"}
        if not qualifiers - {"regulation", "standing", "order", "and", "of", "to", "for"}:
            continue
        target = RefTarget(m.start(), m.end(), names=(name,))
        yield RefMatch(m.start(), m.end(), "document", "document", (target,), text=name)


def find_references(text: str, registry: Registry | None = None) -> list[RefMatch]:
    """All references in `text`, in order, none overlapping.

    Pass plain text (a Markdown text node); if Markdown link syntax, inline code or an
    HTML tag is present, nothing inside it is matched. With a registry, its documents'
    names and aliases are found too, in any case ("contract procedure rules").
    """
    candidates: list[tuple[int, int, int, RefMatch | None]] = []
    for start, end, found in _internal_matches(text, registry):
        candidates.append((start, end, 0, found))
    for start, end, found in _label_matches(text):
        candidates.append((start, end, 1, found))
    for found in _titled_matches(text):
        candidates.append((found.start, found.end, 0, found))
    for found in _code_matches(text):
        candidates.append((found.start, found.end, 2, found))
    for found in _named_matches(text, registry):
        candidates.append((found.start, found.end, 3, found))

    protected = DisjointSpans(m.span() for m in _PROTECTED.finditer(text))
    taken = DisjointSpans()
    chosen: list[tuple[int, int, RefMatch | None]] = []
    for start, end, _, found in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if taken.overlaps(start, end) or protected.overlaps(start, end):
            continue
        taken.add(start, end)
        chosen.append((start, end, found))
    return sorted((found for _, _, found in chosen if found is not None), key=lambda f: f.start)


# --------------------------------------------------------------------------- index


@dataclass(frozen=True, eq=False)
class ClauseIndex:
    """Every clause and heading of the build, keyed for lookups by number and title."""

    clauses: dict[tuple[str, str], ClauseRecord]
    by_number: dict[tuple[str, str], tuple[str, ...]]
    children: dict[tuple[str, str, str], tuple[str, ...]]
    sections: dict[tuple[str, str], tuple[HeadingRecord, ...]]
    titles: dict[tuple[str, str], tuple[HeadingRecord, ...]]
    containers: dict[tuple[str, str, str], tuple[HeadingRecord, ...]]  # (doc, element, key)
    numbered_headings: dict[tuple[str, str], tuple[HeadingRecord, ...]]  # (doc, key)
    documents: frozenset[str]

    @classmethod
    def build(
        cls, clauses: Iterable[ClauseRecord], headings: Iterable[HeadingRecord] = ()
    ) -> ClauseIndex:
        by_anchor: dict[tuple[str, str], ClauseRecord] = {}
        by_number: dict[tuple[str, str], list[str]] = {}
        children: dict[tuple[str, str, str], list[str]] = {}
        documents: set[str] = set()
        for clause in clauses:
            documents.add(clause.document)
            by_anchor[(clause.document, clause.anchor)] = clause
            if not clause.number or not number_key(clause.number):
                continue
            key = number_key(clause.number)
            by_number.setdefault((clause.document, key), []).append(clause.anchor)
            if clause.parent:
                children.setdefault((clause.document, clause.parent, key), []).append(clause.anchor)
        sections: dict[tuple[str, str], list[HeadingRecord]] = {}
        titles: dict[tuple[str, str], list[HeadingRecord]] = {}
        containers: dict[tuple[str, str, str], list[HeadingRecord]] = {}
        numbered: dict[tuple[str, str], list[HeadingRecord]] = {}
        for heading in headings:
            documents.add(heading.document)
            if heading.number and number_key(heading.number):
                element = element_for_heading(heading.number)
                key = section_key(heading.number)
                containers.setdefault((heading.document, element, key), []).append(heading)
                numbered.setdefault((heading.document, key), []).append(heading)
                if element == "sec":
                    sections.setdefault((heading.document, key), []).append(heading)
            titles.setdefault((heading.document, title_key(heading.title)), []).append(heading)
        return cls(
            clauses=by_anchor,
            by_number={key: tuple(value) for key, value in by_number.items()},
            children={key: tuple(value) for key, value in children.items()},
            sections={key: tuple(value) for key, value in sections.items()},
            titles={key: tuple(value) for key, value in titles.items()},
            containers={key: tuple(value) for key, value in containers.items()},
            numbered_headings={key: tuple(value) for key, value in numbered.items()},
            documents=frozenset(documents),
        )

    def ancestors(self, clause: ClauseRecord) -> Iterator[ClauseRecord]:
        """The clause itself, then its parent, grandparent ... up to the top."""
        current: ClauseRecord | None = clause
        seen: set[str] = set()
        while current is not None and current.anchor not in seen:
            seen.add(current.anchor)
            yield current
            parent = current.parent
            current = self.clauses.get((current.document, parent)) if parent else None

    def descend(self, document: str, anchor: str, keys: Sequence[str]) -> str | None:
        """Follow numbered children from `anchor`: ('a', 'i') is item a), then (i)."""
        for key in keys:
            found = self.children.get((document, anchor, key))
            if not found:
                return None
            anchor = found[0]
        return anchor


# --------------------------------------------------------------------------- registry


@dataclass(frozen=True)
class DocumentEntry:
    """Another document of the constitution that references can link to."""

    doc_id: str
    title: str
    aliases: tuple[str, ...] = ()
    label: str | None = None  # "Part 4", "Appendix 11"
    url: str | None = None  # where it lives when it is not part of this site


@dataclass(frozen=True, eq=False)
class Registry:
    """The documents references can point at, found by id, label or any of their names."""

    entries: tuple[DocumentEntry, ...] = ()
    _by_id: dict[str, DocumentEntry] = field(init=False, repr=False)
    _by_label: dict[str, DocumentEntry] = field(init=False, repr=False)
    _by_name: dict[str, DocumentEntry] = field(init=False, repr=False)
    name_pattern: re.Pattern = field(init=False, repr=False)

    def __post_init__(self) -> None:
        by_id: dict[str, DocumentEntry] = {}
        by_label: dict[str, DocumentEntry] = {}
        by_name: dict[str, DocumentEntry] = {}

        def claim(table: dict, key: str, entry: DocumentEntry, what: str) -> None:
            owner = table.setdefault(key, entry)
            if owner.doc_id != entry.doc_id:
                raise ValueError(
                    f"documents '{owner.doc_id}' and '{entry.doc_id}' both answer to {what}"
                )

        names: list[str] = []
        for entry in self.entries:
            claim(by_id, entry.doc_id, entry, f"the id '{entry.doc_id}'")
            if entry.label:
                claim(by_label, _label_key(entry.label), entry, f"the label '{entry.label}'")
            for name in (entry.title, *entry.aliases):
                names.append(name)
                claim(by_name, name_key(name), entry, f"the name '{name}'")
        for entry in self.entries:
            for name in (entry.title, *entry.aliases):
                for code in canonical_code_names(name):
                    by_name.setdefault(name_key(code), entry)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_by_label", by_label)
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "name_pattern", _names_pattern(names))

    def get(self, doc_id: str) -> DocumentEntry | None:
        return self._by_id.get(doc_id)

    def find_by_label(self, label: str) -> DocumentEntry | None:
        return self._by_label.get(_label_key(label))

    def find_by_name(self, name: str) -> DocumentEntry | None:
        """By title or alias; a code of conduct by any spelling its entry answers to."""
        found = self._by_name.get(name_key(name))
        if found is not None:
            return found
        for code in canonical_code_names(name):
            found = self._by_name.get(name_key(code))
            if found is not None:
                return found
        return None


def _names_pattern(names: Sequence[str]) -> re.Pattern:
    """One regex finding any registered name, apostrophes, spacing and plurals aside."""

    def flexible(name: str) -> str:
        words = re.findall(r"[A-Za-z0-9]+", re.sub(r"['’‘]s\b|['’‘]", "", name))
        if words and words[0].lower() == "the":
            words = words[1:]
        parts = [re.escape(_singular(word.lower())) + r"(?:['’]?s['’]?|['’])?" for word in words]
        return r"\s+".join(parts)

    alternatives = sorted({flexible(name) for name in names if name.strip()}, key=len, reverse=True)
    alternatives = [alternative for alternative in alternatives if alternative]
    if not alternatives:
        return re.compile(r"(?!x)x")
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


_CONFIG_KEYS = {"id", "doc_id", "title", "aliases", "label", "url"}


def registry_from_config(items: Iterable[dict]) -> Registry:
    """Build the registry from plain dicts, as read from YAML.

    Each needs `id` (or `doc_id`) and `title`; `aliases` (a list or one string), `label`
    and `url` are optional. Unknown keys are an error, so a typo does not go unnoticed.
    """
    entries = []
    for position, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise ValueError(f"document entry {position} is not a mapping: {item!r}")
        unknown = set(item) - _CONFIG_KEYS
        if unknown:
            raise ValueError(
                f"document entry {position} has unknown keys {sorted(unknown)}; "
                f"allowed: {sorted(_CONFIG_KEYS)}"
            )
        doc_id = item.get("id") or item.get("doc_id")
        title = item.get("title")
        if not doc_id or not title:
            raise ValueError(f"document entry {position} needs both 'id' and 'title'")
        aliases = item.get("aliases") or ()
        if isinstance(aliases, str):
            aliases = (aliases,)
        entries.append(
            DocumentEntry(
                doc_id=str(doc_id),
                title=str(title),
                aliases=tuple(str(alias) for alias in aliases),
                label=str(item["label"]) if item.get("label") else None,
                url=str(item["url"]) if item.get("url") else None,
            )
        )
    return Registry(tuple(entries))


# --------------------------------------------------------------------------- resolving

_STATUS_ORDER = ("resolved", "ambiguous", "unresolved-external", "unresolved")


def _parse_number(number: str, element: str) -> tuple[tuple[str, ...], bool]:
    """'3.5(a)' -> (('3-5', 'a'), False); '(1)' -> (('1',), True): a path, and whether
    it is relative to the citing clause."""
    text = number.strip()
    main = re.match(r"\d[\d.:]*[A-Za-z]?(?=$|[\s(])|\d[\d.:]*", text)
    rest = text[main.end() :] if main else text
    subs = tuple(key.lower() for key in re.findall(r"\(?([A-Za-z0-9]+)\)", rest))
    if main is None:
        return subs, True
    head = number_key(main.group())
    relative = element in ("subparagraph", "item") and not re.search(r"[.:]\d", main.group())
    return (head, *subs), relative


def _clause_candidates(
    index: ClauseIndex, document: str, number: str, element: str, citing: ClauseRecord | None
) -> list[str]:
    path, relative = _parse_number(number, element)
    if not path:
        return []
    if relative and citing is not None and citing.document == document:
        for ancestor in index.ancestors(citing):
            below = index.descend(document, ancestor.anchor, path)
            if below:
                return [below]
    found: list[str] = []
    for anchor in index.by_number.get((document, path[0]), ()):
        leaf = index.descend(document, anchor, path[1:])
        if leaf:
            found.append(leaf)
    if not found and len(path) > 1:  # a number printed whole, such as "2.1.b"
        for whole in dict.fromkeys((number_key(number), "-".join(path))):
            found = found or list(index.by_number.get((document, whole), ()))
    if not found and len(path) > 1:  # "standing order 2(a)": item a) under the heading "2."
        found = _under_numbered_heading(index, document, path)
    return found


def _under_numbered_heading(index: ClauseIndex, document: str, path: tuple[str, ...]) -> list:
    """Clauses numbered path[1:] at the top of a heading numbered path[0] (section 2,
    Rule 2, Article 2), for texts whose sections carry their items directly."""
    found = []
    for heading in index.numbered_headings.get((document, path[0]), ()):
        prefix = f"{heading.anchor}__"
        for anchor in index.by_number.get((document, path[1]), ()):
            record = index.clauses[(document, anchor)]
            if anchor.startswith(prefix) and record.parent is None:
                leaf = index.descend(document, anchor, path[2:])
                if leaf:
                    found.append(leaf)
    return found


def _prefer(
    index: ClauseIndex, document: str, anchors: list[str], element: str, citing: ClauseRecord | None
) -> list[str]:
    """Narrow duplicate numbers: same section as the citing clause, then the right depth."""
    if len(anchors) > 1 and citing is not None and citing.document == document:
        home = _section_of(citing.anchor)
        same = [anchor for anchor in anchors if _section_of(anchor) == home]
        if home and same:
            anchors = same
    if len(anchors) > 1:
        depths = {anchor: index.clauses[(document, anchor)].depth for anchor in anchors}
        if element in ("subparagraph", "item"):
            deeper = [anchor for anchor in anchors if depths[anchor] > 0]
            anchors = deeper or anchors
        else:
            shallowest = min(depths.values())
            anchors = [anchor for anchor in anchors if depths[anchor] == shallowest]
    return anchors


def _resolve_internal(
    match: RefMatch,
    target: RefTarget,
    document: str,
    citing: ClauseRecord | None,
    index: ClauseIndex,
) -> tuple[str, list[Link], str]:
    phrase = f"{match.element} {target.number}" if target.number else f"'{target.title}'"
    if match.element == "title":
        headings = index.titles.get((document, title_key(target.title or "")), ())
        if not headings:
            return "unresolved", [], f"no heading titled '{target.title}' in {document}"
        link = Link(target.start, target.end, document, headings[0].anchor)
        if len(headings) > 1:
            return "ambiguous", [link], f"{len(headings)} headings are titled '{target.title}'"
        return "resolved", [link], ""
    number = target.number or ""
    container = _CONTAINER_ELEMENT.get(match.element)
    if container and container != "sec":  # "Article 12", "Rule 4", "Standing Order 12"
        headings = index.containers.get((document, container, section_key(number)), ())
        if headings:
            return "resolved", [Link(target.start, target.end, document, headings[0].anchor)], ""
        if container == "art":  # an article is a heading; paragraph 12 is not Article 12
            return "unresolved", [], f"there is no {phrase} in {document}"
    if match.element == "section":
        headings = index.sections.get((document, section_key(number)), ())
        if headings:
            link = Link(target.start, target.end, document, headings[0].anchor)
            if len(headings) > 1:
                return "ambiguous", [link], f"{len(headings)} sections are numbered {number}"
            return "resolved", [link], ""
        if not re.search(r"[.:]\d", number):
            return "unresolved", [], f"there is no {phrase} in {document}"
    candidates = _clause_candidates(index, document, number, match.element, citing)
    candidates = _prefer(index, document, candidates, match.element, citing)
    if not candidates and not re.search(r"[.:]\d|\(", number):
        # "paragraph 10 onwards" often cites a numbered section heading ("10. ACCESS ...")
        headings = index.sections.get((document, section_key(number)), ())
        if headings:
            return "resolved", [Link(target.start, target.end, document, headings[0].anchor)], ""
    if not candidates:
        return "unresolved", [], f"there is no {phrase} in {document}"
    link = Link(target.start, target.end, document, candidates[0])
    if len(candidates) > 1:
        return (
            "ambiguous",
            [link],
            f"{phrase} matches {len(candidates)} clauses ({', '.join(candidates)}); "
            "linked the first",
        )
    return "resolved", [link], ""


def _resolve_document(
    target: RefTarget,
    names: tuple[str, ...],
    element: str,
    index: ClauseIndex,
    registry: Registry,
) -> tuple[str, list[Link], str]:
    """Resolve a target naming one document (by label and/or names) and maybe a clause."""
    entry = registry.find_by_label(target.label) if target.label else None
    for name in names:
        entry = entry or registry.find_by_name(name)
    if entry is None:
        if names == (UNSPECIFIED_CODE,):
            return (
                "unresolved-external",
                [],
                "'code of conduct' does not say which code, and no document is registered "
                "under that name",
            )
        what = target.label or (names[0] if names else "?")
        return "unresolved-external", [], f"'{what}' is not in the document registry"
    if entry.doc_id not in index.documents:
        if not entry.url:
            return (
                "unresolved-external",
                [],
                f"'{entry.doc_id}' is registered but is neither in the site nor has a url",
            )
        return "resolved", [Link(target.start, target.end, entry.doc_id, None, entry.url)], ""
    if not target.number:
        return "resolved", [Link(target.start, target.end, entry.doc_id, None)], ""
    candidates = _clause_candidates(index, entry.doc_id, target.number, element, None)
    candidates = _prefer(index, entry.doc_id, candidates, element, None)
    if not candidates:
        return "unresolved", [], f"there is no {element} {target.number} in {entry.doc_id}"
    link = Link(target.start, target.end, entry.doc_id, candidates[0])
    if len(candidates) > 1:
        return "ambiguous", [link], f"{element} {target.number} matches {len(candidates)} clauses"
    return "resolved", [link], ""


def _resolve_external(
    target: RefTarget, element: str, index: ClauseIndex, registry: Registry
) -> list[tuple[str, list[Link], str]]:
    """A label names one document; several names without a label ("those codes") each
    name their own, linked on the same span."""
    if target.label is None and len(target.names) > 1:
        return [
            _resolve_document(target, (name,), element, index, registry) for name in target.names
        ]
    return [_resolve_document(target, target.names, element, index, registry)]


def _own_container(
    match: RefMatch, target: RefTarget, document: str | None, index: ClauseIndex
) -> str | None:
    """'Part 4' in a document that prints its own Part 4 is that part (unless the text says
    'of the Constitution'): the anchor of its heading, else None."""
    if document is None or not target.label or target.names or target.number:
        return None
    if "constitution" in match.text.lower():
        return None
    element = element_for_heading(target.label)
    key = section_key(target.label)
    headings = index.containers.get((document, element, key), ())
    return headings[0].anchor if headings else None


def resolve(
    match: RefMatch,
    citing: ClauseRecord | None,
    index: ClauseIndex,
    registry: Registry,
    *,
    document: str | None = None,
) -> Resolution:
    """Resolve one reference from `citing` (None for text outside clauses: pass `document`).

    Internal numbers resolve outwards: a relative "sub-paragraph (1)" is looked for under
    the citing clause, then its parent and so on; a number printed more than once goes to
    the copy in the citing clause's section, else it is reported ambiguous and the first
    is linked.
    """
    home = citing.document if citing is not None else document
    outcomes = []
    for target in match.targets:
        if match.kind == "internal":
            if home is None:
                raise ValueError("resolving an internal reference needs the citing document")
            outcomes.append(_resolve_internal(match, target, home, citing, index))
        elif home is not None and (own := _own_container(match, target, home, index)) is not None:
            outcomes.append(("resolved", [Link(target.start, target.end, home, own)], ""))
        else:
            outcomes.extend(_resolve_external(target, match.element, index, registry))
    status = max((status for status, _, _ in outcomes), key=_STATUS_ORDER.index)
    links = tuple(link for _, found, _ in outcomes for link in found)
    message = "; ".join(problem for _, _, problem in outcomes if problem)
    if message:
        message = f"'{match.text}': {message}"
    return Resolution(match, status, links, message)


def find_and_resolve(
    text: str,
    citing: ClauseRecord | None,
    index: ClauseIndex,
    registry: Registry,
    *,
    document: str | None = None,
) -> list[Resolution]:
    """Every reference in `text`, resolved: what a treeprocessor needs for one text node."""
    return [
        resolve(found, citing, index, registry, document=document)
        for found in find_references(text, registry)
    ]


# --------------------------------------------------------------------------- placeholders

_MARKDOWN_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")


def resolve_placeholder(
    link_text: str, context_text: str, registry: Registry
) -> DocumentEntry | None:
    """The document a placeholder link `[text](#)` means, judged by its words, or None.

    "[employees](#)" in "codes of conduct for both [employees](#) and [members](#)" is
    the employees' code; "[contract procedure rules](#)" is whatever the registry knows
    by that name; "[functions](#) scheme" tries "functions scheme" too. The caller turns
    an unresolved placeholder into plain text and reports it.
    """
    words = " ".join(link_text.split())
    if not words:
        return None
    context = " ".join(_MARKDOWN_LINK.sub(r"\1", context_text).split())
    side = _SIDE_WORD.match(words)
    if side and _MENTIONS_CODES.search(context):
        found = registry.find_by_name(_side_code(side["side"]))
        if found is not None:
            return found
    found = registry.find_by_name(words)
    if found is not None:
        return found
    for phrase in _phrases_around(words, context):
        found = registry.find_by_name(phrase)
        if found is not None:
            return found
    return None


def _phrases_around(words: str, context: str) -> list[str]:
    """Longer names the link text may be part of: a few words either side of it."""
    phrases: set[str] = set()
    for m in re.finditer(re.escape(words), context, re.IGNORECASE):
        before = re.findall(r"[\w'’-]+", context[: m.start()])[-3:]
        after = re.findall(r"[\w'’-]+", context[m.end() :])[:6]
        for take_before in range(len(before) + 1):
            for take_after in range(len(after) + 1):
                if take_before == take_after == 0:
                    continue
                left = before[len(before) - take_before :]
                phrases.add(" ".join([*left, m.group(), *after[:take_after]]))
    return sorted(phrases, key=len, reverse=True)
