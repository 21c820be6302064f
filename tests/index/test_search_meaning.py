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


def test_an_everyday_word_finds_the_clause_that_says_it_in_its_own_words(tmp_path):
    """ "rude" is in no clause and no synonym list here: the courtesy clause is found by
    meaning (before, nothing answered the question)."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it)")
    index = search_index(_entries(), {}, [])
    without = search_index(_entries(), {}, [])
    del without["config"]["clausemark"]["vectors"]
    asked = ["receptionist was rude to me", "visitors park bays"]
    (tmp_path / "with").mkdir()
    (tmp_path / "without").mkdir()
    found = result_locations(tmp_path / "with", index, asked)
    plain = result_locations(tmp_path / "without", without, asked)
    assert "visits/#para_1" in found["receptionist was rude to me"][:3]
    assert "visits/#para_1" not in plain["receptionist was rude to me"][:3]
    # the words themselves still decide the first result
    assert found["visitors park bays"][0] == plain["visitors park bays"][0] == "visits/#para_2"


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
