"""What the Word reader (readers/docx.py) counts as it reads, and the warnings it gives
from those counts: tracked changes, embedded documents, comments, hidden text, unknown
lists and formats, deep styles, unknown symbols, fields never ended, malformed values."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..support.limits import most
from .word_changes import changes_message
from .word_fields import unended_contents, unended_fields
from .word_symbols import unknown_symbols

MAX_MALFORMED_REPORTED = 20  # the first ones, named; the rest counted
# What the reader leaves out as Word does, listed with words and paragraph (parse/drops.py)
HIDDEN_WORDS = "hidden text (Font > Hidden), which Word does not show"
DRAWING_WORDS = "words of a chart or SmartArt diagram, which the page shows as a picture"
DELETED_WORDS = "words of a tracked deletion, read as accepted (dropped)"
COMMENT_WORDS = "a reviewer's comment, which is not part of the text"


@dataclass
class Counts:
    insertions: int = 0
    deletions: int = 0
    change_places: list[str] = field(default_factory=list)  # first paragraphs changed
    comments: int = 0
    # (text, place) of the paragraphs of a contents field, and of the entries of a list
    # typed and linked to its headings (_Toc links, PAGEREF fields)
    contents: list[tuple[str, str | None]] = field(default_factory=list)
    typed_contents: list[tuple[str, str | None]] = field(default_factory=list)
    unknown_numbering: set[str] = field(default_factory=set)
    embedded: int = 0  # altChunk: a document of another format inside this one
    hidden: int = 0  # runs formatted as hidden text (w:vanish), which Word does not show
    malformed: list[str] = field(default_factory=list)  # "paragraph 3: w:ilvl ..."
    symbols: set[str] = field(default_factory=set)  # symbol-font glyphs not known
    unended_fields: int = 0  # paragraphs holding a field's code that is never ended
    unended_field_at: str = ""  # the first of them
    unended_contents: list[str] = field(default_factory=list)  # where such a contents field is
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # (reason, words, place)


def reader_warnings(counts: Counts, unknown_formats, deep: int) -> list[tuple[str, str]]:
    """(code, message) of each warning, in the order the reader has always given them."""
    found = []
    counts = counts
    if counts.insertions + counts.deletions:
        message = changes_message(counts.insertions, counts.deletions, counts.change_places)
        found.append(("tracked-changes", message))
    if counts.embedded:
        found.append(
            (
                "embedded",
                f"{counts.embedded} embedded documents (altChunk) not read; "
                "open the file in Word and save it again to merge them",
            )
        )
    if counts.comments:
        # worded as sites' allow_warnings have copied it, "1 comments" too
        found.append(("comments", f"{counts.comments} comments ignored"))
    if counts.hidden:
        found.append(
            (
                "hidden-text",
                f"{counts.hidden} runs of hidden text (Font > Hidden) left out, "
                "as Word does not show or print them",
            )
        )
    for num_id in sorted(counts.unknown_numbering):
        found.append(
            ("numbering", f"list {num_id} is not defined in numbering.xml; numbers left out")
        )
    for number_format in sorted(unknown_formats):
        found.append(
            (
                "numbering",
                f"list number format '{number_format[:40]}' is not known; shown as decimal",
            )
        )
    if deep:
        found.append(
            (
                "nesting",
                f"{deep} styles are based on others more than {most('style_depth')} deep; "
                "read to that depth",
            )
        )
    found += unknown_symbols(counts.symbols)
    found += unended_fields(counts.unended_field_at, counts.unended_fields)
    found += unended_contents(counts.unended_contents)
    malformed = counts.malformed
    for message in malformed[:MAX_MALFORMED_REPORTED]:
        found.append(("malformed", message))
    if len(malformed) > MAX_MALFORMED_REPORTED:
        found.append(
            ("malformed", f"and {len(malformed) - MAX_MALFORMED_REPORTED} more bad values")
        )
    return found
