"""What a page draws from the site index, as one hash per document: it changes exactly when
an edit elsewhere changes what the page's links and lists print (dirty rebuilds rely on it)."""

from __future__ import annotations

from clausemark.extension.page_context import document_contexts, reference_targets
from page_layer import CODES, TEXTS, make_index


def contexts(**edits: tuple[str, str]) -> dict[str, str]:
    """The hashes after replacing, in each named text, `old` with `new`."""
    texts = dict(TEXTS)
    for doc_id, (old, new) in edits.items():
        assert old in texts[doc_id]
        texts[doc_id] = texts[doc_id].replace(old, new)
    return document_contexts(make_index(texts, codes=CODES))


def test_the_same_inputs_give_the_same_hashes():
    assert contexts() == contexts()
    assert sorted(contexts()) == ["gifts", "rules"]


def test_a_wording_edit_no_link_prints_leaves_every_page_as_it_was():
    before = contexts()
    assert contexts(rules=("counts the votes", "counts every vote")) == before
    # gifts cites rules 1.3: the link prints its number, not its words
    assert contexts(rules=("keeps the register", "keeps the roll")) == before


def test_renumbering_a_cited_clause_changes_the_pages_that_print_its_number():
    before = contexts()
    after = contexts(gifts=("2.1 A member", "2.5 A member"))
    assert after["rules"] != before["rules"]  # its link to gifts 2.1 no longer resolves
    assert after["gifts"] != before["gifts"]  # its "Referenced by" list is gone


def test_a_document_no_link_touches_has_no_context():
    lone = make_index({"lone": "Lone Rules\n\n1. Scope\n\n1.1 Nothing cites this.\n"})
    assert document_contexts(lone) == {}


def test_reference_targets_follow_numbers_not_words():
    base = reference_targets(make_index(TEXTS, codes=CODES))
    reworded = dict(TEXTS, rules=TEXTS["rules"].replace("counts the votes", "counts a vote"))
    renumbered = dict(TEXTS, rules=TEXTS["rules"].replace("2.4 The Proper", "2.6 The Proper"))
    assert reference_targets(make_index(reworded, codes=CODES)) == base
    assert reference_targets(make_index(renumbered, codes=CODES)) != base
