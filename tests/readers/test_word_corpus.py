"""Other projects' Word test files (tests/corpus, see LICENSES.md there): every numbered
paragraph shows the number Word shows (tests/corpus/word_numbers.yml, each number with
where it is known from), and no file crashes or loses text without a one-line reason."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from clausemark.readers import docx as docx_reader
from clausemark.readers.text import SourceError
from clausemark.readers.word_package import W, open_package
from clausemark.readers.word_symbols import run_fonts, typed_in_symbol_font
from fast_loop import sample

# libyaml's loader when PyYAML has it (its wheels do): the same data, a tenth of the time
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FILES = sorted(CORPUS.rglob("*.docx"))
ORACLE = yaml.load((CORPUS / "word_numbers.yml").read_text(encoding="utf-8"), Loader=SAFE_LOADER)
_MARKS = re.compile(r"\*+|</?u>|\\(?=[\\`*_])")  # emphasis, and the escapes of literal_words
_SPACE = re.compile(r"\s+")
MATH_TEXT = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"


def _shown(text: str) -> str:
    return _SPACE.sub("", _MARKS.sub("", text))


def _read(path: Path):
    try:
        return docx_reader.read_numbered(path.read_bytes(), str(path.relative_to(CORPUS)))
    except SourceError as error:
        return error, []


@pytest.fixture(scope="module")
def readings() -> dict[str, tuple]:
    """Every file read once (a quarter of them in the fast loop: fast_loop.py)."""
    return {str(path.relative_to(CORPUS)): _read(path) for path in sample(FILES)}


def test_the_corpus_is_there_and_judges_a_real_number_of_paragraphs():
    assert len(FILES) > 300
    assert sum(len(entry["numbers"]) for entry in ORACLE.values()) >= 400
    assert all(entry["from"] for entry in ORACLE.values())


def test_every_numbered_paragraph_shows_the_number_word_shows(readings):
    wrong, judged = [], 0
    for name, (_source, numbered) in readings.items():
        expected = [tuple(pair) for pair in ORACLE.get(name, {}).get("numbers", [])]
        got = [(number, _MARKS.sub("", text)[:40]) for number, text in numbered]
        judged += len(expected)
        if got != expected:
            pairs = zip(got, expected, strict=False)
            wrong.append((name, len(got), len(expected), [p for p in pairs if p[0] != p[1]]))
    assert not wrong, wrong
    if len(readings) == len(FILES):  # every number the oracle holds was judged
        assert judged == sum(len(entry["numbers"]) for entry in ORACLE.values())


def test_no_file_crashes_and_a_refused_one_says_why_in_one_line(readings):
    for name, (source, _numbered) in readings.items():
        if isinstance(source, SourceError):
            assert str(source).startswith(f"{name}: ") and "\n" not in str(source), name


def _visible_pieces(path: Path) -> tuple[list[str], int]:
    """The text of every w:t of the body, and how many sit in runs set as hidden."""
    package = open_package(path.read_bytes(), str(path))
    pieces: list[str] = []
    hidden = [0]
    vanish, fonts = f"{W}rPr/{W}vanish", f"{W}rPr/{W}rFonts"

    def block(element) -> None:
        for run in element.iter(f"{W}r"):
            mark = run.find(vanish)
            texts = [t.text or "" for t in run.findall(f"{W}t")]
            font = run.find(fonts)
            symbol = run_fonts(font) if font is not None else None
            if symbol:  # typed in a symbol font: the glyphs it shows ("\uf028" is "(")
                texts = [typed_in_symbol_font(text, symbol, set()) for text in texts]
            if mark is not None and mark.get(f"{W}val", "1") not in ("0", "false", "off"):
                hidden[0] += any(t.strip() for t in texts)
            else:
                pieces.extend(texts)

        for math in element.iter(MATH_TEXT):  # an equation's text: shown, so read
            pieces.append(math.text or "")

    package.body_blocks(block)
    return pieces, hidden[0]


def test_no_file_loses_text_without_a_reason(readings):
    """Every piece of body text Word shows is in the reader's text, or in what it left
    out on purpose (a contents field); hidden text is left out with a warning."""
    lost = []
    for name, (source, _numbered) in readings.items():
        path = CORPUS / name
        if isinstance(source, SourceError):
            continue
        # the reader writes "<b>" or "&lt;" printed as words escaped (literal_words)
        shown = _shown(unescape(source.text) + " ".join(text for _, text in source.dropped))
        pieces, hidden = _visible_pieces(path)
        missing = [p for p in pieces if _shown(p) and _shown(p) not in shown]
        if missing:
            lost.append((name, missing[:3]))
        if hidden:
            assert "hidden-text" in dict(source.warnings), name
    assert not lost, lost
