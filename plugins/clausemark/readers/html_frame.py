"""A web page's frame, left out of the document's text but never silently.

The HTML reader leaves out what is not the adopted text: the site's menus, banners,
footers and cookie notices, asides, and everything outside the page's `<main>` when it
has one. A reader of the site never sees those words on the document's page, so each run
of them is listed in the drop report with its place ("line 40"), as a PDF's running
heads are: the maintainer can see what was left out and why.

An `<aside>` (or role="complementary") inside the main content may be a note of the text
itself ("This rule was amended in May 2025"), so it is listed as a warning, which a
strict build stops on until the sidecar acknowledges it (`dropped: [aside-text]`); the
rest of the frame is listed at INFO. Text a browser does not show (scripts, styles, the
page's <head>, hidden elements) is not words of the page, and is not listed; words that
broken markup hides (a comment never closed, a tag cut off at the end, a CDATA section)
are listed as a warning (`hidden-markup`, readers/html_broken.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

FRAME = "part of the web page's frame (menus, banners, footers) around its text"  # INFO
ASIDE = "note set aside within the web page's main text"  # WARNING
# Skipped elements whose contents a browser does not show as words of the page.
UNSHOWN = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object",
     "canvas", "map"}
)  # fmt: skip
ASIDES = frozenset({"aside"})


def shows_no_words(tag: str, attrs: dict[str, str]) -> bool:
    """An element whose contents a browser does not show: raw text or hidden."""
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
