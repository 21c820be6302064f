"""What the converter leaves out of a document's text, and how loudly it says so.

Every line left out is a `Dropped` on the document with its kind, level, place and words.
Page furniture (running headers and footers, page numbers, page-break marks, a title
repeated as a page header) and a contents list whose every entry comes back as a heading
are `info`; anything else (a list only guessed to be contents) is a `warning`, which fails
`--strict`, until the document's sidecar or front matter acknowledges it:

    dropped: [lines 5-12]             # lines of a .txt/.md source
    dropped: [line 4, "20-24", 31]    # single lines, ranges, numbers
    dropped: [page 2]                 # a Word or PDF source: the place the warning names
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model.document import DROP_KINDS, Document, Dropped, Issue
from ..readers.html_broken import HIDDEN
from ..readers.pdf_annotations import ANNOTATION_WORDS
from ..readers.pdf_unseen import UNSEEN_OFF_PAGE, UNSEEN_WHITE
from ..readers.word_warnings import COMMENT_WORDS, DELETED_WORDS, DRAWING_WORDS, HIDDEN_WORDS

REASONS = {
    "page-number": "page number",
    "page-break": "page-break mark",
    "running-header": "running page header or footer",
    "title-repeat": "title repeated as a running header",
    "web-furniture": "web page control copied with the text",
    "viewer-line": "document-sharing site's viewer line copied with the text",
    "heading-repeat": "heading printed twice in a row",
    "contents": "printed contents list",
    "contents-field": "table of contents field",
    "contents-guessed": "printed contents list (guessed: its entries do not come back as headings)",
    "table-rule": "rule under a table's header row",
    "margin-text": "paragraph of a page header or footer, longer than a running head",
    "site-frame": "part of the web page's frame (menus, banners, footers) around its text",
    "aside-text": "note set aside within the web page's main text",
    "shown-apart": "words the web page shows in a drawing, embedded object or form control",
    "hidden-markup": "words a browser hides because the web page's markup is broken",
    "white-text": "words printed in white on the white page, which a reader does not see",
    "off-page-text": "words placed outside the page, which a reader does not see",
    "annotation-text": "words a form field or a text box added over the page shows",
    "hidden-text": "hidden text (Font > Hidden), which Word does not show",
    "drawing-text": "words of a chart or SmartArt diagram, which the page shows as a picture",
    "tracked-deletion": DELETED_WORDS,
    "comment-text": COMMENT_WORDS,
}
# A reader's own words for what it left out, as its kind.
READER_KINDS = {
    "running header, footer or page number": "running-header",
    "printed contents list": "contents",
    "table of contents field": "contents-field",
    "page header or footer": "running-header",
    "paragraph of a page header or footer, longer than a running head": "margin-text",
    "part of the web page's frame (menus, banners, footers) around its text": "site-frame",
    "note set aside within the web page's main text": "aside-text",
    "words the web page shows in a drawing, embedded object or form control": "shown-apart",
    **dict.fromkeys(HIDDEN, "hidden-markup"),
    UNSEEN_WHITE: "white-text",
    UNSEEN_OFF_PAGE: "off-page-text",
    ANNOTATION_WORDS: "annotation-text",
    HIDDEN_WORDS: "hidden-text",
    DRAWING_WORDS: "drawing-text",
    DELETED_WORDS: "tracked-deletion",
    COMMENT_WORDS: "comment-text",
}


def drop(line: int, text: str, kind: str) -> Dropped:
    return Dropped(line, text, REASONS[kind], kind, DROP_KINDS[kind])


_RANGE = re.compile(
    r"^\s*(?:(?P<word>lines?|pages?|paragraphs?)\s+)?(?P<start>\d{1,7})(?:\s*[-–]\s*(?P<end>\d{1,7}))?\s*$",
    re.I,
)
MAX_ACKNOWLEDGED = 100_000  # lines one range may name


@dataclass(frozen=True)
class Acknowledged:
    """What a sidecar's `dropped:` names: ranges of lines and of places (page, paragraph),
    and whole kinds. Kept as ranges, never expanded: a sidecar of thousands of wide
    ranges costs what its text costs."""

    lines: tuple[tuple[int, int], ...] = ()  # (first, last), sorted and merged
    places: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    kinds: frozenset[str] = frozenset()

    def names_line(self, number: int) -> bool:
        return _within(self.lines, number)

    def names_place(self, word: str, number: int) -> bool:
        return _within(self.places.get(word, ()), number)


def _merged(ranges: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return tuple(merged)


def _within(ranges: tuple[tuple[int, int], ...], number: int) -> bool:
    position = bisect.bisect_right(ranges, (number, math.inf)) - 1
    return position >= 0 and ranges[position][0] <= number <= ranges[position][1]


def _read_entry(item: object) -> tuple[str, int, int] | None:
    """('line'|'page'|'paragraph', first, last) of one `dropped:` entry, or None."""
    match = _RANGE.match(str(item)) if item is not None else None
    if match is None:
        return None
    start = int(match.group("start"))
    end = int(match.group("end") or start)
    if end < start or end - start > MAX_ACKNOWLEDGED:
        return None
    return (match.group("word") or "line").lower().rstrip("s"), start, end


def unread_entries(value: object) -> list[str]:
    """The entries of a sidecar's `dropped:` that name no line, page or kind ('lines 4-z',
    'lines 9-2', 'contnets'): each acknowledges nothing, which the writer must be told."""
    values: Iterable[object] = value if isinstance(value, list) else [value]
    return [
        str(item)
        for item in values
        if str(item).strip() not in DROP_KINDS and _read_entry(item) is None
    ]


def acknowledged(value: object) -> Acknowledged:
    """The sidecar's `dropped:`: 'lines 5-12', 'line 4', '20-24', 31, 'page 2',
    'paragraphs 3-9', or a kind. A value it cannot read acknowledges nothing (and
    `unread_entries` names it)."""
    values: Iterable[object] = value if isinstance(value, list) else [value]
    lines: list[tuple[int, int]] = []
    places: dict[str, list[tuple[int, int]]] = {}
    kinds: set[str] = set()
    for item in values:
        if str(item).strip() in DROP_KINDS:  # every line of a kind a reader left out
            kinds.add(str(item).strip())
            continue
        entry = _read_entry(item)
        if entry is None:
            continue
        word, start, end = entry
        (lines if word == "line" else places.setdefault(word, [])).append((start, end))
    return Acknowledged(
        _merged(lines), {word: _merged(found) for word, found in places.items()}, frozenset(kinds)
    )


_PLACE = re.compile(r"^(page|paragraph)\s+(\d+)", re.I)


def _is_acknowledged(item: Dropped, named: Acknowledged) -> bool:
    if item.line and named.names_line(item.line) or (not item.line and item.kind in named.kinds):
        return True
    found = _PLACE.match(item.place or "")
    return bool(found and named.names_place(found.group(1).lower(), int(found.group(2))))


def _span(word: str, start: int, end: int) -> str:
    return f"{word} {start}" if start == end else f"{word}s {start}-{end}"


def settle_drops(document: Document, sidecar_value: object, path: str) -> None:
    """Acknowledge what the sidecar names, and warn once per run of what it does not,
    and once for the entries of its `dropped:` that name nothing (a typo would otherwise
    leave the writer puzzling why the warning it meant to acknowledge stays)."""
    named = acknowledged(sidecar_value) if sidecar_value is not None else Acknowledged()
    unread = unread_entries(sidecar_value) if sidecar_value is not None else []
    if unread:
        shown = ", ".join(f"'{entry[:40]}'" for entry in unread[:3])
        more = f" and {len(unread) - 3} more" if len(unread) > 3 else ""
        document.warnings.append(
            Issue(
                None,
                f"the sidecar's `dropped:` entry {shown}{more} names no line, page or kind of "
                "what was left out, so it acknowledges nothing; write it as a warning's fix "
                "prints it ('lines 4-7', 'page 2', or a kind such as contents-guessed)",
                "dropped-entry",
            )
        )
    runs: list[list[Dropped]] = []
    for item in document.dropped:
        if item.level != "warning":
            continue
        if _is_acknowledged(item, named):
            item.level = "acknowledged"
            continue
        last = runs[-1][-1] if runs else None
        # one run: a list's label and its entries a few blank lines below ("Index", then
        # three blank lines, then the entries) are one warning, not two
        if last is not None and last.kind == item.kind and 0 <= item.line - last.line <= 4:
            runs[-1].append(item)
        else:
            runs.append([item])
    for run in runs:
        first, last = run[0], run[-1]
        span = (
            f"line {first.line}" if first.line == last.line else f"lines {first.line}-{last.line}"
        )
        if first.place:
            span = first.place if first.place == last.place else f"{first.place}-{last.place}"
        nameable = span  # what the sidecar can name: a line or page range, else the kind
        if not first.line and not _PLACE.match(first.place or ""):
            nameable = first.kind
        words = " ".join(item.text for item in run)
        shown = words if len(words) <= 80 else words[:77] + "..."
        document.warnings.append(
            Issue(
                first.line or None,
                f"{span} left out as {_with_article(first.reason)} ('{shown}'); if that is right, "
                f"acknowledge it in the sidecar with `dropped: [{nameable}]`",
                "dropped",
                place=first.place,
            )
        )


def _with_article(reason: str) -> str:
    """'a running page header or footer', but 'words hidden by a comment ...' and 'a tag
    cut off ...' as they are: a reason that is plural, or has its own article."""
    return reason if reason.startswith(("words ", "a ", "an ")) else f"a {reason}"


def _spans(numbers: list[int], limit: int = 12) -> str:
    """'4-8, 12, 40' (at most `limit` spans, then how many more)."""
    spans: list[tuple[int, int]] = []
    for number in sorted(set(numbers)):
        if spans and number == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], number)
        else:
            spans.append((number, number))
    shown = [f"{a}" if a == b else f"{a}-{b}" for a, b in spans[:limit]]
    more = f" and {len(spans) - limit} more" if len(spans) > limit else ""
    return ", ".join(shown) + more


def _place_order(place: str) -> tuple[str, int, str]:
    """'page 2' before 'page 10'."""
    word, _, number = place.partition(" ")
    return (word, int(number), "") if number.isdigit() else (word, 0, number)


def drop_summary(document: Document) -> list[Issue]:
    """One INFO line per kind of what was left out without a warning (page furniture, a
    contents list whose entries come back, what the sidecar acknowledged)."""
    by_kind: dict[str, list[Dropped]] = {}
    for item in document.dropped:
        if item.level != "warning":
            by_kind.setdefault(item.reason, []).append(item)
    summary = []
    for reason, items in by_kind.items():
        lines = [item.line for item in items if item.line]
        places = sorted({item.place for item in items if item.place}, key=_place_order)
        word = "line" if len(set(lines)) == 1 else "lines"
        where = f"{word} {_spans(lines)}" if lines else "by the reader"
        if places:
            where = ", ".join(places[:12]) + (" ..." if len(places) > 12 else "")
        acknowledged = " (acknowledged)" if items[0].level == "acknowledged" else ""
        summary.append(Issue(None, f"left out as {reason}{acknowledged}: {where}", "dropped-info"))
    return summary
