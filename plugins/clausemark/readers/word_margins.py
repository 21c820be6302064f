"""A Word document's page headers and footers: never the adopted text's flow, never
silently dropped.

Word prints them on every page ("OFFICIAL", "Standing Orders 2025", "Page 3 of 12"), as
a PDF prints its running heads, which the PDF reader leaves out and lists. So each of
their paragraphs is listed as left out (the drop report, with "page header" or "page
footer" as its place), once however many sections name it.

Decision: a header or footer paragraph of more than `_RUNNING_MOST` words is not a
running head but text someone wrote there (a notice, a paragraph of the scheme): it is
still left out of the body, since Word shows it on every page and not at one place in
the text, but it is reported as a WARNING, so a strict build fails until the sidecar
acknowledges it (`dropped: [margin-text]`). A header holding the document's control
line ("Approved by Council 16 June 2025") is listed at INFO with its words; its date is
not read as the adoption date.
"""

from __future__ import annotations

from ..support.limits import check
from .layout import clean
from .word_package import Package, W

RUNNING = "page header or footer"  # a running head, a page number: INFO
WRITTEN = "paragraph of a page header or footer, longer than a running head"  # WARNING
_RUNNING_MOST = 25  # words: "Parish Council Standing Orders - Version 4 - May 2025 - Page 3"


def _paragraph_text(paragraph) -> str:
    """A paragraph's words as Word shows them: its text runs, tabs and breaks as spaces
    (a field's code is not shown, its last result is; deleted text is not shown)."""
    pieces = []
    for element in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}noBreakHyphen"):
        if element.tag == f"{W}t":
            pieces.append(element.text or "")
        else:
            pieces.append(" " if element.tag != f"{W}noBreakHyphen" else "-")
    return clean("".join(pieces))


def margin_drops(package: Package) -> list[tuple[str, str, str]]:
    """(reason, words, place) for each paragraph of the headers and footers, once."""
    found: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    read = 0
    for kind, root in package.margins:
        place = f"page {kind}"
        for paragraph in root.iter(f"{W}p"):
            read = check("paragraphs", read + 1, place)
            text = _paragraph_text(paragraph)
            if not text or text in seen:
                continue
            seen.add(text)
            reason = WRITTEN if len(text.split()) > _RUNNING_MOST else RUNNING
            found.append((reason, text, place))
    return found
