"""The conversion's nothing-lost proof reads the words of the Markdown as written
(markdown_writer.written_text), not a render of it (the lead's ruling of session 12):
the writer's escapes and markup read back give the render's words, never a word the
render hides; a page with what they do not read is rendered; and a word dropped on
purpose is found with no render at all."""

from __future__ import annotations

import random

import pytest
from clausemark.convert import convert_file
from clausemark.readers.text import SourceText
from clausemark.render import fidelity
from clausemark.render.markdown_writer import render_document, written_text
from clausemark.support.markdown_text import word_string
from fast_loop import examples
from seeds import ALL_SEEDS
from test_plain_runs import CASES, PIECES, in_order


def _words_both(body: str) -> tuple[str | None, tuple[bytes, bytes]]:
    """(the written text, or None; the whole render's body and notes as word strings)."""
    body_text, notes_text = fidelity.rendered_text("---\ntitle: T\n---\n\n" + body)
    rendered = (word_string(body_text, True), word_string(notes_text, True))
    return written_text(body), rendered


def _written_words(written: str) -> tuple[bytes, bytes]:
    body_text, notes_text = fidelity.html_text(written)
    return word_string(body_text, True), word_string(notes_text, True)


def _no_render(monkeypatch) -> None:
    def refuse(_aside):
        raise AssertionError("the conversion's proof rendered the page")

    monkeypatch.setattr(fidelity, "_renderer", refuse)


# The writer's own escapes and markup, from a text source: read back, the same words,
# backslashes and all, as the render shows.
WRITTEN = """\
Standing Orders

1. Meetings

1.1 The Chair's *casting* vote & the "quorum" <of three> {not an attribute list}.
1.2 A path C:\\Users\\clerk and a star \\* and **bold** words_with_underscores.
1.3 See [the rules](https://example.org/rules (2024)) and [^1] and 1. at the start.
1.4 The quorum of each committee is:

| Committee | Quorum |
| --- | --- |
| Planning \\| Licensing | 5 |
| # Audit | 3 |

2. Members

(a) an item with ## hashes # and a [label] and a 50% share;
(b) an item: with a colon, 3.5 per cent and a rate of 1/2.

[^1]: A note's words, with *emphasis* and a [link](https://example.org/n).
"""


def test_the_writers_markup_read_back_gives_the_renders_words(tmp_path):
    source = tmp_path / "orders.txt"
    source.write_text(WRITTEN, encoding="utf-8")
    page = render_document(convert_file(source, check_fidelity=False))
    body = page.split("\n---\n", 1)[1]
    written = written_text(body)
    assert written is not None and "orders" in written.lower()
    assert _written_words(written) == _words_both(body)[1]
    # a word the writer wrote is read back: the proof compares the words, not the bytes
    assert (
        b" casting " in _written_words(written)[0] and b" \\ users " in _written_words(written)[0]
    )


@pytest.mark.parametrize("seed", ALL_SEEDS, ids=lambda p: p.stem)
def test_the_conversions_proof_renders_no_page_of_a_seed(seed, monkeypatch):
    """Before the ruling every conversion rendered its page with Python-Markdown to prove
    it (most of the proof's time); now the words as written prove it."""
    _no_render(monkeypatch)
    document = convert_file(seed)
    assert not [w for w in document.warnings if w.code == "lost-words"]


def test_a_word_dropped_on_purpose_is_found_with_no_render(monkeypatch):
    """Dropping a word from a clause after parsing is found by the words as written
    alone (the render is only asked to word the failure); the page as converted passes."""
    seed = ALL_SEEDS[0]
    document = convert_file(seed, check_fidelity=False)
    source = SourceText(str(seed), seed.read_text(encoding="utf-8"))
    _no_render(monkeypatch)

    def proof() -> list[str]:
        page = render_document(document)
        return fidelity._lost_words(source, document, *fidelity.written_words(page))

    assert proof() == []
    for clause in [c for c in _clauses(document.blocks) if len(c.text.split()) > 6][:20]:
        kept = clause.text
        clause.text = " ".join(kept.split()[:3] + kept.split()[4:])  # a word in the middle
        assert proof(), kept
        clause.text = kept


def _clauses(blocks):
    for block in blocks:
        yield from _clauses(getattr(block, "blocks", []))
        if hasattr(block, "children"):
            yield block
            yield from _clauses(block.children)


# What the writer never writes, each a page that only a render can read: the words as
# written are None, or fewer than the render's, never more.
HIDDEN = {
    "image": "words ![alt words](pic.png) after",
    "nested target": "[a](x (y (z words))) after",
    "target over lines": "[a](x\ntarget words) after",
    "row past its header": "a | b\n--- | ---\nc | d | hidden cell words",
    "ordered list": "1. item words\n2. more words",
    "entity of a letter in code": "    code &#65; words",
    "code span": "`&#65; \\* code` words",
    "definition": "[ref] words\n\n[ref]: http://a.example/ 'title words'",
    "footnote definition": "words[^1]\n\n[^1]: note words",
    "unknown reference": "a &copy b &#X41; c &Foo1; d",
    "control characters": "a\x02b c\x03d",
    "attribute list": "words {: #a .hidden data-x='hidden words' }",
}


@pytest.mark.parametrize("body", [*HIDDEN.values(), *CASES.values()])
def test_the_words_as_written_never_show_a_word_the_render_hides(body):
    written, rendered = _words_both(body)
    if written is not None:
        shown = _written_words(written)
        assert fidelity.first_lost_at(shown[0], rendered[0]) is None, (shown, rendered)
        assert fidelity.first_lost_at(shown[1], rendered[1]) is None, (shown, rendered)


def test_random_markdown_as_written_never_shows_a_word_the_render_hides():
    """The same over many small pages mixing words with every kind of syntax."""
    chance = random.Random(12)
    for _ in range(examples(400)):  # a quarter in the fast loop
        lines = []
        for _line in range(chance.randint(1, 6)):
            pieces = [chance.choice(["word", "more", "text", *PIECES]) for _ in range(8)]
            lines.append(chance.choice(["", "", "    ", "  ", "-   "]) + " ".join(pieces))
            if chance.random() < 0.3:
                lines.append("")
        body = "\n".join(lines)
        written, rendered = _words_both(body)
        if written is not None:
            shown = _written_words(written)
            assert in_order(shown[0].split(), rendered[0].split()), body
            assert in_order(shown[1].split(), rendered[1].split()), body


def test_a_loss_in_the_words_as_written_is_worded_by_the_whole_render(monkeypatch, tmp_path):
    """A page the words as written read, missing a word: found with no render, then
    rendered whole once (not with runs set aside) for the failure's message."""
    text = "Opening words here.\n\nHidden words here.\n\nClosing words here.\n"
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    document = convert_file(tmp_path / "t.txt", check_fidelity=False)
    source = SourceText(str(tmp_path / "t.txt"), text)
    page = "---\ntitle: T\n---\n\nOpening words here.\n\nClosing words here.\n"
    monkeypatch.setattr(fidelity, "render_document", lambda _document: page)
    renders: list[bool] = []  # each render's set_runs_aside
    real = fidelity._renderer
    monkeypatch.setattr(fidelity, "_renderer", lambda aside: renders.append(aside) or real(aside))
    found = fidelity.lost_words(source, document)
    assert renders == [False] and found and "'hidden'" in found[0]


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "{" * n + "\n" + "}" * n,  # an attribute list from each '{' to a line's end
        lambda n: "| a | b |\n" + "| --- | --- |\n" * n,  # rules under one header
        lambda n: "[^a " * n + "]:" * n,  # definitions' openers, then their ends
        lambda n: "<div>\n" * n + "</div>\n" * n,
        lambda n: "\n" + "1. " * n,
    ],
    ids=["braces", "table rules", "definitions", "block tags", "list numbers"],
)
def test_the_words_as_written_are_read_in_linear_time(make):
    """A line of 20,000 '{' with no '}' after them cost 0.22 CPU s, 40,000: 0.88 (each
    '{' was read to the line's end)."""
    from fast_loop import size
    from hostile_files import assert_linear_cpu

    n = size(20_000, 10_000)
    assert_linear_cpu(written_text, make(n), make(2 * n))
