"""A PDF page of many tiny cells (trial6 L1): the aligned-table finder tried a rejected
run of rows again from each next row, scanning the whole run each time, so a page of
tiny type in a grid took time in the square of its rows (80,000 characters on one page
ran past a minute). Each row is now looked at a bounded number of times."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.readers import pdf_tables
from format_fixtures import text_pdf
from hostile_files import assert_linear_cpu


def _grid(cells: int, columns: int) -> bytes:
    """`cells` words "x" of 2 pt, `columns` to a row, rows 2.5 pt apart on a page tall
    enough for them all."""
    rows = -(-cells // columns)
    height = int(rows * 2.5) + 80
    places = [(20 + (i % columns) * 2.2, height - 40 - (i // columns) * 2.5) for i in range(cells)]
    shows = "".join(f"1 0 0 1 {x:.1f} {y:.1f} Tm (x) Tj\n" for x, y in places)
    return text_pdf("", content=f"BT /F1 2 Tf {shows}ET", height=height)


def _converts(path):
    def work(raw: bytes):
        path.write_bytes(raw)
        return convert_file(path)

    return work


# The rows past `table_tries` are what is measured. Under the shipped limit (100 rows)
# pages of 200 and 400 rows take seconds of CPU: they run with the builds. The fast loop
# lowers the limit to 10 (the same code) and measures pages of 50 and 100 rows.
TRIES = [pytest.param(None, marks=pytest.mark.build, id="shipped"), pytest.param(10, id="10")]


def _tries(tries: int | None, monkeypatch) -> int:
    """The tries limit in force: the shipped one, or `tries`."""
    if tries is not None:
        monkeypatch.setattr(pdf_tables, "_MOST_TRIES", tries)
    return pdf_tables._MOST_TRIES


@pytest.mark.parametrize("tries", TRIES)
def test_a_page_of_many_rows_of_tiny_cells_takes_time_in_its_rows(tmp_path, tries, monkeypatch):
    rows = _tries(tries, monkeypatch) * (2 if tries is None else 5)
    path = tmp_path / "cells.pdf"
    small, large = _grid(rows * 20, 20), _grid(rows * 40, 20)  # rows, 2 x rows of 20 cells
    assert_linear_cpu(_converts(path), small, large)


def test_a_page_of_rows_of_hundreds_of_tiny_cells_takes_time_in_its_cells(tmp_path):
    path = tmp_path / "wide.pdf"
    small, large = _grid(2_500, 250), _grid(5_000, 250)  # 10 and 20 rows of 250 cells
    assert_linear_cpu(_converts(path), small, large)


@pytest.mark.parametrize("tries", TRIES)
def test_every_tiny_cell_is_read_past_the_tries_limit(tmp_path, tries, monkeypatch):
    # Twice the limit's rows: the run past the limit is read as lines; convert_file proves
    # no word lost.
    cells = 2 * _tries(tries, monkeypatch) * 20
    path = tmp_path / "cells.pdf"
    path.write_bytes(_grid(cells, 20))
    document = convert_file(path)
    assert str(document).count("x") >= cells


def _white_over_fills(words: int) -> bytes:
    """`words` white words on a white page, and half as many small dark boxes set beside
    them (never beneath; under pdf_unseen.MAX_FILLS): each word is judged on the boxes."""
    height = words // 4 * 14 + 100
    boxes = "".join(
        f"0 0 0 rg {500 + i % 50} {40 + i // 50 * 14} 2 2 re f\n" for i in range(words // 2)
    )
    shows = "".join(
        f"1 0 0 1 {40 + (i % 4) * 100} {height - 40 - (i // 4) * 14} Tm (hidden{i}) Tj\n"
        for i in range(words)
    )
    return text_pdf("", content=f"{boxes}1 1 1 rg BT /F1 10 Tf {shows}ET", height=height)


def test_white_words_over_many_fills_are_judged_in_time_linear_in_both(tmp_path):
    """White text is judged against what the page fills beneath it on a bounded grid
    (readers/pdf_unseen.Coverage), never word by box."""
    from clausemark.readers import pdf as pdf_reader
    from clausemark.readers.text import SourceError

    def reads(raw: bytes):
        try:
            return pdf_reader.read(raw, "white.pdf")
        except SourceError:  # nothing seen is left: refused in one line, as a scan is
            return None

    small, large = _white_over_fills(1_000), _white_over_fills(2_000)
    assert_linear_cpu(reads, small, large)
