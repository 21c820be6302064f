"""`word_string`, the nothing-lost proof's words as one string of bytes, holds exactly
the words `words` reads, in order, whatever the text: every kind of character the
proof meets (letters and digits glued, superscripts, ligatures, combining marks, other
scripts' digits, a lone surrogate, punctuation beyond ASCII), and in linear time."""

from __future__ import annotations

import random

from clausemark.support.markdown_text import MOST_KINDS, line_pieces, word_string, words
from fast_loop import examples


def _as_words(text: str) -> bytes:
    """What `word_string` must give: `words` of each piece of lines, each after a space."""
    found = [word for piece in line_pieces(text) for word in words(piece)]
    return "".join(f" {word}" for word in found).encode()


# ASCII, superscript digits, a ligature, a dotted capital I (lower-cased to i and a
# combining dot, which is no letter), accents composed and apart, Arabic-Indic and
# full-width digits, a lone surrogate, dashes, quotes, no-break space, Roman numeral.
ALPHABET = "aZ09_ -.\n\t²³¹⁴ﬁİée\u0301\u0307٣３𝑖–“·\ud800ß\u00a0Ⅻ½ǅ"


def test_the_words_are_the_words_read_one_by_one():
    chance = random.Random(6)
    for case in range(examples(1200)):
        size = chance.choice((3, 30, 300, 1000))
        text = "".join(chance.choice(ALPHABET) for _ in range(size))
        assert word_string(text) == _as_words(text), (case, text)


def test_plain_text_glued_numbers_and_many_kinds_of_character():
    samples = [
        "",
        "   ",
        "1.1The Council meets; 2nd and 3rd readings, cyp2b and p4501a1.",
        "The Chair’s “casting vote” – ﬁnal\n(a)the Mayor²",
        "a1" * 5000,  # letters and digits glued all along: parted by the pattern
        "x" * 70_000 + "\n" + "é1 " * 30_000,  # two pieces
        "".join(chr(c) for c in range(0xC0, 0xC0 + 4 * MOST_KINDS)),  # many kinds: by pattern
        "text ١٢٣ and ３４ digits",
    ]
    for text in samples:
        assert word_string(text) == _as_words(text), text[:60]


def test_word_string_is_linear_in_glued_letters_and_digits_and_many_kinds():
    """A text all parts (letter, digit, letter …) or all different characters costs
    what its length costs."""
    from hostile_files import assert_linear_cpu

    glued = lambda n: "a1" * (20_000 * n)  # noqa: E731
    kinds = lambda n: "".join(chr(0x100 + c % 3000) + "1" for c in range(20_000 * n))  # noqa: E731
    for make in (glued, kinds):
        assert_linear_cpu(word_string, make(1), make(2))
