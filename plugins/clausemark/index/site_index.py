"""The build-wide index: every clause, reference, term use and related clause, built once.

Pages are rendered one at a time, but "Referenced by", the code hub pages and the
glossary's "used in" lists need to know about every page first. So the index reads the
plain text of every clause once, with the same finders the page linker uses, and
resolves every reference once; the linker then only looks up what the index already
knows (`SiteIndex.stored_resolution`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TypeGuard

from ..model.document import ClauseRecord, Document, HeadingRecord
from ..model.records import clause_records, heading_records, note_records, table_records
from ..numbering.clause_names import Container
from ..parse.metadata import display_title
from ..references import (
    ClauseIndex,
    Link,
    RefMatch,
    Registry,
    Resolution,
    find_references,
    match_shape,
    resolve,
)
from ..references.overrides import NONE as NO_OVERRIDES
from ..references.overrides import Overrides, overrides_from
from ..support.limits import most
from ..support.urls import GLOSSARY_PAGE, code_path, document_path, relative_md
from .documents import ConfigError, load_registry
from .glossary import Term, TermMatch, TermMatcher, find_defined_terms, first_uses, load_glossary
from .related import RelatedMemory, related_clauses
from .term_sense import sense_fits

# A reference the document's sidecar says is none (`not_references`): no link, no warning.
IGNORED = "ignored"


@dataclass(frozen=True)
class ReferenceUse:
    """One reference as the index resolved it, from the clause (or note) that makes it.

    The resolution is kept whole, so the page linker links the same phrase in the same
    clause without resolving it again; its offsets count in the clause text read.
    """

    source_document: str
    source_anchor: str | None
    resolution: Resolution

    @property
    def text(self) -> str:
        return self.resolution.match.text

    @property
    def status(self) -> str:
        """resolved | ambiguous | unresolved | unresolved-external"""
        return self.resolution.status

    @property
    def targets(self) -> tuple[tuple[str, str | None], ...]:
        """(document, anchor) of each link, in order."""
        return tuple((link.document, link.anchor) for link in self.resolution.links)

    @property
    def message(self) -> str:
        return self.resolution.message


@dataclass
class SiteIndex:
    documents: dict[str, Document]
    records: list[ClauseRecord]
    clauses: ClauseIndex
    registry: Registry
    terms: list[Term]
    matcher: TermMatcher
    codes: dict[str, dict]  # code id -> its registry entry as configured
    pages: dict[str, str]  # document or code id -> page path (docs-relative .md)
    references: list[ReferenceUse] = field(default_factory=list)
    referenced_by: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)
    code_mentions: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    term_uses: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    related: dict = field(default_factory=dict)
    notes: dict[tuple[str, str], ClauseRecord] = field(default_factory=dict)
    config_warnings: list[str] = field(default_factory=list)  # e.g. a url that was refused
    # (document id, line): a document defining more terms than `defined_terms` links
    term_warnings: list[tuple[str, str]] = field(default_factory=list)
    # each document's not_references, not_terms and reference_targets (overrides.py)
    overrides: dict[str, Overrides] = field(default_factory=dict)
    _references_in: dict[str, list[RefMatch]] = field(default_factory=dict, repr=False)
    _terms_in: dict[tuple[str, str | None], list[TermMatch]] = field(
        default_factory=dict, repr=False
    )
    _resolved: dict[tuple, Resolution] | None = field(default=None, init=False, repr=False)
    # each clause's (or note's) term uses as listed (sense and not_terms applied), by its
    # document, anchor, number and texts: `mkdocs serve` keeps them for the next save
    _term_uses_in: dict[tuple, list[TermMatch]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # what the related clauses were made from and found (related.related_clauses), for
    # `mkdocs serve`'s next save; not kept on disk
    _related_memory: RelatedMemory | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def texts_read(self) -> int:
        """How many texts the finders have read: more means more to keep for next time."""
        return len(self._references_in) + len(self._terms_in)

    def references_in(self, text: str) -> list[RefMatch]:
        """The references written in `text`; a paragraph's text is read once per build."""
        if text not in self._references_in:
            self._references_in[text] = find_references(text, self.registry)
        return self._references_in[text]

    def stored_resolution(
        self, found: RefMatch, document: str, anchor: str | None
    ) -> Resolution | None:
        """What the index made of `found` cited from the clause (or note) `anchor`, moved
        to where `found` stands; None where the index never read that phrase there.

        Resolving reads only the phrase (`match_shape`) and the citing clause, so a page's
        text node split off by inline markup finds the entry of its whole paragraph.
        """
        if self._resolved is None:
            self._resolved = {}
            for use in self.references:
                key = (use.source_document, use.source_anchor, match_shape(use.resolution.match))
                self._resolved.setdefault(key, use.resolution)
        stored = self._resolved.get((document, anchor, match_shape(found)))
        return stored.moved_to(found) if stored is not None else None

    def terms_in(self, text: str, document: str | None) -> list[TermMatch]:
        """The glossary terms used in `text`, as `document` defines and shares them."""
        key = (text, document)
        if key not in self._terms_in:
            self._terms_in[key] = self.matcher.find(text, document)
        return self._terms_in[key]

    def record(self, document: str, anchor: str) -> ClauseRecord | None:
        """A clause, or a note (the text outside clauses, which cites and is read too)."""
        key = (document, anchor)
        return self.clauses.clauses.get(key) or self.notes.get(key)

    def container(self, document: str, anchor: str) -> Container | None:
        """The heading a top clause is cited with ("Rule 6"), where its number is not
        unique in its document (clause_names.restarted_containers)."""
        return self.clauses.cited_with.get((document, anchor))

    def texts(self) -> list[ClauseRecord]:
        """Every clause and note: what the finders read."""
        return self.records + list(self.notes.values())

    def title_of(self, document: str) -> str:
        if document in self.documents:
            return _display_title(self.documents[document].metadata.title)
        if document in self.codes:
            return self.codes[document]["title"]
        entry = self.registry.get(document)
        return entry.title if entry else document

    def labelled_title_of(self, document: str) -> str:
        """'Part E Code 3: Protocol on Member/Officer Relations': the title with the label
        the document prints, where the title alone cannot tell two documents apart."""
        title = self.title_of(document)
        entry = self.documents.get(document)
        label = entry.metadata.label if entry is not None else None
        if not _is_label(label) or label.casefold() in title.casefold():
            return title
        return f"{label}: {title}"

    def href(self, link: Link, from_document: str, from_page: str | None = None) -> str | None:
        """Where a resolved link points, relative to the page of `from_document` (or to
        `from_page`, an earlier version's page, whose own clauses have the same ids)."""
        page = self.pages.get(link.document)
        if page is None:
            return link.url
        fragment = f"#{link.anchor}" if link.anchor else ""
        if link.document == from_document:
            return fragment or "#title"
        base = from_page or self.pages.get(from_document, "")
        return f"{relative_md(base, page)}{fragment}"

    def problems(self) -> list[ReferenceUse]:
        return [r for r in self.references if r.status not in ("resolved", IGNORED)]

    def resolve(
        self,
        found: RefMatch,
        record: ClauseRecord | None,
        document: str,
        clauses: ClauseIndex | None = None,
    ) -> Resolution:
        """`found` resolved from `record` (None outside clauses) in `document`, as the
        document's overrides say first: not a reference, or a fixed target. `clauses`:
        an earlier version's own clauses, for its page."""
        overrides = self.overrides.get(document, NO_OVERRIDES)
        number, anchor = (record.number, record.anchor) if record is not None else (None, None)
        if overrides.skips_reference(found.text, number, anchor):
            return Resolution(found, IGNORED)
        fixed = overrides.target_for(found.text, number, anchor)
        if fixed is not None:
            if fixed.document not in self.pages and self.registry.get(fixed.document) is None:
                message = f"reference_targets names '{fixed.document}', which is no document"
                return Resolution(found, "unresolved", (), message)
            url = entry.url if (entry := self.registry.get(fixed.document)) else None
            link = Link(found.start, found.end, fixed.document, fixed.anchor, url)
            return Resolution(found, "resolved", (link,))
        return resolve(found, record, clauses or self.clauses, self.registry, document=document)

    def term_allowed(self, document: str, record: ClauseRecord | None, words: str) -> bool:
        """Whether the document's `not_terms` leave the words `words` to link as a term."""
        overrides = self.overrides.get(document, NO_OVERRIDES)
        if record is None:
            return not overrides.skips_term(words, None, None)
        return not overrides.skips_term(words, record.number, record.anchor)


@lru_cache(maxsize=4096)  # every link to a document prints its title
def _display_title(title: str) -> str:
    return display_title(title)


_SECOND_NAME = re.compile(r"^(?P<name>\S+(?:\s+\S+)+?)\s*\((?P<other>[^()]+)\)$")


# A title in two languages, each name whole on one side of a spaced slash or bar:
# "Rheolau Sefydlog y Cyngor / Council Standing Orders" (never "Member/Officer Protocol").
_TWO_LANGUAGES = re.compile(r"\s+[/|]\s+")


def own_short_names(title: str) -> list[str]:
    """A title that gives its other name in brackets, "Council Procedure Rules
    (Standing Orders)", also answers to the name before them ("these Council Procedure
    Rules" in its own text); a title in two languages, "Cynllun Deisebau / Petition
    Scheme", answers to each (another text cites "the Petition Scheme"). One word alone
    is too general to be a name."""
    match = _SECOND_NAME.match(title.strip())
    if match:
        return [match.group("name")]
    halves = _TWO_LANGUAGES.split(title.strip())
    if len(halves) == 2 and all(len(half.split()) > 1 for half in halves):
        return halves
    return []


def sidecar_aliases(document: Document) -> list[str]:
    """The other names a document's sidecar or front matter gives it (`aliases:`, as
    documents.yml gives a registered document's): "Scheme of Delegation" for "Scheme of
    Delegation to Officers"."""
    given = document.metadata.extra.get("aliases")
    names = given if isinstance(given, list) else [given] if given is not None else []
    return [str(name).strip() for name in names if str(name).strip()]


def build_site_index(
    documents: list[Document],
    *,
    registry_path: Path | None = None,
    registry_extra: list[dict] | None = None,
    glossary_path: Path | None = None,
    related_limit: int = 3,
    legislation_links: bool = False,
    previous: SiteIndex | None = None,
) -> SiteIndex:
    """The index of `documents`. `previous`: the index an earlier build of the same site
    made (`mkdocs serve` after an edit): what its finders read is taken over where the
    registry and the terms they read with are the same, so unchanged texts are not read
    again."""
    by_id = {d.doc_id: d for d in documents}
    records = [r for d in documents for r in clause_records(d)]
    headings = [h for d in documents for h in heading_records(d)]
    # Every document answers to its title and label; two sharing one make a reference
    # to it ambiguous (the warning names both), and a generic name ("the Standing
    # Orders") finds only the citing document's own council's.
    own_entries = [
        {
            "id": d.doc_id,
            "title": display_title(d.metadata.title),
            "aliases": own_short_names(display_title(d.metadata.title)) + sidecar_aliases(d),
            "site": True,
            **({"label": d.metadata.label} if _is_label(d.metadata.label) else {}),
            **({"council": d.metadata.council} if d.metadata.council else {}),
        }
        for d in documents
    ]
    config_warnings: list[str] = []
    term_warnings: list[tuple[str, str]] = []
    registry, codes = load_registry(
        registry_path, own_entries + list(registry_extra or []), config_warnings
    )
    if legislation_links:
        registry = replace(registry, legislation_links=True)
    terms = load_glossary(glossary_path) if glossary_path and glossary_path.is_file() else []
    blocks: dict[str, list[tuple[str, str]]] = {d.doc_id: [] for d in documents}
    for record in records:  # each document's clauses, in one pass (not one per document)
        blocks[record.document].append((record.anchor, record.text))
    for document in documents:
        defined = find_defined_terms(document.doc_id, blocks[document.doc_id])
        if len(defined) > most("defined_terms"):  # each is looked for in every clause
            term_warnings.append(
                (
                    document.doc_id,
                    f"{document.path}: defines {len(defined):,} terms; the first "
                    f"{most('defined_terms'):,} link to their definitions, the others are "
                    "shown as text",
                )
            )
            defined = defined[: most("defined_terms")]
        terms += defined
    # A code of conduct's hub page is a page of the site, so references to it resolve.
    headings += [HeadingRecord(code, "mentions", None, codes[code]["title"]) for code in codes]
    pages = {d.doc_id: document_path(d.doc_id) for d in documents}
    pages.update({code: code_path(code) for code in codes})
    pages["glossary"] = GLOSSARY_PAGE
    index = SiteIndex(
        documents=by_id,
        records=records,
        clauses=ClauseIndex.build(records, headings),
        registry=registry,
        terms=terms,
        matcher=TermMatcher(terms),
        codes=codes,
        pages=pages,
        config_warnings=config_warnings,
        term_warnings=term_warnings,
    )
    # notes, and tables in no clause: their references and terms are read as a clause's
    index.notes = {
        (n.document, n.anchor): n for d in documents for n in [*note_records(d), *table_records(d)]
    }
    if previous is not None:
        _take_over_reading(index, previous)
    try:
        index.overrides = {d.doc_id: overrides_from(d.metadata.extra, d.path) for d in documents}
    except ValueError as error:
        raise ConfigError(str(error)) from None
    if previous is not None:
        _take_over_term_uses(index, previous)
    _index_references(index)
    _index_terms(index)
    known = previous._related_memory if previous is not None else None
    index._related_memory = related_clauses(records, related_limit, known=known)
    index.related = index._related_memory.result
    return index


def remember_related(index: SiteIndex, related_limit: int = 3) -> None:
    """Give an index read back from the disk cache the memory of how its related clauses
    were made (not stored with it: every build reading the index would pay for it), so
    that the next edit under `mkdocs serve` scores again only the clauses it touched
    rather than every pair. The same records give the same related clauses."""
    if index._related_memory is None:
        index._related_memory = related_clauses(index.records, related_limit)


def _take_over_reading(index: SiteIndex, previous: SiteIndex) -> None:
    """Copy the texts `previous` read whose reading depends on nothing that changed:
    references need the same registry; terms in a document's text, the same shared terms
    and the same terms of that document's own."""
    if previous.registry == index.registry:
        index._references_in.update(previous._references_in)
    if previous.terms == index.terms:
        index._terms_in.update(previous._terms_in)
        return
    old, new = _terms_by_scope(previous.terms), _terms_by_scope(index.terms)
    if old.get(None) != new.get(None):
        return
    index._terms_in.update(
        (key, found)
        for key, found in previous._terms_in.items()
        if key[1] is None or old.get(key[1]) == new.get(key[1])
    )


def _take_over_term_uses(index: SiteIndex, previous: SiteIndex) -> None:
    """Copy the term uses `previous` listed of the documents whose shared terms, own terms
    and overrides (not_terms) are as they were: the same text lists the same uses."""
    old, new = _terms_by_scope(previous.terms), _terms_by_scope(index.terms)
    if old.get(None) != new.get(None):
        return
    alike = {
        document
        for document in index.documents
        if old.get(document) == new.get(document)
        and previous.overrides.get(document) == index.overrides.get(document)
    }
    index._term_uses_in = {
        key: uses for key, uses in previous._term_uses_in.items() if key[0] in alike
    }


def _terms_by_scope(terms: list[Term]) -> dict[str | None, list[Term]]:
    scopes: dict[str | None, list[Term]] = {}
    for term in terms:
        scopes.setdefault(term.scope, []).append(term)
    return scopes


def _is_label(label: str | None) -> TypeGuard[str]:
    """A label worth showing: it has letters, not only a number."""
    return bool(label) and any(c.isalpha() for c in label or "")


# A range cites every clause between its ends ("paragraphs 3.1 to 3.3" cites 3.2 too), up
# to this many: a longer one is listed under its two ends only, so no text of n ranges
# over n clauses makes n * n entries.
RANGE_LIMIT = 200


def _index_references(index: SiteIndex) -> None:
    position = {(r.document, r.anchor): i for i, r in enumerate(index.records)}
    for record in index.texts():
        for unit in record.units or (record.text,):
            for found in index.references_in(unit):
                resolution = index.resolve(found, record, record.document)
                _add_reference(index, record, resolution, position)


def _within_range(
    index: SiteIndex, resolution: Resolution, position: dict[tuple[str, str], int]
) -> list[tuple[str, str]]:
    """The clauses strictly between a range's two ends, in one document, in reading order:
    those at the depth of its first end or above (a sub-item is part of its clause)."""
    if resolution.match.relation != "range" or len(resolution.links) != 2:
        return []
    first, last = resolution.links
    if first.document != last.document or first.anchor is None or last.anchor is None:
        return []
    start = position.get((first.document, first.anchor))
    end = position.get((last.document, last.anchor))
    if start is None or end is None or not 0 < end - start - 1 <= RANGE_LIMIT:
        return []
    depth = index.records[start].depth
    return [
        (record.document, record.anchor)
        for record in index.records[start + 1 : end]
        if record.depth <= depth
    ]


def _add_reference(
    index: SiteIndex,
    record: ClauseRecord,
    resolution: Resolution,
    position: dict[tuple[str, str], int],
) -> None:
    use = ReferenceUse(record.document, record.anchor, resolution)
    index.references.append(use)
    targets = list(use.targets)
    targets[1:1] = _within_range(index, resolution, position)
    for document, anchor in targets:
        if document in index.codes:
            index.code_mentions.setdefault(document, []).append((record.document, record.anchor))
        elif anchor and (document, anchor) != (record.document, record.anchor):
            index.referenced_by.setdefault((document, anchor), []).append(
                (record.document, record.anchor)
            )


def _index_terms(index: SiteIndex) -> None:
    known, kept = index._term_uses_in, {}
    for record in index.texts():
        key = (record.document, record.anchor, record.number, record.text, record.units)
        found = known.get(key)
        if found is None:
            # a term already used is passed over before its sense is read: first_uses keeps
            # one match a term, so a clause naming one term n times reads it once, not n times
            seen: set[str] = set()
            found = first_uses(
                (
                    match
                    for unit in record.units or (record.text,)
                    for match in index.terms_in(unit, record.document)
                    if match.term.key not in seen
                    and sense_fits(match.term, unit, match.start, match.end, record.text)
                    and index.term_allowed(record.document, record, unit[match.start : match.end])
                ),
                seen,
            )
        kept[key] = found
        for match in found:
            uses = index.term_uses.setdefault(match.term.key, [])
            if (record.document, record.anchor) not in uses:
                uses.append((record.document, record.anchor))
    index._term_uses_in = kept
