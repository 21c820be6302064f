"""Keep a pathological line from making Python-Markdown quadratic.

Python-Markdown looks for the closing ']' (and then ')') of every '[' it meets, to the end
of the block, so a line of thousands of unclosed '[' ("[x]( [x]( ...") costs time that
grows with the square of its length. On such a line every '[' that does not open a
complete link or footnote marker is written escaped ('\\['): a reader sees the same
characters, and the parser no longer searches from it.
"""

from __future__ import annotations

import re

# Fewer brackets than this cannot cost much, and such lines are left exactly as written.
BRACKET_LIMIT = 32

# A complete inline link or image with no brackets in its label and no parentheses in its
# target (how the converter writes them), or a footnote marker '[^3]'.
_WELL_FORMED = re.compile(r"!?\[[^\[\]\n]*\]\([^()\n]*\)|\[\^[^\[\]\s]+\]")
_ESCAPE_OR_BRACKET = re.compile(r"\\.|\[", re.S)


def defuse_brackets(text: str) -> str:
    """`text` with every stray '[' escaped, when it holds more than BRACKET_LIMIT of them."""
    if text.count("[") <= BRACKET_LIMIT:
        return text
    pieces, last = [], 0
    for match in _WELL_FORMED.finditer(text):
        pieces += [_escape_openers(text[last : match.start()]), match.group()]
        last = match.end()
    pieces.append(_escape_openers(text[last:]))
    return "".join(pieces)


def _escape_openers(text: str) -> str:
    """'[' to '\\[', leaving a character already escaped ('\\[', '\\\\') as it is."""
    return _ESCAPE_OR_BRACKET.sub(lambda m: "\\[" if m.group() == "[" else m.group(), text)
