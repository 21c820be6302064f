"""How each kind of reference resolves: outwards from the citing clause, then the registry.

Internal numbers resolve outwards: a relative "sub-paragraph (1)" is looked for under
the citing clause, then its parent and so on; a number printed more than once goes to
the copy in the citing clause's section, else it is reported ambiguous and the first is
linked. "paragraph 2:1 b)" is read as a path: clause 2.1, then its item b). Only when
that path does not exist is the whole number tried as one printed number (a clause
printed "2.1.b" or "2:1 b)"), cleaned as the anchors clean it.

Each public `resolve_*` function is the resolver of entries of `finders.FINDERS`: it
turns one target of a match into outcomes (status, links, problem), which
`finders.resolve` combines into one `Resolution`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import takewhile

from ..model.document import ClauseRecord
from ..numbering.anchors import AnchorPart, descendant_prefix, parse_anchor
from ..numbering.styles import element_for_heading, number_key
from .clause_index import ClauseIndex
from .codes import UNSPECIFIED_CODE
from .keys import section_key, title_key
from .model import Link, RefMatch, RefTarget, Resolution
from .registry import DocumentEntry, Registry
from .statutes import legislation_url

# What a link to legislation.gov.uk names as its document (it is no page of the site).
LEGISLATION_DOCUMENT = "legislation.gov.uk"

# (status, links, problem) for one target; a target naming several documents gives several.
Outcome = tuple[str, list[Link], str]

STATUS_ORDER = ("resolved", "ambiguous", "unresolved-external", "unresolved")

# The heading element a reference word cites: "Rule 4" a rule, "Article 12" an article.
_CITED_HEADING = {"rule": "rule", "article": "art", "section": "sec"}


@dataclass(frozen=True)
class Where:
    """Where a reference is read: the citing clause (None outside clauses) and its document."""

    document: str | None
    clause: ClauseRecord | None
    index: ClauseIndex
    registry: Registry

    def own_document(self) -> str:
        if self.document is None:
            raise ValueError("resolving an internal reference needs the citing document")
        return self.document


Resolver = Callable[[RefMatch, RefTarget, Where], list[Outcome]]


def combine(match: RefMatch, outcomes: list[Outcome]) -> Resolution:
    """One resolution: the worst status, every link, every problem said once."""
    status = max((status for status, _, _ in outcomes), key=STATUS_ORDER.index)
    links = tuple(link for _, found, _ in outcomes for link in found)
    # the cause, once: whoever reports it names the phrase (site_builder/report.py)
    message = "; ".join(dict.fromkeys(problem for _, _, problem in outcomes if problem))
    return Resolution(match, status, links, message)


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
    if not found and "-" in path[0]:
        # "paragraph 2.3" where the page prints section 2's items 1., 2., 3. (a web page's
        # list numbered from 1 under "2. General principles"): its third item, as printed
        head, _, tail = path[0].partition("-")
        found = _under_numbered_heading(index, document, (head, tail, *path[1:]))
    return found


def _under_numbered_heading(index: ClauseIndex, document: str, path: tuple[str, ...]) -> list:
    """Clauses numbered path[1:] at the top of a heading numbered path[0] (section 2,
    Rule 2, Article 2), for texts whose sections carry their items directly."""
    found = []
    for heading in index.numbered_headings.get((document, path[0]), ()):
        prefix = descendant_prefix(heading.anchor)
        for anchor in index.by_number.get((document, path[1]), ()):
            record = index.clauses[(document, anchor)]
            if anchor.startswith(prefix) and record.parent is None:
                leaf = index.descend(document, anchor, path[2:])
                if leaf:
                    found.append(leaf)
    return found


def _sections_of(anchor: str) -> tuple[AnchorPart, ...]:
    """The sections an id lies in: 'sec_4-0__para_4-8' -> (sec 4-0,); () outside sections."""
    return tuple(takewhile(lambda part: part.element == "sec", parse_anchor(anchor).parts))


def _prefer(
    index: ClauseIndex, document: str, anchors: list[str], element: str, citing: ClauseRecord | None
) -> list[str]:
    """Narrow duplicate numbers: same section as the citing clause, then the right depth."""
    if len(anchors) > 1 and citing is not None and citing.document == document:
        home = _sections_of(citing.anchor)
        same = [anchor for anchor in anchors if _sections_of(anchor) == home]
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


def resolve_titled(match: RefMatch, target: RefTarget, where: Where) -> list[Outcome]:
    """A heading of the citing document by its title; the first of several, reported."""
    document, index = where.own_document(), where.index
    headings = index.titles.get((document, title_key(target.title or "")), ())
    if not headings:
        return [("unresolved", [], f"no heading titled '{target.title}' in {document}")]
    link = Link(target.start, target.end, document, headings[0].anchor)
    if len(headings) > 1:
        return [("ambiguous", [link], f"{len(headings)} headings are titled '{target.title}'")]
    return [("resolved", [link], "")]


def resolve_numbered(match: RefMatch, target: RefTarget, where: Where) -> list[Outcome]:
    """A number in the citing document, or, after 'of', in the document it names."""
    if match.kind != "internal":
        return resolve_named(match, target, where)
    return [_resolve_number(match, target, where.own_document(), where.clause, where.index)]


def _resolve_number(
    match: RefMatch,
    target: RefTarget,
    document: str,
    citing: ClauseRecord | None,
    index: ClauseIndex,
) -> Outcome:
    phrase = f"{match.element} {target.number}" if target.number else f"'{target.title}'"
    number = target.number or ""
    container = _CITED_HEADING.get(match.element)
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
    one_level = not re.search(r"[.:]\d|\(", number)
    # "paragraph 10 onwards" often cites a numbered section heading ("10. ACCESS ..."); a
    # "Rule 3" always does when no clause 3 stands outside the sections: where each rule
    # prints items restarting at 1, the item 3 inside a rule is not Rule 3 (trial17)
    rule_heading = match.element == "rule" and all(_sections_of(a) for a in candidates)
    candidates = _prefer(index, document, candidates, match.element, citing)
    if one_level and (rule_heading or not candidates):
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
    council: str | None = None,
) -> Outcome:
    """Resolve a target naming one document (by label and/or names) and maybe a clause.

    Of several documents answering to the label or name, only those of the citing
    document's `council` (or of no stated council) are candidates: "the Standing Orders"
    in one council's protocol never links to another council's. Two candidates left is
    ambiguous, and nothing is linked."""
    found: list[DocumentEntry] = registry.label_candidates(target.label) if target.label else []
    for name in names:
        found = found or registry.name_candidates(name)
    what = target.label or (names[0] if names else "?")
    candidates = [e for e in found if council is None or e.council in (None, council)]
    if not candidates:
        if found:
            owners = sorted({f"{e.council}'s '{e.doc_id}'" for e in found})
            return (
                "unresolved-external",
                [],
                f"'{what}' names only {', '.join(owners)}, and this is {council}'s document",
            )
        if names == (UNSPECIFIED_CODE,):
            return (
                "unresolved-external",
                [],
                "'code of conduct' does not say which code, and no document is registered "
                "under that name",
            )
        return "unresolved-external", [], f"'{what}' is not in the document registry"
    if len(candidates) > 1:
        ids = ", ".join(f"'{entry.doc_id}'" for entry in candidates)
        return (
            "ambiguous",
            [],
            f"'{what}' is ambiguous: {len(candidates)} documents answer to it ({ids})",
        )
    entry = candidates[0]
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
    candidates_here = _clause_candidates(index, entry.doc_id, target.number, element, None)
    clauses = _prefer(index, entry.doc_id, candidates_here, element, None)
    if not clauses:
        return "unresolved", [], f"there is no {element} {target.number} in {entry.doc_id}"
    link = Link(target.start, target.end, entry.doc_id, clauses[0])
    if len(clauses) > 1:
        return "ambiguous", [link], f"{element} {target.number} matches {len(clauses)} clauses"
    return "resolved", [link], ""


def _resolve_external(
    target: RefTarget,
    element: str,
    index: ClauseIndex,
    registry: Registry,
    council: str | None = None,
) -> list[Outcome]:
    """A label names one document; several names without a label ("those codes") each
    name their own, linked on the same span."""
    if target.label is None and len(target.names) > 1:
        return [
            _resolve_document(target, (name,), element, index, registry, council)
            for name in target.names
        ]
    return [_resolve_document(target, target.names, element, index, registry, council)]


def resolve_statute(match: RefMatch, target: RefTarget, where: Where) -> list[Outcome]:
    """An Act the statute table knows, linked to legislation.gov.uk (only found so when
    the site asks for `legislation_links`)."""
    url = legislation_url(target.names[0]) if target.names else None
    if url is None:
        return [("resolved", [], "")]
    return [("resolved", [Link(target.start, target.end, LEGISLATION_DOCUMENT, None, url)], "")]


def resolve_named(match: RefMatch, target: RefTarget, where: Where) -> list[Outcome]:
    """A document by label or name (a code of conduct by its canonical name), and maybe a
    numbered clause of it; a label the citing document prints itself is its own part."""
    home = where.document
    if home is not None:
        own = _own_container(match, target, home, where.index)
        if own is not None:
            return [("resolved", [Link(target.start, target.end, home, own)], "")]
        if target.number and _names_the_citing_document(target, home, where.registry):
            return [_resolve_number(match, target, home, where.clause, where.index)]
    council = where.registry.council_of(home) if home is not None else None
    return _resolve_external(target, match.element, where.index, where.registry, council)


def _names_the_citing_document(target: RefTarget, home: str, registry: Registry) -> bool:
    """'paragraph 2 of the Terms of Reference' printed in the 'Planning Committee Terms
    of Reference' is the page's own paragraph 2 (attack17 A17-9): a name no document
    answers to, whose words stand whole in the citing document's own title."""
    entry = registry.get(home)
    if entry is None or target.label or not target.names:
        return False
    if any(registry.name_candidates(name) for name in target.names):
        return False
    title = f" {' '.join(entry.title.lower().split())} "
    return any(f" {' '.join(name.lower().split())} " in title for name in target.names)


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
