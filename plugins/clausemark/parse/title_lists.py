"""Runs of title lines with nothing under any of them: a list of titles, never a run of
containers or clauses, except a library page's labels (R11, below).

Two kinds of run, each of one-line paragraphs standing one after another, nothing between
them (no clause, no text, no table):

- labels of one kind of container in order ('Article 1: The powers of the council',
  'Article 2: The composition of the council', ...; 'Part 1 - Introduction', 'Part 4a -
  ...', 'Part 5.0 - ...'), three or more: a constitution's summary page, a library page
  listing its Parts, a list of appendices kept in other files. The run is all one thing,
  never half one and half another (lead ruling R11, session 11): contents when every
  entry comes back as a heading; a list kept as printed when a sentence leads in to it
  ('Its Articles are:'); each line a heading as printed (`part_1`, `part_4a`, `part_5-0`)
  when the run is what the page prints, nothing after it (a library page of links to the
  Parts); a list kept as printed when text follows (a list of the appendices kept in other
  files, then the rules: the last label must not take them in). The last label stays a
  container when the clause after it numbers under it ('Article 3' over '3.1 ...').
- short numbered titles in order ('1. Standing Orders', '2. Meetings', ... or '1.', '3.',
  '4.' where a web list lost an entry), two or more, maybe under one unnumbered title
  ('Introduction'), whose first entry comes back later as a heading ('INTRODUCTION', '1.
  Proper Officer'): a contents list printed after the text began (after document-control
  rows, a council's name, an introduction), where the chunk-level contents pass
  (contents.py) does not look for an unlabelled list.

A run whose every entry comes back later, in order, as a heading is a contents list and
is left out with an INFO line (kind `contents`), as contents.py leaves out one before the
text; any other such run is kept as printed, each line a paragraph of its own (`listed`),
its numbers and labels opening nothing: nothing is dropped and nothing is invented where
a text is cut before its entries come back.
"""

from __future__ import annotations

from bisect import bisect_right

from ..model.document import Dropped
from ..numbering.styles import container_word, roman_value
from .contents import entry_keys, heading_shaped, is_contents_label, is_entry_like, last_word
from .drops import drop
from .shapes import _INTRODUCES_LIST
from .units import Unit

_LABEL_RUN = 3  # labels of one kind in a row that make a list
_NUMBERED_RUN = 2  # numbered titles in a row whose first comes back
_LINE_MOST = 200  # characters of a run's line: a label's description, not a paragraph
_HEADING_MOST = 160  # characters of a line an entry may come back as


def list_title_runs(flow: list, dropped: list[Dropped]) -> list:
    """The flow with every run of title lines (see the module's docstring) listed as
    printed or, when its entries all come back as headings, left out as contents."""
    runs = _runs(flow)
    if not runs:
        return flow
    # only a line ending on the last word of some entry can be that entry again
    endings = {last_word(_whole(flow[i])) for start, end, _ in runs for i in range(start, end)}
    index = _HeadingKeys(flow, endings, runs[0][1])  # entries come back after their list
    gone: set[int] = set()
    going_on = _going_on(flow, runs)
    for start, end, labels in runs:
        keys = [_key(flow[i]) for i in range(start, end)]
        led = _led_in(flow, start)
        if not labels:
            if led or start in going_on:
                continue  # 'The council appoints these committees:': the text's own list
            start, keys = _from_returning(flow, start, end, keys, index)
            if start < 0:
                continue
        if not led and index.all_come_back(keys, end - 1):
            for item in flow[start:end]:
                gone.add(id(item))
                dropped.extend(
                    drop(line, _whole(item), "contents") for line in [item.line, *item.joined_lines]
                )
            continue
        if labels and not led and end == len(flow):
            continue  # R11: a library page's 'Part 1 - ...' lines, each a heading as printed
        for item in flow[start:end]:
            item.text, item.number, item.styles, item.listed = _whole(item), None, (), True
    return [item for item in flow if id(item) not in gone] if gone else flow


def _going_on(flow: list, runs: list[tuple[int, int, bool]]) -> set[int]:
    """The starts of the numbered runs whose first number comes next after the last whole
    number printed above them ('01 Election of Chair' ... 'For decision' / '02 Apologies'
    / '03 Minutes'): the text's own items going on, never a contents list, which is
    printed before the items it lists (R42). One pass over the flow."""
    starts = {start for start, _end, labels in runs if not labels}
    found: set[int] = set()
    last: int | None = None
    for position, item in enumerate(flow):
        if position in starts and last is not None:
            near = flow[position : position + 2]
            following = [i for i in near if isinstance(i, Unit) and i.number]
            first = _integer(following[0]) if following else None
            if first == last + 1:
                found.add(position)
        if isinstance(item, Unit) and item.number and (value := _integer(item)) is not None:
            last = value
    return found


def _led_in(flow: list, start: int) -> bool:
    """Whether a sentence leads in to the run ('The council appoints these committees
    each May:', as its line before or its own unnumbered title): the list is the text's
    own, never its contents list ('Contents:', 'In this section:' lead in to one)."""
    for item in flow[max(start - 1, 0) : start + 1]:
        if item is flow[start] and (not isinstance(item, Unit) or item.number):
            continue
        if isinstance(item, Unit) and item.md_level is None:
            text = item.text.rstrip()
            if _INTRODUCES_LIST.search(text[-4:]) and not is_contents_label(text):
                return True
    return False


def _runs(flow: list) -> list[tuple[int, int, bool]]:
    """(start, end, labels) of each run in the flow, by one pass over it."""
    runs: list[tuple[int, int, bool]] = []
    # what each item is, looked at once: 0 no line a run holds, 1 an unnumbered line, 2 a
    # line numbered by a whole number, 3 another numbered line
    kinds = [
        0
        if not isinstance(item, Unit) or item.bullet or not _line(item)  # cheap looks first
        else 1
        if not item.number
        else 2
        if _integer(item)
        else 3
        for item in flow
    ]
    kinds.extend((0, 0))
    index = 0
    while index < len(flow):
        kind, following = kinds[index], kinds[index + 1]
        if kind == 1 and following == 1 and kinds[index + 2] == 1:
            end = _label_run(flow, index)
            if end - index >= _LABEL_RUN:
                runs.append((index, end, True))
                index = end
                continue
        if kind in (1, 2) and following == 2 and _two_in_order(flow, kinds, index + kind % 2):
            end = _numbered_run(flow, index)
            if end > index:
                runs.append((index, end, False))
                index = end
                continue
        index += 1
    return runs


def _line(item) -> bool:
    """A one-line paragraph a run may hold: no bullet, no Markdown heading, not already
    a list's line."""
    return (
        isinstance(item, Unit)
        and not item.bullet
        and not item.listed
        and item.md_level is None
        and not item.joined_lines
        and len(item.text) <= _LINE_MOST
    )


def _label_run(flow: list, start: int) -> int:
    """Where a run of container labels of one kind, in order, from `start` ends."""
    end, element = start, None
    last: tuple[int, ...] = (0,)
    while end < len(flow) and _line(flow[end]) and flow[end].number is None:
        found = container_word(flow[end].text.strip())
        order = _order(found.number) if found is not None else None
        if found is None or order is None:
            break
        if element is not None and (found.word.element != element or order <= last):
            break
        element, last, end = found.word.element, order, end + 1
    if end - start >= _LABEL_RUN and _numbers_under(flow, end, flow[end - 1]):
        end -= 1  # 'Article 3' over '3.1 ...': its container
    return end


def _numbers_under(flow: list, after: int, label: Unit) -> bool:
    """Whether the clause right after a label numbers under it ('3.1' under 'Article 3')."""
    following = flow[after] if after < len(flow) else None
    found = container_word(label.text.strip())
    if not isinstance(following, Unit) or not following.number or found is None:
        return False
    return following.number.split(".", 1)[0].strip("()") == found.number


def _numbered_run(flow: list, start: int) -> int:
    """Where a run of short numbered titles in order (under at most one unnumbered title)
    from `start` ends; `start` when there is none."""
    end = start
    if _line(flow[start]) and flow[start].number is None:  # its title, when it is one
        if not _entry(flow[start]):
            return start
        end += 1
    last, count = 0, 0
    while _numbered_line(flow, end):
        order = _integer(flow[end])
        if order is None or order <= last or not _entry(flow[end]):
            break
        last, count, end = order, count + 1, end + 1
    return end if count >= _NUMBERED_RUN else start


def _two_in_order(flow: list, kinds: list[int], first: int) -> bool:
    """Whether the two lines from `first` are numbered by whole numbers in order: a
    numbered run holds two at least (a cheap first look before `_numbered_run`)."""
    if kinds[first] != 2 or kinds[first + 1] != 2:
        return False
    one, two = _integer(flow[first]), _integer(flow[first + 1])
    return one is not None and two is not None and 0 < one < two


def _numbered_line(flow: list, at: int) -> bool:
    return at < len(flow) and _line(flow[at]) and bool(flow[at].number)


def _entry(item: Unit) -> bool:
    return is_entry_like(_whole(item)) and container_word(item.text.strip()) is None


def _integer(item: Unit) -> int | None:
    """The number of '1.', '3)', '12' (a whole number), or None."""
    digits = (item.number or "").rstrip(".)")
    return int(digits) if digits.isdigit() and len(digits) <= 3 else None


def _from_returning(
    flow: list, start: int, end: int, keys: list, index: _HeadingKeys
) -> tuple[int, list]:
    """Where a numbered run (`start` to `end`) starts as a contents list: at its
    unnumbered title when that comes back after the run as a heading, else at its first
    number when that does; (-1, keys) when neither does."""
    for skip in (0, 1):
        if skip and flow[start].number:
            break
        if index.next_after(keys[skip], end - 1) is not None:
            return start + skip, keys[skip:]
    return -1, keys


def _whole(item: Unit) -> str:
    return f"{item.number} {item.text.strip()}" if item.number else item.text.strip()


def _key(item: Unit) -> tuple[str | None, str]:
    return entry_keys(_whole(item))


def _order(number: str) -> tuple[int, ...] | None:
    """A container's number as a count: '12' -> 12, 'IV' -> 4, 'B' -> 2; '4a' (after 4,
    before 5) -> 4, 1 and '5.0', '5.1' -> 5, 0 and 5, 1, so that a library page's 'Part 3',
    'Part 4a' ... 'Part 4i', 'Part 5.0', 'Part 5.1' is one run in order."""
    if number.isdigit():
        return (int(number),) if len(number) <= 4 else None
    if number[:-1].isdigit() and number[-1:].isalpha():
        return int(number[:-1]), ord(number[-1].lower()) - 96
    parts = number.split(".")
    if len(parts) > 1 and all(part.isdigit() and len(part) <= 3 for part in parts):
        return tuple(int(part) for part in parts)
    value = roman_value(number.lower()) if number.isalpha() else None
    if value is not None and len(number) > 1:
        return (value,)
    if len(number) == 1 and number.isalpha():
        return (ord(number.upper()) - 64,)
    return None


class _HeadingKeys:
    """Where each heading-like line of the flow stands, by (number, title) and by title,
    so that each entry is looked up in log time."""

    def __init__(self, flow: list, endings: set[str], start: int) -> None:
        self.by_key: dict[tuple[str | None, str], list[int]] = {}
        self.by_title: dict[str, list[int]] = {}
        for position in range(start, len(flow)):
            item = flow[position]
            if not isinstance(item, Unit) or item.bullet or len(item.text) > _HEADING_MOST:
                continue
            if last_word(item.text) not in endings:
                continue
            if not heading_shaped(item.text, bool(item.number)):
                continue
            number, title = _key(item)
            if title:
                self.by_key.setdefault((number, title), []).append(position)
                self.by_title.setdefault(title, []).append(position)

    def next_after(self, key: tuple[str | None, str], after: int) -> int | None:
        """The first heading after `after` with the entry's number and title, or its
        title where the entry or the heading prints no number."""
        number, title = key
        if not title:
            return None
        lists = [self.by_key.get((number, title), [])]
        lists.append(self.by_key.get((None, title), []) if number else self.by_title.get(title, []))
        found = [p[i] for p in lists if (i := bisect_right(p, after)) < len(p)]
        return min(found) if found else None

    def all_come_back(self, keys: list, after: int) -> bool:
        position = after
        for key in keys:
            found = self.next_after(key, position)
            if found is None:
                return False
            position = found
        return True
