"""The theme's `data-search-*` strip, done by a literal scan, removes what Material's
regex removes: the same attributes, each with the one space before it."""

from __future__ import annotations

import re

from clausemark.adapters.mkdocs_plugin import _DATA_SEARCH, strip_data_search
from hypothesis import given
from hypothesis import strategies as st

# pieces that make attributes, near-misses and spaces of every kind next to each other
PIECES = [
    'data-search-exclude="true"',
    'data-search-b="',
    "data-search-",
    "exclude",
    "x",
    "=",
    '"',
    " ",
    "\n",
    "\u00a0",
    "\u2003",
    "<p",
    ">",
    "é",
]


def test_attributes_with_a_value_go_with_the_space_before_them():
    html = (
        '<p class="a" data-search-exclude="true">kept</p>\n'
        "<span data-search-exclude>editorial</span>"
        '<i\u00a0data-search-boost="2"\ndata-search-x="y">'
    )
    assert strip_data_search(html) == (
        '<p class="a">kept</p>\n<span data-search-exclude>editorial</span><i>'
    )


def test_a_page_without_such_an_attribute_is_returned_as_it_is():
    html = '<p data-search-exclude="">empty value, as the theme leaves it</p>'
    assert strip_data_search(html) is html


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_the_strip_equals_the_themes_regex(html):
    assert strip_data_search(html) == re.sub(_DATA_SEARCH, "", html)
