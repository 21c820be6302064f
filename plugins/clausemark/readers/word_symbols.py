"""Word's symbol fonts: a `<w:sym w:font="Wingdings" w:char="F0FC"/>` is a glyph of that
font (a tick), not the letter its code names in other fonts ("ü"). The glyphs a council's
text uses (ticks, crosses, boxes, bullets, arrows, the Symbol font's Greek and signs) are
read as their Unicode characters (after the Unicode Consortium's mappings of these fonts,
L2/12-368); any other glyph of a symbol font is kept as the character the file holds and
named in a warning, never shown as a wrong letter."""

from __future__ import annotations

from .word_package import W as _W

_WINGDINGS = {
    0x28: "☎", 0x4A: "☺", 0x4C: "☹", 0x6C: "●", 0x6D: "❍", 0x6E: "■", 0x6F: "□",
    0x70: "◻", 0x71: "❑", 0x72: "❒", 0x73: "⬧", 0x74: "⧫", 0x75: "◆", 0x76: "❖",
    0x77: "⬥", 0x9F: "•", 0xA1: "○", 0xA4: "◉", 0xA7: "▪", 0xA8: "◻",
    0xD8: "➢", 0xE0: "➔", 0xE8: "➔", 0xF0: "⇨", 0xFB: "✘", 0xFC: "✔", 0xFD: "☒", 0xFE: "☑",
}  # fmt: skip
_WINGDINGS_2 = {0x4F: "✘", 0x50: "✔", 0x52: "☑", 0x53: "☒", 0x54: "☒", 0xA3: "☐"}
_GREEK = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ"
# Adobe's Symbol encoding, as the Unicode Consortium maps it (SYMBOL.TXT)
_SYMBOL = {
    **{0x41 + i: letter for i, letter in enumerate(_GREEK)},
    **{0x61 + i: letter for i, letter in enumerate("αβχδεφγηιϕκλμνοπθρστυϖωξψζ")},
    **{code: chr(code) for code in range(0x20, 0x40) if code not in (0x22, 0x24, 0x27, 0x2A, 0x2D)},
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5B: "[", 0x5D: "]",
    0x5E: "⊥", 0x5F: "_", 0x7B: "{", 0x7C: "|", 0x7D: "}", 0x7E: "∼", 0xA3: "≤", 0xA5: "∞",
    0xA7: "♣", 0xA8: "♦", 0xA9: "♥", 0xAA: "♠", 0xAB: "↔", 0xAC: "←", 0xAD: "↑", 0xAE: "→",
    0xAF: "↓", 0xB0: "°", 0xB1: "±", 0xB3: "≥", 0xB4: "×", 0xB7: "•", 0xB8: "÷", 0xB9: "≠",
    0xBA: "≡", 0xBB: "≈", 0xBC: "…", 0xD2: "®", 0xD3: "©", 0xD4: "™", 0xD6: "√", 0xDE: "⇒",
    0xE2: "®", 0xE3: "©", 0xE4: "™", 0x5C: "∴", 0xA1: "ϒ", 0xA2: "′", 0xA4: "⁄", 0xA6: "ƒ",
    0xB2: "″", 0xB5: "∝", 0xB6: "∂", 0xBF: "↵", 0xC0: "ℵ", 0xC1: "ℑ", 0xC2: "ℜ", 0xC3: "℘",
    0xC4: "⊗", 0xC5: "⊕", 0xC6: "∅", 0xC7: "∩", 0xC8: "∪", 0xC9: "⊃", 0xCA: "⊇", 0xCB: "⊄",
    0xCC: "⊂", 0xCD: "⊆", 0xCE: "∈", 0xCF: "∉", 0xD0: "∠", 0xD1: "∇", 0xD5: "∏", 0xD7: "⋅",
    0xD8: "¬", 0xD9: "∧", 0xDA: "∨", 0xDB: "⇔", 0xDC: "⇐", 0xDD: "⇑", 0xDF: "⇓", 0xE0: "◊",
    0xE1: "〈", 0xE5: "∑", 0xF1: "〉", 0xF2: "∫",
}  # fmt: skip
SYMBOL_FONTS = {
    "wingdings": _WINGDINGS, "wingdings 2": _WINGDINGS_2, "symbol": _SYMBOL,
    "wingdings 3": {}, "webdings": {}, "marlett": {}, "zapf dingbats": {}, "zapfdingbats": {},
    "mt extra": {},
}  # fmt: skip


def is_symbol_font(font: str) -> bool:
    return " ".join(font.split()).lower() in SYMBOL_FONTS


def symbol_glyph(font: str, value: int, unknown: set[str]) -> str:
    """The Unicode character of a symbol font's glyph (its code with or without the
    F000 offset Word writes); a glyph not in the table is the file's character, and
    added to `unknown` ("Wingdings 3 F0A0") for the warning."""
    table = SYMBOL_FONTS.get(" ".join(font.split()).lower(), {})
    glyph = table.get(value - 0xF000 if 0xF000 <= value <= 0xF0FF else value)
    if glyph is None:
        unknown.add(f"{' '.join(font.split())[:40]} {value:04X}")
    return glyph or chr(value)


def unknown_symbols(found: set[str]) -> list[tuple[str, str]]:
    """The warning naming the glyphs kept as the file's codes ("Wingdings 3 F0A0")."""
    if not found:
        return []
    named = ", ".join(sorted(found)[:10]) + (
        f" and {len(found) - 10} more" if len(found) > 10 else ""
    )
    return [
        (
            "symbol",
            "symbol-font glyphs with no known character are kept as the file's character codes "
            f"(a browser may show an empty box); check them against the document: {named}",
        )
    ]


def named_fonts(fonts) -> tuple[str, str]:
    """A w:rFonts as (font of its ASCII characters, font of the others). Word takes
    w:ascii for U+0000-U+007F and w:hAnsi for the rest, and a theme font (w:asciiTheme,
    w:hAnsiTheme) over either: the font named beside it is not shown (a theme font is
    a text font, given here as '')."""
    low = "" if fonts.get(f"{_W}asciiTheme") else fonts.get(f"{_W}ascii") or ""
    high = "" if fonts.get(f"{_W}hAnsiTheme") else fonts.get(f"{_W}hAnsi") or low
    return low, high


_NAMING = tuple(f"{_W}{name}" for name in ("ascii", "hAnsi", "asciiTheme", "hAnsiTheme"))


def run_fonts(fonts, inherited: tuple[str, str] | None = None) -> tuple[str, str] | None:
    """A run's w:rFonts as `named_fonts` gives them, when one of them is a symbol font
    (text typed in Wingdings shows ticks, not letters); None otherwise. One that names
    no font for these characters (only w:eastAsia, w:cs) leaves its styles' `inherited`."""
    if not any(fonts.get(name) for name in _NAMING):
        return inherited
    low, high = named_fonts(fonts)
    if is_symbol_font(low) or is_symbol_font(high):
        return low, high
    return None


def style_ids_in_symbol_fonts(styles: dict, facts) -> list[str]:
    """The ids of the styles whose text is set in a symbol font (`facts(style_id)` says,
    with the styles each is based on): only when the body uses one are its runs' w:rStyle
    and text-font w:rFonts read (word_package cuts them otherwise, for speed)."""
    return [style_id for style_id in styles if facts(style_id).symbol_fonts is not None]


def typed_in_symbol_font(text: str, fonts: tuple[str, str], unknown: set[str]) -> str:
    """Text typed in a symbol font, as the glyphs it shows: each character's code (with
    or without Word's F000 offset) is a glyph of its font; white space stays itself."""
    shown = []
    for char in text:
        font = fonts[0] if char < "\x80" else fonts[1]
        code = ord(char)
        if (
            char.isspace()
            or not is_symbol_font(font)
            or not (code < 0x100 or 0xF000 <= code <= 0xF0FF)
        ):
            shown.append(char)
        else:
            shown.append(symbol_glyph(font, code, unknown))
    return "".join(shown)


def sym_character(sym, complain, unknown: set[str]) -> str:
    """A w:sym's character (its w:char in hex, often in the symbol fonts' private range
    F0xx): a symbol font's glyph, or the character named; a code that is no character
    is read as absent, and `complain`ed of with the paragraph."""
    code, font = sym.get(f"{_W}char", ""), sym.get(f"{_W}font", "")
    try:
        value = int(code.strip(), 16)
    except ValueError:
        value = -1
    if not 0 <= value <= 0x10FFFF or 0xD800 <= value <= 0xDFFF:  # no character
        complain(f'w:sym w:char="{code[:20]}" is not a character code; read as absent')
        return ""
    if is_symbol_font(font):  # its glyph's character
        return symbol_glyph(font, value, unknown)
    value = value - 0xF000 if 0xF000 <= value <= 0xF0FF else value
    return chr(value) if value >= 0x20 else " "
