"""The nothing-lost proof's shortcut: plain runs set aside while Python-Markdown renders,
then put back, give the whole render's words wherever a run's token shows, and never a
word the whole render does not show (plain_runs.py says why)."""

from __future__ import annotations

import random
import re

import markdown
import pytest
from clausemark.readers.text import SourceText
from clausemark.render.fidelity import lost_words, rendered_text
from clausemark.render.long_text import LongTextExtension
from clausemark.render.plain_runs import PlainTextExtension, collapse, set_aside
from clausemark.support.markdown_text import words
from fast_loop import examples

PAGE = "---\ntitle: T\n---\n\n"


def both(body: str) -> tuple[list[str], list[str], list[str], list[str], bool]:
    """(whole render's body words, notes words, the shortcut's body, notes, all shown)."""
    whole_body, whole_notes = rendered_text(PAGE + body)
    short_body, short_notes = rendered_text(PAGE + body, True)
    _reduced, runs, tag = set_aside("\n" + body)
    _reduced = collapse(_reduced, runs, tag)
    tokens = len(re.findall(rf"{tag}\d+x", rendered_text(PAGE + _reduced)[0]))
    tokens += len(re.findall(rf"{tag}\d+x", rendered_text(PAGE + _reduced)[1]))
    return (
        words(whole_body),
        words(whole_notes),
        words(short_body),
        words(short_notes),
        tokens == len(re.findall(rf"{tag}\d+x", _reduced)),
    )


def in_order(part: list[str], whole: list[str]) -> bool:
    found = iter(whole)
    return all(word in found for word in part)


CASES = {
    "paragraph, attribute list": 'The council meets (as agreed) in "public".\n{: #a .b }',
    "numbered item kept": "1. First item here\n2. Second item (a) here",
    "list marker kept": "- a bullet item\n+ another one",
    "setext heading": "Title words here\n===",
    "heading with attributes": "## Section title words {: #sec }",
    "code block": "    indented code words\n    more code",
    "table": "alpha | beta\n--- | ---\ngamma words | delta | extra cell dropped",
    "emphasis around runs": "**(a)** the words after *it* and more words",
    "entity and escape": "Fish &amp; chips \\*not emphasis\\* plain words",
    "link after words": 'He said "quote (x" and [the link](http://a.example/ "t") after',
    "label over lines": "See [the\nstanding orders\n][so] here\n\n[so]: http://a.example/",
    "destination over lines": "[text](http://a.example/\nwords in target) shown",
    "comment over blocks": "<!--\n\nhidden words here\n\n-->\n\nvisible words",
    "script over blocks": "<script>\n\nhidden words\n\n</script>\n\nafter words",
    "raw block": '<div class="x">\n\nraw words inside\n\n</div>',
    "footnote": "Text with a note[^1].\n\n[^1]: note words\n\n    continued note words",
    "line break": "line one words  \nline two words",
    "intraword underscore": "snake_case words and more",
    "digits": "2024 was the year. 3.5 per cent",
    "plain links": "See [the rules](http://a.example/r) and [3](x.html) [2, 5] after",
    "link glued to words": "before[a b](http://a.example/)after [c](d)[e](f) end",
    "link in emphasis": "*see [the rules](http://a.example/) here* and _[x](y)_ words",
    "image is not a link": "![alt words](pic.png) and [label](http://a.example/) words",
    "escaped bracket": "\\[not a link](x) and \\\\[a link](y) words",
    "reference, not a label": "[text] [ref] and [x][ref] words\n\n[ref]: http://a.example/",
    "label then definition": '[so] words here\n\n[so]: http://a.example/ "title words"',
    "label over a line end": "words [a]\n[b] more words\n\n[b]: http://a.example/",
    "link in a code span": "`code [a](http://a.example/target) span` words",
    "link target with title": '[a](http://a.example/ "title words") after words',
    "footnote label": "words [^1] and [^1](x) more\n\n[^1]: note words",
}


@pytest.mark.parametrize("body", CASES.values(), ids=CASES.keys())
def test_set_aside_runs_render_as_the_whole_markdown(body):
    whole_body, whole_notes, short_body, short_notes, all_shown = both(body)
    assert in_order(short_body, whole_body) and in_order(short_notes, whole_notes)
    if all_shown:
        assert (short_body, short_notes) == (whole_body, whole_notes)


def test_runs_are_set_aside_only_before_what_can_hide_words():
    reduced, runs, tag = set_aside("Plain words here <b>x</b> later words\n\nnext block words")
    assert runs == ["Plain words here", "next block words"]
    assert "later words" in reduced
    # a plain link is its label (a run of its own), and runs go on after it
    reduced, runs, tag = set_aside("Plain words [the x](http://a.example/) later words")
    assert runs == ["Plain words", " the x ", "later words"]
    assert "http" not in reduced
    # a label with syntax is kept as written, and runs go on after it
    reduced, runs, tag = set_aside("a [*x*](y) b")
    assert runs == ["a", "b"] and "[*x*](y)" in reduced
    # an image, an escaped bracket, a link with a title or a reference ends them
    for body in (
        "a ![x](y) b",
        "a \\[x](y) b",
        'a [x](y "t") b',
        "a [x] [y] b",
        "a [x]: y b",
    ):
        reduced, runs, tag = set_aside(body)
        assert runs == ["a"] and reduced.endswith(" b"), body
    reduced, runs, _tag = set_aside("1. Item words\n- bullet words\n=== x")
    assert reduced.startswith("1. ") and runs == ["Item words", "bullet words", "x"]


PIECES = [
    *("word", "Words", "(a)", '"quoted"', "it's", "1.", "2)", "3.5", "-", "+", "=", "===", "---"),
    *("*", "**", "_", "[", "]", "(", ")", "](", "<", ">", "<!--", "-->", "&amp;", "&#65;"),
    *("{:", "}", "{: .c }", "|", "`", "\\", "#", "##", "[^1]", "[^1]:", "[r]:", "<span>"),
    *("</span>", "<div>", "</div>", "<script>", "</script>", "http://a.example/"),
    *("[a](http://a.example/)", "[two words](x.html)", "[2, 5]", "![i](p.png)", "[r]"),
    *("[a](b", "(x)", "[*e*](y)", "`", "[a](http://a.example/ 'title')", "[^1](x)"),
]


def test_random_markdown_never_shows_a_word_the_whole_render_does_not():
    """Soundness over many small pages mixing words with every kind of syntax: the
    shortcut's words are always in order among the whole render's, and equal to them
    whenever every token shows."""
    chance = random.Random(18)
    for _ in range(examples(400)):  # a quarter in the fast loop
        lines = []
        for _line in range(chance.randint(1, 6)):
            pieces = [chance.choice(PIECES[:13] + ["word"] * 10 + PIECES)]
            pieces += [
                chance.choice(["word", "more", "text", *PIECES])
                for _ in range(chance.randint(0, 8))
            ]
            indent = chance.choice(["", "", "", "    ", "  "])
            lines.append(indent + " ".join(pieces))
            if chance.random() < 0.3:
                lines.append("")
        body = "\n".join(lines)
        whole_body, whole_notes, short_body, short_notes, all_shown = both(body)
        assert in_order(short_body, whole_body), body
        assert in_order(short_notes, whole_notes), body
        # a plain link set aside is its label: in a code block or raw HTML the page
        # also shows its target (fewer words, never more: a found loss renders again)
        literal = "<" in body or any(line.startswith(("    ", "  ")) for line in lines)
        if all_shown and not (literal and "](" in body):
            assert (short_body, short_notes) == (whole_body, whole_notes), body


def test_a_loss_is_reported_as_the_whole_render_reports_it(monkeypatch, tmp_path):
    """A loss found with runs set aside is rendered again whole: the message is the
    whole render's, word for word."""
    from clausemark.convert import convert_file
    from clausemark.render import fidelity

    text = "Opening words here.\n\nHidden words here.\n\nClosing words here.\n"
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    document = convert_file(tmp_path / "t.txt", check_fidelity=False)
    source = SourceText(str(tmp_path / "t.txt"), text)
    page = (
        PAGE + "Opening words here.\n\n<!--\n\nHidden words here.\n\n-->\n\nClosing words here.\n"
    )
    monkeypatch.setattr(fidelity, "render_document", lambda _document: page)
    renders: list[bool] = []  # each render's set_runs_aside
    real = fidelity._renderer
    monkeypatch.setattr(fidelity, "_renderer", lambda aside: renders.append(aside) or real(aside))
    found = lost_words(source, document)
    assert renders == [True, False] and found and "'hidden'" in found[0]
    monkeypatch.setattr(fidelity, "set_aside", lambda body: (body, [], "cmrun"))
    monkeypatch.setattr(fidelity, "collapse", lambda body, _runs, _tag: body)
    assert lost_words(source, document) == found  # the whole render alone says the same


@pytest.mark.parametrize(
    "page_text, lost",
    [
        # a word lost inside a plain link's label, after it, and inside brackets around links
        ("See [the](http://a.example/r) rules, then [[1](http://a.example/1)] here.", "rules"),
        ("See [the rules](http://a.example/r) rules, then [[1](http://a.example/1)].", "here"),
        ("See [the rules](http://a.example/r) rules, then [[2](http://a.example/1)] here.", "1"),
        # a word that shows only as a link's target is not shown
        ("See [the rules](http://a.example/rules) then [[1](http://a.example/1)] here.", "rules"),
    ],
)
def test_a_word_lost_around_plain_links_is_found(monkeypatch, tmp_path, page_text, lost):
    from clausemark.convert import convert_file
    from clausemark.render import fidelity

    text = "See [the rules](http://a.example/r) rules, then [[1](http://a.example/1)] here.\n"
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    document = convert_file(tmp_path / "t.txt", check_fidelity=False)
    source = SourceText(str(tmp_path / "t.txt"), text)
    assert lost_words(source, document) == []
    monkeypatch.setattr(fidelity, "render_document", lambda _document: PAGE + page_text + "\n")
    found = lost_words(source, document)
    assert found and f"'{lost}'" in found[0]


def test_a_plain_label_is_spaces_and_inert_characters_only():
    """The label test reads what its old form read: any mix of spaces and characters no
    syntax reads, and nothing with one such character (`*`, a backslash, a tab...)."""
    from clausemark.render.plain_runs import _INERT_LABEL

    chance = random.Random(20)
    alphabet = ["a", "b", "1", " ", ".", "(", ")", "'", "*", "\\", "_", "\t", "é"]
    old = re.compile(r"[ ]*(?:[^\s\\`*_\[\]!<>&{}|#~^\x00-\x1f\x7f]+[ ]*)*")
    for _ in range(2_000):
        label = "".join(chance.choice(alphabet) for _ in range(chance.randint(0, 9)))
        assert bool(_INERT_LABEL.fullmatch(label)) == bool(old.fullmatch(label)), label


@pytest.mark.build  # a CPU ratio: runs with the builds
def test_a_label_that_is_not_plain_is_refused_in_linear_time():
    """'[word word ... word *]': the old pattern tried every split of every word before
    it failed (111 CPU s for ten words; a web page's link text did it), the new reads
    each character once (ratio about 2)."""
    from clausemark.render.plain_runs import _INERT_LABEL
    from hostile_files import assert_linear_cpu

    def refuse(label: str) -> None:
        # ratio 1.9-2.0 idle at every size from 400 to 4,000 words; the helper repeats
        # the call into windows of 0.3 CPU s of equal work (CI saw 2.59 with 0.3 s at n
        # against 0.6 s at 2n: the shorter window was the luckier under host noise)
        assert _INERT_LABEL.fullmatch(label) is None

    small, large = ("word " * n + "*" for n in (2_000, 4_000))
    assert_linear_cpu(refuse, small, large)


@pytest.mark.build  # a whole-size CPU ratio: runs with the builds
@pytest.mark.parametrize(
    "piece",
    ["[[a](http://a.example/), [c](d)] x ", "w [a b](c)] ", "[", "see [a b](http://a.example/) "],
)
def test_setting_runs_aside_is_linear_in_a_block_of_links_and_brackets(piece):
    """CPU time at n and 2n characters per block (under long_text.SPLIT_OVER), in one
    process: every opener is looked at once, never a scan to the block's end from each."""
    from hostile_files import assert_linear_cpu

    def page(size: int) -> str:
        return "\n\n".join([piece * (size // len(piece))] * 20)

    assert_linear_cpu(set_aside, page(4_500), page(9_000))


# Underscores between letters or digits (ids such as "sec_1__para_2"), entities and
# bare '&' are what the atomic marking lets through; the rest is there to be mixed in.
INLINE_PIECES = [
    *("word", "x_y", "sec_1__para_2", "a___b", "1_2", "é_x", "_", "__", "a_", "_b", "_x_"),
    *("&", "&amp;", "&AMP;", "&#42;", "&#X41;", "&#x2a;", "&lt;", "&x", "#", ";", "*", "**"),
    *("[", "]", "(", ")", "<", ">", "\\", "`", "{: #a_b .c }", "{: #a__b }", "1.", "-", "|"),
    *("---", "Ω", "  ", "\t", "snake_case_"),
]


def test_texts_marked_atomic_render_exactly_as_without_the_marking():
    """PlainText only spares the inline pass work: with it or without it, Python-Markdown
    gives the same page, byte for byte (a '_' that could open emphasis, or any other
    inline syntax, keeps its text in the inline pass)."""
    chance = random.Random(4)
    extensions = ["attr_list", "footnotes", "tables", "md_in_html", LongTextExtension()]
    for _ in range(examples(800)):
        lines = []
        for _line in range(chance.randint(1, 5)):
            pieces = [chance.choice(INLINE_PIECES) for _ in range(chance.randint(1, 8))]
            lead = chance.choice(["", "", "# ", "- ", "| "])
            lines.append(lead + chance.choice([" ", ""]).join(pieces))
            if chance.random() < 0.3:
                lines.append("")
        body = "\n".join(lines)
        plain = markdown.markdown(body, extensions=extensions)
        assert markdown.markdown(body, extensions=[*extensions, PlainTextExtension()]) == plain


def test_no_run_is_set_aside_in_a_page_with_a_tag_open_over_lines():
    """Found by a fuzz: a run holds quotes and its token does not, so inside a tag left
    open over blank lines the shortcut's page ended the tag elsewhere and showed words
    ('div a x') that the whole render hides. Such a page is rendered whole."""
    body = (
        '    [r]: {: <div>\n[x](y) 1. word text "q" é\n\n{: data-x="1" }\n'
        '  <div a="x - <div> a.b >\n    </script> # ( word </script> 1. é\n\n'
        "* 3.5 \"q\" ( é\n| word it's Ω | it's é |  |\n\n| --- | --- |\n\n"
        '--> Ω <div a="x [r]:\n\n##  {: #x data-n="2" }\n'
    )
    whole_body, whole_notes, short_body, short_notes, _all_shown = both(body)
    assert in_order(short_body, whole_body) and in_order(short_notes, whole_notes)
    assert set_aside(body)[1] == [] and collapse(body, [], "cmrun") == body


def test_blocks_that_show_only_their_words_are_one_token():
    """Headings, paragraphs with attribute lists, clause numbers written '1&#46;' and
    tables of plain cells between blank lines become one token; a table with a row
    longer than its header (Python-Markdown drops the extra cell) does not."""
    body = (
        "\n# Standing orders {: #title .cm-editorial }\n\n"
        "Opening words of (the) rules\n{: #intro_1 .cm-note }\n\n"
        '### 4. Meetings {: #para_4 .cm-clause data-cm-number="4.—" }\n\n'
        "12&#46; Twelve words\n\n"
        "| **Year** | Rate |\n| --- | --- |\n| 1975 | 105.1 |\n\n"
        "| a | b |\n| --- | --- |\n| c | d | dropped |\n"
    )
    reduced, runs, tag = set_aside(body)
    reduced = collapse(reduced, runs, tag)
    tokens = re.findall(rf"{tag}(\d+)x", reduced)
    assert len(tokens) == 1 and reduced.count("|") == 10
    assert words(runs[int(tokens[0])]) == words(
        "Standing orders Opening words of the rules 4 Meetings 12 Twelve words Year Rate 1975 105 1"
    )
    whole_body, _notes, short_body, _short_notes, all_shown = both(body)
    assert all_shown and short_body == whole_body and "dropped" not in whole_body


def test_the_writers_list_items_are_one_token_with_the_blocks_around_them(tmp_path):
    """Lettered items as the writer makes them (markdown_writer.render_item) show their
    number and words: they join the token of the blocks around them. On a 420-section
    constitution (bench_readers' long_spec as .docx) Python-Markdown rendered each as a
    list: 0.18 of the proof's 0.33 CPU s. An item is left to Python-Markdown where an
    indented block follows that is not collapsed with it: that block is the item's, and
    after a token it would be a code block, showing a comment's words the page hides;
    random pages of items show no word the whole render does not, and a word an item
    loses is found."""
    items = (
        "\nThe clerk must report:\n{: #a .cm-clause }\n\n"
        "-   **(a)** the minutes of the meeting;\n    {: #a_a .cm-item }\n\n"
        "    -   **(i)** the reasons given,\n        {: #a_a_i .cm-item }\n\n"
        "-   the officer's advice.\n    {: #a_b .cm-item }\n\n"
        "Closing words.\n"
    )
    reduced, runs, tag = set_aside(items)
    reduced = collapse(reduced, runs, tag)
    tokens = re.findall(rf"{tag}(\d+)x", reduced)
    assert len(tokens) == 1 and reduced.strip() == f"{tag}{tokens[0]}x"
    assert words(runs[int(tokens[0])]) == words(
        "The clerk must report: (a) the minutes of the meeting; (i) the reasons given, "
        "the officer's advice. Closing words."
    )
    whole_body, _notes, short_body, _short_notes, all_shown = both(items)
    assert all_shown and short_body == whole_body
    hidden = (
        "-   **(a)** the minutes\n    {: #a_a .cm-item }\n\n"
        "    -   **(i)** the reasons\n        {: #a_a_i .cm-item }\n\n"
        "    kept words <!-- hidden words -->\n\nClosing words.\n"
    )
    reduced, runs, tag = set_aside(hidden)
    reduced = collapse(reduced, runs, tag)
    assert reduced.startswith("-   **(a)** ") and "    -   **(i)** " in reduced
    whole_body, _notes, short_body, _short_notes, _all_shown = both(hidden)
    assert "hidden" not in whole_body and "hidden" not in short_body
    _random_pages_of_items_show_no_word_the_whole_render_does_not()
    _a_word_an_item_loses_is_found_with_its_place(tmp_path)


def _a_word_an_item_loses_is_found_with_its_place(tmp_path) -> None:
    """The proof over a page whose items are collapsed still finds a word an item lost."""
    from clausemark.convert import convert_file
    from clausemark.model.document import iter_clauses
    from clausemark.readers.text import read_source

    path = tmp_path / "orders.txt"
    path.write_text(
        "Standing Orders\n\n1. Meetings\n\n1.1 The clerk must report:\n\n"
        "(a) the minutes of the meeting;\n\n(b) the officer's advice.\n\n"
        "1.2 The chair signs them.\n",
        encoding="utf-8",
    )
    document = convert_file(path)
    assert document.warnings == []
    item = next(c for c, *_ in iter_clauses(document.blocks) if c.text.startswith("the minutes"))
    item.text = item.text.replace("minutes ", "")
    assert lost_words(read_source(path), document) == [
        "word 'minutes' lost near: clerk must report a the minutes of the meeting b (line 7)"
    ]


ITEM_BLOCKS = [
    "-   **(a)** the minutes of the meeting;\n    {: #x_a .cm-item }",
    "    -   **(i)** reasons given\n        {: #x_a_i .cm-item }",
    "        -   **A.** deeper words\n            {: #x_a_i_a .cm-item }",
    "-   unlabelled item words\n    {: #x_b .cm-item }",
    "-   1. a list number at the start\n    {: #x_c .cm-item }",
    "-   **(b)** words [a link](http://a.example/target) after\n    {: #x_d .cm-item }",
    "-   **(c)**\n    {: #x_e .cm-item }",
    "-   **(d)** words\n    {: #x_f .cm-item }\n    more words",
    "    kept words <!-- hidden words -->",
    "    [a](http://a.example/hidden) words",
    "    plain indented words",
    "        code words",
    "Plain paragraph words",
    "## Heading words {: #h }",
    "1&#46; Numbered words",
    "<!--\n\nhidden comment words\n\n-->",
    "| a | b |\n| --- | --- |\n| c | d |",
    "- a bullet item",
    "*   star item words",
]


def _random_pages_of_items_show_no_word_the_whole_render_does_not() -> None:
    """Soundness where items are collapsed: pages of the writer's items (nested, with
    and without numbers), indented paragraphs that hide words (a comment, a link's
    target), code, headings, tables: the shortcut's words are in order among the whole
    render's, and equal to them whenever every token shows on a page with no indented
    line. (Found by it: an item left to Python-Markdown beside collapsed ones is in a
    shorter list, tight where the page's is loose, and shows its attribute list.)"""
    chance = random.Random(11)
    for _ in range(examples(300)):  # a quarter in the fast loop
        body = "\n\n".join(chance.choice(ITEM_BLOCKS) for _ in range(chance.randint(1, 7)))
        whole_body, whole_notes, short_body, short_notes, all_shown = both(body)
        assert in_order(short_body, whole_body), body
        assert in_order(short_notes, whole_notes), body
        # an indented item or paragraph after no list is a code block: the page shows
        # its attribute list or a link's target too (more words, never fewer)
        if all_shown and not any(line.startswith("    ") for line in body.split("\n")):
            assert (short_body, short_notes) == (whole_body, whole_notes), body


def test_a_page_of_one_stretch_is_collapsed_in_linear_time():
    """A page of plain paragraphs is one stretch: its words were added to the stretch's
    text block by block, each time a copy of all before it (20,000 paragraphs: 2.5 CPU
    s, 10,000: 0.76, 5,000: 0.19)."""
    from fast_loop import size
    from hostile_files import assert_linear_cpu

    def page(count: int) -> tuple[str, list[str], str]:
        paragraphs = (f"Paragraph {i} of the words the council adopted." for i in range(count))
        return set_aside("\n\n".join(paragraphs) + "\n")

    n = size(10_000, 5_000)
    reduced, runs, tag = page(n)
    assert collapse(reduced, list(runs), tag) == f"{tag}{n}x"
    assert_linear_cpu(
        lambda aside: collapse(aside[0], list(aside[1]), aside[2]), page(n), page(2 * n)
    )


def test_a_word_in_a_dropped_table_cell_is_found_lost(monkeypatch, tmp_path):
    from clausemark.convert import convert_file
    from clausemark.render import fidelity

    text = "Rules here.\n\nAlpha beta gamma.\n"
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    document = convert_file(tmp_path / "t.txt", check_fidelity=False)
    source = SourceText(str(tmp_path / "t.txt"), text)
    page = PAGE + "# Rules here {: #t }\n\n| Alpha | beta |\n| --- | --- |\n| x | y | gamma |\n"
    monkeypatch.setattr(fidelity, "render_document", lambda _document: page)
    found = lost_words(source, document)
    assert found and "'gamma'" in found[0]


def test_no_block_is_collapsed_after_a_script_left_open():
    """Found by a fuzz: the proof reads a script's contents as text, tags and all, so
    after a '<script>' left open in a paragraph the heading's 'h2' counted as words,
    and one token for the heading showed 'p' instead."""
    body = (
        "|   it's |\n  {: #a_b .c } </script> [x](y) } <!--\n  text <script> [x](y)\n"
        '| text text | text | | :  word |  |\n\n## é\n\n[r]: _ [x](y) x-y\n{: data-x="1" }\n'
        "  1&#46; < [r]: </script> [x](y) +\nit's <script>\n--- it's {: #a_b .c } <script>"
    )
    whole_body, whole_notes, short_body, short_notes, _all_shown = both(body)
    assert in_order(short_body, whole_body) and in_order(short_notes, whole_notes)
    reduced, runs, tag = set_aside(body)
    assert collapse(reduced, runs, tag) == reduced


def _first_lost_one_by_one(expected: list[str], actual: list[str]) -> int | None:
    """The word-by-word search first_lost_word shortens: each word at its first place
    after the last one found."""
    position = 0
    for index, word in enumerate(expected):
        try:
            position = actual.index(word, position) + 1
        except ValueError:
            return index
    return None


def test_the_first_lost_word_is_the_one_a_word_by_word_search_finds():
    """Stretches compared at once give exactly the word-by-word answer, on lists of
    words and on word strings (bytes, as the proof compares a page): on pages that are
    their source with words added, left out, moved and repeated, over a small
    vocabulary (so a word is often found early, in the wrong place, as it is for 'the';
    'w1' is a prefix of 'w10', as a word string must not read it)."""
    from clausemark.render.fidelity import first_lost_at, first_lost_word, lost_word_context

    chance = random.Random(18)
    for case in range(examples(3000)):
        vocabulary = [f"w{n}" for n in range(chance.choice((2, 3, 5, 40)))] + ["w"]
        source = [chance.choice(vocabulary) for _ in range(chance.randrange(0, 300))]
        page = list(source)
        for _ in range(chance.randrange(0, 8)):
            at = chance.randrange(0, len(page) + 1)
            edit = chance.choice(("add", "drop", "move", "repeat"))
            if edit == "add":
                page[at:at] = [chance.choice(vocabulary) for _ in range(chance.randrange(1, 9))]
            elif page and edit == "drop":
                del page[at : at + chance.randrange(1, 9)]
            elif page and edit == "move":
                piece = page[at : at + chance.randrange(1, 30)]
                del page[at : at + len(piece)]
                spot = chance.randrange(0, len(page) + 1)
                page[spot:spot] = piece
            elif page:
                page[at:at] = page[max(0, at - 20) : at]
        expected = _first_lost_one_by_one(source, page)
        assert first_lost_word(source, page) == expected, case
        at = first_lost_at(_word_string(source), _word_string(page))
        assert _word_index(source, at) == expected, case
        if at is not None:  # the word and the context the proof names, as the list gives them
            assert lost_word_context(_word_string(source), at) == (
                source[expected],
                source[max(0, expected - 5) : expected + 5],
            ), case


def _word_string(said: list[str]) -> bytes:
    return "".join(f" {word}" for word in said).encode()


def _word_index(said: list[str], at: int | None) -> int | None:
    """The index of the word whose space is at byte `at` of `_word_string(said)`."""
    if at is None:
        return None
    offsets, total = [], 0
    for word in said:
        offsets.append(total)
        total += 1 + len(word.encode())
    assert at in offsets  # the space before a word, never inside one
    return offsets.index(at)
