"""Word's paragraph styles as the reader needs them: each style's name, the style it is
based on, the list and level it numbers with, its outline level and whether it sets a tab
stop with a leader; what a style says with those it is based on (a contents style, a
leader, a heading level: `style_facts`, read once per style, not once per paragraph); and
a level value read defensively (a malformed one is named)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..support.limits import most
from .word_contents import has_leader
from .word_numbering import own_indent
from .word_package import W
from .word_symbols import is_symbol_font, named_fonts

VAL = f"{W}val"
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.I)
_TOC_STYLE = re.compile(
    r"^(toc\s*\d|toc heading|table of figures|contents(\s*\d{1,2}|\s+heading)?)$", re.I
)
PPR, NUMPR, NUMID, ILVL, OUTLINE, PSTYLE = (
    f"{W}{n}" for n in ("pPr", "numPr", "numId", "ilvl", "outlineLvl", "pStyle")
)
RFONTS = f"{W}rPr/{W}rFonts"


@dataclass
class _Style:
    name: str
    based_on: str | None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None
    leader: bool = False  # a tab stop with a leader (dots up to a page number)
    fonts: tuple[str, str] | None = None  # the fonts its w:rPr names (word_symbols.named_fonts)
    indent: int | None = None  # its w:pPr/w:ind left (twips), read quietly: list nesting


def _read_styles(root, complain) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    if root is None:
        return styles
    for element in root.iter(f"{W}style"):
        style_id = element.get(f"{W}styleId", "")
        name = element.find(f"{W}name")
        based = element.find(f"{W}basedOn")
        style = _Style(
            name=name.get(VAL, style_id) if name is not None else style_id,
            based_on=based.get(VAL) if based is not None else None,
        )
        rfonts = element.find(RFONTS)
        if rfonts is not None:
            style.fonts = named_fonts(rfonts)
        ppr = element.find(PPR)
        if ppr is not None:

            def named(message: str, style_id: str = style_id) -> None:
                complain(f"style '{style_id[:40]}': {message}")

            num_pr = ppr.find(NUMPR)
            if num_pr is not None:
                num = num_pr.find(NUMID)
                style.num_id = num.get(VAL) if num is not None else None
                style.ilvl = _level_value(num_pr.find(ILVL), "w:ilvl", named, 8)
            style.outline = _level_value(ppr.find(OUTLINE), "w:outlineLvl", named, 9)
            style.leader = has_leader(ppr)
            style.indent = own_indent(ppr, W)
        styles[style_id] = style
    return styles


def _level_value(element, name: str, complain, high: int) -> int | None:
    """A level number (w:ilvl, w:outlineLvl) read defensively: a value that is not a
    whole number from 0 to `high` is absent, and named in a warning."""
    if element is None:
        return None
    value = element.get(VAL)
    if value is None:
        return None
    try:
        number = int(value.strip())
    except ValueError:
        number = -1
    if not 0 <= number <= high:
        complain(f'{name} w:val="{value[:20]}" is not a level (0 to {high}); read as absent')
        return None
    return number


def _style_chain(styles: dict[str, _Style], style_id: str | None) -> list[tuple[str, _Style]]:
    """The style and those it is based on, nearest first, at most `style_depth` of them
    (20,000 chained styles, each used by a paragraph, would be walked 2 * 10^8 times)."""
    chain: list[tuple[str, _Style]] = []
    seen: set[str] = set()
    depth = most("style_depth")
    while style_id and style_id in styles and style_id not in seen and len(chain) < depth:
        seen.add(style_id)
        chain.append((style_id, styles[style_id]))
        style_id = styles[style_id].based_on
    return chain


def _too_deep(styles: dict[str, _Style]) -> int:
    """How many styles are based on others deeper than `style_depth` (each walked once)."""
    depth: dict[str, int] = {}
    for start in styles:
        path: list[str] = []
        on_path: set[str] = set()
        style_id = start
        while style_id in styles and style_id not in depth and style_id not in on_path:
            path.append(style_id)
            on_path.add(style_id)
            style_id = styles[style_id].based_on or ""
        below = depth.get(style_id, 0)
        for found in reversed(path):
            below = depth[found] = below + 1
    return sum(1 for value in depth.values() if value > most("style_depth"))


@dataclass(frozen=True)
class _StyleFacts:
    """A paragraph style with those it is based on, and what they say together."""

    chain: list[tuple[str, _Style]]  # the style and those it is based on, nearest first
    contents: bool  # one is a contents style (TOC 1, Contents Heading ...)
    leader: bool  # one sets a tab stop with a leader
    heading: int | None  # the '#' count the chain gives (`_chain_heading`)
    # the symbol fonts its text is set in (the nearest style naming fonts names one)
    symbol_fonts: tuple[str, str] | None = None
    indent: int | None = None  # the nearest style's left indent that sets one (twips)


def _chain_heading(chain: list[tuple[str, _Style]]) -> int | None:
    """1 for a Title, 2.. for Heading 1.. (or a style's outline level), the nearest
    style that says either deciding; None for a chain that says neither."""
    for _style_id, style in chain:
        if style.name.lower() == "title":
            return 1
        match = _HEADING_STYLE.match(style.name)
        if match:
            return int(match.group(1)) + 1
        if style.outline is not None:
            return style.outline + 2 if style.outline < 9 else None
    return None


def style_facts(styles: dict[str, _Style], style_id: str | None) -> _StyleFacts:
    """What a paragraph style says with those it is based on (read once per style)."""
    chain = _style_chain(styles, style_id)
    return _StyleFacts(
        chain,
        contents=any(_TOC_STYLE.match(s.name) for _, s in chain),
        leader=any(s.leader for _, s in chain),
        heading=_chain_heading(chain),
        symbol_fonts=_chain_symbol_fonts(chain),
        indent=next((s.indent for _, s in chain if s.indent is not None), None),
    )


def _chain_symbol_fonts(chain: list[tuple[str, _Style]]) -> tuple[str, str] | None:
    """The fonts the nearest style naming fonts names, when one is a symbol font."""
    for _style_id, style in chain:
        if style.fonts is not None:
            low, high = style.fonts
            return style.fonts if is_symbol_font(low) or is_symbol_font(high) else None
    return None


def paragraph_props(ppr) -> tuple[str | None, object, object]:
    """The style id, w:numPr and w:outlineLvl of a paragraph's w:pPr, in one pass."""
    style = num_pr = outline = None
    if ppr is not None:
        for prop in ppr:
            tag = prop.tag
            if tag == PSTYLE:
                style = prop.get(VAL)
            elif tag == NUMPR:
                num_pr = prop
            elif tag == OUTLINE:
                outline = prop
    return style, num_pr, outline


def character_fonts(facts: _StyleFacts, fonts: tuple[str, str] | None) -> tuple[str, str] | None:
    """The symbol fonts a character style sets (the nearest style in its chain naming
    fonts decides); `fonts`, the paragraph's, when none of them names any."""
    if any(style.fonts is not None for _id, style in facts.chain):
        return facts.symbol_fonts
    return fonts
