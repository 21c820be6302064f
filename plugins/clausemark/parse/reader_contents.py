"""What a reader left out before the text was parsed (a Word contents field, a PDF's
contents page, a web page's aside), reported at its place: contents when it comes back
as the document's headings (INFO), guessed otherwise (a WARNING)."""

from __future__ import annotations

from ..model.document import DROP_KINDS, Dropped
from .contents import _ENTRY_WORDS, HeadingIndex, _words, entry_text, is_contents_label
from .drops import READER_KINDS, REASONS

_BOX_WORDS = 2_000  # words of the longest contents box a web page sets aside


def _contents_box(text: str, headings: HeadingIndex) -> bool:
    """'1. Name 2. Area 3. Purposes', 'Name Area Purposes': the words of a box set aside in
    a web page's text (its contents box, its entries' numbers drawn or printed) read
    whole as three or more of the document's headings, in their order."""
    words = _words(text).split()
    if len(words) > _BOX_WORDS:
        return False
    entries: list[str] = []
    at = 0
    while at < len(words):
        for size in range(min(_ENTRY_WORDS, len(words) - at), 0, -1):
            if " ".join(words[at : at + size]) in headings.by_title:
                break
        else:
            if not words[at].isdigit():
                return False  # a word that starts no heading: a note of the text's own
            at += 1  # an entry's printed number
            continue
        entries.append(" ".join(words[at : at + size]))
        at += size
    return len(entries) >= 3 and headings.all_come_back(entries, -1)


def reader_drop(
    reason: str, text: str, headings: HeadingIndex, place: str | None = None
) -> Dropped:
    """What a reader left out (line 0), at its place in the file ('page 2') when the
    reader knows it: a PDF's contents list is only guessed when its entries do not come
    back as the document's headings."""
    kind = READER_KINDS.get(reason, "running-header")
    box = kind == "aside-text" and _contents_box(text, headings)
    if box:  # a web page's own contents box
        kind, reason = "contents", REASONS["contents"]
    if (
        not box
        and kind == "contents"
        and not is_contents_label(text)  # the list's own title comes back as no heading
        and headings.next_after(entry_text(text), -1) is None
    ):
        kind = "contents-guessed"
    return Dropped(
        0,
        text,
        reason if kind != "contents-guessed" else REASONS[kind],
        kind,
        DROP_KINDS[kind],
        place,
    )
