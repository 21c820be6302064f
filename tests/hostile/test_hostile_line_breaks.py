"""A web page's or Word paragraph's lines, thousands of them joined by line breaks (an
address, a list typed with Shift+Enter), are read in linear time: the paragraph being
split at clause numbers (layout.numbered_parts) was added to at every line break, a
string copied each time (reader CPU ratio 3.2 to 3.5 at 2n)."""

from __future__ import annotations

import pytest
from hostile_files import assert_reads_linearly, docx, linear_n, run


def _html(n: int) -> bytes:
    lines = "".join(f"<br>line {i} of the long address words" for i in range(n))
    return f"<html><body><h1>Rules</h1><p>1. Rules{lines}</p></body></html>".encode()


def _docx(n: int) -> bytes:
    lines = "".join(
        f'<w:r><w:br/><w:t xml:space="preserve">line {i} of the long address words</w:t></w:r>'
        for i in range(n)
    )
    return docx(f"<w:p>{run('1. Rules')}{lines}</w:p>")


@pytest.mark.parametrize(("suffix", "make"), [(".html", _html), (".docx", _docx)])
def test_a_paragraph_of_many_line_breaks_is_read_in_linear_time(suffix, make):
    text = assert_reads_linearly(make, suffix)
    assert "line 0 of the long address words" in text
    assert f"line {linear_n() - 1} of the long address words" in text
