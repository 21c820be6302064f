"""Printed contents lists, recognised by what they are, not by their label.

A blank-line chunk is a candidate when its lines end in page numbers (dot leaders, a tab
or spaced page column), when a label ("Contents", "Index", "List of ...", "On this page",
"In this section") stands over short title lines, or when short title lines stand before
any text of the document (an unlabelled list straight after the title). A candidate is a
contents list when its entries come back later, in the same order, as the document's
headings (numbers and titles, case and punctuation aside): it is left out with an INFO
line. A candidate whose entries do not all come back is left out only when dot leaders
and page numbers, or a label and page numbers, say what it is, and then with a WARNING
(`--strict` fails until the sidecar acknowledges it); anything else stays in the text.
A table whose first column does not come back as headings is never a contents list.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..numbering.styles import container_word, read_number
from .contents_cut import first_entries_back, without_glued_page
from .inline import strip_emphasis_wrapper
from .lines import Line
from .pages import (
    _SPACED_PAGE,
    LonePages,
    _leader_split,
    _with_number_lines,
    _with_page_cells,
    _with_wrapped_entries,
    page_cell,
    page_form,
    paged_parts,
    split_pages,
    worded_parts,
    worded_split,
)
from .shapes import _TERMINAL, is_heading_text

_CONTENTS_TITLE = re.compile(
    r"^(?:table\s+of\s+contents|contents(?:\s+page)?|index(?:\s+to\s+[\w' ]{1,60})?"
    r"|list\s+of\s+[\w' ]{1,60}"
    r"|on\s+this\s+page|in\s+this\s+(?:section|document|part|chapter|page)"
    r"|table\s+of\s+(?:standing\s+orders|rules|sections|articles|procedure\s+rules))\s*:?$",
    re.I,
)

_LABEL_STARTS = frozenset("ciloct")
# the column heads over a contents list: words, then the page column's head
_PAGE_HEAD = re.compile(
    r"^(?:(?:paragraph|para|no\.?|number|subject|title|heading|item|rule|standing|orders?|"
    r"section|article|part|regulation|clause|description|contents|page)[ /|\t]+){0,8}"
    r"page(?:\s+no\.?|\s+number|s|\(s\))?$",
    re.I,
)


_BULLET_MARK = re.compile(r"^[-*•·▪◦–➢►○■□✓♦]\s+")

# A candidate has at most this many entries: a longer run of short lines is text.
MAX_ENTRIES = 400


def is_contents_label(text: str) -> bool:
    """'Contents', 'Table of contents', 'Index', 'List of standing orders', 'On this
    page:', 'In this section:', or a contents list's column heads ending in its page
    column ('Paragraph No Subject Page No', 'Standing order / Page')."""
    if len(text) > 90:
        return False
    if _PAGE_HEAD.match(text.strip()):
        return True
    if text.lstrip("#*_ ")[:1].lower() not in _LABEL_STARTS:
        return False
    plain = strip_emphasis_wrapper(text.strip().lstrip("#").strip())
    return len(plain) <= 80 and bool(_CONTENTS_TITLE.match(plain))


def heading_shaped(text: str, numbered: bool, titles: set[str] | None = None) -> bool:
    """A line an entry may come back as: heading text, or the title of a numbered line
    ending in a full stop or a question mark ('1. Rules of debate at meetings.', as some
    councils print headings, '1.2 Who may attend?'; `text` without its number), when
    given, one of the entries' `titles`."""
    plain = text.rstrip()
    if plain[-1:] not in (".", "?") or not numbered:  # '1.2 Who May Attend?' too
        return is_heading_text(text)
    return (
        (titles is None or _words(plain) in titles)
        and not plain.endswith("..")
        and len(plain) <= 100
        and len(plain.split()) <= _ENTRY_WORDS
        and (is_heading_text(plain[:-1]) or _long_entry(plain[:-1]))
    )


def is_contents_word(text: str) -> bool:
    """A label that says contents ('Contents', 'Index', 'On this page'), not 'List of
    ...', which may head a list of the text's own ('List of committees:')."""
    plain = strip_emphasis_wrapper(text.strip().lstrip("#").strip())
    return is_contents_label(text) and not plain[:8].lower().startswith("list of")


def _is_contents_line(line: Line) -> bool:
    return page_form(line) is not None


_SIDE_ENTRY = re.compile(r"\s(\d{1,3})[.)]\s+(?=\S)")


def side_entries(text: str) -> list[str]:
    """'1. Rules of Debate 2. Voting': entries printed side by side (a list set in columns,
    read across), each from the next number of its sequence on; one entry otherwise."""
    found = read_number(text)
    if found is None or "integer" not in found.styles or not found.rest:
        return [text]
    expected = int(found.number.rstrip(".)")) + 1
    parts, start = [], 0
    for match in _SIDE_ENTRY.finditer(text, len(found.number)):
        if int(match.group(1)) == expected:
            parts.append(text[start : match.start()].strip())
            start, expected = match.start() + 1, expected + 1
    return [*parts, text[start:].strip()]


def numbered_run(run: list[list[Line]]) -> int:
    """How many paragraphs of a run, from its first, hold entries numbered 1, 2, 3 ... in
    one unbroken sequence (several to a line where columns were read across); 0 when
    fewer than three entries are."""
    expected, count = 1, 0
    for index, group in enumerate(run):
        for entry in side_entries(entry_text(group[0].text)):
            found = read_number(entry)
            if found is None or "integer" not in found.styles or not found.rest:
                return count if expected > 3 else 0
            if found.number.rstrip(".)") != str(expected):
                return count if expected > 3 else 0
            expected += 1
        count = index + 1
    return count if expected > 3 else 0


def entry_text(text: str) -> str:
    """A contents entry without its page number, leaders or tabs."""
    text = text.strip()
    if "\t" in text:
        cells = [c.strip() for c in text.split("\t") if c.strip()]
        if len(cells) >= 2 and cells[-1].isdigit():
            cells = cells[:-1]
        return " ".join(cells)
    leader = _leader_split(text) if text.rstrip(".")[-1:].isdigit() else None
    if leader:
        return leader[0]
    worded = worded_split(text) if text[-1:].isdigit() else None
    if worded:
        return worded[0]
    spaced = _SPACED_PAGE.match(text) if "  " in text else None
    return spaced.group(1) if spaced else without_glued_page(text)


_WORD = re.compile(r"\w+")
_PUNCTUATION = "".join(chr(c) for c in range(33, 127) if not chr(c).isalnum()) + "…–—‘’“”"


def last_word(text: str) -> str:
    """The last word of a line, as entry_keys compares it ('Scope.' and 'SCOPE' end
    alike): a cheap first look before a line is compared whole."""
    words = text[-40:].rsplit(None, 1)
    return words[-1].strip(_PUNCTUATION).casefold() if words else ""


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def entry_keys(text: str) -> tuple[str | None, str]:
    """(number, title) of an entry or heading, for comparing the two: '1.Rules of debate
    ...... 3', '1. Rules of Debate' and '1 RULES OF DEBATE' are one; 'Section 1 Purpose'
    and 'SECTION 1 – PURPOSE' too."""
    text = strip_emphasis_wrapper(_BULLET_MARK.sub("", text.strip()).lstrip("#").strip())
    found = read_number(text)
    if found is not None and found.rest:
        number = found.number.strip().rstrip(".):").lstrip("(").casefold()
        return number, _words(found.rest)
    worded = container_word(text)
    if worded is not None and worded.printed:
        return _words(worded.printed), _words(worded.rest or "")
    return None, _words(text)


def is_entry_like(text: str) -> bool:
    """A short title line, numbered or not: what a contents entry looks like."""
    text = _BULLET_MARK.sub("", text.strip())
    if len(text) > 100 and len(text) <= 120 * 4:  # '13. Accounts 14. Audit 15. ...' across
        parts = side_entries(text)
        if len(parts) == 1:  # 'SECTION 1 Purpose 3 Membership 4 Meetings 5': one row
            parts = paged_parts(text)
        if len(parts) == 1:  # '1.0 Introduction Page 3 2.0 Purposes Page 3': one row
            parts = worded_parts(text)
        if len(parts) > 1 or len(text) > 120:
            return len(parts) > 1 and all(len(p) <= 120 and is_entry_like(p) for p in parts)
    if text[-1:] == "," and (pages := split_pages(text)) is not None:
        text = pages[0]  # 'Directors 8, 9, 10,': its page numbers
    if not text or len(text) > 120 or _TERMINAL.search(text):
        return False
    number, title = entry_keys(text)
    if not title:
        return number is not None  # "Schedule 1", "Appendix A": a label alone
    found = read_number(text)  # '6. * Statutory Meeting': a mark after the number aside
    rest = _BULLET_MARK.sub("", found.rest) if found is not None and found.rest else ""
    return is_heading_text(rest or text)


_LABEL_WORDS = frozenset({"schedule", "appendix", "annex", "annexe"})


def _label_word(title: str) -> str | None:
    """'appendix' of 'Appendix – Bank details' (a container word with no number)."""
    first = title.split(" ", 1)[0]
    return first if first in _LABEL_WORDS else None


def is_label_entry(entry: str) -> bool:
    """'Schedule 1', 'Appendix A', 'Annex': an entry that prints a label and no title."""
    number, title = entry_keys(entry)
    return (bool(number) and not title) or title in _LABEL_WORDS


def starts_with_label(text: str) -> bool:
    """Whether a line opens with a schedule, appendix or annex word ('Schedule 1 – Fees')."""
    return text.lstrip("#*_ ")[:8].split(" ", 1)[0].casefold() in _LABEL_WORDS


@dataclass
class HeadingIndex:
    """Where each heading-like line of the document stands, by (number, title), by title
    and by title where no number is printed, so that each entry is looked up in log time."""

    by_key: dict[tuple[str | None, str], list[int]]
    by_title: dict[str, list[int]]
    unnumbered: dict[str, list[int]]
    # headings by their worded number ("schedule 1") or lone container word ("appendix"):
    # a contents entry that prints only that ("Schedule 1", "Appendix") comes back there
    by_label: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, texts: list[tuple[int, str]]) -> HeadingIndex:
        index = cls({}, {}, {})
        for position, text in texts:  # in reading order: each list stays sorted
            if len(text) > 160:
                continue
            number, title = entry_keys(text)
            label = number if number and number[:1].isalpha() else _label_word(title)
            if label:
                index.by_label.setdefault(label, []).append(position)
            if not title:
                continue
            index.by_key.setdefault((number, title), []).append(position)
            index.by_title.setdefault(title, []).append(position)
            if number is None:
                index.unnumbered.setdefault(title, []).append(position)
        return index

    def next_after(self, entry: str, after: int) -> int | None:
        """The first position after `after` where the entry comes back as a heading: the
        same number and title, or the same title where either prints no number; an
        entry that is a label alone ("Schedule 1", "Annex") where that label heads."""
        number, title = entry_keys(entry)
        label = number if number and not title else title if title in _LABEL_WORDS else None
        if label is not None:
            labelled = self.by_label.get(label, [])
            i = bisect_right(labelled, after)
            return labelled[i] if i < len(labelled) else None
        if not title:
            return None
        lists = [self.by_key.get((number, title), [])]
        lists.append(self.by_title.get(title, []) if number is None else [])
        lists.append(self.unnumbered.get(title, []) if number is not None else [])
        found = [p[i] for p in lists if (i := bisect_right(p, after)) < len(p)]
        return min(found) if found else None

    def coming_back(self, entries: list[str], after: int) -> int:
        """How many of the entries come back later, in the same order (an entry that does
        not is passed over)."""
        position, count = after, 0
        for entry in entries:
            found = self.next_after(entry, position)
            if found is not None:
                position, count = found, count + 1
        return count

    def all_come_back(self, entries: list[str], after: int) -> bool:
        return self.coming_back(entries, after) == len(entries)


@dataclass
class Candidate:
    """A chunk that may be a printed contents list, held until the document is read."""

    position: int  # in the flow
    chunk: list[Line]
    label: Line | None  # a label line standing over it (its own first line or before)
    entries: list[Line]
    form: str | None  # 'dots', 'tab', 'spaced', 'paged' (one space, under a label)
    first: bool = False
    lead_in: bool = False  # right after "The fees are:": a list of the clause, not contents
    # entries a paragraph each (blank lines between, as Word and web pages give them):
    # the paragraphs, each read as its own chunk if the list is not contents after all
    groups: list[list[Line]] | None = None
    tail: int = 0  # the last paragraphs of the run that are no entry: read as text
    next_heading: int | None = None  # where the first heading after it stands in the flow
    # entries numbered 1, 2, 3 ... in one sequence, unlabelled: contents when they come
    # back as the headings, all but one in ten (a garbled entry) with a WARNING for it
    numbered: bool = False

    def entry_texts(self) -> list[str]:
        """The entries without page numbers, leaders or tabs."""
        entries = [entry_text(part) for line in self.entries for part in worded_parts(line.text)]
        if self.numbered:  # '1. Rules 2. Voting': columns read across, one line
            entries = [part for entry in entries for part in side_entries(entry)]
        if self.form == "paged":  # '1. General 1': the page number after one space
            entries = [_without_page(entry) for entry in entries]
        return [
            e
            for e, after in zip(entries, [*entries[1:], ""], strict=True)
            if not _kind_over(e, after)
        ]

    def verdict(self, headings: HeadingIndex) -> str | None:
        """'contents' (left out, INFO), 'contents-guessed' (left out, WARNING) or None
        (text). Every entry coming back as a heading makes it contents; so does a label
        over page numbers with all but one entry in ten coming back (an entry reworded
        since the list was made), and a labelled list whose last one or two paragraphs
        come back nowhere while the rest all do and its first entry is the next heading
        (an unlisted 'Introduction' after 'On this page:'). Dot leaders, a label over page
        numbers, or a labelled list whose first entry is the next heading and half of
        whose entries come back make it a guess; anything else is text (a labelled list
        is then shown as printed, see parser._reread)."""
        entries = self.entry_texts()
        back = headings.coming_back(entries, self.position)
        if back == len(entries):
            return "contents"
        if self.lead_in:
            return None  # an entry inside a clause is never a contents list
        if self.form and self.label is not None and back * 10 >= len(entries) * 9:
            return "contents"
        if (
            self.form == "paged"
            and self.label is None
            and self.next_heading is not None
            and first_entries_back(entries, back, self.position, headings)
        ):
            return "contents"
        restarts = (
            self.label is not None
            and self.next_heading is not None
            and headings.next_after(entries[0], self.position) == self.next_heading
        )
        if restarts and self.groups and self._unlisted_tail(entries, headings):
            return "contents"
        if restarts and (self.form or back * 2 >= len(entries)):
            return "contents-guessed"  # its first entry is the heading right after it
        if self.form in ("dots", "cells") or (self.form and self.label is not None):
            return "contents-guessed"  # leaders, or a page column of its own, say what it is
        if self.numbered and back * 10 >= len(entries) * 9:
            return "contents-guessed"
        return None

    def _unlisted_tail(self, entries: list[str], headings: HeadingIndex) -> bool:
        """'On this page:' A, B, then 'Introduction', then '1. A': the list ends before
        the last one or two paragraphs when they come back nowhere and every entry before
        them comes back; `tail` says how many paragraphs are read as text."""
        for tail in (1, 2):
            keep = len(entries) - tail
            if keep < 2 or keep <= tail:
                return False
            if any(headings.next_after(entry, -1) is not None for entry in entries[keep:]):
                return False
            if headings.all_come_back(entries[:keep], self.position):
                self.tail = tail
                return True
        return False


def candidate(
    chunk: list[Line], label_before: Line | None, body_started: bool, position: int
) -> Candidate | None:
    """Whether a blank-line chunk may be a contents list (see the module's docstring)."""
    if len(chunk) < 2 or len(chunk) > MAX_ENTRIES + 1:
        return None
    label = chunk[0] if is_contents_label(chunk[0].text) else None
    entries = _with_number_lines(_with_page_cells(chunk[1:] if label is not None else chunk))
    if label is not None and label_before is not None and is_page_head(label.text):
        label = label_before  # 'INDEX' over 'Pages' over the entries: the list's label
    over = label or label_before
    worded = over is not None and is_contents_word(over.text)
    if worded:  # an entry wrapped onto a second line; lower-case sub-entries under one
        entries = _with_wrapped_entries(entries)
    paged_lines = [line for line in entries if not (worded and _sub_entry(line.text))]
    # most lines of a contents list end in a page number: so do its second or last line
    if (chunk[1].text[-1:].isdigit() or chunk[-1].text[-1:].isdigit()) and (
        sum(line.text[-1:].isdigit() for line in paged_lines) * 5 >= len(paged_lines) * 3
    ):
        paged = [form for line in paged_lines if (form := page_form(line))]
        if len(paged) >= 2 and len(paged) * 5 >= len(paged_lines) * 3:
            form = max(set(paged), key=paged.count)
            return Candidate(position, chunk, label or label_before, entries, form, False)
    label = label or label_before
    # one-space page numbers: under a label, or before the text (then every entry must
    # come back as a heading, page number aside, for the list to be contents)
    if (label is not None or not body_started) and _pages_in_order(entries):
        return Candidate(position, chunk, label, entries, "paged", False)
    if label is None and body_started:
        return None  # an unlabelled list only stands before the text, after the title
    if len(entries) < 2 or not all(
        is_entry_like(line.text)
        or (worded and (_long_entry(line.text) or _sub_entry(line.text) or _wrapped(line.text)))
        for line in entries
    ):
        return None
    return Candidate(position, chunk, label, entries, None, False)


_ENTRY_WORDS = 20  # words of the longest contents entry, or heading it comes back as


def _long_entry(text: str) -> bool:
    """'9. Motions for a meeting that require written notice to be given to the proper
    officer': under 'Contents', an entry longer than a heading, still no sentence."""
    text = _BULLET_MARK.sub("", text.strip())
    found = read_number(text)
    title = found.rest if found is not None and found.rest else text
    first = title.lstrip("\"'‘“(")[:1]
    return (
        len(text) <= 120
        and len(title.split()) <= _ENTRY_WORDS
        and not _TERMINAL.search(title)
        and (first.isupper() or first.isdigit())
    )


def _wrapped(text: str) -> bool:
    """'conduct and the scheme of allowances' under an entry's description: the rest of
    a line an entry wrapped, in lower case, no sentence."""
    text = text.strip()
    return text[:1].islower() and len(text.split()) <= _ENTRY_WORDS and not _TERMINAL.search(text)


def _sub_entry(text: str) -> bool:
    """'• draft minutes': a bulleted sub-entry of an index, in lower case, no sentence."""
    found = _BULLET_MARK.match(text.strip())
    rest = text.strip()[found.end() :] if found else ""
    return bool(rest) and len(rest.split()) <= 12 and not _TERMINAL.search(rest)


_ENTRY_MARK = re.compile(r"^(?:\d{1,3}|[ivxlIVXL]{1,6}|[a-zA-Z])[.)]\s*(?=\S)")


def _colon_entry(text: str) -> bool:
    """'I.Associate members:': a numbered entry of a list ending in a colon."""
    found = _ENTRY_MARK.match(text.strip()) if text.rstrip()[-1:] == ":" else None
    rest = text.strip()[found.end() : -1] if found is not None else ""
    return bool(rest) and len(rest.split()) <= 12 and not _TERMINAL.search(rest)


def _without_page(entry: str) -> str:
    pages = split_pages(entry)
    return pages[0] if pages else entry


def _bare(title: str) -> str | None:
    """An entry's title key without its page numbers after one space ('quorum 4':
    'quorum'; 'delegations 1 2': 'delegations')."""
    words = title.rsplit(" ", 10)
    keep = len(words)
    while keep > 1 and words[keep - 1].isdigit() and len(words[keep - 1]) <= 3:
        keep -= 1
    if keep == len(words):
        return None
    head = title[: len(title) - len(" ".join(words[keep:]))].rstrip()
    return head or None


def _pages_in_order(entries: list[Line]) -> bool:
    """Under a label, entries ending in a page number after one space ('1. Rules of
    debate 2', as a contents list copied without its tabs gives them, or several: '2.
    Delegations 1, 2'): most of them, the page numbers never going down."""
    pages = []
    for line in entries:
        found = split_pages(line.text)
        if found is not None:
            pages.append(found[1])
    return (
        len(pages) >= 3
        and len(pages) * 5 >= len(entries) * 3
        and all(a <= b for a, b in zip(pages, pages[1:], strict=False))
    )


def entry_run(
    groups: list[list[Line]],
    start: int,
    seen: dict[int, str | None] | None = None,
    labelled: bool = False,
    lone: LonePages | None = None,
    worded: bool = False,
) -> list[list[Line]]:
    """One-line paragraphs from `start` that read as contents entries (a title, numbered
    or bulleted or not, or a title and its page number), as many as there are: Word and
    web pages give each entry of a list its own paragraph. The run ends before a line whose
    title is already an entry of it: the list's first heading comes back there. `seen`
    keeps each paragraph's reading (its title, or None), so that runs tried from one
    paragraph after another read each paragraph once. An entry may end in its page number
    after one space ('Quorum 4'): the run ends too before a line with no page number
    that is such an entry's title ('Quorum'), and before any line with no page number
    after two or more entries that all end in one (the first heading, reworded).
    Under a label (`labelled`) a paragraph may hold several entries ('4.1 Stipulations
    5' over '4.2 Rules 6'), a page column's head ('Pages') may stand over the first, and
    an entry with no page number goes on when the line after it has one (a heading of
    the index whose pages its sub-entries give). In a list whose entries all end in their
    page numbers, one whose page number wrapped onto a line of its own goes on too (the
    page number alone, or left out by the lines pass: `lone`). Under a label that says
    contents (`worded`) an entry may be longer than a heading (`_long_entry`)."""
    seen = {} if seen is None else seen
    run: list[list[Line]] = []
    titles: set[str] = set()
    bares: set[str] = set()
    paged = counted = lines = streak = 0  # entries of the run that end in a page number;
    # entries; the last entries one after another that do
    last_paged = True  # whether the last entry ended in its page number
    before = ""  # the last entry's line
    for index in range(start, min(len(groups), start + MAX_ENTRIES + 1)):
        group = groups[index]
        lines += len(group)
        if (len(group) != 1 and not labelled) or lines > MAX_ENTRIES:
            break
        if index not in seen:
            seen[index] = _line_key(group[0])
        stop = False
        for offset, line in enumerate(group):
            if not last_paged and paged == counted - 1 >= 1 and page_cell(line.text) is not None:
                paged, last_paged = paged + 1, True  # the page number, wrapped onto its line
                continue
            title = seen[index] if offset == 0 else _line_key(line)
            if (
                title is None
                and worded
                and (_long_entry(line.text) or _sub_entry(line.text) or _colon_entry(line.text))
                and not is_contents_label(line.text)
            ):
                title = _run_key(entry_text(line.text))
            if title is None and labelled and counted == 0 and is_page_head(line.text):
                continue  # 'Pages' over the entries
            form = page_form(line)
            # a heading coming back prints no page: 'Appendix 4: Joint arrangements Page
            # 68' after 'Article 8: Joint Arrangements Page 35' is the next entry
            if title is None or (title in titles and form != "worded"):
                stop = True
                break
            if form == "worded":  # '1.0 Introduction Page 2 2.0 Purposes Page 2': each
                titles.update(_run_key(entry_text(part)) for part in worded_parts(line.text))
            bare = _bare(title)
            if bare is None and title in bares:
                stop = True
                break
            has_page = bare is not None or form is not None
            if (
                not has_page
                and counted >= 2
                and (paged == counted or (worded and streak >= 3))
                and not (labelled and _paged_next(groups, index, offset))
                and not _cell_next(groups, index, offset, lone)
                and not (worded and _label_goes_on(before, line.text))
                and not (index + 1 == len(groups) and offset + 1 == len(group))
            ):  # the text's last line goes on: an entry the copy cut before its page
                stop = True
                break
            before = line.text
            paged, last_paged = paged + has_page, has_page
            streak = streak + 1 if has_page else 0
            counted += 1
            titles.add(title)
            if bare is not None:
                bares.add(bare)
        if stop:
            break
        run.append(group)
    return run


def _label_goes_on(before: str, text: str) -> bool:
    """'Appendix 21: Protocol on ...' after 'Appendix 20: Hearings Page 258': the next
    label of the entries before it, an entry whose page number was cut off."""
    last, this = container_word(before), container_word(text)
    return bool(
        last is not None
        and this is not None
        and this.word == last.word
        and last.number.isdigit()
        and this.number == str(int(last.number) + 1)
    )


_GROUP_RUNS = 8  # group lines a contents list is read across
_FIRST_NUMBERS = frozenset({"1", "a", "A", "i", "I"})


def group_runs(groups: list[list[Line]], after: int, entries: list[Line]) -> int:
    """'Debate (in these rules ...)' over '1. Motions Without Notice', '2. Voting' after a
    labelled list's entries: an unnumbered group line and a second run of entries whose
    numbers start again go on with the list (a web page's navigation list in groups).
    How many paragraphs from `after` do (0 when none); the second run ends before an
    entry whose title the list already holds (the text's first heading)."""
    titles = {_run_key(entry_text(line.text)) for line in entries}
    total = 0
    for _ in range(_GROUP_RUNS):
        at = after + total
        grouped = at < len(groups) and len(groups[at]) == 1 and _group_line(groups[at][0].text)
        run = entry_run(groups, at + grouped, labelled=True, worded=True)
        keys = [[_run_key(entry_text(line.text)) for line in group] for group in run]
        # with no group line the run is the list's titles numbered again ('Introduction'
        # over '1. Introduction', '2. Purposes' ...): its first entry may repeat one
        cut = next(
            (i for i, group in enumerate(keys) if titles & set(group) and (i or grouped)),
            len(run),
        )
        numbered = [i for i, group in enumerate(run[:cut]) if read_number(group[0].text)]
        cut = cut if grouped or not numbered else numbered[-1] + 1
        lines = [line for group in run[:cut] for line in group]
        first = read_number(lines[0].text) if lines else None
        if len(lines) < 2 + (not grouped) or first is None:
            break
        if first.number.strip("().") not in _FIRST_NUMBERS:
            break
        titles.update(key for group in keys[:cut] for key in group)
        total += grouped + cut
    return total


def _kind_over(entry: str, after: str) -> bool:
    """'Appendices' over 'Appendix 1 Map', 'Articles of the Constitution' over 'Article 1':
    a line naming the kind of the entries under it groups them; it heads nothing."""
    below = container_word(after) if after else None
    if below is None or read_number(entry) is not None or container_word(entry) is not None:
        return False
    stem = below.printed.split(" ", 1)[0][:6].casefold()
    return len(stem) >= 5 and entry.casefold().startswith(stem)


def _group_line(text: str) -> bool:
    """A list's group line: unnumbered, no sentence, not a label of its own."""
    text = text.strip()
    return (
        0 < len(text) <= 240
        and text[0].isupper()
        and read_number(text) is None
        and not _TERMINAL.search(text)
        and not is_contents_label(text)
    )


def _line_key(line: Line) -> str | None:
    """A line's title as an entry of a run, or None when it reads as no entry."""
    entry = is_entry_like(line.text) or page_form(line)
    if entry and is_contents_label(line.text):
        return None  # "Contents" heads a list of its own: never an entry
    return _run_key(entry_text(line.text)) if entry else None


def _line_after(groups: list[list[Line]], index: int, offset: int) -> Line | None:
    if offset + 1 < len(groups[index]):
        return groups[index][offset + 1]
    return groups[index + 1][0] if index + 1 < len(groups) else None


def _paged_next(groups: list[list[Line]], index: int, offset: int) -> bool:
    """Whether the line after the one at (index, offset) ends in a page number."""
    line = _line_after(groups, index, offset)
    return line is not None and (split_pages(line.text) is not None or page_form(line) is not None)


def _cell_next(groups: list[list[Line]], index: int, offset: int, lone: LonePages | None) -> bool:
    """Whether the line after the one at (index, offset) is a page number alone (an
    entry too long for its line, its page number wrapped onto the next), or a lone page
    number the lines pass left out stands between them."""
    line = _line_after(groups, index, offset)
    if line is None:
        return False
    number = groups[index][offset].number
    return page_cell(line.text) is not None or (
        lone is not None and lone.between(number, line.number) is not None
    )


@dataclass
class CellRows:
    """An index printed one table cell to a line: its paragraphs (page cells included)
    and one entry a row (its number and title cells, without the page)."""

    groups: list[list[Line]]
    entries: list[Line]
    ranges: int  # rows whose page is a range ('4 - 6')


_ROW_CELLS = 3  # cells of a row before its page: a number, a title, a second title line


def _cell_text(text: str) -> bool:
    """A cell of an index's row: a number or a short title, never a sentence nor the
    list's label or column head."""
    text = text.strip()
    return (
        0 < len(text) <= 120
        and text[-1] not in ".;:,"
        and not text[0].islower()
        and len(text.split()) <= _ENTRY_WORDS
        and not is_contents_label(text)
    )


def cell_rows(
    groups: list[list[Line]], start: int, lone: LonePages | None = None
) -> tuple[CellRows | None, int]:
    """An index or contents list laid out one table cell a line, as a table copied from
    a Word file or a web page gives it ('1.1' / 'Calling a Meeting' / '1 - 3'): paragraphs
    of one line from `start`, each row one to three number or title cells closed by a page
    number or range alone (or a lone page number the lines pass left out, `lone`), three
    rows or more, the pages going up (one in ten may not: a misprint). Returns the rows
    (or None) and the paragraph the reading stopped at."""
    lone = lone or LonePages([], {})
    cells: list[Line] = []
    entries: list[Line] = []
    pages: list[int] = []
    ranges, end, index = 0, start, start

    def close(page: int) -> None:
        text = " ".join(cell.text.strip() for cell in cells)
        entries.append(Line(cells[0].number, text, cells[0].indent))
        pages.append(page)
        cells.clear()

    for index in range(start, min(len(groups), start + MAX_ENTRIES)):
        group = groups[index]
        if len(group) != 1:
            break
        line = group[0]
        if cells and (gap := lone.between(cells[-1].number, line.number)) is not None:
            close(gap)
            end = index
        page = page_cell(line.text) if cells else None
        if page is not None:
            close(page)
            ranges += not line.text.strip().isdigit() and page > 0
            end = index + 1
            continue
        if len(cells) == _ROW_CELLS or not _cell_text(line.text):
            break
        cells.append(line)
    else:
        if cells and (gap := lone.between(cells[-1].number, cells[-1].number + 4)) is not None:
            close(gap)
            end = index + 1
    down = sum(a > b for a, b in zip(pages, pages[1:], strict=False))
    if len(entries) < 3 or down * 10 > len(pages):
        return None, max(index, start + 1)
    return CellRows(groups[start:end], entries, ranges), end


def is_page_head(text: str) -> bool:
    """'Pages', 'Page No.', 'Subject / Page': the head of a contents list's page column."""
    return len(text) <= 90 and bool(_PAGE_HEAD.match(text.strip()))


def _run_key(entry: str) -> str:
    """An entry's title key, or for a label alone ('Schedule 2') its number, in one word:
    two labels are two entries, and no page number is read off the end of one."""
    number, title = entry_keys(entry)
    return title or (number or "").replace(" ", "#")


def returning_entry(groups: list[list[Line]], start: int, run: list[list[Line]]) -> int | None:
    """Which entry of a run the paragraph right after it opens with ('Budgets', 'Audit',
    then '1. Budgets': 0), or None. An unlabelled list is only the entries from there:
    headings standing one after another before the text ('Introduction', 'Scope', then
    text) are no list, whatever comes back later."""
    after = start + len(run)
    if len(run) < 2 or after >= len(groups):
        return None
    following = entry_keys(entry_text(groups[after][0].text))[1]
    titles = [entry_keys(entry_text(group[0].text))[1] for group in run]
    if following and following not in titles:  # 'Quorum 4' comes back as 'Quorum'
        titles = [_bare(title) or title for title in titles]
    return titles.index(following) if following and following in titles else None
