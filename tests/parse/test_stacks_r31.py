"""Lead ruling R31 (session 14, R14's leftover): a stack of numbers alone with fewer
paragraphs than numbers pairs them from the END, and no word or number is read past
another's. Each test failed on main ad3ea5c before parse/numbers_alone.py was changed."""

from __future__ import annotations

import re
from pathlib import Path

from clausemark.render.markdown_writer import render_document
from converted_text import convert_text, texts_by_anchor


def test_r31_fewer_paragraphs_than_numbers_pair_from_the_end(tmp_path: Path):
    """The ruling's example: 1. stays an empty clause where it is printed, 2. and 3. take
    the two paragraphs (main gave 1. and 2. the paragraphs and read 3. after both)."""
    document, _ = convert_text(
        tmp_path,
        "Minutes\n\n1.\n2.\n3.\nApologies were received.\nThe minutes were approved.\n",
    )
    assert texts_by_anchor(document.blocks) == {
        "para_1": "",
        "para_2": "Apologies were received.",
        "para_3": "The minutes were approved.",
    }


def test_r31_a_title_over_its_paragraph_stays_the_first_numbers(tmp_path: Path):
    """'3.' / '3.1' / '3.2' / a title / its paragraph: the heading keeps its title, the
    paragraph goes to the LAST number, 3.1 stays empty (main: 3.1 the paragraph, 3.2 empty
    and read after it)."""
    document, _ = convert_text(
        tmp_path,
        "Minutes\n\n3.\n3.1\n3.2\nPLANNING\n"
        "The Council made no comment on the plans for a shed at Mill Farm.\n",
    )
    assert texts_by_anchor(document.blocks) == {
        "sec_3": "PLANNING",
        "sec_3__para_3-1": "",
        "sec_3__para_3-2": "The Council made no comment on the plans for a shed at Mill Farm.",
    }


def test_r31_a_stack_stops_at_a_line_that_prints_the_next_number(tmp_path: Path):
    """'1.' / '2.' then '3 To receive ...' (R23) and '7a To note ...' (R25): lines with a
    number of their own are never a stack's words (attack14 A4c; main gave '3 To receive
    apologies' to 1. and joined '4 ...' and '5 ...' into 2.)."""
    document, clauses = convert_text(
        tmp_path,
        "Agenda\n\n1.\n2.\n3 To receive apologies\n4 To approve the minutes\n"
        "5 To note the accounts\n",
    )
    assert [(clause.anchor, clause.text) for clause in clauses] == [
        ("para_1", ""),
        ("para_2", ""),
        ("para_3", "To receive apologies"),
        ("para_4", "To approve the minutes"),
        ("para_5", "To note the accounts"),
    ]


_HEADING_NUMBER = re.compile(r"^#+ (.*?)\s*\{:[^}]*\.cm-clause[^}]*\}\s*$")


def _page_words(markdown: str) -> list[str]:
    """The words and numbers of a page's text in reading order, leaving out clause numbers
    (which R14 moves to the words they own) and the attribute lists."""
    body = markdown.split("\n---\n", 1)[1]
    words: list[str] = []
    for line in body.splitlines():
        if _HEADING_NUMBER.match(line.strip()) or line.strip().startswith(("{:", "<")):
            continue
        words += re.findall(r"[a-z]+|\d+", re.sub(r"\{:[^}]*\}", "", line).lower())
    return words


def test_r31_a_column_of_times_alone_owns_no_words(tmp_path: Path):
    """'7.45' / '8.00' over two paragraphs is a programme's column of times (R24), not a
    stack: the times are text, read as printed (main paired them, reading the time 8.00
    after 'The doors open.', which is printed under it)."""
    text = "Open Evening\n\n7.45\n8.00\nThe doors open.\n\nThe talk begins.\n"
    document, _ = convert_text(tmp_path, text)
    words = _page_words(render_document(document))
    assert words[words.index("7") :] == [
        *("7", "45", "8", "00", "the", "doors", "open", "the", "talk", "begins"),
    ]
