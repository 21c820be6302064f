"""Clause numbers glued to their text by a Word export or a copy that lost the tab after
each number: "1Meetings", "aMeetings shall not …", "bThe Council must …".

A number (1-3 digits) or one lower-case letter glued to a capitalised word at the start
of a line is a clause number only when the numbers around it go on in sequence with it:
the next numbered line is its next sibling or, for "1", the first item "a" or "1.1"; or
the numbered line before it is its previous sibling. "1st", "3D", "4G", "24/7", "2024",
"A1 road", "eBay" are never read ("1st" and "eBay" are never in such a sequence; the
others never match). `glued_splits` says where to part each one; the parser parts it
with a tab, and the nothing-lost proof reads the source with the same parts, so the
page's "a" and "Meetings" stand for the printed "aMeetings".
"""

from __future__ import annotations

import hashlib
import re

from .styles import decimal_parts, read_number

_GLUED = re.compile(r"^[ \t]*(?:(?P<digits>\d{1,3})|(?P<letter>[a-z]))(?=[A-Z][a-z])")
# after a line break, or at the text's start: a pattern opening with a literal is scanned
# for in C, where '^' with re.M is tried at every character (8x slower); the first line is
# matched apart, where '\n' + text copied the whole text (28 MB for a 7 MB paper)
_GLUED_START = r"[ \t]*(?:\d{1,3}|[a-z])[A-Z][a-z]"
_ANY_GLUED = re.compile("\n" + _GLUED_START)
_FIRST_GLUED = re.compile(_GLUED_START)
_BARE_LETTER = re.compile(r"^([a-z])(?:\t| +)(?=[A-Za-z])")
_LOOK = 40  # numbered lines looked at either side: bounded, so the pass stays linear


def _key(raw: str) -> tuple[str, int] | None:
    """('digit', n) or ('letter', n) for a numbered line, glued or printed apart."""
    glued = _GLUED.match(raw)
    if glued:
        if glued.group("digits"):
            return "digit", int(glued.group("digits"))
        return "letter", ord(glued.group("letter")) - 96
    text = raw.strip()
    bare = _BARE_LETTER.match(text)
    if bare:  # "a The council …": a letter printed apart
        return "letter", ord(bare.group(1)) - 96
    found = read_number(text) if text else None
    if found is None:
        return None
    token = found.number.strip("()[].")
    if "letter" in found.styles and len(token) == 1 and token.isalpha():
        return "letter", ord(token.lower()) - 96
    parts = decimal_parts(found.number)
    if parts and len(parts) == 1:
        return "digit", parts[0]
    if parts and len(parts) == 2 and parts[1] == 1:
        return "first-decimal", parts[0]
    return None


def glued_splits(raws: list[str], joined: str | None = None) -> dict[int, int]:
    """{line offset: where its glued number ends} for the glued numbers in sequence.

    The parser and the nothing-lost proof (twice in a build: lost and added words) ask
    this of the same lines, one after the other: every line's number is read (0.12 CPU s
    a 7 MB text), so the answer for the last text asked is kept, by the text's digest,
    and the same lines are read once a conversion. `joined`: the lines joined by line
    breaks, when the caller holds them so (the source's text): not copied again."""
    joined = "\n".join(raws) if joined is None else joined
    if _ANY_GLUED.search(joined) is None and _FIRST_GLUED.match(joined) is None:
        return {}  # one scan of the text: most texts glue no number
    # the digest names the lines only if none holds a line break of its own
    key = (
        hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=32).digest()
        if joined.count("\n") == len(raws) - 1
        else None
    )
    if key is not None and _LAST and _LAST[0][0] == key:
        return dict(_LAST[0][1])
    splits = _splits(raws, joined)
    if key is not None:
        _LAST[:] = [(key, splits)]
    return dict(splits)


_LAST: list[tuple[bytes, dict[int, int]]] = []  # the last lines' digest and their splits


def _splits(raws: list[str], joined: str) -> dict[int, int]:
    numbered = [(offset, key) for offset, raw in enumerate(raws) if (key := _key(raw))]
    names = _names_with_digits(joined)
    splits: dict[int, int] = {}
    for index, (offset, (kind, value)) in enumerate(numbered):
        match = _GLUED.match(raws[offset])
        if match is None:
            continue
        if kind == "digit" and _word_at(raws[offset], match.start()) in names:
            continue  # '2Gether' printed inside a line too: a name, never clause 2
        if _wrapped(raws, offset) and any(
            key == (kind, value) and not _GLUED.match(raws[o])
            for o, key in numbered[max(0, index - _LOOK) : index + 1 + _LOOK]
        ):
            continue  # 'named' over '2Gether Trust' with '2.' printed apart: a word
        after = [key for _, key in numbered[index + 1 : index + 1 + _LOOK]]
        before = [key for _, key in numbered[max(0, index - _LOOK) : index]]
        following = after[0] if after else None
        in_sequence = (
            following == (kind, value + 1)
            or (before and before[-1] == (kind, value - 1))
            or (kind == "digit" and following in (("letter", 1), ("first-decimal", value)))
            or (kind == "digit" and (kind, value + 1) in after and (kind, value - 1) in before)
        )
        if in_sequence or (  # "2Quorum" then "aThree members …" alone under it
            (kind, value) == ("letter", 1)
            and index
            and numbered[index - 1][1][0] == "digit"
            and numbered[index - 1][0] in splits
        ):
            splits[offset] = match.end()
    return splits


# The character before the name is matched, not looked behind for: a pattern that opens
# with a class is scanned for in C, one with a look-behind tried at every character.
_NAME_WITH_DIGITS = re.compile(r"[ \t(\"'‘“](\d{1,3}[A-Z][a-z]\w*)")


def _names_with_digits(joined: str) -> set[str]:
    """Words like '2Gether', '4Children' printed inside a line (after a space): names,
    which a glued clause number at a line's start never is. (No name runs over a line
    break, so the lines are searched as one text, `joined`.)"""
    return set(_NAME_WITH_DIGITS.findall(joined))


def _wrapped(raws: list[str], offset: int) -> bool:
    """Whether the line before goes on into this one: it ends in a word or a comma."""
    before = raws[offset - 1].rstrip() if offset else ""
    return before[-1:].isalpha() or before[-1:] == ","


def _word_at(raw: str, start: int) -> str:
    rest = raw[start:].lstrip(" \t")
    end = 0
    while end < len(rest) and (rest[end].isalnum() or rest[end] == "_"):
        end += 1
    return rest[:end]


def part_glued(raws: list[str], separator: str, joined: str | None = None) -> list[str]:
    """The lines with each glued number in sequence parted from its word by `separator`
    (`joined`: the lines joined by line breaks, if the caller holds that text)."""
    splits = glued_splits(raws, joined)
    if not splits:
        return raws
    return [
        f"{raw[: splits[offset]]}{separator}{raw[splits[offset] :]}" if offset in splits else raw
        for offset, raw in enumerate(raws)
    ]
