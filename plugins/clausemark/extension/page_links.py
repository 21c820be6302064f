"""Per-page linking inside the Markdown element tree: references, code mentions, terms.

Runs as part of the clausemark Markdown extension, before the table of contents and
before any search index reads the page, so links wrap the real words (never
placeholders). Never links inside headings, existing links, code or abbreviations.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

from ..index.glossary import Term
from ..index.site_index import SiteIndex
from ..index.term_sense import is_control_row, sense_fits
from ..model.document import ClauseRecord, Document
from ..model.records import clause_outline, heading_records
from ..numbering.clause_names import Container, clause_label
from ..references import ClauseIndex, Link, RefMatch, Resolution, resolve_placeholder
from ..references.citations import Citations
from ..references.overrides import NONE as NO_OVERRIDES
from ..support.escaping import refused_link, safe_link, shown_link, tooltip, tree_text
from ..support.urls import (
    GLOSSARY_PAGE,
    SiteFiles,
    relative_md,
    site_absolute,
    top_page_named,
)
from .editorial import add_mention_notes

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_LETTER = re.compile(r"[^\W\d_]")
SKIP = {"a", "code", "pre", "abbr", "script", "style", "kbd", "sup"}
TERM_TITLE_LIMIT = 320


# What resolving a reference reads beyond the citing page's own document, least first.
RESOLUTION_READS = ("own", "registry", "clauses")


def resolution_reads(found: RefMatch) -> str:
    """An internal reference reads its own document's clauses (the page's own text); one
    naming a document reads the registry of documents, and, if it cites a number in
    it, that document's clauses (any document's: the name decides which)."""
    if found.kind == "internal":
        return "own"
    return "clauses" if any(target.number for target in found.targets) else "registry"


@dataclass
class PageProblem:
    document: str
    anchor: str | None
    message: str


@dataclass
class _State:
    document: str
    clause: str | None = None
    seen_terms: set[str] = field(default_factory=set)
    page: str | None = None  # an earlier version's page; None on the document's own page
    version: ClauseIndex | None = None  # that version's clauses, for its own references
    # clause -> (words, link attributes, documents) of phrases naming several documents
    mention_notes: dict = field(default_factory=dict)


@dataclass
class _VersionRecords:
    """An earlier version's clauses, read as `clause_label` reads the site index."""

    clauses: ClauseIndex

    def record(self, document: str, anchor: str) -> ClauseRecord | None:
        return self.clauses.clauses.get((document, anchor))

    def container(self, document: str, anchor: str) -> Container | None:
        return self.clauses.cited_with.get((document, anchor))


def _ends_clause(element: etree.Element) -> bool:
    """The next heading, or the page's footnotes (the writer's section and the one the
    footnotes extension adds at the end): a clause's text, and its links, end there."""
    return element.tag in HEADINGS or "footnote" in (element.get("class") or "").split()


@lru_cache(maxsize=4096)  # the same few definitions, at every use of their terms
def _short(text: str, limit: int = TERM_TITLE_LIMIT) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _control_row(element: etree.Element) -> bool:
    """A table row of document control ("Replaces", "Version"): its words name the
    document's history, so no term or reference links in it."""
    if element.tag != "tr" or not len(element):
        return False
    return is_control_row("".join(element[0].itertext()))


class PageLinker:
    """Callable handed to the Markdown extension; collects problems for the build report."""

    def __init__(self, index: SiteIndex, versions: dict[str, Document] | None = None):
        """`versions`: each version page's path and the version it shows."""
        self.index = index
        self.versions = versions or {}
        self.problems: list[PageProblem] = []
        # every file of the site, handed over by a plugin that lists them before any page
        # is written: a relative link leading to none of them is reported at its clause;
        # with none (another tool renders), such links are left for the built site's check
        self.site_files: SiteFiles | None = None
        # pages that resolved a reference here rather than finding the index's own
        # resolution (a footnote's, a table cell's, an earlier version's text), and what
        # that read beyond the page's own document (`RESOLUTION_READS`): the registry of
        # documents, or every document's clause numbers too
        self.resolved_at_render: dict[str | None, str] = {}
        # and each such resolution, with the link attributes it printed: what the page
        # read of the rest of the site, to be asked again (`looks_up_alike`)
        self.render_lookups: dict[str | None, list[tuple]] = {}
        self._page: str | None = None
        # each document's own page -> the document (the index knows every page's path)
        self._current = {path: doc for doc, path in index.pages.items() if doc in index.documents}
        cited: dict[str, list] = {}
        for (document, target), sources in index.referenced_by.items():
            cited.setdefault(document, []).append((target, sources))
        self._cited = {document: Citations(pairs) for document, pairs in cited.items()}

    def __call__(self, root: etree.Element, md=None, page: str | None = None) -> None:
        """Link the page `page` (its docs path, as the build named it). A caller that cannot
        say which page it renders (Python-Markdown run by another tool, the Zensical
        route) passes none, and the page is known by its title's data attributes."""
        self._page = page
        found = self._page_state(page) if page is not None else self._title_state(root)
        if found is None:  # not a document's page: the glossary, a hub, docs/index.md
            return
        state, current = found
        self._walk(root, state)
        add_mention_notes(root, state.mention_notes, self.index.title_of)
        if current:
            self._add_clause_lists(root, state.document)

    def _page_state(self, page: str) -> tuple[_State, bool] | None:
        document = self._current.get(page)
        if document is not None:
            return _State(document), True
        shown = self.versions.get(page)
        return (self._version_state(page, shown), False) if shown is not None else None

    def _title_state(self, root: etree.Element) -> tuple[_State, bool] | None:
        for title in root.iter("h1"):
            document = title.get("data-cm-document")
            if document:
                return _State(document), True
            page = title.get("data-cm-page")
            if title.get("data-cm-version-of") and page is not None and page in self.versions:
                return self._version_state(page, self.versions[page]), False
        return None

    @staticmethod
    def _version_state(page: str, shown: Document) -> _State:
        """An earlier version: its references mean its own clauses, its links start from
        its own page, and "Referenced by" belongs to the current one. Its clause index is
        made for this page alone: kept for every page, it would hold every version's
        clauses in memory through the whole build."""
        outline = clause_outline(shown)
        return _State(
            shown.doc_id, page=page, version=ClauseIndex.build(outline, heading_records(shown))
        )

    def _label(self, state: _State, anchor: str) -> str:
        if state.version is None:
            return clause_label(self.index, state.document, anchor)
        return clause_label(_VersionRecords(state.version), state.document, anchor)

    def _record(self, state: _State, anchor: str | None):
        if anchor is None:
            return None
        if state.version is not None:
            return state.version.clauses.get((state.document, anchor))
        return self.index.record(state.document, anchor)

    # walking

    def _walk(self, element: etree.Element, state: _State) -> None:
        anchor = element.get("id")
        record = self._record(state, anchor) if anchor else None
        if anchor and record is not None:
            state.clause = anchor
            if record.parent is None:  # a term links at its first use in a clause,
                state.seen_terms = set()  # its items included
            if element.tag in HEADINGS or "cm-item" in (element.get("class") or ""):
                # how a citation names it, as printed; the tools beside it read this
                element.set("data-cm-cite", tree_text(self._label(state, anchor)))
        if element.tag in {"a", "img"}:
            self._refuse_unsafe_target(element, state)
        if element.tag == "a" and not self._link_site_document(element, state):
            return  # a site-absolute link naming nothing here: its words, as printed
        if element.tag in HEADINGS:
            for link in element.iter("a"):
                self._refuse_unsafe_target(link, state)
            return
        if element.tag == "a" and element.get("href") == "#":
            self._placeholder(element, state)
            return
        if element.tag in SKIP or _control_row(element):
            return
        children = list(element)  # not the links about to be made: their text is read
        if element.text:
            element.text = self._link_text(element, element.text, None, state)
        for child in children:
            self._walk(child, state)
            if child.tail:
                child.tail = self._link_text(element, child.tail, child, state)

    def _link_text(self, parent, text: str, after, state: _State) -> str:
        # Most text nodes are the white space between elements: no reference, no term.
        spans = self._spans(text, state) if _LETTER.search(text) else None
        if not spans:
            return text
        nodes = []
        cursor = 0
        for start, end, attrs in spans:
            link = etree.Element("a", attrs)
            link.text = text[start:end]
            nodes.append((link, start, end))
        head = text[: nodes[0][1]]
        for position, (node, _start, end) in enumerate(nodes):
            following = nodes[position + 1][1] if position + 1 < len(nodes) else len(text)
            node.tail = text[end:following] if following >= end else ""
            cursor = max(cursor, end)
        insert_at = 0 if after is None else list(parent).index(after) + 1
        for offset, (node, _s, _e) in enumerate(nodes):
            parent.insert(insert_at + offset, node)
        return head

    def _spans(self, text: str, state: _State):
        index = self.index
        record = self._record(state, state.clause)
        taken: list[tuple[int, int]] = []
        spans = []
        grouped: dict[tuple[int, int], list[Link]] = {}
        for found in index.references_in(text):
            resolution = self._resolution(found, record, state)
            if resolution.status in {"unresolved", "unresolved-external"} and not resolution.links:
                continue
            for link in resolution.links:
                if link.document == state.document and link.anchor is None:
                    continue  # the page naming itself ("APPENDIX 20" above its own title)
                grouped.setdefault((link.start, link.end), []).append(link)
        for (start, end), links in sorted(grouped.items()):
            attrs = self._link_attrs(links[0], state)
            if attrs is None:
                continue
            also = [a for a in map(lambda link: self._link_attrs(link, state), links[1:]) if a]
            if also:
                # One phrase naming several documents ("the codes of conduct"): the words
                # link to the first, and a note beside the clause names them all, so that
                # no word is added to the adopted sentence.
                attrs["title"] = tooltip(
                    " and ".join(index.title_of(link.document) for link in links if link.document)
                )
                state.mention_notes.setdefault(state.clause, []).append(
                    (text[start:end], [attrs, *also], [link.document for link in links])
                )
            spans.append((start, end, attrs))
            taken.append((start, end))
        context = record.text if record is not None else text
        for match in index.terms_in(text, state.document):
            if any(match.start < e and s < match.end for s, e in taken):
                continue
            term = match.term
            if term.key in state.seen_terms or (term.scope and term.anchor == state.clause):
                continue
            if not sense_fits(term, text, match.start, match.end, context):
                continue
            if not index.term_allowed(state.document, record, text[match.start : match.end]):
                continue
            state.seen_terms.add(term.key)
            spans.append((match.start, match.end, self._term_attrs(term, state)))
            taken.append((match.start, match.end))
        return sorted(spans, key=lambda span: span[0])

    def _resolution(
        self, found: RefMatch, record: ClauseRecord | None, state: _State
    ) -> Resolution:
        """The index's own resolution where it read this phrase in this clause; resolved
        here only for text the index never read, and on an earlier version's page for
        its references to its own clauses (any other kind reads only the citing document,
        so the current version's clause of that id stored the same resolution)."""
        index = self.index
        own = state.version if found.kind == "internal" else None
        if own is None and record is not None:
            stored = index.stored_resolution(found, state.document, record.anchor)
            if stored is not None:
                return stored
        if own is None:
            reads = resolution_reads(found)
            if reads == "own" and index.overrides.get(state.document, NO_OVERRIDES) != NO_OVERRIDES:
                reads = "registry"  # a fixed target the document's overrides name
            known = self.resolved_at_render.get(self._page, "own")
            if RESOLUTION_READS.index(reads) > RESOLUTION_READS.index(known):
                self.resolved_at_render[self._page] = reads
            resolution = index.resolve(found, record, state.document, None)
            shown = [self._link_attrs(link, state) for link in resolution.links]
            lookup = (found, record, state.document, state.page, resolution, shown)
            self.render_lookups.setdefault(self._page, []).append(lookup)
            return resolution
        return index.resolve(found, record, state.document, own)

    def looks_up_alike(self, lookups: list[tuple]) -> bool:
        """Whether each reference a page resolved as it was rendered (`render_lookups`)
        resolves here as it did then, and its links print the same (href, title)."""
        for found, record, document, page, resolution, shown in lookups:
            now = self.index.resolve(found, record, document, None)
            state = _State(document, page=page)
            if now != resolution or [self._link_attrs(link, state) for link in now.links] != shown:
                return False
        return True

    def _link_attrs(self, link: Link, state: _State) -> dict | None:
        document = state.document
        href = self.index.href(link, document, state.page)
        if href is None:
            return None
        attrs = {"href": href, "class": "cm-ref"}
        if link.document in self.index.codes:
            attrs["class"] = "cm-ref cm-code-ref"
        if link.document != document:
            target = self.index.title_of(link.document)
            if link.anchor and self.index.record(link.document, link.anchor):
                target = f"{target}, {clause_label(self.index, link.document, link.anchor)}"
            attrs["title"] = tooltip(target)
        return attrs

    def _term_attrs(self, term: Term, state: _State) -> dict:
        document, page = state.document, state.page or self.index.pages[state.document]
        if term.scope == document and term.anchor:
            # defined in the current version: on an earlier version's page, link to it there
            own = relative_md(page, self.index.pages[document]) if state.page else ""
            href = f"{own}#{term.anchor}"
        else:
            href = f"{relative_md(page, GLOSSARY_PAGE)}#{term.slug}"
        definition = term.definition
        return {"href": href, "class": "cm-term", "title": tooltip(_short(definition))}

    def _placeholder(self, element: etree.Element, state: _State) -> None:
        """'[employees](#)' in a source: resolve by its words, or make it plain text."""
        text = "".join(element.itertext())
        message = f"placeholder link '[{text}](#)' names no known document"
        self._link_by_words(element, state, message)

    def _link_by_words(self, element: etree.Element, state: _State, message: str) -> None:
        """A source's link whose target means nothing here: the document its words name
        (`resolve_placeholder`), else its words as plain text and a problem, `message`."""
        text = "".join(element.itertext())
        context = " ".join(self._context(element, state))
        entry = resolve_placeholder(text, context, self.index.registry)
        if entry is not None:
            link = Link(0, 0, entry.doc_id, None, entry.url)
            href = self.index.href(link, state.document, state.page)
            if href:
                element.set("href", href)
                # the source's own link (its words chosen by the source), resolved
                classes = "cm-ref cm-code-ref" if entry.doc_id in self.index.codes else "cm-ref"
                element.set("class", f"{classes} cm-source-link")
                element.set("title", tooltip(self.index.title_of(entry.doc_id)))
                return
        element.tag = "span"
        element.attrib.clear()
        element.set("class", "cm-unlinked")
        problem = PageProblem(state.document, state.clause, f"{message}; shown as plain text")
        self.problems.append(problem)

    def _link_site_document(self, element: etree.Element, state: _State) -> bool:
        """A source's relative link naming a document of this site ('rules/', written
        for the site; 'rules.html', for the bundle) links that document's page, as a
        reference does, so it works in the site and the bundle alike. A link leading to
        no page of the site, site-absolute ('/council/meetings', a saved web page's own)
        or relative to a file the site does not have ('../committees/minutes.html', as
        `site_files` tells), is linked by its words or made plain text here, where the
        problem names the clause (so the source's line), not left for the built site's
        check, which could name only the built page: False then."""
        target = element.get("href") or ""
        named = top_page_named(target)
        if named is None or named[0] not in self.index.documents:
            if site_absolute(target):
                message = (
                    f"link '{shown_link(target)}' leads to no page of this site (the council "
                    "web site's own address?); give its full address (https://...) or remove it"
                )
            elif self._leads_nowhere(target):
                message = (
                    f"link '{shown_link(target)}' leads to no page or file of this site (an "
                    "address on the site it was saved from?); give its full address "
                    "(https://...), add the file to docs/, or remove it"
                )
            else:
                self._link_site_file(element, target)
                return True
            self._link_by_words(element, state, message)
            return False
        document, fragment = named
        href = self.index.href(Link(0, 0, document, fragment or None), state.document, state.page)
        if href:
            element.set("href", href)
        return True

    def _link_site_file(self, element: etree.Element, target: str) -> None:
        """A relative link written from the page's address on the built site ('../forms/
        claim.pdf' from 'rules/') links the file it leads to as MkDocs names it (from the
        page's source), so MkDocs finds it and writes it for the site and the bundle alike."""
        files, page = self.site_files, self._page
        source = files.site_source(page, target) if files is not None and page else None
        if source is None or page is None:
            return
        parts = urlsplit(target)
        element.set(
            "href", urlunsplit(("", "", relative_md(page, source), parts.query, parts.fragment))
        )

    def _leads_nowhere(self, target: str) -> bool:
        files, page = self.site_files, self._page
        return files is not None and page is not None and not files.leads_somewhere(page, target)

    def _refuse_unsafe_target(self, element: etree.Element, state: _State) -> None:
        """The last guard: a link or image Markdown made from a source keeps a safe target only.

        The parser already refuses unsafe `<a href>` and `[x](url)` with the file and line;
        this catches whatever other Markdown form (a reference definition) made one.
        """
        attribute = "href" if element.tag == "a" else "src"
        target = element.get(attribute)
        if target is None or safe_link(target):
            return
        if element.tag == "img":
            element.text = element.get("alt") or ""
        element.tag = "span"
        element.attrib.clear()
        element.set("class", "cm-unlinked")
        message = f"link {refused_link(target)}; shown as plain text"
        self.problems.append(PageProblem(state.document, state.clause, message))

    def _context(self, element: etree.Element, state: _State) -> list[str]:
        record = self._record(state, state.clause)
        return [record.text] if record and record.text else ["".join(element.itertext())]

    # lists under each clause

    def _add_clause_lists(self, root: etree.Element, document: str) -> None:
        for parent in list(root.iter()):
            children = list(parent)
            for position, child in reversed(list(enumerate(children))):
                if child.tag not in HEADINGS or "cm-clause" not in (child.get("class") or ""):
                    continue
                aside = self._clause_aside(document, child.get("id"))
                if aside is None:
                    continue
                end = position + 1
                while end < len(children) and not _ends_clause(children[end]):
                    end += 1
                parent.insert(end, aside)

    def _clause_aside(self, document: str, anchor: str | None):
        if not anchor:
            return None
        index = self.index
        citing = self._cited[document].citing(anchor) if document in self._cited else []
        related = index.related.get((document, anchor), [])
        if not citing and not related:
            return None
        aside = etree.Element(
            "aside",
            {
                "class": "cm-clause-links",
                "data-search-exclude": "",
                "aria-label": f"Links for {clause_label(index, document, anchor)}",
            },
        )
        if citing:
            line = etree.SubElement(aside, "p", {"class": "cm-referenced-by"})
            caption = etree.SubElement(line, "span", {"class": "cm-list-label"})
            caption.text = "Referenced by: "
            for position, (doc, source) in enumerate(citing):
                link = etree.SubElement(line, "a", {"href": self._href(doc, source, document)})
                label = clause_label(index, doc, source)
                if doc != document:
                    label += f" of {index.title_of(doc)}"
                link.text = tree_text(label)
                link.tail = ", " if position + 1 < len(citing) else ""
        if related:
            details = etree.SubElement(aside, "details", {"class": "cm-related"})
            summary = etree.SubElement(details, "summary")
            summary.text = f"Related clauses in other documents ({len(related)})"
            items = etree.SubElement(details, "ul")
            for item in related:
                entry = etree.SubElement(items, "li")
                link = etree.SubElement(
                    entry, "a", {"href": self._href(item.document, item.anchor, document)}
                )
                link.text = tree_text(  # the label tells protocols of one title apart
                    f"{index.labelled_title_of(item.document)}, "
                    f"{clause_label(index, item.document, item.anchor)}"
                )
        return aside

    def _href(self, document: str, anchor: str, from_document: str) -> str:
        return self.index.href(Link(0, 0, document, anchor), from_document) or f"#{anchor}"
