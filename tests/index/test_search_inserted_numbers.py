"""A clause number inserted with a letter ('6.3A' between 6.3 and 6.4, '2.1A') is found by
its number as printed, in any case, with or without a word before it ('rule 6.3A') and
with an item ('6.3A(b)'). The site's search worker is run in Node on an index of a small
invented text; no question set is read."""

from __future__ import annotations

import pytest

RULES = """Harbour Board Rules

1. Meetings

1.1 The board meets four times a year.

2. Notice

2.1 Notice of a meeting is given a week before it.

2.1A Notice of an urgent meeting is given a day before it.

6. Motions

6.3 A motion is moved and seconded before debate.

6.3A A motion to close the debate is put at once:

(a) without debate; and

(b) only once in each debate.

6.4 A motion may be withdrawn with the consent of the meeting.
"""


@pytest.fixture(scope="module")
def first_results(ask_texts):
    queries = ["6.3A", "6.3a", "rule 6.3A", "6.3A(b)", "para 2.1a", "2.1", "6.3", "6.4"]
    found = ask_texts({"rules/": RULES}, queries)
    return {query: places[0] if places else None for query, places in found.items()}


@pytest.mark.parametrize(
    ("query", "anchor"),
    [
        ("6.3A", "sec_6__para_6-3A"),
        ("6.3a", "sec_6__para_6-3A"),
        ("rule 6.3A", "sec_6__para_6-3A"),
        ("6.3A(b)", "sec_6__para_6-3A__subpara_b"),
        ("para 2.1a", "sec_2__para_2-1A"),
        ("2.1", "sec_2__para_2-1"),
        ("6.3", "sec_6__para_6-3"),  # the number without its letter is another clause
        ("6.4", "sec_6__para_6-4"),
    ],
)
def test_a_number_with_a_letter_finds_its_clause_first(first_results, query, anchor):
    assert first_results[query] == f"rules/#{anchor}"
