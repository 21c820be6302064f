"""The held-out search questions name clauses that exist on the example site.

Each held-out set lists, for every question, the clause anchors that answer it. An anchor
that no document has (a typo, a renumbered source) would make a question unanswerable and
quietly lower the score the ranking is judged by, so every one is checked here against the
current version of each document in sources/, converted as the site converts it. This
test reads no ranking code and runs no search: it only checks the answer keys.
"""

from __future__ import annotations

import copy
import functools
from collections import Counter
from pathlib import Path

import pytest
import yaml
from clausemark.convert import document_to_json
from clausemark.site_builder.library import ConversionCache, discover, load_versions
from clausemark.versions.order import current_version

# libyaml's loader when PyYAML has it (its wheels do): the same data, a tenth of the time
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

ROOT = Path(__file__).resolve().parents[2]
HELDOUT_SETS = [
    "search_questions_heldout.yml",
    "search_questions_heldout2.yml",
    "search_questions_heldout3.yml",
    "search_questions_heldout4.yml",
    "search_questions_heldout5.yml",
    "search_questions_heldout6.yml",
    "search_questions_heldout7.yml",
    "search_questions_heldout8.yml",
    "search_questions_heldout9.yml",
    "search_questions_heldout10.yml",
    "search_questions_heldout11.yml",
    "search_questions_heldout12.yml",
]
# A check set: fewer questions, one kind (the session's one change measured on it once).
CHECK_SETS = {"search_questions_heldout8.yml": 30, "search_questions_heldout10.yml": 30}
TUNING_SET = "search_questions.yml"
CATEGORIES = {"natural", "jargon", "citation", "typo"}


@pytest.fixture(scope="module")
def site_anchors() -> dict[str, set[str]]:
    conversions = ConversionCache()
    anchors: dict[str, set[str]] = {}
    for entry in discover(ROOT / "sources"):
        document = current_version(load_versions(entry, conversions)).document
        clauses = document_to_json(document)["clauses"]
        anchors[entry.doc_id] = {clause["anchor"] for clause in clauses}
    return anchors


@functools.cache
def _questions_read(name: str) -> list[dict]:
    text = (ROOT / "tests" / "data" / name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=SAFE_LOADER)


def _questions(name: str) -> list[dict]:
    """A set's questions, its file read once a session (a copy each call)."""
    return copy.deepcopy(_questions_read(name))


@pytest.mark.parametrize("name", HELDOUT_SETS)
def test_every_expected_clause_of_a_heldout_set_exists(name, site_anchors):
    missing = [
        f"{question['q']!r}: {expected}"
        for question in _questions(name)
        for expected in question["expect"]
        if expected.partition("#")[2] not in site_anchors.get(expected.partition("#")[0], ())
    ]
    assert missing == [], f"{name}: answers naming no clause of the site:\n" + "\n".join(missing)


@pytest.mark.parametrize("name", HELDOUT_SETS)
def test_a_heldout_set_is_well_formed(name):
    questions = _questions(name)
    assert len(questions) >= CHECK_SETS.get(name, 40)
    texts = Counter(question["q"].strip().lower() for question in questions)
    assert [q for q, n in texts.items() if n > 1] == []
    for question in questions:
        assert set(question) == {"q", "category", "expect"}, question
        assert question["category"] in CATEGORIES, question
        assert question["expect"], question
        assert len(set(question["expect"])) == len(question["expect"]), question


def test_the_second_heldout_set_has_the_planned_mix():
    mix = Counter(question["category"] for question in _questions(HELDOUT_SETS[1]))
    assert mix == {"natural": 30, "jargon": 8, "citation": 8, "typo": 14}


@pytest.mark.parametrize("name", HELDOUT_SETS[2:5])
def test_the_third_to_fifth_heldout_sets_have_the_planned_mix(name):
    mix = Counter(question["category"] for question in _questions(name))
    assert mix == {"natural": 40, "jargon": 6, "citation": 6, "typo": 8}


def test_the_sixth_heldout_set_has_the_planned_mix():
    mix = Counter(question["category"] for question in _questions(HELDOUT_SETS[5]))
    assert mix == {"natural": 40, "jargon": 6, "citation": 6, "typo": 7}


def test_the_seventh_heldout_set_has_the_planned_mix():
    """Written by search12 (session 11) before any ranking change: mostly natural
    questions, the kind the blind sets find hardest."""
    mix = Counter(question["category"] for question in _questions(HELDOUT_SETS[6]))
    assert mix == {"natural": 49, "jargon": 4, "citation": 4, "typo": 8}


def test_the_eighth_heldout_set_is_a_check_set_of_natural_questions():
    mix = Counter(question["category"] for question in _questions(HELDOUT_SETS[7]))
    assert mix == {"natural": 32}


def test_the_eleventh_heldout_set_has_the_planned_mix():
    """Written by search14 (session 13) before any ranking change: mostly natural questions
    in everyday words, a few typos, terms of art and citations (the blind sets' mix)."""
    mix = Counter(question["category"] for question in _questions(HELDOUT_SETS[10]))
    assert mix == {"natural": 36, "typo": 5, "jargon": 4, "citation": 4}


def test_the_twelfth_heldout_set_has_the_planned_mix():
    """Written by search16 (session 14) before any ranking change: mostly natural questions
    in residents', councillors' and officers' words, a few typos, terms of art and citations,
    spread over every document of the example."""
    questions = _questions(HELDOUT_SETS[11])
    mix = Counter(question["category"] for question in questions)
    assert mix == {"natural": 34, "typo": 6, "jargon": 4, "citation": 4}
    documents = {expected.partition("#")[0] for q in questions for expected in q["expect"]}
    assert len(documents) == 7


def test_the_heldout_sets_share_no_question():
    texts = {
        name: {question["q"].strip().lower() for question in _questions(name)}
        for name in HELDOUT_SETS
    }
    shared = [
        f"{first} & {second}: {sorted(texts[first] & texts[second])}"
        for index, first in enumerate(HELDOUT_SETS)
        for second in HELDOUT_SETS[index + 1 :]
        if texts[first] & texts[second]
    ]
    assert shared == []


@pytest.mark.parametrize("name", HELDOUT_SETS[2:])
def test_a_blind_heldout_set_shares_no_question_with_the_tuning_set(name):
    """The third to sixth sets were written blind after the tuning set existed: none of
    their questions may be one the ranking was already tuned on (only the shared strings
    are printed)."""
    tuning = {
        item["q"].strip().lower()
        for item in _questions(TUNING_SET)
        if isinstance(item, dict) and isinstance(item.get("q"), str)
    }
    blind = {question["q"].strip().lower() for question in _questions(name)}
    assert tuning
    assert sorted(blind & tuning) == []
