"""`layout.clean` leaves a line's single spaces alone (it no longer rewrites every
space) and still makes each run of control characters and spaces one space; the
readers' `literal_words` escapes by translation, as the one-pattern escape did."""

from __future__ import annotations

import random
import re

from clausemark.readers.layout import clean
from clausemark.support.escaping import literal_words

RUN = re.compile(r"[\x00-\x20\x7f\u00a0\u2007\u202f]+")  # what a run is
PIECES = ["a", "b", " ", "  ", "\t", "\x01", "\x1f", "\u00a0", "\u2007", "\u202f", "\x7f"]
PIECES += ["\n", "\u2003", "x y", "!", "~", "é", "\u00ad", "\u200b", "𝑃"]


def test_clean_makes_each_run_one_space_and_trims():
    chance = random.Random(23)
    for _ in range(20_000):
        text = "".join(chance.choice(PIECES) for _ in range(chance.randint(0, 12)))
        assert clean(text) == RUN.sub(" ", text).strip(), repr(text)
    assert clean(" a\x01b \t c\u00a0 ") == "a b c"


def test_literal_words_escape_each_markdown_character():
    chance = random.Random(29)
    for _ in range(20_000):
        text = "".join(chance.choice("a \\`*_b") for _ in range(chance.randint(0, 10)))
        assert literal_words(text) == re.sub(r"([\\`*_])", r"\\\1", text), repr(text)
    assert literal_words("a*b*c __init__") == "a\\*b\\*c \\_\\_init\\_\\_"
