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


def _typed(font_xml: str, text: str) -> str:
    props = f'<w:rPr>{font_xml}<w:sz w:val="24"/></w:rPr>'
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def test_text_typed_in_a_symbol_font_reads_as_the_glyphs_it_shows():
    """Not only w:sym: a run whose w:rFonts is Wingdings or Symbol shows that font's
    glyphs for the letters it holds (typed, or pasted as Word's F0xx codes): a tick, a
    box, Greek; its w:ascii font serves ASCII letters, w:hAnsi the others."""
    parts = WordParts()
    wingdings = '<w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/>'
    parts.body = [
        para(run("1. Approved ") + _typed(wingdings, "\uf0fc\u00fe") + run(" by the panel.")),
        para(run("2. Angle ") + _typed('<w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/>', "ab p")),
        para(
            run("3. Mixed ") + _typed('<w:rFonts w:ascii="Arial" w:hAnsi="Wingdings"/>', "ok\uf0fb")
        ),
        para(run("4. Plain ") + _typed('<w:rFonts w:ascii="Segoe UI Symbol"/>', "kept")),
    ]
    source = docx_reader.read(build_docx(parts), "panel.docx")
    assert "1. Approved ✔☑ by the panel." in source.text
    assert "2. Angle αβ π" in source.text
    assert "3. Mixed ok✘" in source.text  # ASCII in Arial, the rest in Wingdings
    assert "4. Plain kept" in source.text  # a Unicode font, not a symbol font


def test_pandocs_symbol_font_text_reads_as_pandoc_reads_it():
    """pandoc's test/docx/unicode.docx (tests/corpus/LICENSES-pandoc.md) types U+F028 in
    a run set in Symbol, after two w:sym of Symbol's 0xDA; its .native reads them as
    "∨∨(" (Symbol's logical or, and its glyph 0x28)."""
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "corpus/pandoc/test/docx/unicode.docx"
    native = path.with_suffix(".native").read_text(encoding="utf-8")
    assert 'Str "\\8364\\&10.\\8744\\8744("' in native  # "€10.∨∨("
    source = docx_reader.read(path.read_bytes(), path.name)
    assert source.text.rstrip().endswith("€10.∨∨(")
    assert not [w for w in source.warnings if w[0] == "symbol"]


def test_a_theme_font_over_a_symbol_font_shows_letters():
    """review7 R3: w:asciiTheme / w:hAnsiTheme win over w:ascii / w:hAnsi (the standard,
    17.3.2.26): a run set so shows its letters in the theme's text font, never Greek."""
    parts = WordParts()
    themed = (
        '<w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:asciiTheme="minorHAnsi" '
        'w:hAnsiTheme="minorHAnsi"/>'
    )
    high_only = '<w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:asciiTheme="minorHAnsi"/>'
    parts.body = [
        para(run("1. The ") + _typed(themed, "quorum is three") + run(" members.")),
        para(run("2. Rate ") + _typed(high_only, "ab \uf0b3")),
    ]
    source = docx_reader.read(build_docx(parts), "themed.docx")
    assert "1. The quorum is three members." in source.text
    assert "2. Rate ab ≥" in source.text  # ASCII in the theme font, the rest in Symbol


def _style(kind: str, style_id: str, fonts: str, based_on: str = "") -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
        f"{based}<w:rPr>{fonts}</w:rPr></w:style>"
    )


def test_a_symbol_font_set_by_a_style_shows_its_glyphs():
    """Issue 18 (brief item 5): a symbol font set through a character style (w:rStyle),
    or a paragraph style (its w:rPr), or a style those are based on, shows that font's
    glyphs as a run's own w:rFonts does; a run's own text font, or a style's, wins over
    the style's symbol font (Word's order: run, character style, paragraph style)."""
    wingdings = '<w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/>'
    arial = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'
    parts = WordParts(
        styles=[
            _style("character", "TickMark", wingdings),
            _style("character", "BigTick", "", based_on="TickMark"),
            _style("character", "PlainMark", arial),
            _style("paragraph", "Checklist", wingdings),
        ]
    )

    def styled(style_id: str, text: str, own: str = "") -> str:
        props = f'<w:rPr><w:rStyle w:val="{style_id}"/>{own}<w:sz w:val="24"/></w:rPr>'
        return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'

    parts.body = [
        para(run("1. Approved ") + styled("TickMark", "\u00fc") + run(" by the panel.")),
        para(run("2. Noted ") + styled("BigTick", "\uf0fe") + run(" twice.")),
        para(run("3. Kept ") + styled("PlainMark", "\u00fc") + run(" as typed.")),
        para(run("4. Own font ") + styled("TickMark", "\u00fc", arial) + run(" wins.")),
        para("\u00fe\u00fd", "Checklist"),
        para(_typed(arial, "5. Text run in a checklist"), "Checklist"),
        para(
            run("6. East Asian font only ")
            + styled("TickMark", "\u00fc", '<w:rFonts w:eastAsia="SimSun"/>')
        ),
    ]
    source = docx_reader.read(build_docx(parts), "styled.docx")
    assert "1. Approved ✔ by the panel." in source.text
    assert "2. Noted ☑ twice." in source.text
    assert "3. Kept ü as typed." in source.text
    assert "4. Own font ü wins." in source.text
    assert "☑☒" in source.text
    assert "5. Text run in a checklist" in source.text
    assert "6. East Asian font only ✔" in source.text  # names no font for these letters


def test_runs_fonts_are_kept_only_when_the_body_uses_a_symbol_font_style():
    """The body's run fonts and character styles are cut before parsing, for speed
    (word_package.UNREAD_EMPTY); they are kept only when the body names a style that
    sets a symbol font (POI's bug59058.docx defines one and never uses it)."""
    from clausemark.readers.word_package import open_package

    wingdings = '<w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/>'

    def kept(body: list[str]) -> bool:
        parts = WordParts(styles=[_style("paragraph", "Checklist", wingdings)], body=body)
        package = open_package(build_docx(parts), "x.docx")
        docx_reader._DocumentReader(package, "x.docx")
        return package.keep_fonts

    assert not kept([para("Plain text.")])
    assert kept([para("Plain text."), para("\u00fc", "Checklist")])
