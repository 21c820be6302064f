"""The registry of finders: one entry per kind of reference, overlaps settled by it.

Each kind has an example phrase here; a new `Finder` entry without one fails
`test_every_kind_has_one_entry_and_an_example`, so adding a kind is its entry plus its test.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from clausemark.model.document import ClauseRecord
from clausemark.references import (
    FINDERS,
    ClauseIndex,
    Finder,
    HeadingRecord,
    Link,
    RefMatch,
    RefTarget,
    find_references,
    registry_from_config,
    resolve,
)
from clausemark.references import finders as finders_module

REGISTRY = registry_from_config(
    [
        {"id": "members-code", "title": "Members' Code of Conduct", "label": "Part 5"},
        {
            "id": "contracts",
            "title": "Contracts Procedure Rules",
            "url": "https://example.org/contracts",
        },
    ]
)
INDEX = ClauseIndex.build(
    [
        ClauseRecord("protocol", "para_1", "1.", None, text="", depth=0),
        ClauseRecord("protocol", "para_2", "2.", None, text="", depth=0),
        ClauseRecord("members-code", "para_3", "3.", None, text="", depth=0),
    ],
    [HeadingRecord("protocol", "crossheading_1", None, "Gifts and Hospitality")],
)
CITING = ClauseRecord("protocol", "para_2", "2.", None, text="", depth=0)

# kind -> (a sentence citing it, the words found, where they link)
EXAMPLES = {
    "numbered": ("Members follow paragraph 1 at all times.", "paragraph 1", ("protocol", "para_1")),
    "titled": (
        "See the section entitled 'Gifts and Hospitality'.",
        "section entitled 'Gifts and Hospitality'",
        ("protocol", "crossheading_1"),
    ),
    "label": (
        "The rules are in Part 5 of the Constitution.",
        "Part 5 of the Constitution",
        ("members-code", None),
    ),
    "code": (
        "Councillors observe the Councillors' Code at meetings.",
        "Councillors' Code",
        ("members-code", None),
    ),
    "named": (
        "Tenders follow the contract procedure rules.",
        "contract procedure rules",
        ("contracts", None),
    ),
    # a look-alike only: the statute and its Part claim the span, and nothing links
    "statute": ("Made under the Localism Act 2011, Part 5 of it.", None, None),
}


def _only_match(text: str):
    [found] = find_references(text, REGISTRY)
    return found


def test_every_kind_has_one_entry_and_an_example():
    names = [finder.name for finder in FINDERS]
    assert len(names) == len(set(names))
    assert set(names) == set(EXAMPLES)


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_each_kind_is_found_by_its_entry_and_resolved_by_its_resolver(kind):
    text, words, target = EXAMPLES[kind]
    if words is None:  # a look-alike finder: it finds nothing, and blocks the others
        assert find_references(text, REGISTRY) == []
        claimed = next(f for f in FINDERS if f.name == kind).find(text, REGISTRY)
        assert [found for *_span, found in claimed] == [None]
        return
    found = _only_match(text)
    assert (found.finder, found.text) == (kind, words)
    resolution = resolve(found, CITING, INDEX, REGISTRY)
    assert resolution.status == "resolved"
    assert [(link.document, link.anchor) for link in resolution.links] == [target]


def test_the_longer_phrase_wins_an_overlap_whatever_its_priority():
    """'paragraph 3 of the Members' Code of Conduct' is one numbered reference into the
    code, not the code's name with a bare 'paragraph 3' beside it."""
    found = _only_match("Read paragraph 3 of the Members' Code of Conduct first.")
    assert (found.finder, found.kind) == ("numbered", "document")
    assert found.text == "paragraph 3 of the Members' Code of Conduct"
    [link] = resolve(found, CITING, INDEX, REGISTRY).links
    assert (link.document, link.anchor) == ("members-code", "para_3")


def test_priority_settles_an_overlap_of_equal_length(monkeypatch):
    """'the Members' Code of Conduct' is both a code mention and a registered name: the
    code entry (priority 2) beats the name entry (3) until the table says otherwise."""
    text = "Complaints under the Members' Code of Conduct go to the monitoring officer."
    assert _only_match(text).finder == "code"
    reordered = tuple(
        replace(finder, priority=1) if finder.name == "named" else finder for finder in FINDERS
    )
    monkeypatch.setattr(finders_module, "FINDERS", reordered)
    assert _only_match(text).finder == "named"


def test_a_look_alike_blocks_every_other_finder(monkeypatch):
    """'section 5 of the Employment Regulations' cites a statute: the numbered finder
    claims the span with no reference, so the name finder may not read 'Employment
    Regulations' inside it as a document of the constitution."""
    text = "as section 5 of the Employment Regulations requires"
    assert find_references(text, REGISTRY) == []

    numbered = next(finder.find for finder in FINDERS if finder.name == "numbered")

    def numbered_without_look_alikes(text, registry):
        found = numbered(text, registry)
        return [(start, end, match) for start, end, match in found if match is not None]

    unblocked = tuple(
        replace(finder, find=numbered_without_look_alikes) if finder.name == "numbered" else finder
        for finder in FINDERS
    )
    monkeypatch.setattr(finders_module, "FINDERS", unblocked)
    assert [(m.finder, m.text) for m in find_references(text, REGISTRY)] == [
        ("named", "Employment Regulations")
    ]


def test_a_new_kind_is_one_entry(monkeypatch):
    """A kind the package does not know ('Form CM-7'), added as one entry, is found and
    resolved through that entry alone."""

    def forms(text, registry):
        for m in re.finditer(r"\bForm CM-(\d+)", text):
            target = RefTarget(m.start(), m.end(), number=m[1])
            yield m.start(), m.end(), RefMatch(m.start(), m.end(), "document", "form", (target,))

    def to_forms_page(match, target, where):
        return [
            ("resolved", [Link(target.start, target.end, "forms", f"form_{target.number}")], "")
        ]

    monkeypatch.setattr(
        finders_module, "FINDERS", (*FINDERS, Finder("form", forms, 0, to_forms_page))
    )
    found = _only_match("Apply on Form CM-7 within ten days.")
    assert (found.finder, found.start, found.end) == ("form", 9, 18)
    [link] = resolve(found, CITING, INDEX, REGISTRY).links
    assert (link.start, link.end, link.document, link.anchor) == (9, 18, "forms", "form_7")


@pytest.mark.parametrize(
    ("text", "words", "target"),
    [
        # a registered name, a comma, then the number: the named document's clause
        ("See the Contracts Procedure Rules, paragraph 3, first.", "paragraph 3", "contracts"),
        # a code of conduct named before the number
        ("Read the Members' Code of Conduct, paragraph 3, first.", "paragraph 3", "members-code"),
        # a label named before the number
        ("The rules are in Part 5, paragraph 3, here.", "paragraph 3", "members-code"),
    ],
)
def test_a_document_named_before_the_number_is_the_one_cited(text, words, target):
    """trial16 F3: 'the Scheme of Delegation, paragraph 2.1' linked the CITING page's own
    2.1; a name printed just before the number, with a comma, says whose clause it is."""
    [*_names, found] = find_references(text, REGISTRY)
    assert (found.finder, found.kind, found.text) == ("numbered", "document", words)
    links = resolve(found, CITING, INDEX, REGISTRY).links
    assert all(link.document == target for link in links), links


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "This is dealt with under the Scheme of Delegation, paragraph 1.",
            "paragraph 1",
            "Scheme of Delegation",
        ),
        (
            "The Planning Committee Terms of Reference, paragraph 2, apply.",
            "paragraph 2",
            "Planning Committee Terms of Reference",
        ),
        # trial16 F4: after 'of', a name ending in no Rules/Policy/Protocol word
        (
            "Officers act under paragraph 2.1 of the Scheme of Delegation here.",
            "paragraph 2.1 of the Scheme of Delegation",
            "Scheme of Delegation",
        ),
        (
            "See paragraph 4 of the Council's Local Code of Corporate Governance.",
            "paragraph 4 of the Council's Local Code of Corporate Governance",
            "Local Code of Corporate Governance",
        ),
    ],
)
def test_a_document_the_registry_does_not_know_is_reported_never_the_citing_page(text, words, name):
    """An unknown document's 'paragraph 1' must not link to the citing page's own para_1,
    and must not vanish either (trial16 F4: 'paragraph 2.1 of the Scheme of Delegation'
    gave no link and no warning): it is a citation of a document nobody registered, which
    the build reports with the fix that registers it."""
    [found] = [m for m in find_references(text, REGISTRY) if m.finder == "numbered"]
    assert (found.kind, found.text) == ("document", words)
    assert {n for t in found.targets for n in t.names} == {name}
    resolution = resolve(found, CITING, INDEX, REGISTRY)
    assert (resolution.status, resolution.links) == ("unresolved-external", ())


@pytest.mark.parametrize(
    "text",
    [
        # capitalised words with no word documents are named by: a person's paper
        "As paragraph 3 of the Chief Executive's Report explains.",
        # a statute keeps its own exclusion
        "Under paragraph 3 of Schedule 12A to the Local Government Act 1972.",
        # a document word alone is most often the page's own document: no unknown name
        "Members act as paragraph 4.07 of the Code requires.",
        # a scheme named without any paragraph is no citation at all
        "Members may join the Local Government Pension Scheme.",
    ],
)
def test_capitalised_words_without_a_document_word_are_no_unknown_document(text):
    found = [
        m
        for m in find_references(text, REGISTRY)
        if m.finder == "numbered" and m.kind == "document"
    ]
    assert found == []


@pytest.mark.parametrize(
    "text",
    [
        "As agreed, paragraph 1 applies.",
        "Under this Protocol, paragraph 1 applies.",
        "On 4 May 2025, paragraph 1 was amended.",
        # attack16 R1: the reference is the subject of the page's own sentence
        "When a complaint is made under the Members' Code of Conduct, paragraph 1 below applies.",
        "Where a member breaches the Contracts Procedure Rules, paragraph 1 sets out what happens.",
        # a person or an officer before the comma is no document
        "If the Chief Executive is away, the Head of Legal Services, paragraph 1.",
        "Councillor Jane Smith, paragraph 1.",
    ],
)
def test_a_comma_after_ordinary_words_leaves_the_reference_the_pages_own(text):
    [found] = [m for m in find_references(text, REGISTRY) if m.finder == "numbered"]
    assert found.kind == "internal"
    [link] = resolve(found, CITING, INDEX, REGISTRY).links
    assert (link.document, link.anchor) == ("protocol", "para_1")


def test_a_name_standing_whole_in_the_citing_documents_title_is_its_own_clause():
    """attack17 A17-9: 'paragraph 2 of the Terms of Reference' printed in the 'Planning
    Committee Terms of Reference' cites that page's own paragraph 2; it was reported as a
    document nobody registered. A name that is only PART of a word of the title, or that
    another registered document answers to, is not the page's own."""
    registry = registry_from_config(
        [
            {"id": "planning-tor", "title": "Planning Committee Terms of Reference"},
            {"id": "licensing-tor", "title": "Licensing Terms of Reference"},
        ]
    )
    index = ClauseIndex.build(
        [ClauseRecord("planning-tor", "para_2", "2.", None, text="", depth=0)], []
    )
    citing = ClauseRecord("planning-tor", "para_2", "2.", None, text="", depth=0)

    def outcome(text):
        [found] = [m for m in find_references(text, registry) if m.finder == "numbered"]
        resolution = resolve(found, citing, index, registry)
        return resolution.status, [(link.document, link.anchor) for link in resolution.links]

    own = "The panel applies paragraph 2 of the Terms of Reference."
    assert outcome(own) == ("resolved", [("planning-tor", "para_2")])
    # a registered document's name cites that document, never the page
    other = "The panel applies paragraph 2 of the Licensing Terms of Reference."
    assert ("planning-tor", "para_2") not in outcome(other)[1]
    # a name whose words are not whole in the title stays another document's
    scheme = "Officers act under paragraph 2 of the Scheme of Delegation."
    assert outcome(scheme) == ("unresolved-external", [])
