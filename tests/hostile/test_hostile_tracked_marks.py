"""Word paragraphs whose mark alone is struck out (a tracked deletion) run on into the
next paragraph, as Word joins them once the change is accepted: thousands of them in a
row are read in linear time (their words were added to one string, copied each time) and
every word is kept, in order."""

from __future__ import annotations

from clausemark.readers import read_source
from hostile_files import RATIO_LIMIT, cpu_times, docx, run

STRUCK_MARK = (
    '<w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr>'
)


def struck_marks(n: int) -> bytes:
    parts = "".join(f"<w:p>{STRUCK_MARK}{run(f'Part {i} of one clause. ')}</w:p>" for i in range(n))
    return docx(f"<w:p>{run('1. Rules')}</w:p>{parts}<w:p>{run('The end.')}</w:p>")


def test_struck_paragraph_marks_join_every_word_in_linear_time(tmp_path):
    small, large = tmp_path / "small.docx", tmp_path / "large.docx"
    small.write_bytes(struck_marks(20_000))
    large.write_bytes(struck_marks(40_000))
    text = read_source(small).text
    assert "Part 0 of one clause. Part 1 of one clause." in text
    assert "Part 19999 of one clause. The end." in text
    at_n, at_2n = cpu_times(read_source, small, large)
    assert at_2n / max(at_n, 0.01) < RATIO_LIMIT, f"{at_n:.3f} s at n, {at_2n:.3f} s at 2n"
