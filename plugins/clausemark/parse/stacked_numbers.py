"""Numbers printed alone on their lines (lead ruling R14, session 12).

A PDF's text layer or a web copy often sets a clause number apart from its words: '1.'
on one line, 'APOLOGIES' on the next, then the item's text; or several numbers stacked
('2.', '2.1') before their words ('URGENT ITEMS', then a paragraph). A number alone owns
the words that follow it: stacked numbers take the following title lines in order (2. <-
the title line, 2.1 <- the paragraph), a number's title line is a line of its own (its
text starts on the next line), and a number left with no words is still a printed
number, kept where it stands, never dropped or run into a neighbour's text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .shapes import _continues_line, is_heading_text, is_numbered_title

if TYPE_CHECKING:
    from .lines import Line
    from .units import Unit


def title_line(text: str, following: str | None = None) -> bool:
    """A line that can be a numbered item's title ('URGENT ITEMS', 'DECLARATIONS OF
    INTEREST ETC.'), never a wrapped piece of a sentence: short (a title in capitals may
    be longer), and the line under it (`following`) does not carry it on."""
    text = text.strip()
    if not text or (len(text) > _TITLE_MOST and not text.isupper()):
        return False
    if following is not None and _continues_line(text, following.strip()):
        return False  # '... for a porch at' / 'Rose Cottage.': one sentence
    return is_numbered_title(text) or is_heading_text(text)


_TITLE_MOST = 40  # characters of a title line handed to a stacked number


class Stack:
    """The numbers alone at the end of a chunk's units, still waiting for their words
    (one per chunk read: plain slots, made cheaply)."""

    __slots__ = ("waiting", "stacked", "titled")

    def __init__(self) -> None:
        self.waiting: list[Unit] = []
        self.stacked: list[Unit] = []  # every number of a stack of two or more
        self.titled: Unit | None = None  # a number alone that took one title line

    def push(self, unit: Unit, after_number: bool) -> None:
        """`unit` is a number alone; `after_number`: right after another one."""
        self.waiting = [*self.waiting, unit] if after_number and self.waiting else [unit]
        if len(self.waiting) == 2:
            self.stacked.append(self.waiting[0])
        if len(self.waiting) >= 2:
            self.stacked.append(unit)

    def take(self, text: str, chunk: list[Line], position: int) -> Unit | None:
        """The first number of a stack that the title line `text` (at `position` in
        `chunk`) belongs to, more numbers waiting after it: it takes that line only, the
        next title line goes to the next number, and the paragraph after them to the
        last (the words keep their printed order)."""
        following = chunk[position + 1].text if position + 1 < len(chunk) else None
        if len(self.waiting) < 2 or not title_line(text, following):
            return None
        return self.waiting.pop(0)

    @staticmethod
    def bare_number(text: str) -> tuple[str | None, tuple[str, ...], str]:
        """A stacked number left with no words ('2.' over '2.1'), read as a number."""
        from .units import _number_only, split_number

        if not _number_only(text):
            return None, (), text
        number, styles, _rest = split_number(f"{text} X", False)
        return (number, styles, "") if number is not None else (None, (), text)

    def words_taken(self, unit: Unit | None, text: str) -> None:
        """The last number alone took a line: the stack is done; a title line taken
        stays a line of its own ('1.' / 'APOLOGIES' / its text)."""
        self.waiting = []
        self.titled = unit if unit is not None and title_line(text) else None


def stacked_in_order(lines: list[str]) -> list[str]:
    """The printed lines as the page shows them after R14: each title line a stack of
    numbers alone hands out ('2.' / '2.1' / 'URGENT ITEMS') read on its number's line
    ('2. URGENT ITEMS' / '2.1' / ''), so that the nothing-lost proof reads the words in
    the page's order; any other line as printed, the line count unchanged. The same
    rule as `Stack.take` in the parser's chunks (no blank line inside a stack)."""
    from .units import _number_only  # units reads its chunks with `Stack`

    shown = list(lines)
    start = 0
    while start < len(lines):
        if len(lines[start].strip()) > 12 or not _number_only(lines[start]):
            start += 1  # the cheap look first: most lines are longer than any number
            continue
        end = start + 1
        while end < len(lines) and len(lines[end].strip()) <= 12 and _number_only(lines[end]):
            end += 1
        waiting, taken = list(range(start, end)), end
        while (
            len(waiting) >= 2
            and taken < len(lines)
            and title_line(lines[taken], lines[taken + 1] if taken + 1 < len(lines) else None)
        ):
            number = waiting.pop(0)
            shown[number], shown[taken] = f"{lines[number]} {lines[taken].strip()}", ""
            taken += 1
        start = end
    return shown
