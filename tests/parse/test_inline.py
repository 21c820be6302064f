"""One line of source text cleaned before structure is read: Word's presentational HTML as
Markdown, superscript footnote markers as references, and the words a reader sees.
(Links and escaping of other HTML: test_escaping.py.)"""

from __future__ import annotations

import html
import re

import markdown
import pytest
from clausemark.parse.inline import (
    convert_inline,
    convert_superscript_markers,
    strip_emphasis_wrapper,
)
from clausemark.support.markdown_text import plain_text, words


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<b>Gifts</b> and <i>hospitality</i>", "**Gifts** and *hospitality*"),
        ("<STRONG>Gifts</STRONG> and <em>hospitality</em>", "**Gifts** and *hospitality*"),
        ("<u>under</u><br>next", "under next"),
        ('<span style="x"><font face="y">plain</font></span>', "plain"),
        ("Members<sup>12</sup> attend", "Members[^12] attend"),
        ("Members<sup>th</sup> attend", "Membersth attend"),  # not a footnote number
        ("<a>no target</a>", "[no target](#)"),  # a placeholder the linker resolves
        ("<table onload=x>", "&lt;table onload=x&gt;"),
        ("a < b and c > d", "a &lt; b and c > d"),
    ],
)
def test_presentational_html_becomes_markdown_and_any_other_tag_text(html, expected):
    assert convert_inline(html) == (expected, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Interfere¹ with", "Interfere[^1] with"),
        ("members’²³ attend", "members’[^23] attend"),
        ("the end.⁴", "the end.[^4]"),
        ("a list: ¹ alone", "a list: ¹ alone"),  # after a space: not a marker
        ("no markers here", "no markers here"),
    ],
)
def test_a_superscript_after_a_word_is_a_footnote_reference(text, expected):
    assert convert_superscript_markers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("***Undue Pressure***", "Undue Pressure"),
        ("_Gifts_", "Gifts"),
        ("  **Gifts**  ", "Gifts"),
        ("**Gifts** and hospitality", "**Gifts** and hospitality"),  # not wrapped whole
    ],
)
def test_a_heading_loses_only_the_emphasis_wrapped_round_it_whole(text, expected):
    assert strip_emphasis_wrapper(text) == expected


@pytest.mark.parametrize(
    ("markdown_text", "expected"),
    [
        ("See **para** [4.8](#x) of the *Code*.", "See para 4.8 of the Code."),
        ("R&D and &lt;b&gt; and &amp;", "R&D and <b> and &"),
        ("2 \\* 3 \\* 4", "2 * 3 * 4"),
        ("a   b\n c", "a b c"),
    ],
)
def test_plain_text_is_the_text_the_rendered_page_shows(markdown_text, expected):
    assert plain_text(markdown_text) == expected
    shown = html.unescape(re.sub(r"<[^>]+>", "", markdown.markdown(markdown_text)))
    assert " ".join(shown.split()) == expected


def test_plain_text_drops_footnote_markers():
    assert plain_text("Members[^1] attend.[^12]") == "Members attend."


def test_escaped_stars_round_a_word_are_shown_as_stars():
    assert plain_text("\\*not\\* emphasis") == "*not* emphasis"
    assert plain_text("\\_a\\_ and *b* and \\[c\\]") == "_a_ and b and [c]"
    assert plain_text("\uf0b7 \\*x\\*") == "\uf0b7 *x*"  # a symbol font's bullet


def test_words_split_digits_from_letters_and_fold_case_and_ligatures():
    assert words("1.1The Council’s RULES, ²3 and ﬁne") == [
        *("1", "1", "the", "council", "s", "rules", "2", "3", "and", "fine")
    ]


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("Write `<b>` to make text bold.", "Write <code>&lt;b&gt;</code> to make text bold."),
        (
            "`a <i>b</i> c` and <b>d</b>",
            "<code>a &lt;i&gt;b&lt;/i&gt; c</code> and <strong>d</strong>",
        ),
        (
            "``<sup>1</sup> ` <u>x</u>``",
            "<code>&lt;sup&gt;1&lt;/sup&gt; ` &lt;u&gt;x&lt;/u&gt;</code>",
        ),
        (
            '`<a href="javascript:x">y</a>`',
            '<code>&lt;a href="javascript:x"&gt;y&lt;/a&gt;</code>',
        ),
        # an escaped backtick opens nothing: the tags after it are converted as ever
        ("\\`<b>x</b>\\`", "`<strong>x</strong>`"),
        # an unmatched backtick opens nothing either
        ("a ` <b>x</b>", "a ` <strong>x</strong>"),
    ],
)
def test_a_tag_inside_a_code_span_shows_as_written(line, shown):
    """T11: '`<b>`' in a source showed '**' on the page; a code span is shown as written."""
    converted, refused = convert_inline(line)
    assert refused == []
    assert markdown.markdown(converted) == f"<p>{shown}</p>"


def test_runs_of_backticks_close_only_a_run_as_long():
    from clausemark.parse.inline import code_spans

    line = "".join("`" * n + " x " for n in range(1, 300))  # no run closes another
    assert code_spans(line) == []
    assert code_spans("`a` `` b `` `c") == [(0, 3), (4, 11)]


@pytest.mark.parametrize("tail", ["", "x", " <b>y</b>"])
def test_a_long_run_of_backslashes_is_read_in_linear_time(tail):
    """A backtick, then a long run of backslashes with no backtick after it: the pattern
    that took each run's backslashes forward tried every start of the run again, so 20,000
    of them took 4.5 s of CPU and twice as many four times as long. Counted back from each
    run of backticks, they cost their length once; the words are all kept."""
    from clausemark.parse.inline import code_spans
    from fast_loop import size
    from hostile_files import assert_linear_cpu

    n = size(20_000, 5_000)
    small, large = ("`" + "\\" * n + tail, "`" + "\\" * (2 * n) + tail)
    assert_linear_cpu(code_spans, small, large)
    assert code_spans(small) == []
    converted, _refused = convert_inline("a " + small)
    assert converted.startswith("a `\\\\") and converted.count("\\") == n
