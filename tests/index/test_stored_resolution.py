"""The page linker links what the site index resolved, instead of resolving it again.

Each reference is resolved once, by `build_site_index`; a page's text node finds that
resolution by its phrase and citing clause (even when inline markup splits the
paragraph), and only text the index never read is resolved on the page.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from dataclasses import replace

import pytest
from clausemark.extension.page_links import PageLinker
from clausemark.index import site_index
from clausemark.index.site_index import ReferenceUse, build_site_index
from clausemark.parse.parser import parse
from clausemark.readers.text import SourceText
from clausemark.support.plain_data import decode, encode

TEXT = """Member Officer Protocol

1. Members and officers work together.
2. Members see paragraph 1 and paragraph 3 before a meeting.
3. Officers keep the notes.
"""


@pytest.fixture
def index():
    return build_site_index([parse(SourceText("protocol.txt", TEXT), "protocol")])


@pytest.fixture
def resolve_calls(monkeypatch):
    """Every resolve() the page linker makes, as (document, citing anchor, phrase)."""
    calls = []
    real = site_index.resolve  # the one place the linker and the index resolve through

    def counting(found, record, clauses, registry, *, document=None):
        calls.append((document, record.anchor if record else None, found.text))
        return real(found, record, clauses, registry, document=document)

    monkeypatch.setattr(site_index, "resolve", counting)
    return calls


def _page(anchor: str, *parts: str) -> etree.Element:
    """A document page: its title, then clause `anchor` whose text is `parts`, with every
    second part in <em> (inline markup splitting the text nodes)."""
    root = etree.Element("div")
    etree.SubElement(root, "h1", {"data-cm-document": "protocol"}).text = "Member Officer Protocol"
    clause = etree.SubElement(root, "p", {"id": anchor})
    clause.text = parts[0]
    for position in range(1, len(parts), 2):
        emphasis = etree.SubElement(clause, "em")
        emphasis.text = parts[position]
        emphasis.tail = parts[position + 1] if position + 1 < len(parts) else ""
    return root


def _links(root: etree.Element) -> list[tuple[str, str]]:
    return [(link.text or "", link.get("href") or "") for link in root.iter("a")]


def test_the_page_links_the_stored_resolution_without_resolving(index, resolve_calls):
    root = _page("para_2", "Members see paragraph 1 and paragraph 3 before a meeting.")
    PageLinker(index)(root)
    assert _links(root) == [("paragraph 1", "#para_1"), ("3", "#para_3")]
    assert resolve_calls == []


def test_an_altered_stored_resolution_is_what_the_page_links(index, resolve_calls):
    """Proof the page reads the index: point the stored 'paragraph 1' at para_3."""
    [use] = [u for u in index.references if u.source_anchor == "para_2"]
    first, second = use.resolution.links
    altered = replace(use.resolution, links=(replace(first, anchor="para_3"), second))
    index.references[:] = [ReferenceUse(use.source_document, use.source_anchor, altered)]
    root = _page("para_2", "Members see paragraph 1 and paragraph 3 before a meeting.")
    PageLinker(index)(root)
    assert _links(root) == [("paragraph 1", "#para_3"), ("3", "#para_3")]
    assert resolve_calls == []


def test_text_split_by_inline_markup_finds_the_stored_resolution(index, resolve_calls):
    """The phrase stands at another offset in the <em>'s tail: the stored links move
    with it."""
    root = _page("para_2", "Members ", "see", " paragraph 1 and paragraph 3 before a meeting.")
    PageLinker(index)(root)
    assert _links(root) == [("paragraph 1", "#para_1"), ("3", "#para_3")]
    assert resolve_calls == []


def test_a_phrase_the_index_never_read_in_that_clause_is_resolved_on_the_page(index, resolve_calls):
    """Clause 1 never cites paragraph 3 in the source; text the page adds there (or
    splits differently) is still linked, by resolving it."""
    root = _page("para_1", "Members and officers work together, as paragraph 3 says.")
    PageLinker(index)(root)
    assert _links(root) == [("paragraph 3", "#para_3")]
    assert resolve_calls == [("protocol", "para_1", "paragraph 3")]


def test_an_index_restored_from_the_disk_cache_keeps_its_resolutions(index, resolve_calls):
    restored = decode(json.loads(json.dumps(encode(replace(index, documents={})))))
    restored.documents = index.documents
    assert [use.resolution for use in restored.references] == [
        use.resolution for use in index.references
    ]
    root = _page("para_2", "Members see paragraph 1 and paragraph 3 before a meeting.")
    PageLinker(restored)(root)
    assert _links(root) == [("paragraph 1", "#para_1"), ("3", "#para_3")]
    assert resolve_calls == []


CURRENT = """Member Officer Protocol

1. Members and officers work together.
2. Members see paragraph 2A and follow the Members' Code of Conduct.
2A. Officers keep the notes.
"""
EARLIER = """Member Officer Protocol

1. Members and officers work together.
2. Members see paragraph 3 and follow the Members' Code of Conduct.
3. Officers keep the notes.
"""
VERSION_PAGE = "protocol/versions/2024.md"


def test_a_version_page_resolves_only_its_references_to_its_own_clauses(resolve_calls):
    """On an earlier version's page 'paragraph 3' means that version's paragraph 3, so
    it is resolved there; the code of conduct reads only the document, so the current
    version's stored resolution for the same clause id serves (altered here to prove it)."""
    index = build_site_index(
        [parse(SourceText("protocol.txt", CURRENT), "protocol")],
        registry_extra=[
            {
                "id": "members-code",
                "title": "Members' Code of Conduct",
                "url": "https://example.org/code",
            }
        ],
    )
    uses = [use for use in index.references if use.text == "Members' Code of Conduct"]
    [link] = uses[0].resolution.links
    moved = replace(
        uses[0].resolution, links=(replace(link, url="https://example.org/code#stored"),)
    )
    index.references[:] = [ReferenceUse("protocol", "para_2", moved)]
    earlier = parse(SourceText("protocol-2024.txt", EARLIER), "protocol")
    resolve_calls.clear()  # the index's own, made while it was built

    root = etree.Element("div")
    title = {"data-cm-page": VERSION_PAGE, "data-cm-version-of": "protocol"}
    etree.SubElement(root, "h1", title).text = "Member Officer Protocol"
    etree.SubElement(
        root, "p", {"id": "para_2"}
    ).text = "Members see paragraph 3 and follow the Members' Code of Conduct."
    PageLinker(index, versions={VERSION_PAGE: earlier})(root)

    assert _links(root) == [
        ("paragraph 3", "#para_3"),
        ("Members' Code of Conduct", "https://example.org/code#stored"),
    ]
    assert resolve_calls == [("protocol", "para_2", "paragraph 3")]


def test_a_rebuilt_index_reads_only_the_texts_an_edit_added(monkeypatch):
    """Under `mkdocs serve` the index of the edited site is handed the last one: a text
    it read (with a registry of the same documents) is not read for references again,
    and the new index holds the same references as one built from nothing."""
    first = build_site_index([parse(SourceText("protocol.txt", TEXT), "protocol")])
    edited = TEXT + "4. Officers see paragraph 2 when a member asks.\n"
    documents = [parse(SourceText("protocol.txt", edited), "protocol")]
    read: list[str] = []
    real = site_index.find_references

    def counting(text, registry):
        read.append(text)
        return real(text, registry)

    monkeypatch.setattr(site_index, "find_references", counting)
    again = build_site_index(documents, previous=first)
    assert read == ["Officers see paragraph 2 when a member asks."]
    fresh = build_site_index(documents)
    assert [(u.source_anchor, u.targets) for u in again.references] == [
        (u.source_anchor, u.targets) for u in fresh.references
    ]
    assert ("para_4", (("protocol", "para_2"),)) in [
        (u.source_anchor, u.targets) for u in again.references
    ]


TERMS = """Panel Protocol

1. In this protocol "the Panel" means the standards panel of the council.
2. The Panel meets each month and keeps its notes.
3. Officers attend when the Panel asks them.
"""


def test_a_rebuilt_index_lists_term_uses_of_unchanged_texts_as_before(monkeypatch):
    """Under `mkdocs serve` the term uses of a clause whose text, terms and not_terms are
    as before are taken over: only the edited clause is weighed again, and the uses are
    those of an index built from nothing."""
    first = build_site_index([parse(SourceText("panel.txt", TERMS), "panel")])
    edited = TERMS.replace("keeps its notes", "keeps notes the Panel agrees")
    documents = [parse(SourceText("panel.txt", edited), "panel")]
    weighed: list[str] = []
    real = site_index.sense_fits

    def counting(term, text, start, end, context=""):
        weighed.append(text)
        return real(term, text, start, end, context)

    monkeypatch.setattr(site_index, "sense_fits", counting)
    again = build_site_index(documents, previous=first)
    assert weighed and set(weighed) == {
        "The Panel meets each month and keeps notes the Panel agrees."
    }
    fresh = build_site_index(documents)
    assert again.term_uses == fresh.term_uses
    assert ("panel", "para_2") in next(iter(again.term_uses.values()))


RELATED_A = """Gifts Protocol

1. Members register every gift or hospitality worth more than fifty pounds within days.
2. The monitoring officer keeps the register of gifts open for public inspection.
"""
RELATED_B = """Officers Code

1. Officers register every gift or hospitality worth more than fifty pounds within days.
2. The chief executive reviews the register of officers gifts each year without fail.
"""


def test_an_index_read_from_the_cache_is_ready_for_an_edit_to_score_only_what_it_touched(
    monkeypatch,
):
    """The related clauses' memory is not stored with the index (every build reading it
    would pay): `remember_related` makes it for an index read back from the disk cache,
    as `mkdocs serve` does once its first build is served, so the first edit scores again
    only the pairs of the clauses it touched, and finds what a fresh index finds."""
    from clausemark.index import related

    def documents(b_text):
        return [
            parse(SourceText("gifts.txt", RELATED_A), "gifts"),
            parse(SourceText("officers.txt", b_text), "officers"),
        ]

    built = build_site_index(documents(RELATED_B))
    stored = decode(json.loads(json.dumps(encode(replace(built, documents={})))))
    assert stored.related == built.related and stored._related_memory is None
    edited = RELATED_B.replace("each year without fail", "each year without exception")
    dirty_flags = []
    real = related.candidate_scores

    def scoring(records, vectors, threshold, *, dirty=None, entries=None):
        dirty_flags.append(dirty)
        return real(records, vectors, threshold, dirty=dirty, entries=entries)

    monkeypatch.setattr(related, "candidate_scores", scoring)
    site_index.remember_related(stored)
    again = build_site_index(documents(edited), previous=stored)
    assert dirty_flags[0] is None  # remember_related scored every pair, once
    assert dirty_flags[1] is not None and sum(dirty_flags[1]) == 1  # the edit: one clause
    assert again.related == build_site_index(documents(edited)).related
    assert again.related[("gifts", "para_1")][0].anchor == "para_1"
