"""The word-level comparison of two versions of a clause costs what the clause costs.

A long clause reworded throughout (a definitions clause, a schedule typed as one
paragraph) in words that repeat was compared by difflib's SequenceMatcher over the whole
clause: its longest-block-first search looks at every position of a repeated word (and
of the space between words) again for each block it finds, so the work grew with the
cube of the clause's length (attack12: 1,000 words 4.1 s of CPU, 2,000 words 32.7 s;
a 1,100-clause version pair whose last clause ran on took 94 s). CPU time at n and 2n.
"""

from __future__ import annotations

import random

import pytest
from clausemark.versions.diff import redline
from clausemark.versions.sequences import matching_blocks, ratio
from hostile_files import assert_linear_cpu

WORDS = [
    *("member", "officer", "council", "shall", "report"),
    *("meeting", "committee", "chair", "vote", "clerk"),
]


def reworded(n: int, varied: bool = False) -> tuple[str, str]:
    """A clause of n words drawn from ten (or, `varied`, mostly words of their own, as a
    real clause's), and the same with every tenth word changed."""
    chooser = random.Random(7)
    old = [chooser.choice(WORDS) if k % 3 == 0 or not varied else f"w{k}" for k in range(n)]
    new = ["amended" if k % 10 == 0 else word for k, word in enumerate(old)]
    return " ".join(old), " ".join(new)


def test_a_long_clause_reworded_throughout_is_redlined_in_linear_time():
    small, large = reworded(1_000), reworded(2_000)
    at_n, _ = assert_linear_cpu(lambda pair: redline(*pair), small, large, repeats=2)
    # and in little time at all: 1,000 words took 4 s
    assert at_n < 0.5, f"{at_n:.3f} s of CPU for a 1,000-word clause"


@pytest.mark.parametrize("varied", [False, True], ids=["ten words", "varied words"])
def test_the_redline_of_a_long_clause_marks_each_changed_word_and_no_other(varied):
    old, new = reworded(2_000, varied)
    parts = redline(old, new)
    assert "".join(text for op, text in parts if op != "delete") == new
    assert "".join(text for op, text in parts if op != "insert").split() == old.split()
    inserted = " ".join(text for op, text in parts if op == "insert").split()
    deleted = " ".join(text for op, text in parts if op == "delete").split()
    assert inserted == ["amended"] * 200  # every change shown, each alone
    assert deleted == old.split()[::10]


def test_similarity_of_long_clauses_is_found_in_linear_time():
    def score(pair: tuple[str, str]) -> float:
        return ratio(pair[0].split(), pair[1].split())

    small, large = reworded(2_000), reworded(4_000)
    assert_linear_cpu(score, small, large, repeats=2)
    assert 0.85 < score(large) <= 0.9  # nine words in ten kept


def test_short_texts_match_as_difflib_matches_them():
    from difflib import SequenceMatcher

    old = ["the", "clerk", "shall", "record", "the", "vote", "and", "the", "clerk", "shall", "sign"]
    new = [
        "the",
        "chair",
        "shall",
        "record",
        "each",
        "vote",
        "and",
        "the",
        "clerk",
        "shall",
        "sign",
        "it",
    ]
    expected = SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()
    assert matching_blocks(old, new) == [tuple(block) for block in expected]
