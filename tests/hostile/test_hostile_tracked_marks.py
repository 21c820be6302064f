"""Word paragraphs whose mark alone is struck out (a tracked deletion) run on into the
next paragraph, as Word joins them once the change is accepted: thousands of them in a
row are read in linear time (their words were added to one string, copied each time) and
every word is kept, in order."""

from __future__ import annotations

from clausemark.readers import read_source
from hostile_files import assert_reads_linearly, docx, run

STRUCK_MARK = (
    '<w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr>'
)


def struck_marks(n: int) -> bytes:
    parts = "".join(f"<w:p>{STRUCK_MARK}{run(f'Part {i} of one clause. ')}</w:p>" for i in range(n))
    return docx(f"<w:p>{run('1. Rules')}</w:p>{parts}<w:p>{run('The end.')}</w:p>")


def test_struck_paragraph_marks_join_every_word_in_linear_time():
    # full size in the fast loop too: a string copied at each joined paragraph measures
    # only 2.4 at 10,000 (under RATIO_LIMIT), so the smaller n would not see it
    text = assert_reads_linearly(struck_marks, ".docx", n=20_000)
    assert "Part 0 of one clause. Part 1 of one clause." in text
    assert "Part 19999 of one clause. The end." in text


def _text_box(words: str) -> str:
    return (
        "<w:r><w:drawing><wps:wsp><wps:txbx><w:txbxContent>"
        f"<w:p>{run(words)}</w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></w:r>"
    )


TABLE = (
    f"<w:tbl><w:tr><w:tc><w:p>{run('Fee')}</w:p></w:tc><w:tc><w:p>{run('Cost')}</w:p></w:tc>"
    f"</w:tr><w:tr><w:tc><w:p>{run('Hall')}</w:p></w:tc><w:tc><w:p>{run('12')}</w:p></w:tc>"
    "</w:tr></w:tbl>"
)


def test_a_text_box_in_a_paragraph_whose_mark_is_struck_out_is_kept(tmp_path):
    """Its paragraph's words wait to join the next paragraph; when a table or the end
    comes next, the box's words were lost with no warning."""
    struck = f"<w:p>{STRUCK_MARK}{run('Joined words.')}{_text_box('Box words kept.')}</w:p>"
    for name, after in (("end", ""), ("table", TABLE)):
        path = tmp_path / f"{name}.docx"
        path.write_bytes(docx(f"<w:p>{run('1. Rules')}</w:p>{struck}{after}"))
        text = read_source(path).text
        assert "Joined words.\n\nBox words kept." in text, (name, text)
