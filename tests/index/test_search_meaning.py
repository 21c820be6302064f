"""Search by meaning (issue 19): the worker fuses its ranking with the clauses nearest the
question in the committed static word vectors (index/word_vectors.json.gz), so that a
question in everyday words finds a clause that says it in its own words, and a first result
found by the words themselves stays first. Run in Node on invented texts."""

from __future__ import annotations

import base64
import dataclasses
import shutil

import pytest
from clausemark.index.search import (
    COMMON_WORDS,
    SearchEntry,
    printed_words,
    search_index,
    vector_row,
    word_vectors,
)
from search_worker_queries import result_locations

CLAUSES = [
    "Staff at the front desk must treat every visitor with courtesy and respect.",
    "Visitors park in the marked bays beside the main entrance.",
    "The building opens at nine each morning and closes at five.",
    "Deliveries are taken at the side door before noon.",
    "Lost property is kept for one month and then given away.",
    "Fire doors are kept shut and clear of boxes at all times.",
    "The lifts are checked by an engineer every spring.",
    "Tea and coffee are sold in the cafe on the ground floor.",
]


def _entries() -> list[SearchEntry]:
    found = [
        SearchEntry(
            location="visits/",
            title="Visits Code",
            text="",
            kind="document",
            document="Visits Code",
        )
    ]
    for number, text in enumerate(CLAUSES, start=1):
        found.append(
            SearchEntry(
                location=f"visits/#para_{number}",
                title=f"Visits Code · {number}",
                text=text,
                kind="clause",
                heading="Visiting",
                document="Visits Code",
                number=str(number),
            )
        )
    return found


def test_the_committed_vectors_have_a_row_for_every_word():
    vectors = word_vectors()
    words = vectors["words"].split(" ")
    assert vectors["dims"] == 64
    assert len(base64.b64decode(vectors["vectors"])) == len(words) * 64
    # the site's rule words and everyday English both
    assert {"courtesy", "rude", "councillor", "officer", "sacked"} <= set(words)


def test_meaning_reorders_what_the_words_found_and_never_adds_a_clause(tmp_path):
    """Meaning reorders the clauses the words found, the words' first kept first; where
    the words find nothing ("receptionist was rude to me": no word of this site), nothing
    is the answer (until session 13 the three clauses nearest in meaning were shown as
    matches: they answered none of the 700 questions of the question sets, and
    "banana" got three clauses, attack13's F10)."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it)")
    index = search_index(_entries(), {}, [])
    without = search_index(_entries(), {}, [])
    del without["config"]["clausemark"]["vectors"]
    asked = ["receptionist was rude to me", "visitors park bays", "visitors at the door"]
    (tmp_path / "with").mkdir()
    (tmp_path / "without").mkdir()
    found = result_locations(tmp_path / "with", index, asked)
    plain = result_locations(tmp_path / "without", without, asked)
    assert found["receptionist was rude to me"] == plain["receptionist was rude to me"] == []
    # the words themselves still decide the first result, and which clauses are shown
    assert found["visitors park bays"][0] == plain["visitors park bays"][0] == "visits/#para_2"
    for question in asked:
        assert sorted(found[question]) == sorted(plain[question]), question


def _rows(vectors: dict) -> tuple[dict[str, int], bytes, int]:
    words = vectors["words"].split(" ")
    return {word: i for i, word in enumerate(words)}, base64.b64decode(vectors["vectors"]), 64


def test_a_site_ships_its_own_words_rows_and_the_common_words_only():
    """The index carries the rows its clauses' words are read by (the same bytes as the whole
    file's, so a clause's vector is unchanged) and the file's COMMON_WORDS most frequent
    words (a reader's everyday "rude"); not the model's whole vocabulary (before: all
    ~22,000 words, most of the bundle's index)."""
    full = word_vectors()
    assert full["common"] >= COMMON_WORDS  # the file's words are in frequency order
    everything, full_rows, dims = _rows(full)
    shipped = search_index(_entries(), {}, [])["config"]["clausemark"]["vectors"]
    kept, kept_rows, _ = _rows(shipped)
    assert len(kept_rows) == len(kept) * dims
    assert len(kept) < len(everything) / 2
    said = {word for text in CLAUSES + ["Visiting", "Visits Code"] for word in printed_words(text)}
    for word in said:
        row = vector_row(word, everything)
        assert vector_row(word, kept) == row, word
        if row is not None:
            assert (
                kept_rows[kept[row] * dims : (kept[row] + 1) * dims]
                == (full_rows[everything[row] * dims : (everything[row] + 1) * dims])
            ), word
    assert {"rude", "bully", "shouting"} <= set(kept)  # common words a question may use
    listed = full["words"].split(" ")
    rare = [word for word in listed[COMMON_WORDS:] if word not in said][-1]
    assert rare not in kept


def test_the_site_words_for_the_vectors_are_read_once_per_distinct_word(monkeypatch):
    """A site says a few thousand words a million times: the words the vectors ship rows
    for are read once per distinct chunk, not once per occurrence (before: every
    occurrence, most of the index's build time at 10x the example). Counted, not timed;
    the same rows are shipped as for the text said once."""
    import clausemark.index.search as search

    read: list[str] = []
    trimmed = search._trimmed

    def counting(word: str) -> str:
        read.append(word)
        return trimmed(word)

    once = search_index(_entries(), {}, [])["config"]["clausemark"]["vectors"]
    repeated = [
        dataclasses.replace(entry, text=" ".join([entry.text] * 200)) for entry in _entries()
    ]
    monkeypatch.setattr(search, "_trimmed", counting)
    vectors = search_index(repeated, {}, [])["config"]["clausemark"]["vectors"]
    assert vectors == once
    distinct = {chunk for entry in _entries() for chunk in entry.text.lower().split()}
    assert len(read) < 2 * len(distinct) + 50


def test_a_question_nothing_answers_gets_no_clause(tmp_path):
    """A citation of a clause the site does not have ("para 99.9") and words no clause has
    ("banana", a name) get no result, not three clauses shown as matches (attack13's
    F10: each got three, the nearest in meaning); a citation of a clause it has finds it."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it)")
    asked = ["para 99.9", "visits code para 99", "banana", "smith", "football", "para 7"]
    found = result_locations(tmp_path, search_index(_entries(), {}, []), asked)
    assert {question: found[question] for question in asked[:-1]} == {
        question: [] for question in asked[:-1]
    }
    assert found["para 7"][0] == "visits/#para_7"


def test_a_citation_of_a_missing_clause_on_a_site_whose_words_cite_it_too(tmp_path):
    """ "para 99.9" where clause texts say "para" (and one says "paragraph 2"): no clause is
    the answer, not the clauses that happen to say "para"; a number a clause's text has
    ("para 12" here) is still looked for in the words."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it)")
    entries = _entries()
    entries[1] = SearchEntry(
        location="visits/#para_1",
        title="Visits Code · 1",
        text="Staff follow para 12 of the staff handbook and paragraph 2 of this code.",
        kind="clause",
        heading="Visiting",
        document="Visits Code",
        number="1",
    )
    asked = ["para 99.9", "paragraph 40", "para 12"]
    found = result_locations(tmp_path, search_index(entries, {}, []), asked)
    assert found["para 99.9"] == found["paragraph 40"] == []
    assert found["para 12"][:1] == ["visits/#para_1"]


def test_meaning_breaks_a_near_tie_of_the_words_for_the_first_place(tmp_path):
    """ "nasty visitor at the door": the words score the deliveries clause ("door") and the
    courtesy clause ("visitor") within a tenth of each other; meaning ("nasty": courtesy)
    puts the courtesy clause first, the words' first second (before: the words' first was
    always kept first). Where the words do not nearly tie, their first stays first."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it)")
    asked = ["nasty visitor at the door", "visitors park bays"]
    found = result_locations(tmp_path, search_index(_entries(), {}, []), asked)
    assert found["nasty visitor at the door"][:2] == ["visits/#para_1", "visits/#para_4"]
    assert found["visitors park bays"][0] == "visits/#para_2"
