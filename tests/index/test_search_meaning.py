"""Search by meaning (issue 19): the worker fuses its ranking with the clauses nearest the
question in the committed static word vectors (index/word_vectors.json.gz), so that a
question in everyday words finds a clause that says it in its own words, and a first result
found by the words themselves stays first. Run in Node on invented texts."""

from __future__ import annotations

import base64
import shutil

import pytest
from clausemark.index.search import SearchEntry, search_index, word_vectors
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
