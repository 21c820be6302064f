"""A web page's footnotes as pandoc, WordPress, Markdown tools and most editors write
them: a marker in the text linking to a note (`<sup><a href="#fn1" id="fnref1">1</a></sup>`)
and the notes in a list at the end (`<li id="fn1">Note text. <a href="#fnref1">↩</a></li>`),
often in a `<section>`, `<div>` or `<aside>` of footnotes.

They are known by their links, not by class names: an element is a note when a marker
whose words are a note's label ("1", "[1]", "*") links to its id and the element holds a
link back to that marker (to the marker's id, or to the id of the <sup> around it). One
pass over the page before it is read finds them (`find_notes`); the reader then writes
the marker as the footnote's mark ([^1]), the element's words as its text and drops the
back-link (the site's own arrow). A raised marker (a label in a <sup>, or a <sup> in the link) is
a note's mark with no link back too, when its target is an element a note may be that
does not hold the marker (many sites write notes with no back-link); a plain link whose
words are a number ("see <a href="#p3">3</a>") is a reference and stays a link. A
marker linking to nothing is read as before.

Notes may stand outside the page's <main>, in its <footer> or an <aside>: the reader
reads each note element there as a note (only the note: the rest of the footer stays
the page's frame, listed as left out).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .html_broken import comment_end
from .html_tokens import PageTokens

NOTE_TAGS = {"li", "p", "div", "aside", "section", "dd", "span"}  # what a note may be
_LABEL = re.compile(r"^\s*[\[(]?\s*([0-9a-zA-Z*†‡§]{1,4})\s*[\])]?\s*$")
_WORD_LABEL = re.compile(r"^\w{1,4}$")
BACK_ARROW = re.compile(r"^[\s↩↑⤴⇧^︎️]*$")  # a back-link's arrow (pandoc adds U+FE0E)
_MOST_LABEL = 40  # characters of a marker's words looked at (a label is a few)
_MOST_HOLDING = 64  # the open note-like elements a marker's own place is checked against
_MOST_NOTE_IDS = 100_000  # ids of elements a note may be, remembered (bounded memory)
_VOID = {"br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base", "source"}


@dataclass
class WebNotes:
    """The notes found: each note's id -> its label; the ids a back-link points to; the
    places (line, column) of the <aside> elements that hold notes (read, not skipped)."""

    labels: dict[str, str] = field(default_factory=dict)
    back_ids: set[str] = field(default_factory=set)
    marks: dict[tuple[int, int], str] = field(default_factory=dict)  # marker's place -> label
    asides: set[tuple[int, int]] = field(default_factory=set)


@dataclass
class _Marker:
    target: str
    place: tuple[int, int]
    ids: tuple[str, ...]  # its own id and its <sup>'s
    words: list[str] = field(default_factory=list)
    raised: bool = False  # in a <sup>, or a <sup> inside it: drawn as a note's mark
    inside: tuple[str, ...] = ()  # the ids of the elements a note may be that hold it


class _NoteFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []  # open elements: (tag, id)
        self.open_tags: Counter[str] = Counter()
        self.noted: list[str] = []  # the ids of the open elements a note may be
        self.asides: list[tuple[int, int]] = []  # the places of the open <aside>s
        self.markers: list[_Marker] = []
        self.marker: _Marker | None = None  # the open <a> linking into the page
        self.backs: list[tuple[_Marker, str]] = []  # (a link in a note, its note's id)
        self.lists: list[list] = []  # the open lists: [place, items counted]
        self.items: dict[str, tuple[tuple[int, int], int]] = {}  # li id -> (list, number)
        self.note_asides: dict[str, tuple[tuple[int, int], ...]] = {}
        self.note_ids: set[str] = set()  # the ids of elements a note may be (no <section>)

    def handle_starttag(self, tag, attrs_list):
        attrs = {k.lower(): (v or "") for k, v in attrs_list}
        own_id = attrs.get("id", "").strip()
        if tag == "a":
            self._marker_end()
            href = attrs.get("href", "").strip()
            if href.startswith("#") and len(href) > 1:
                sup = self.stack[-1][1] if self.stack and self.stack[-1][0] == "sup" else ""
                self.marker = _Marker(href[1:], self.getpos(), tuple(i for i in (own_id, sup) if i))
                self.marker.raised = bool(self.open_tags["sup"])
                self.marker.inside = tuple(self.noted[-_MOST_HOLDING:])
                for note_id in self.noted[-3:]:  # a <p id> inside the note's <li id>
                    self.backs.append((self.marker, note_id))
        elif tag == "sup" and self.marker is not None:
            self.marker.raised = True
        if tag in _VOID:
            return
        self.stack.append((tag, own_id))
        self.open_tags[tag] += 1
        if tag == "aside":
            self.asides.append(self.getpos())
        elif tag in ("ol", "ul"):
            self.lists.append([self.getpos(), 0])
        elif tag == "li" and self.lists:
            self.lists[-1][1] += 1
            if own_id:
                self.items[own_id] = (self.lists[-1][0], self.lists[-1][1])
        if tag in NOTE_TAGS and own_id:
            self.noted.append(own_id)
            if tag != "section" and len(self.note_ids) < _MOST_NOTE_IDS:
                self.note_ids.add(own_id)
            if self.asides and own_id not in self.note_asides:
                self.note_asides[own_id] = tuple(self.asides[-8:])  # bounded: nesting

    def handle_endtag(self, tag):
        if tag in _VOID or not self.open_tags[tag]:
            return
        while self.stack:
            open_tag, own_id = self.stack.pop()
            self.open_tags[open_tag] -= 1
            if open_tag == "a":
                self._marker_end()
            elif open_tag == "aside" and self.asides:
                self.asides.pop()
            elif open_tag in ("ol", "ul") and self.lists:
                self.lists.pop()
            if open_tag in NOTE_TAGS and own_id and self.noted:
                self.noted.pop()
            if open_tag == tag:
                break

    def _marker_end(self) -> None:
        if self.marker is not None:
            self.markers.append(self.marker)
            self.marker = None

    def handle_data(self, data):
        marker = self.marker
        if marker is not None and sum(map(len, marker.words)) < _MOST_LABEL:
            marker.words.append(data[:_MOST_LABEL])

    def parse_comment(self, i, report=1):
        return comment_end(self.rawdata, i)


def find_notes(text: str, tokens: PageTokens | None = None) -> WebNotes:
    """The page's notes, found by their links (one linear pass over the page; over its
    `tokens`, when it has been read into them: html_tokens.py)."""
    found = WebNotes()
    if "#" not in text:
        return found
    finder = _NoteFinder()
    try:
        if tokens is None:
            finder.feed(text)
        else:
            tokens.give(finder)
        finder.close()
    except AssertionError:  # markup HTMLParser cannot read: the reader says so
        return found
    finder._marker_end()
    backs: dict[str, set[str]] = {}
    arrows: dict[str, set[str]] = {}  # a note's links whose words are an arrow alone
    for back, note_id in finder.backs:
        backs.setdefault(note_id, set()).add(back.target)
        if "".join(back.words).strip() and BACK_ARROW.match("".join(back.words)):
            arrows.setdefault(note_id, set()).add(back.target)
    used: Counter[str] = Counter()
    for marker in finder.markers:
        label = _LABEL.match("".join(marker.words))
        linked = backs.get(marker.target, set()) & set(marker.ids)
        if not label or marker.target in found.labels:
            continue
        if not linked and not _raised_to_a_note(marker, finder.note_ids):
            continue
        text_label = label.group(1)
        used[text_label] += 1
        if not _WORD_LABEL.match(text_label):  # "*", "†": numbered in order
            text_label = f"n{len(found.labels) + 1}"
        elif used[text_label] > 1:  # a second list of notes numbered from 1 again
            text_label = f"{text_label}_{used[text_label]}"
        found.labels[marker.target] = text_label
        found.back_ids |= linked
        found.asides.update(finder.note_asides.get(marker.target, ()))
    for marker in finder.markers:  # every marker of a note, a second one too
        if marker.target in found.labels and _LABEL.match("".join(marker.words)):
            found.marks[marker.place] = found.labels[marker.target]
    _unmarked_notes(found, finder.items, arrows)
    return found


def _raised_to_a_note(marker: _Marker, note_ids: set[str]) -> bool:
    """A raised label linking to an element a note may be, which does not hold it: a
    note's mark though the note links nowhere back."""
    return marker.raised and marker.target in note_ids and marker.target not in marker.inside


def _unmarked_notes(
    found: WebNotes,
    items: dict[str, tuple[tuple[int, int], int]],
    arrows: dict[str, set[str]],
) -> None:
    """An item of a list of notes that no marker links to, holding a link back (an
    arrow), is a note too, numbered as the list shows it: kept as a footnote (the
    parser says it is never referred to), never an item of a numbered list."""
    note_lists = {items[note_id][0] for note_id in found.labels if note_id in items}
    taken = set(found.labels.values())
    tries: Counter[str] = Counter()  # each number's labels tried (linear however many)
    for note_id, (in_list, count) in items.items():  # in the page's order
        if note_id in arrows and note_id not in found.labels and in_list in note_lists:
            number = label = str(count)
            while label in taken:
                tries[number] += 1
                label = f"{number}_{tries[number]}"
            taken.add(label)
            found.labels[note_id] = label
            found.back_ids |= arrows[note_id]


def merge_note_paragraphs(notes: list[tuple[tuple[str, str], str | None]]):
    """A footnote of several paragraphs is one footnote (see the reader's `flush`), at
    the place where it starts."""
    merged: list[tuple[tuple[str, str], str | None]] = []
    for (label, text), place in notes:
        if label.endswith("+") and merged:
            (first, before), at = merged[-1]
            merged[-1] = ((first, f"{before} {text}"), at)
        else:
            merged.append(((label, text), place))
    return merged
