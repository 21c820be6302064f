"""What the finders and resolvers hand each other: plain, frozen records.

A `RefMatch` is a phrase found in text, with its `RefTarget`s; a `Resolution` is what
became of it, with the `Link`s to make. Offsets count from the start of the text that
was read, so the page linker can wrap exactly those words.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


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
    document, code); `relation` is "single", "list", "range" or "onwards"; `finder` names
    the entry of `finders.FINDERS` that found it, whose resolver resolves it.
    """

    start: int
    end: int
    kind: str
    element: str
    targets: tuple[RefTarget, ...]
    relation: str = "single"
    text: str = ""
    finder: str = ""


# What a finder yields: the span it claims, with the reference found there, or None for
# a look-alike ("section 2 of the Localism Act 2011") that no other finder may read.
Finding = tuple[int, int, RefMatch | None]


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

    def moved_to(self, match: RefMatch) -> Resolution:
        """This resolution for the same phrase found at another offset (`match_shape` equal)."""
        shift = match.start - self.match.start
        links = tuple(
            replace(link, start=link.start + shift, end=link.end + shift) for link in self.links
        )
        return Resolution(match, self.status, links, self.message)


def match_shape(match: RefMatch) -> tuple:
    """All that resolving `match` reads, its offsets counted from its own start.

    Resolution is a pure function of this and the citing clause, so two phrases of one
    shape cited from one clause resolve alike wherever in the text they stand.
    """
    targets = tuple(
        (t.start - match.start, t.end - match.start, t.number, t.title, t.names, t.label)
        for t in match.targets
    )
    return (match.kind, match.element, match.relation, match.text, match.finder, targets)
