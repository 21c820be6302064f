"""Zero-width characters a web copy carries ('1\u200b.1'): removed from every reader's text
(one place, readers.read_source; the PDF reader's glyphs before lines are made), as they
print nothing, and told once per file as an INFO repair with the count and first place."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses
from clausemark.readers import read_source
from clausemark.readers.text import SourceError
from format_fixtures import WordParts, build_docx, para, print_html, run, text_pdf

ZW = "ZW Rules\n\n1. A\n\n1\u200b.1 B\u2060 text.\n\n1.2 C\ufefftext.\n"


def test_a_zero_width_character_in_a_printed_number_leaves_the_number_printed(tmp_path):
    path = tmp_path / "zw.txt"
    path.write_text(ZW, encoding="utf-8")
    document = convert_file(path)
    clauses = [(c.number, c.text) for c, *_ in iter_clauses(document.blocks)]
    assert clauses == [("1.", "A"), ("1.1", "B text."), ("1.2", "Ctext.")]
    [repair] = [w for w in document.warnings if w.code == "zero-width"]
    assert repair.message.startswith("3 zero-width characters ")
    assert repair.message.endswith("the first at line 5")
    assert [w.code for w in document.warnings] == ["zero-width"]  # no lost words
    # the nothing-lost proof (convert_file's) passed: no 'lost-words' above


def test_a_joiner_between_letters_of_a_script_that_joins_stays(tmp_path):
    path = tmp_path / "fa.txt"
    path.write_text("Rules\n\n1. \u0645\u06cc\u200c\u0634\u0648\u062f here\u200d.\n", "utf-8")
    source = read_source(path)
    assert "\u0645\u06cc\u200c\u0634" in source.text and "here." in source.text
    assert source.warnings == [
        (
            "zero-width",
            "1 zero-width character (U+200B, U+FEFF ...; they print nothing) "
            "removed, the first at line 3",
        )
    ]


def _numbers_and_repair(document) -> tuple[list[tuple[str | None, str]], list[str]]:
    clauses = [(c.number, c.text) for c, *_ in iter_clauses(document.blocks)]
    return clauses, [f"{w.code}: {w.message}" for w in document.warnings]


def _repair(count: int, where: str) -> str:
    word = "character" if count == 1 else "characters"
    return (
        f"zero-width: {count} zero-width {word} (U+200B, U+FEFF ...; they print nothing) "
        f"removed, the first at {where}"
    )


RULES = [("1.", "A"), ("1.1", "B text."), ("1.2", "Ctext.")]


def test_a_web_page_s_zero_width_characters_leave_its_numbers_printed(tmp_path):
    path = tmp_path / "zw.html"
    path.write_text(
        "<html><head><title>ZW Rules</title></head><body><h1>ZW Rules</h1><p>1. A</p>"
        "<p>1&#8203;.1 B\u2060 text.</p><p>1.2 C&#xFEFF;text.</p></body></html>",
        "utf-8",
    )
    assert _numbers_and_repair(convert_file(path)) == (RULES, [_repair(3, "line 1")])


def test_a_word_file_s_zero_width_characters_leave_its_numbers_printed(tmp_path):
    body = ["1. A", "1\u200b.1 B\u2060 text.", "1.2 C\ufefftext."]
    parts = WordParts(body=[para(run("ZW Rules"), style="Title"), *(para(run(t)) for t in body)])
    path = tmp_path / "zw.docx"
    path.write_bytes(build_docx(parts))
    assert _numbers_and_repair(convert_file(path)) == (RULES, [_repair(3, "paragraph 3")])


def test_a_pdf_s_zero_width_glyph_leaves_its_number_starting_a_line(tmp_path):
    # Z's glyph is drawn over (TJ moves back its width) and maps to U+200B: before, the
    # line '1\u200b.1 B text.' started no clause and was joined to the line above.
    content = (
        "BT /F1 12 Tf 72 720 Td (Rules) Tj 0 -30 Td (1. A) Tj "
        "0 -20 Td [(1Z) 611 (.1 B text.)] TJ 0 -20 Td (1.2 Ctext.) Tj ET"
    )
    path = tmp_path / "zw.pdf"
    path.write_bytes(text_pdf("", z_maps_to=b"200B", content=content))
    assert _numbers_and_repair(convert_file(path)) == (RULES, [_repair(1, "page 1")])


@pytest.mark.browser
def test_a_joiner_chromium_prints_into_a_number_leaves_it_a_number(browser, tmp_path):
    # Chromium leaves U+200B, U+2060, U+FEFF and U+200C out of a PDF's text layer but
    # prints U+200D in one glyph with the digit before it: '1\u200d.1' (checked by eye:
    # the page shows '1.1'); before, the line was joined to the line above as '1 .1'.
    page = (
        "<html><body><h1>ZW Rules</h1><p>1. A</p><p>1\u200d.1 B text.</p>"
        "<p>1.2 Ctext.</p></body></html>"
    )
    path = tmp_path / "zw.pdf"
    path.write_bytes(print_html(browser, page, footer=False))
    assert _numbers_and_repair(convert_file(path)) == (RULES, [_repair(1, "page 1")])


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_file_of_only_zero_width_characters_is_named_empty(tmp_path, suffix):
    """Nothing prints: the file is empty to its reader, not 'no headings or clause numbers
    found; each paragraph is a clause' (review9: the emptiness check ran before the removal)."""
    path = tmp_path / f"blank{suffix}"
    lines = ["\u200b\u200b", "\ufeff", "\u2060 \u200c"]
    if suffix == ".txt":
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        path.write_bytes(build_docx(WordParts(body=[para(run(t)) for t in lines])))
    with pytest.raises(SourceError) as error:
        read_source(path)
    assert str(error.value) == (
        f"{path}: the file holds only zero-width characters (U+200B, U+FEFF ...), which "
        "print nothing: no text to read"
    )


def test_the_front_matters_zero_width_characters_are_removed_too(tmp_path):
    """Before the rule moved to readers.read_source the text reader cleaned the whole file;
    since, a front matter's 'version: 2\u200b.1' stayed another version than '2.1'
    (review9)."""
    path = tmp_path / "fm.txt"
    front = 'title: "\u200bStanding\u200b Orders"\nversion: "2\u200b.1"\n'
    path.write_text(f"---\n{front}---\n\n1. Quorum\n\n1.1 Three.\n", encoding="utf-8")
    document = convert_file(path)
    assert (document.metadata.title, document.metadata.version) == ("Standing Orders", "2.1")
    [repair] = [w for w in document.warnings if w.code == "zero-width"]
    assert repair.message.startswith("3 zero-width characters ")
    assert repair.message.endswith("the first at the front matter")


def test_a_sidecars_zero_width_characters_are_removed_as_the_front_matters(tmp_path):
    """A sidecar's 'version: 2\u200b.1' was the page's version as written (review9)."""
    path = tmp_path / "rules.txt"
    path.write_text("Rules\n\n1. Quorum\n\n1.1 Three.\n", encoding="utf-8")
    document = convert_file(path, defaults={"version": "2\u200b.1", "title": "Rules\u2060"})
    assert (document.metadata.title, document.metadata.version) == ("Rules", "2.1")
    [repair] = [w for w in document.warnings if w.code == "zero-width"]
    assert repair.message.startswith("2 zero-width characters ")
    assert repair.message.endswith("the first at the sidecar")
