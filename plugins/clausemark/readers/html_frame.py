"""A web page's frame, left out of the document's text but never silently.

The HTML reader leaves out what is not the adopted text: the site's menus, banners,
footers and cookie notices, asides, and everything outside the page's `<main>` when it
has one. A reader of the site never sees those words on the document's page, so each run
of them is listed in the drop report with its place ("line 40"), as a PDF's running
heads are: the maintainer can see what was left out and why.

An `<aside>` (or role="complementary") inside the main content may be a note of the text
itself ("This rule was amended in May 2025"), so it is listed as a warning, which a
strict build stops on until the sidecar acknowledges it (`dropped: [aside-text]`); the
rest of the frame is listed at INFO, and the words of a drawing, an embedded object's
fallback or a form control inside the text as a warning (`shown-apart`). Text a browser
does not show (scripts, styles, the page's <head>, hidden elements) is not words of the
page, and is not listed (nor aria-hidden words: see `shows_no_words`); words that
broken markup hides (a comment never closed, a tag cut off at the end, a CDATA section)
are listed as a warning (`hidden-markup`, readers/html_broken.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

FRAME = "part of the web page's frame (menus, banners, footers) around its text"  # INFO
ASIDE = "note set aside within the web page's main text"  # WARNING
# A drawing's words (<svg><text>), an <object>'s fallback, a form control's text
# (<button>, <textarea>, <select>'s options): a browser shows them (Chromium, checked),
# but they are pictures or controls, not paragraphs of the text: listed as a warning.
APART = "words the web page shows in a drawing, embedded object or form control"  # WARNING
APART_TAGS = frozenset({"svg", "object", "button", "textarea", "select"})
# Skipped elements whose contents a browser does not show as words of the page.
UNSHOWN = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "iframe", "canvas", "map"}
)  # fmt: skip
ASIDES = frozenset({"aside"})


def shows_no_words(tag: str, attrs: dict[str, str]) -> bool:
    """An element left out unlisted: raw text a browser does not show as words (a
    script, an iframe's fallback), hidden (`hidden`, display:none), or aria-hidden.
    A browser does show aria-hidden words; they are left out because that is how
    icon fonts hide their ligature names ("expand_more" drawn as an arrow), a trade-off:
    an author's aria-hidden sentence is lost with them."""
    if tag in UNSHOWN or attrs.get("aria-hidden", "").lower() == "true" or "hidden" in attrs:
        return True
    style = attrs.get("style", "").replace(" ", "").lower()
    return "display:none" in style or "mso-hide:all" in style


@dataclass
class FrameText:
    """The runs of frame words met while reading, as (reason, words, place)."""

    found: list[tuple[str, str, str]] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    reason: str = ""
    place: str = ""

    def start(self, reason: str) -> None:
        """A run begins (an outermost skipped element, or words outside <main>)."""
        if self.reason != reason:
            self.end()
        self.reason = reason

    def add(self, data: str, place: str) -> None:
        """Words of the run; its place is where its first word is."""
        if not self.reason:
            return
        if not self.place and data.strip():
            self.place = place
        self.pieces.append(data)

    def end(self) -> None:
        words = " ".join(" ".join(self.pieces).split())
        if words:
            self.found.append((self.reason, words, self.place))
        self.pieces, self.reason, self.place = [], "", ""


def has_main(text: str) -> bool:
    """The page marks its main content (<main>, role="main"): all else is its frame."""
    return bool(re.search(r"<main\b|role\s*=\s*[\"']?main\b", text, re.I))


@dataclass
class NoteIsland:
    """A web page's note (html_notes.py) standing in the frame (notes in the page's
    <footer> after its <main>, or in an aside) is read as a note: the page's marks link
    to it, and a mark with no note would be a hole in the text. Only the note element is
    read; the frame's words before and after it are still one listed run each."""

    base: int | None = None  # the reader's count of skipped elements when it opened
    reason: str = ""  # the frame's reason, taken up again after the note

    def open(self, frame: FrameText, skipped: int) -> None:
        self.reason = frame.reason
        frame.end()
        self.base = skipped

    def close(self, frame: FrameText, skipping: Callable[[], bool]) -> None:
        self.base = None
        if skipping():  # the frame's words go on after the note
            frame.start(self.reason or FRAME)
