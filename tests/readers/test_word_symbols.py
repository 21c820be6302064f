"""Word's symbol fonts: a `w:sym` of Wingdings or Symbol is read as the glyph the page
shows (a tick, a cross, a box, a bullet), never the letter its code names in a text font
("ü" for Wingdings' tick); a glyph with no known character is kept as the file holds it
and named in a warning."""

from __future__ import annotations

from clausemark.readers import docx as docx_reader
from format_fixtures import WordParts, build_docx, para, run


def _read(*symbols: tuple[str, str]):
    parts = WordParts()
    marks = "".join(
        f'<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>' for font, code in symbols
    )
    parts.body = [para(run("Delegated to officers ") + marks + run(" end."))]
    return docx_reader.read(build_docx(parts), "delegations.docx")


def test_wingdings_ticks_crosses_and_boxes_are_their_characters():
    source = _read(
        ("Wingdings", "F0FC"), ("Wingdings", "F0FB"), ("Wingdings", "F0FE"), ("Wingdings", "FD"),
        ("Wingdings", "F06C"), ("Wingdings 2", "F050"), ("Symbol", "F0B7"), ("Symbol", "F061"),
    )  # fmt: skip
    assert "Delegated to officers ✔✘☑☒●✔•α end." in source.text
    assert not [w for w in source.warnings if w[0] == "symbol"]


def test_an_unknown_symbol_glyph_is_kept_and_named_never_a_wrong_letter():
    source = _read(("Wingdings 3", "F0A0"), ("Wingdings", "F021"))
    assert "Delegated to officers \uf0a0\uf021 end." in source.text
    assert "ü" not in source.text
    (warning,) = [message for kind, message in source.warnings if kind == "symbol"]
    assert "Wingdings 3 F0A0" in warning and "Wingdings F021" in warning


def test_a_text_font_symbol_keeps_its_character():
    source = _read(("Arial", "F041"), ("Times New Roman", "2013"))
    assert "Delegated to officers A– end." in source.text
