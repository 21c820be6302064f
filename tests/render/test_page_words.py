"""The words a built page shows, each with the id it sits under (fidelity.page_words):
the page proof compares them with the source's. Texts under one id are split together,
so a page of many inline tags costs one split per clause, and every word, and where a
tag splits a word, reads as splitting each text apart does."""

from __future__ import annotations

from clausemark.render import fidelity
from clausemark.render.fidelity import page_words
from clausemark.support.markdown_text import words
from lxml import etree

PAGE = (
    '<h1 id="title">Rules</h1>'
    '<p id="para_1">1.1 Coun<b>cil</b>lors <em>must</em> de\u0301clare<sup>2</sup> '
    "\u00b2 gifts\u00b9<i>\u0301acute</i>, \uff21\uff22 and \u1100<b>\u1161</b> text.</p>"
    "<p>Untagged ΑΣ<b>Α</b> ΑΣ<b>'Α</b> under para 1.</p>"
    '<div class="cm-editorial" id="note">An editorial note.</div>'
    '<p id="para_2" class="cm-clause x">2.1 Officers<span class="cm-sr"> (read)</span>'
    "<br>attend<img src=x>meetings<!-- hidden --> too.</p>"
    '<div class="footnote"><p id="fn1">A note.</p></div>'
    '<p id="">An empty id keeps para 2.</p>'
)


def _each_text_apart(html: str) -> list[tuple[str, str]]:
    """The same walk, splitting every text on its own (what the proof did before)."""
    root = fidelity.parse_html(f"<div>{html}</div>")
    found: list[tuple[str, str]] = []
    anchor = ""
    skipping = [False]
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            skipping.pop()
            if element.tail and not skipping[-1]:
                found.extend((word, anchor) for word in words(element.tail))
            continue
        classes = set((element.get("class") or "").split())
        skipped = (
            skipping[-1]
            or bool(classes & fidelity.NOT_SOURCE_TEXT)
            or "footnote" in classes
            or element.get("data-search-exclude") is not None
            or element.tag in {"script", "style"}
        )
        skipping.append(skipped)
        if skipped or element.tag in fidelity._VOID:
            continue
        anchor = element.get("id") or anchor
        if element.text:
            found.extend((word, anchor) for word in words(element.text))
    return found


def test_each_word_is_read_with_the_id_it_sits_under():
    shown = page_words(PAGE)
    assert shown == _each_text_apart(PAGE)
    assert ("coun", "para_1") in shown and ("cil", "para_1") in shown  # a tag splits it
    assert [w for w, a in shown if a == "title"] == ["rules"]
    assert ("under", "para_1") in shown  # no id: the id before
    assert ("officers", "para_2") in shown and ("meetings", "para_2") in shown
    assert ("keeps", "para_2") in shown  # an empty id is no id
    left_out = {"editorial", "read", "note", "hidden"}
    assert not left_out & {w for w, _ in shown}


def test_a_clause_of_many_inline_tags_is_split_once(monkeypatch):
    calls = []
    split = fidelity.words

    def counted(text):
        calls.append(text)
        return split(text)

    body = "".join(f"<b>word{i}</b> and " for i in range(1000))
    html = f'<h1 id="t">Title</h1><p id="para_1">{body}</p><p id="para_2">End.</p>'
    monkeypatch.setattr(fidelity, "words", counted)
    shown = page_words(html)
    monkeypatch.undo()
    assert shown == _each_text_apart(html)
    assert len(shown) == 1 + 3000 + 1
    assert len(calls) == 3  # one per id
