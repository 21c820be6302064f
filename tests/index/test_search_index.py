"""The search index: one entry per clause from the model, pages as plain text, synonyms."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.index.glossary import GlossaryError, Term, load_glossary
from clausemark.index.search import (
    build_search_index,
    clause_entries,
    document_entry,
    everyday_concepts,
    everyday_synonyms,
    heading_entries,
    html_to_text,
    page_entries,
    printed_words,
    short_label,
    site_concepts,
    synonym_groups,
)
from clausemark.model.records import text_records
from clausemark.readers import read_source
from clausemark.site_builder.library import ConversionCache, discover
from clausemark.support.yaml_data import DataError
from search_worker_queries import results

ROOT = Path(__file__).resolve().parents[2]

# A made-up standing order in the numbered layout: sections, clauses and lettered items.
NUMBERED = """---
title: Standing Orders for Meetings
label: Part 9
---
1. GENERAL

1.1 A member may ask an officer for help with council business.

1.2 The clerk must:
(a) answer each request within ten working days;
(b) keep a record of the answer.

2. VISITS

2.1 Visits to depots are arranged with the manager.
"""

# The same in an unnumbered layout: paragraphs the site counts.
UNNUMBERED = """---
title: Guidance on Visits
label: "7.2"
---
Introduction

Members visiting a depot tell the manager first.

Officers show visitors the safety rules.
"""


def document(tmp_path: Path, text: str, name: str = "orders.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return convert_file(path)


def test_each_top_level_clause_is_one_entry_with_its_items_words_and_numbers(tmp_path):
    doc = document(tmp_path, NUMBERED)
    entries = clause_entries(doc, text_records(doc), "orders/")
    named = "Standing Orders for Meetings (Part 9)"
    assert [e.title for e in entries] == [f"{named} · 1.1", f"{named} · 1.2", f"{named} · 2.1"]
    second = entries[1]
    assert second.location == "orders/#sec_1__para_1-2"
    assert second.number == "1.2"
    assert second.kind == "clause"
    assert second.heading == "GENERAL"
    assert second.text == (
        "The clerk must: (a) answer each request within ten working days; "
        "(b) keep a record of the answer."
    )
    assert second.items == {"a": "sec_1__para_1-2__subpara_a", "b": "sec_1__para_1-2__subpara_b"}
    # where each item's words are, so that search can score and show the item on its own
    assert [(key, second.text[start:end]) for key, start, end in second.spans] == [
        ("a", "(a) answer each request within ten working days;"),
        ("b", "(b) keep a record of the answer."),
    ]
    assert "Part 9" in second.document and "Standing Orders for Meetings" in second.document


NESTED = """Hall Rules

1. Bookings

1.1 A hirer must:
(a) book a week ahead;
(b) leave the hall as found, for example:
(i) by stacking the chairs; and
(ii) by locking the doors; and
(c) pay the fee.
"""


BULLETS = """Ferry Rules

1. The ferry

1.1 Passengers may not:

\u2022 bring a bicycle on board; or
\u2022 feed the gulls, for example:
(a) with bread; or
(b) with chips.
"""


def test_a_bullet_is_an_item_keyed_by_its_count_as_its_citation_names_it(tmp_path):
    doc = document(tmp_path, BULLETS, "ferry.txt")
    entry = clause_entries(doc, text_records(doc), "ferry/")[0]
    assert entry.items == {
        "[1]": "sec_1__para_1-1__subpara_1",
        "[2]": "sec_1__para_1-1__subpara_2",
        "[2](a)": "sec_1__para_1-1__subpara_a",  # the bullet adds no level to the id
        "[2](b)": "sec_1__para_1-1__subpara_b",
    }
    found = {key: entry.text[start:end] for key, start, end in entry.spans}
    assert found["[1]"] == "bring a bicycle on board; or"
    assert found["[2](b)"] == "(b) with chips."


def test_an_items_words_include_its_own_items_so_it_can_be_found_and_shown_whole(tmp_path):
    doc = document(tmp_path, NESTED)
    entry = clause_entries(doc, text_records(doc), "hall/")[0]
    found = {key: entry.text[start:end] for key, start, end in entry.spans}
    assert found["b"] == (
        "(b) leave the hall as found, for example: (i) by stacking the chairs; and "
        "(ii) by locking the doors; and"
    )
    assert found["b(ii)"] == "(ii) by locking the doors; and"
    assert found["c"] == "(c) pay the fee."


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Co-opted members\u2019 call-in", ["co", "opted", "coopted", "members", "callin"]),
        ("e-mail / letter \u2013 tell off", ["e", "mail", "email", "letter", "tell", "off"]),
        ("the council's 4.8 rules", ["the", "council", "48", "rules"]),
        ("  ", []),
    ],
)
def test_names_are_split_into_words_as_the_search_worker_splits_them(text, words):
    assert printed_words(text) == words


@pytest.mark.build  # a whole-size CPU ratio: runs with the builds
def test_splitting_a_long_run_of_punctuation_is_linear():
    from hostile_files import assert_linear_cpu

    def text(n: int) -> str:
        return "a" + "!" * n + "b c" + "?" * n

    assert printed_words(text(5)) == ["ab", "c"]
    assert_linear_cpu(printed_words, text(300_000), text(600_000), repeats=5)


def test_numbered_sections_are_entries_found_by_number_with_their_first_clause(tmp_path):
    doc = document(tmp_path, NUMBERED)
    entries = heading_entries(doc, text_records(doc), "orders/")
    assert [(e.location, e.title, e.number, e.heading) for e in entries] == [
        ("orders/#sec_1", "Standing Orders for Meetings (Part 9) · section 1", "1", "GENERAL"),
        ("orders/#sec_2", "Standing Orders for Meetings (Part 9) · section 2", "2", "VISITS"),
    ]
    assert entries[1].text == "Visits to depots are arranged with the manager."
    assert {e.kind for e in entries} == {"section"}


def test_a_counted_paragraph_is_found_by_its_count_and_shown_in_brackets(tmp_path):
    doc = document(tmp_path, UNNUMBERED, "visits.txt")
    entries = clause_entries(doc, text_records(doc), "visits/")
    assert [(e.title, e.number) for e in entries] == [
        ("Guidance on Visits (7.2) · [1]", "1"),
        ("Guidance on Visits (7.2) · [2]", "2"),
    ]


def test_a_result_names_its_document_by_title_and_label(tmp_path):
    """Documents whose labels look alike ("Part 5 Protocol 1", "Part 5 Protocol 2") or
    whose titles do ("Member/Officer Relations Protocol") are told apart by both."""
    assert short_label(document(tmp_path, NUMBERED)) == "Standing Orders for Meetings (Part 9)"
    assert short_label(document(tmp_path, UNNUMBERED, "v.txt")) == "Guidance on Visits (7.2)"
    titled = NUMBERED.replace("Standing Orders for Meetings", "Part 9 - Standing Orders")
    assert short_label(document(tmp_path, titled, "t.txt")) == "Part 9 - Standing Orders"
    unlabelled = NUMBERED.replace("label: Part 9\n", "")
    assert short_label(document(tmp_path, unlabelled, "u.txt")) == "Standing Orders for Meetings"


def test_the_document_itself_is_an_entry_found_by_its_name(tmp_path):
    entry = document_entry(document(tmp_path, NUMBERED), "orders/")
    assert (entry.location, entry.kind, entry.title) == (
        "orders/",
        "document",
        "Standing Orders for Meetings (Part 9)",
    )
    assert entry.heading == "Standing Orders for Meetings"
    # found by its name, never by its first clause's words: that clause is an entry of its
    # own, and the document's page listed beside it with the same text is a duplicate
    assert "help with council business" not in entry.text


def test_synonyms_are_a_shared_terms_names_aliases_and_plain_english_words():
    terms = [
        Term("purdah", "d", aliases=("pre-election period",), synonyms=("election period",)),
        Term("Councillor", "d", aliases=("Member",)),
        Term("quorum", "d"),  # one name: nothing to widen
        Term("the Act", "d", aliases=("'the 1972 Act'",), scope="some-document"),
    ]
    groups = synonym_groups(terms)
    assert groups[:2] == [
        ["purdah", "pre-election period", "election period"],
        ["Councillor", "Member"],
    ]
    assert groups[2:] == everyday_synonyms()


def test_everyday_synonyms_are_groups_of_two_or_more_words():
    groups = everyday_synonyms()
    assert ["breach", "break", "breaks", "broken", "contravene"] in groups
    assert all(len(group) >= 2 and all(isinstance(w, str) and w for w in group) for group in groups)


def test_glossary_synonyms_load_and_must_be_a_list(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text(
        "- term: purdah\n  definition: Before an election.\n  synonyms: [election period]\n",
        encoding="utf-8",
    )
    assert load_glossary(path)[0].synonyms == ("election period",)
    path.write_text(
        "- term: purdah\n  definition: Before an election.\n  synonyms: election\n",
        encoding="utf-8",
    )
    with pytest.raises(GlossaryError, match=r"glossary.yml:1: .*'synonyms' must be a list"):
        load_glossary(path)


def test_other_pages_keep_materials_entries_as_plain_text_without_permalink_marks():
    material = [
        {"location": "orders/", "title": "Orders", "text": "<p>replaced</p>"},
        {"location": "glossary/", "title": "Glossary", "text": "<p>Terms &amp; names</p>"},
        {
            "location": "glossary/#purdah",
            "title": "purdah",
            "text": "<ul><li><p>The weeks before an election.¶</p></li></ul>",
        },
    ]
    entries = page_entries(material, {"orders/"}, "¶")
    assert [(e.location, e.title, e.heading, e.text) for e in entries] == [
        ("glossary/", "Glossary", "", "Terms & names"),
        ("glossary/#purdah", "Glossary", "purdah", "The weeks before an election."),
    ]
    assert html_to_text("<p>a<b>b</b></p><p>c</p>") == "a b c"


def test_the_index_keeps_materials_config_and_carries_the_synonyms(tmp_path):
    doc = document(tmp_path, NUMBERED)
    material = {"config": {"lang": ["en"]}, "docs": [{"location": "", "title": "Home", "text": ""}]}
    index = build_search_index([doc], {doc.doc_id: "orders/"}, [], material, "¶")
    assert index["config"]["lang"] == ["en"]
    # each name as its words, split as the worker splits them (printed_words): the
    # browser does not split thousands of names before the first search
    assert index["config"]["clausemark"]["synonyms"] == [
        [printed_words(name) for name in group] for group in everyday_synonyms()
    ]
    concepts = index["config"]["clausemark"]["concepts"]
    assert len(concepts) == len(everyday_concepts())
    assert concepts[0] == [[printed_words(n) for n in names] for names in everyday_concepts()[0]]
    assert [d["location"] for d in index["docs"]] == [
        "orders/",
        "orders/#sec_1__para_1-1",
        "orders/#sec_1__para_1-2",
        "orders/#sec_2__para_2-1",
        "orders/#sec_1",
        "orders/#sec_2",
        "",
    ]


# --- the example site's index ------------------------------------------------------------


@pytest.fixture(scope="module")
def site_index(built_site) -> dict:
    return json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))


def test_no_entry_has_a_permalink_mark_glued_to_its_words(site_index):
    glued = [d["location"] for d in site_index["docs"] if "¶" in d["text"] + d["title"]]
    assert glued == []


def test_every_current_clause_is_an_entry_and_no_version_page_is(site_index):
    locations = {d["location"] for d in site_index["docs"]}
    assert "part-e-code-3-member-officer-relations/#sec_4-0__para_4-8" in locations
    assert not [loc for loc in locations if "/versions/" in loc or "/changes/" in loc]


def _words(text: str) -> set[str]:
    """Letter runs and digit runs ("Interfere¹" is "interfere" and "1")."""
    return set(re.findall(r"[^\W\d_]+|\d+", unicodedata.normalize("NFKC", text).lower()))


def test_clause_entries_hold_only_words_their_source_prints(site_index):
    """Nothing added: each clause entry's words are words of its source text."""
    sources = {}
    for entry in discover(ROOT / "sources"):
        # The text each reader gives (a .docx or .pdf source is not text itself).
        texts = [read_source(version.path).text for version in entry.versions]
        sources[entry.doc_id] = _words(" ".join(texts))
    checked = 0
    for doc in site_index["docs"]:
        if doc.get("kind") != "clause":
            continue
        page = doc["location"].split("/", 1)[0]
        extra = _words(doc["text"]) - sources[page]
        assert not extra, (doc["location"], sorted(extra))
        checked += 1
    assert checked > 300


def test_the_search_worker_is_clausemarks_with_lunr_and_no_stale_source_map(built_site):
    workers = sorted((built_site / "assets" / "javascripts" / "workers").iterdir())
    assert [w.suffix for w in workers] == [".js"], workers
    text = workers[0].read_text("utf-8")
    assert "lunr" in text[:2000]
    assert "clausemark search worker" in text


def test_a_dirty_build_keeps_entries_already_in_this_form():
    kept = {
        "location": "glossary/#purdah",
        "title": "Glossary",
        "heading": "purdah",
        "text": "The weeks before an election.",
        "kind": "page",
    }
    [entry] = page_entries([kept], set(), "¶")
    assert (entry.title, entry.heading, entry.text) == ("Glossary", "purdah", kept["text"])


def test_a_synonyms_file_that_is_not_a_list_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "synonyms.yml"
    path.write_text("councillor: member\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"synonyms\.yml: must be a list"):
        everyday_synonyms(path)


def test_everyday_concepts_map_what_readers_say_to_what_the_rules_say():
    concepts = everyday_concepts()
    assert len(concepts) >= 30
    assert all(ask and find for ask, find in concepts)
    rude = next(find for ask, find in concepts if "rude" in ask)
    assert {"respect", "courtesy"} <= set(rude)
    # phrases are kept whole: the worker matches them word by word, stop words and all
    assert any("say no" in ask for ask, _ in concepts)


# (an everyday word or phrase, a word of the rules it reaches): the kinds of document a
# council adds (standing orders, contract and financial rules, access to information rules,
# petitions schemes, codes), not only the example's protocols; and idioms and phrasal verbs
# that share no word with the rules, listed with the words people put inside them (the
# worker matches a phrase word by word: "turned me down")
CONCEPT_REACH = [
    ("pink papers", "exempt information"),
    ("bcc", "silent copies"),
    ("inquorate", "quorum"),
    ("tendering", "contract procedure rules"),
    ("petty cash", "financial regulations"),
    ("start a petition", "petition organiser"),
    ("party member", "politically restricted"),
    ("turned me down", "refuse"),
    ("order me about", "instruct"),
    ("going out with", "familiarity"),
    ("under wraps", "confidential"),
    ("hauled before", "scrutiny"),
    ("not pleased", "dissatisfied"),
    ("kicked into the long grass", "delay"),
    ("on council time", "council resources"),
    ("councilmember", "councillors"),
    ("rezoning", "planning"),
    ("golden handshake", "severance"),
    ("between meetings", "urgency"),
    ("in the pipeline", "forward plan"),
    ("nest egg", "reserves"),
    ("westminster", "politically restricted"),
    ("green belt", "local plan"),
]


@pytest.mark.parametrize(("ask", "find"), CONCEPT_REACH)
def test_the_concepts_reach_the_rules_words_from_everyday_ones(ask, find):
    concepts = everyday_concepts()
    assert len(concepts) >= 460
    assert find in {f for words, finds in concepts if ask in words for f in finds}


def test_each_everyday_word_has_one_home():
    # a word in two entries takes both `find` lists; the only ones left are in the first
    # list's entries, kept as they were tuned
    homes: dict[str, int] = {}
    twice = set()
    for number, (ask, _) in enumerate(everyday_concepts()):
        for name in ask:
            if homes.setdefault(name, number) != number:
                twice.add(name)
    earlier = {"mean", "boss", "favour", "biased", "bias", "pay", "expenses", "slow", "review"}
    assert twice <= earlier | {"phone", "paper", "vote", "jobs"}


def test_concept_words_are_kept_as_written(tmp_path):
    # YAML reads `no`, `on` and `0800` as false, true and 800; a word list means the word
    path = tmp_path / "search_concepts.yml"
    path.write_text("- ask: [say no, no, on, 0800]\n  find: [refuse, 500]\n", "utf-8")
    assert everyday_concepts(path) == [[["say no", "no", "on", "0800"], ["refuse", "500"]]]


def test_a_councils_concepts_come_after_the_packages(tmp_path):
    path = tmp_path / "search_concepts.yml"
    path.write_text("- ask: [bins, rubbish collection]\n  find: [waste, refuse]\n", "utf-8")
    assert site_concepts(path) == [
        *everyday_concepts(),
        [["bins", "rubbish collection"], ["waste", "refuse"]],
    ]
    assert site_concepts(tmp_path / "absent.yml") == everyday_concepts()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ask: [bins]\n", r"concepts\.yml: must be a list of entries"),
        ("- ask: [bins]\n  find: waste\n", r"concepts\.yml:1: an entry needs `ask` and `find`"),
        ("- ask: [a]\n  find: [b]\n- find: [c]\n", r"concepts\.yml:3: an entry needs"),
        ("- ask: [a, '']\n  find: [b]\n", r"concepts\.yml:1: an entry needs"),
    ],
)
def test_a_concepts_file_that_is_not_entries_is_refused_naming_file_and_line(
    tmp_path, text, message
):
    path = tmp_path / "concepts.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        everyday_concepts(path)


def test_a_table_under_a_heading_is_an_entry_whose_rows_are_searched(tmp_path):
    """A fees or definitions table in no clause was in no entry: its words found nothing."""
    text = NUMBERED.replace(
        "2. VISITS",
        "Charges for hiring rooms\n\nRoom\tCharge per hour\nMain hall\t£40\nCommittee room\t£15\n\n"
        "2. VISITS",
    )
    doc = document(tmp_path, text)
    index = build_search_index([doc], {doc.doc_id: "orders/"}, [], {"docs": []}, "¶")
    tables = [entry for entry in index["docs"] if entry["kind"] == "table"]
    assert len(tables) == 1
    assert tables[0]["location"].startswith("orders/#")
    for words in ("Main hall", "£40", "Committee room", "£15"):
        assert words in tables[0]["text"]


# Headings with nothing under them: one before the first section, and one straight before
# another (a reader still searches their words).
LONE_HEADINGS = """Kiosk Rules

Seasonal arrangements for the bandstand

1. Opening

1.1 The warden opens the kiosk at nine.

Winter

Hot drinks

1.2 Tea is served from the hatch.
"""


# A numbered section with nothing in it: found by its number and by its words.
# "2.0 LOST PROPERTY", a report's section heading; a single-level number over a title with
# nothing under it ("2. LOST PROPERTY" right over "3.") is a clause (lead ruling R8)
LONE_SECTION = """Kiosk Rules

1. OPENING

1.1 The warden opens the kiosk at nine.

2.0 LOST PROPERTY

3. SPRING

3.1 Tea is served from the hatch.
"""


def test_a_heading_nothing_sits_under_is_an_entry_found_by_its_own_words(tmp_path):
    doc = document(tmp_path, LONE_HEADINGS, "kiosk.txt")
    entries = heading_entries(doc, text_records(doc, tables=True), "kiosk/")
    assert [(e.location, e.title, e.kind, e.text, e.number) for e in entries] == [
        (
            "kiosk/#crossheading_1",
            "Kiosk Rules · cross-heading",
            "heading",
            "Seasonal arrangements for the bandstand",
            "",
        ),
        (
            "kiosk/#sec_1",
            "Kiosk Rules · section 1",
            "section",
            "The warden opens the kiosk at nine.",
            "1",
        ),
        ("kiosk/#sec_1__crossheading_1", "Kiosk Rules · cross-heading", "heading", "Winter", ""),
    ]  # "Hot drinks" is 1.2's heading: found with it
    doc = document(tmp_path, LONE_SECTION, "lone.txt")
    entries = heading_entries(doc, text_records(doc, tables=True), "lone/")
    assert [(e.location, e.kind, e.text, e.number) for e in entries] == [
        ("lone/#sec_1", "section", "The warden opens the kiosk at nine.", "1"),
        ("lone/#sec_2-0", "heading", "LOST PROPERTY", "2"),
        ("lone/#sec_3", "section", "Tea is served from the hatch.", "3"),
    ]


def _entry_words(entries: list[dict]) -> set[str]:
    found: set[str] = set()
    for entry in entries:
        for key in ("text", "heading", "title", "document"):
            found.update(printed_words(str(entry.get(key, ""))))
    return found


def _page_words(doc) -> set[str]:
    """Every word a document's page prints from its source: clauses, notes, tables,
    headings, footnotes and its name."""
    texts = [r.text for r in text_records(doc, tables=True, headings=True)]
    texts += [f.text for f in doc.footnotes if not f.missing]
    texts += [short_label(doc)]
    return {w for text in texts for w in printed_words(text)}


def test_every_word_of_a_page_is_in_some_search_entry(tmp_path):
    docs = [
        document(tmp_path, LONE_HEADINGS, "kiosk.txt"),
        document(tmp_path, NUMBERED),
        document(tmp_path, UNNUMBERED, "visits.txt"),
        *(
            ConversionCache().load(entry.versions[0], entry.doc_id)
            for entry in discover(ROOT / "sources")
        ),
    ]
    urls = {doc.doc_id: f"{doc.doc_id}/" for doc in docs}
    index = build_search_index(docs, urls, [], {"docs": []})
    found = _entry_words(index["docs"])
    for doc in docs:
        assert _page_words(doc) - found == set(), doc.doc_id


def test_a_heading_nothing_sits_under_is_found_by_search_and_shown(tmp_path):
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it)")
    doc = document(tmp_path, LONE_HEADINGS, "kiosk.txt")
    lone = document(tmp_path, LONE_SECTION, "lone.txt")
    visits = document(tmp_path, UNNUMBERED, "visits.txt")  # its paragraphs are counted: [2]
    urls = {doc.doc_id: "kiosk/", lone.doc_id: "lone/", visits.doc_id: "visits/"}
    index = build_search_index([visits, doc, lone], urls, [], {"docs": []})
    queries = ["bandstand", "winter", "section 1", "hot drinks", "lost property", "section 2.0"]
    found = results(tmp_path, index, queries)
    assert [(r["location"], r["title"]) for r in found["bandstand"]] == [
        ("kiosk/#crossheading_1", "Kiosk Rules · cross-heading")
    ]
    assert "<mark>bandstand</mark>" in found["bandstand"][0]["text"]
    assert found["winter"][0]["location"] == "kiosk/#sec_1__crossheading_1"
    assert found["section 1"][0]["location"] == "kiosk/#sec_1"
    assert found["hot drinks"][0]["location"] == "kiosk/#sec_1__para_1-2"
    assert found["lost property"][0]["location"] == "lone/#sec_2-0"
    assert found["section 2.0"][0]["location"] == "lone/#sec_2-0"  # before paragraph [2]
