"""The phrases numbered, titled, labelled and named references are found by.

Each `*_references(text, registry)` function is the finder of one entry of
`finders.FINDERS`: it yields (start, end, match) for every candidate, before overlaps
are settled, and (start, end, None) for a look-alike that must stop other finders from
reading it ("section 2 of the Localism Act 2011", "Section 151 Officer", a date).

Readers cite clauses by number ("para 4.8", "paragraphs 21 to 27", "Rule 4.2", "Article
12"), sections by number or by title, and other parts of the constitution by label or
name ("Part 4 of the Constitution", "the Contracts Procedure Rules"). Sections and
paragraphs of Acts, statutory officers, dates and sums are never taken for references
to the document itself. The codes of conduct have their own vocabulary (codes.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..numbering.styles import CONTAINER_WORDS
from .codes import code_matches
from .keys import name_key
from .model import Finding, RefMatch, RefTarget
from .registry import Registry

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# After a reference word a number is a clause number, whatever word follows: "paragraph
# 1.1 may be refused", "paragraphs 1.1 and 1.2 May apply". Only a day with its ordinal
# ("4th May") or a month and a year after it ("4 May 2020") is a date; a number with a
# dot or colon in it never is.
_NOT_A_DATE = (
    r"(?<=[.:]\d)|(?<=[.:]\d\d)|(?<=[.:]\d\d\d)"
    rf"|(?!\s*(?:st|nd|rd|th)\s+(?i:{_MONTH})\b)(?!\s+(?i:{_MONTH})\s+\d{{4}}\b)"
)
_SUB = r"(?:\s?\(?(?:[ivxlIVXL]{1,6}|[A-Za-z]{1,2})\)|\s?\(\d{1,3}\))"
_MAIN = r"\d{1,3}(?:[.:]\d{1,3})*[A-Z]?"
_RELATIVE = r"(?:\((?:[ivxlIVXL]{1,6}|[A-Za-z]{1,2}|\d{1,3})\))+"
_NUMBER = rf"(?:{_MAIN}{_SUB}*|{_RELATIVE})(?![\w%£]|[.:,]\d)(?:{_NOT_A_DATE})"
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
    r"(?P<of>\s+of\s+(?:(?i:the|this)\s+)?(?:(?:Council|Authority)['’]s\s+)?(?i:constitution)\b)?"
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
_NUMBER_AFTER = re.compile(r"\s*(?:(?i:no)\.?\s*)?\d")
_OFFICER_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+\s+){0,3}(?i:officer)\b")


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


# What a reference word names (its element) when it is a heading word of numbering/styles.
_CONTAINER_REFERENCE = {"rule": "rule", "art": "article"}


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
    for found in code_matches(text[position : position + 120]):
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
    unknown = _unknown_document(_PROPER_NAME_AFTER.match(text, start))
    if unknown:  # 'paragraph 2.1 of the Scheme of Delegation': reported, never silent
        return "document", unknown.end(), RefTarget(0, 0, names=(unknown.group(),))
    return "excluded", position, None


# "the Scheme of Delegation, paragraph 2.1": a name, then a comma, right before the number.
_COMMA_BEFORE = re.compile(r"\s*,\s*$")
# Capitalised words ending at the comma, one of them a word documents are named by: a
# document the registry does not know ("the Scheme of Delegation, paragraph 2.1"). A
# person or an officer ("the Chief Executive, paragraph 1 applies") is no document.
_PROPER_NAME_BEFORE = re.compile(
    r"(?:[A-Z][\w'’-]*\s+(?:(?:of|and|for|to|on|in|&)\s+)?){0,6}[A-Z][\w'’-]*$"
)
_DOCUMENT_WORDS = frozenset(
    [
        "scheme",
        "code",
        "codes",
        "rules",
        "protocol",
        "policy",
        "regulations",
        "orders",
        "procedure",
        "procedures",
        "constitution",
        "reference",
        "guidance",
        "strategy",
        "plan",
        "framework",
        "charter",
        "handbook",
        "guide",
        "statement",
        "agreement",
        "arrangements",
        "schedule",
        "appendix",
        "annex",
        "annexe",
    ]
)
# The same words read forwards, after 'of' ('paragraph 2.1 of the Scheme of Delegation'),
# not run into a year or a bracket ('the Pension Scheme 2014', 'the Plan (2020)').
_PROPER_NAME_AFTER = re.compile(
    r"(?:[A-Z][\w'’-]*\s+(?:(?:of|and|for|to|on|in|&)\s+)?){0,6}[A-Z][\w'’-]*\b"
    r"(?!\s+\d{4}|\s*\()"
)
_LEADING_ARTICLE = re.compile(r"^(?:The|This)\s+")


def _unknown_document(proper: re.Match | None) -> re.Match | None:
    """A run of two or more capitalised words is a document's name when one of them is a
    word documents are named by: the registry does not know it, so the build reports it
    (with the fix that registers it) instead of dropping the citation without a word
    (trial16 F4). A person or an officer ('the Chief Executive') is no document, and a
    document word alone ('paragraph 4 of the Code', in a code of practice) is most often
    the page's own document: it stays unlinked and unreported, as before."""
    words = proper.group().lower().split() if proper else []
    if len(words) >= 2 and _DOCUMENT_WORDS.intersection(words):
        return proper
    return None


# The reference stands alone after the name, as an apposition ("the Code, paragraph 3."
# or "..., paragraph 3, first"); followed by words ("paragraph 1 below applies",
# "paragraph 2 sets out ...") it is the subject of the page's own sentence.
_APPOSITION_END = re.compile(r"\s*(?:[.,;:)\]]|$)")


def _ending_at(pattern: re.Pattern, text: str) -> re.Match | None:
    return next((m for m in pattern.finditer(text) if m.end() == len(text)), None)


def _document_before_comma(
    text: str, start: int, registry: Registry | None
) -> tuple[str, RefTarget | None] | None:
    """Classify a name printed just before 'paragraph 5' with a comma between.

    'the Members' Code, paragraph 3' cites the code's paragraph 3 as surely as
    'paragraph 3 of the Members' Code' does: ("document", target). A name the registry
    does not know ('the Scheme of Delegation, paragraph 2.1') gives ("excluded", None):
    the number is another document's, so it must not link to the citing page's own
    clause. None when no name stands there (the reference is the page's own).
    """
    window = text[max(0, start - 120) : start]
    comma = _COMMA_BEFORE.search(window)
    if comma is None:
        return None
    head = window[: comma.start()]
    for found in code_matches(head):
        if found.end == len(head):
            names = tuple(name for target in found.targets for name in target.names)
            return "document", RefTarget(0, 0, names=names)
    if registry is not None:
        named = _ending_at(registry.name_pattern, head)
        if named:
            return "document", RefTarget(0, 0, names=(named.group(),))
    label = _ending_at(_LABEL, head)
    if label:
        named_as: tuple[str, ...] = (label["nametext"].strip(),) if label["nametext"] else ()
        return "document", RefTarget(0, 0, names=named_as, label=label["label"])
    document = _ending_at(_DOC_NAME, head)
    if document:
        return "document", RefTarget(0, 0, names=(document["name"],))
    proper = _PROPER_NAME_BEFORE.search(head)
    if proper and _unknown_document(proper):  # reported, never the citing page's own
        return "document", RefTarget(0, 0, names=(_LEADING_ARTICLE.sub("", proper.group()),))
    if proper and _DOCUMENT_WORDS.intersection(proper.group().lower().split()):
        return "excluded", None  # 'the Scheme, paragraph 1': whose scheme, nobody can say
    return None


def numbered_references(text: str, registry: Registry | None) -> Iterator[Finding]:
    """'para 4.8', 'paragraphs 21 to 27', 'Rule 4.2', 'Article 12', and with 'of ...'
    another document's clause ('paragraph 3 of the Members' Code'); spans that look like
    them but are not (an Act's section, 'Section 151 Officer') are yielded with None."""
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
        elif "," in text[max(0, start - 3) : start] and _APPOSITION_END.match(text, end):
            before = _document_before_comma(text, start, registry)
            if before is not None:
                _verdict, named = before
                if named is None:
                    yield start, end, None
                    continue
                targets = [
                    RefTarget(t.start, t.end, t.number, names=named.names, label=named.label)
                    for t in targets
                ]
                found = RefMatch(
                    start, end, "document", element, tuple(targets), relation, text[start:end]
                )
                yield start, end, found
                continue
        yield (
            start,
            end,
            RefMatch(start, end, "internal", element, tuple(targets), relation, text[start:end]),
        )


def titled_references(text: str, registry: Registry | None) -> Iterator[Finding]:
    """'the section entitled "Gifts and Hospitality"': a heading of this document by title."""
    for m in _TITLED.finditer(text):
        title = m["t1"] or m["t2"] or m["t3"] or m["t4"]
        target = RefTarget(m.start(), m.end(), title=title.strip())
        found = RefMatch(m.start(), m.end(), "internal", "title", (target,), text=m.group())
        yield m.start(), m.end(), found


def label_references(text: str, registry: Registry | None) -> Iterator[Finding]:
    """'Part 4', 'Appendix 11 (Petitions Scheme)', 'Part 2 of the Constitution'."""
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


def named_references(text: str, registry: Registry | None) -> Iterator[Finding]:
    """A registered document by any of its names; else a name that ends like one."""
    patterns = [registry.name_pattern] if registry is not None else []
    for pattern in patterns:
        for m in pattern.finditer(text):
            if _NUMBER_AFTER.match(text, m.end()):
                # "Standing Order 10.1": a clause by number, never the whole document
                # with the number left outside the link
                continue
            target = RefTarget(m.start(), m.end(), names=(m.group(),))
            found = RefMatch(m.start(), m.end(), "document", "document", (target,), text=m.group())
            yield m.start(), m.end(), found
    for m in _DOC_NAME.finditer(text):
        name = m["name"]
        if name == text.strip():  # a title on its own ("Breach of Protocol"), not a citation
            continue
        qualifiers = set(name_key(name).split()) - {"procedure", "rule", "protocol", "policy"}
        if not qualifiers - {"regulation", "standing", "order", "and", "of", "to", "for"}:
            continue
        target = RefTarget(m.start(), m.end(), names=(name,))
        found = RefMatch(m.start(), m.end(), "document", "document", (target,), text=name)
        yield m.start(), m.end(), found
