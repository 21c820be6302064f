"""A new user's standing orders (issue 23): a quorum table and a web-page contents list
build under --strict with every row on the page; a list left out as contents although
its entries never come back fails --strict naming the file and lines, until the sidecar
acknowledges it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.build

STANDING_ORDERS = """Brookhaven Town Council
Standing Orders

On this page:
Meetings
Committees

Meetings
1. The council meets at least four times a year.
2. The quorum of each committee is:

Committee\tQuorum
Planning\t5
Finance and General Purposes\t4

Committees
3. Each committee elects its chair at its first meeting.
"""

GUESSED = """Hollinsford Borough Council
Contract Procedure Rules

Contents
Part 1 Introduction ........................ 2
Part 2 Quotations ......................... 3

PART 1 – GENERAL PROVISIONS
1.1 These rules apply to every contract the council makes.

PART 2 – QUOTES FOR SMALLER CONTRACTS
2.1 For a smaller contract the officer must obtain three written quotes.
"""


def test_a_quorum_table_and_a_web_contents_list_build_strict_with_every_row(new_site):
    built = new_site({"standing-orders.txt": STANDING_ORDERS})
    page = built.page("standing-orders/index.html")
    for cell in ("Planning", "Finance and General Purposes", "Quorum", ">5<", ">4<"):
        assert cell in page
    assert "On this page" not in page  # its entries come back as headings: left out
    assert "WARNING" not in built.output
    assert "left out as printed contents list: lines 4-6" in built.output  # the INFO line


def test_a_guessed_contents_list_fails_strict_until_the_sidecar_acknowledges_it(new_site):
    failed = new_site({"rules.txt": GUESSED}, expect_failure=True)
    [line] = [x for x in failed.output.splitlines() if "left out as" in x and "WARNING" in x]
    assert "sources/rules.txt:4: lines 4-6 left out as a printed contents list" in line
    passed = new_site({"rules.txt": GUESSED, "rules.yml": "dropped: [lines 4-6]\n"})
    assert "WARNING" not in passed.output
    assert "Part 1 Introduction" not in passed.page("rules/index.html")
