"""Word's tracked changes, as the Word reader accepts them (readers/docx.py): whether a
paragraph's mark is struck out, and the warning that counts the changes and names the
first paragraphs they were in."""

from __future__ import annotations

from .word_package import W

RPR, DEL, MOVE_FROM = (f"{W}{n}" for n in ("rPr", "del", "moveFrom"))
DEL_TEXT, TEXT, P = f"{W}delText", f"{W}t", f"{W}p"
PLACES_NAMED = 5  # paragraphs a warning names; the rest are "later ones"


def mark_struck(properties) -> bool:
    """The paragraph mark itself (its w:pPr/w:rPr) is a tracked deletion, or moved away
    from here (w:moveFrom: the paragraph stands at its w:moveTo place once accepted)."""
    if properties is None:
        return False
    for child in properties:
        if child.tag == RPR:
            return any(mark.tag in (DEL, MOVE_FROM) for mark in child)
    return False


def counted(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def places_named(places: list[str]) -> str:
    """'paragraph 16', 'paragraphs 16 and 23', 'paragraphs 16, 23, ... and later ones'."""
    numbers = [place.removeprefix("paragraph ") for place in places[:PLACES_NAMED]]
    if len(places) == 1:
        return places[0]
    if len(places) > PLACES_NAMED:
        return f"paragraphs {', '.join(numbers)} and later ones"
    return f"paragraphs {', '.join(numbers[:-1])} and {numbers[-1]}"


def changes_message(insertions: int, deletions: int, places: list[str]) -> str:
    return (
        f"{counted(insertions + deletions, 'tracked change')} read as accepted "
        f"({counted(insertions, 'insertion')} kept, "
        f"{counted(deletions, 'deletion')} dropped), in {places_named(places)}"
    )


def deleted_words(element) -> str:
    """The words a tracked deletion held (w:delText, or w:t in a deleted run)."""
    return "".join(t.text or "" for t in element.iter(DEL_TEXT, TEXT)).strip()


def comment_words(comments) -> dict[str, str]:
    """Each comment's words by its id, its paragraphs joined by a space."""
    if comments is None:
        return {}
    return {
        comment.get(f"{W}id", ""): " ".join(
            "".join(t.text or "" for t in paragraph.iter(TEXT)) for paragraph in comment.iter(P)
        ).strip()
        for comment in comments.iter(f"{W}comment")
    }
