"""The cheap word look run before a costly case-blind pattern (support/markdown_text.py):
it may say 'maybe' too often, never 'no' where the pattern would match."""

import re

import pytest
from clausemark.support.markdown_text import may_hold_word

_APPROVAL = re.compile(r"\b(?:approved|adopted|agreed)\s+by\b", re.I)
WORDS = ("approved", "adopted", "agreed")


@pytest.mark.parametrize(
    "text",
    [
        "ADOPTED BY the Council on 3 May 2024",
        "Reviewed and Approved by Full Council",
        "agreed by the committee",
        "Adopted by the Council – 3 May 2024",  # not ASCII: left to the pattern
        "Adopted by Counciſ",
        "Aſſigned and adopted by",
        "approved by the Counciı",
    ],
)
def test_never_no_where_the_pattern_matches(text):
    assert _APPROVAL.search(text)
    assert may_hold_word(text, WORDS)


def test_a_case_blind_pattern_reads_long_s_as_s():
    # why a text that is not ASCII is always left to the pattern
    text = "revıſed by"
    assert re.search(r"revised\s+by", text, re.I)
    assert may_hold_word(text, ("revised",))


def test_an_ascii_text_without_the_words_is_passed_over():
    assert not may_hold_word("The Chair shall decide any question of order.", WORDS)
    assert not may_hold_word("ADOPT BY", WORDS)
