"""Keep Python-Markdown's inline pass linear on a paragraph of absurd length.

Python-Markdown rebuilds a block's whole text at every inline match (an escape, an
emphasis, a link), so a paragraph of hundreds of thousands of characters full of them
costs time and memory that grow with the square of its length. Before the inline pass,
a text longer than `SPLIT_OVER` is cut (at spaces where it can be) into pieces of at
most `PIECE` characters, each the text of its own empty `<span>`: the inline pass then
works piece by piece, and the reader sees the same characters in the same order. A
real clause is far shorter than `SPLIT_OVER` and is never touched.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

SPLIT_OVER = 20_000
PIECE = 2_000
_BLOCKS = {"p", "li", "td", "th", "dd", "dt", "blockquote"}


def pieces(text: str, size: int = PIECE) -> list[str]:
    """`text` cut into consecutive pieces of at most `size`, each ending at a space when
    one is near (so that inline syntax such as '**a b**' is rarely cut in two)."""
    found, start = [], 0
    while len(text) - start > size:
        cut = max(
            text.rfind(" ", start + size // 2, start + size), text.rfind("\n", start, start + size)
        )
        if cut <= start:
            cut = start + size
        found.append(text[start:cut])
        start = cut
    found.append(text[start:])
    return found


class LongTextTreeprocessor(Treeprocessor):
    """Runs before Python-Markdown's inline pass (priority 20)."""

    def run(self, root: etree.Element) -> None:
        for element in list(root.iter()):
            text = element.text
            if element.tag not in _BLOCKS or not text or len(text) <= SPLIT_OVER:
                continue
            if isinstance(text, AtomicString):
                continue
            first, *rest = pieces(text)
            element.text = first
            for position, piece in enumerate(rest[:-1]):
                span = etree.Element("span")
                span.text = piece
                element.insert(position, span)
            holder = etree.Element("span")
            element.insert(len(rest) - 1, holder)
            holder.tail = rest[
                -1
            ]  # last: the tail keeps a closing '{: #id }' where attr_list looks


class LongTextExtension(Extension):
    """The splitting alone, for a render that runs no clausemark extension (the proofs)."""

    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(LongTextTreeprocessor(md), "clausemark_long_text", 21)
