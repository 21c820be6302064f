"""A label over a whole document (lead ruling R46, session 15).

"APPENDIX B", "Annex 2" or "Schedule 1" printed alone on its line near the top of a text,
nothing numbered and no text above it, only the page's own short lines (a report's appendix
saved as its own file: the label, then the document's own heading), labels the whole
document: it opens no container (its clauses carry no appendix_B__ prefix) and stays on the
page as a line of text. First in the text or right under the title it is the page's label
as before (parser._as_label). The same label after the document's text, or heading a later
part of it, is a container as the anchor contract says; so is one with clauses numbered
under it ("B.1") or one of several of its kind (a file of appendices)."""

from __future__ import annotations

from dataclasses import replace

from ..numbering.styles import container_word, rank_of
from .shapes import ends_sentence
from .units import Unit

_TOP = 12  # units at the top of a text a label over the whole document stands among
_UNDER_PAGE_LINES = 2  # a label run into its heading under the page's own lines, not first
_LINE_MOST = 120  # characters of a page's own line above the label (no paragraph of text)


def split_label_lines(flow: list) -> list:
    """The flow with a label over the whole document that the reader ran into the line
    under it ('APPENDIX B' / 'ARMAGH CITY AND DISTRICT COUNCIL', no blank between) parted
    from that line: the label a line of its own, the heading a line of its own."""
    for position, unit in enumerate(flow[:_TOP]):
        if not isinstance(unit, Unit) or not unit.joined_lines or not _bare(unit):
            continue
        if position < _UNDER_PAGE_LINES:
            return flow  # 'Appendix 20' / its title first: the page's label and title
        rest = unit.text[len(unit.first.strip()) :].strip()
        if not rest or container_word(rest) is not None or not labels_document(flow, position):
            return flow
        lines, unit.text, unit.joined_lines = unit.joined_lines, unit.first.strip(), []
        title = replace(unit, line=lines[0], text=rest, joined_lines=lines[1:], first=rest)
        return [*flow[: position + 1], title, *flow[position + 1 :]]
    return flow


def labels_document(flow: list, position: int) -> bool:
    """Whether the container label at `position` labels the whole document (see the
    module): near the top, its first line the label alone, only short lines and no number
    above it, the only label of its kind, nothing numbered under its letter."""
    unit = flow[position]
    if not _UNDER_PAGE_LINES <= position <= _TOP:
        return False  # first, or right under the title: the page's label (parser._as_label)
    if not isinstance(unit, Unit) or unit.number or not _bare(unit):
        return False
    for item in flow[:position]:
        if not isinstance(item, Unit) or item.number or len(item.text) > _LINE_MOST:
            return False
        if ends_sentence(item.text) and not item.text.rstrip().endswith(":"):
            return False  # text above it: the label heads a later part
    found = container_word(unit.first.strip())
    return (
        found is not None
        and not _more_with(flow, found.word.element)
        and not _numbered_under(flow, found.number)
    )


def _bare(unit: Unit) -> bool:
    """Whether the unit's first line is a schedule, appendix or annex label and no more."""
    if unit.md_level or unit.bullet or unit.listed or len(unit.first) > 40:
        return False
    found = container_word(unit.first.strip())
    return found is not None and not found.rest and rank_of(found.word.element) == 0


def _more_with(flow: list, element: str) -> bool:
    """Whether a second label of the same kind stands in the text (a file of appendices:
    each a container)."""
    seen = 0
    for item in flow:
        if isinstance(item, Unit) and item.first[:12].split(" ", 1)[0].isalpha():
            found = container_word(item.first.strip()) if len(item.first) <= 200 else None
            seen += found is not None and found.word.element == element
            if seen > 1:
                return True
    return False


def _numbered_under(flow: list, number: str) -> bool:
    """Whether a clause is numbered under the label ('B.1', 'B1.')."""
    size = len(number)
    for item in flow:
        if isinstance(item, Unit) and item.number and item.number[:size].upper() == number.upper():
            rest = item.number[size:]
            if rest[:1].isdigit() or (rest[:1] == "." and rest[1:2].isdigit()):
                return True
    return False
