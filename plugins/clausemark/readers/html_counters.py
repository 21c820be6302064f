"""Numbers a web page draws with CSS counters: `ol { list-style: none; counter-reset:
item }` and `li::before { content: counters(item, ".") " " }` show "1.1 " before an item
where the list shows no marker of its own (a council site's "1.1, 1.2" or "(a)"
numbering). The reader writes what the browser shows: the ::before content with the
counters' values, before the element's words.

Counters as CSS Lists 3 keeps them, for what a page of lists uses: `counter-reset`
makes a new counter on the element (it replaces one its preceding sibling made), seen
by the element, its descendants and its following siblings; `counter-set` sets and
`counter-increment` adds (by 1 unless a number follows), each making the counter on the
element first when none is in scope; then the element's ::before shows `counter(name,
style)`, `counters(name, "sep", style)` and strings. `counter(list-item)` is the item's
own number. Anything else in `content` (attr(), quotes, images) shows nothing here, and
a ::before that shows no counter (an icon, a bullet glyph) is not read: only numbers.
Instances are kept on one stack in the order made, so closing an element ends the
counters its children made in time proportional to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..support.limits import check_signed, most
from .html_css import LIST_TYPES, css_number

_MOST_COUNTERS = 64  # names one element may reset, set or increment
_SHOWN = ("counter", "counters")


@dataclass
class Counters:
    values: dict[str, list[int]] = field(default_factory=dict)  # name -> instances' values
    made: list[tuple[int, str]] = field(default_factory=list)  # (owner's depth, name)
    cut: bool = False  # a limit was met (support/limits.py: css_counters, css_content)

    def close(self, depth: int) -> None:
        """An element at `depth` closed: the counters its children made go out of scope."""
        while self.made and self.made[-1][0] > depth:
            _depth, name = self.made.pop()
            self.values[name].pop()

    def _reset(self, name: str, value: int, depth: int) -> None:
        if self.made and self.made[-1] == (depth, name):  # a preceding sibling's: replaced
            self.values[name][-1] = value
            return
        if len(self.made) >= most("css_counters"):
            self.cut = True
            return
        self.values.setdefault(name, []).append(value)
        self.made.append((depth, name))

    def apply(self, prop: str, tokens, depth: int, place: str | None = None) -> None:
        """An element's counter-reset, counter-set or counter-increment."""
        default = 1 if prop == "counter-increment" else 0
        for name, amount in _pairs(tokens, default):
            if name == "list-item":
                continue  # the list's own count: the reader keeps it
            if prop == "counter-reset":
                self._reset(name, amount, depth)
            else:
                if not self.values.get(name):
                    self._reset(name, 0, depth)
                held = self.values.get(name)
                if not held:
                    continue  # past the limit: not made
                held[-1] = amount if prop == "counter-set" else held[-1] + amount
            if self.values.get(name):
                check_signed("list_number", self.values[name][-1], place)

    def content(self, tokens, list_item: int | None) -> str:
        """What a ::before's `content` shows."""
        if not any(t.type == "function" and t.lower_name in _SHOWN for t in tokens):
            return ""  # no number: an icon, a bullet glyph, a quotation mark
        shown: list[str] = []
        size = 0
        for token in tokens:
            if token.type == "string":
                shown.append(token.value)
            elif token.type == "function" and token.lower_name in _SHOWN:
                shown.append(self._function(token, list_item))
            else:
                continue
            size += len(shown[-1])
            if size > most("css_content"):
                self.cut = True
                return ""
        return "".join(shown)

    def _function(self, token, list_item: int | None) -> str:
        args = [t for t in token.arguments if t.type not in ("whitespace", "literal")]
        if not args or args[0].type != "ident":
            return ""
        name = args[0].value
        values = [list_item] if name == "list-item" and list_item is not None else []
        values = values or self.values.get(name) or [0]
        style = "decimal"
        if token.lower_name == "counters":
            separator = args[1].value if len(args) > 1 and args[1].type == "string" else ""
            style = args[2].lower_value if len(args) > 2 and args[2].type == "ident" else style
            # the innermost values only as far as a marker may reach (css_content): a
            # counter nested 1,000 deep costs no more than one nested 100 deep
            tail = values[-most("css_content") :]
            return separator.join(_format(value, style) for value in tail)
        style = args[1].lower_value if len(args) > 1 and args[1].type == "ident" else style
        return _format(values[-1], style)


def _format(value: int, style: str) -> str:
    kind = LIST_TYPES.get(style, "decimal")
    if kind == "none":
        return ""
    if kind == "bullet":
        return "•"
    return css_number(value, kind)


def _pairs(tokens, default: int) -> list[tuple[str, int]]:
    """'item 2 sub' -> [('item', 2), ('sub', default)]; 'none' -> []."""
    pairs: list[tuple[str, int]] = []
    for token in tokens:
        if token.type == "ident" and token.lower_value != "none":
            if len(pairs) >= _MOST_COUNTERS:
                break
            pairs.append((token.value, default))
        elif token.type == "number" and token.is_integer and pairs:
            pairs[-1] = (pairs[-1][0], int(token.int_value))
    return pairs


# A reversed <ol> counts down from its own number of items (the list-item counter).
class _ItemCounter(HTMLParser):
    """Each <ol>'s own <li> count, in the order the lists open: what a browser counts a
    reversed list down from (its nested lists' items are theirs, not its own)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.counts: list[int] = []
        self.open: list[int] = []  # per open <ol>/<ul>: its index in counts, or -1 for <ul>

    def handle_starttag(self, tag, attrs):
        if tag == "ol":
            self.open.append(len(self.counts))
            self.counts.append(0)
        elif tag == "ul":
            self.open.append(-1)
        elif tag == "li" and self.open and self.open[-1] >= 0:
            self.counts[self.open[-1]] += 1

    def handle_endtag(self, tag):
        if tag in ("ol", "ul") and self.open:
            self.open.pop()


def item_counts(text: str) -> list[int]:
    if not _REVERSED_LIST.search(text):
        return []
    counter = _ItemCounter()
    counter.feed(text)
    counter.close()
    return counter.counts


_REVERSED_LIST = re.compile(r"<ol\b[^>]*\breversed\b", re.I)


# the warning when the page passes these limits
COUNTERS_CUT = (
    f"the page's CSS counters are read up to {most('css_counters'):,} at once and a "
    f"::before's text up to {most('css_content'):,} characters; numbers past them are "
    "not shown"
)
