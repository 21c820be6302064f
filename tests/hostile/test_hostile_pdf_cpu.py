"""A PDF that makes the PDF library loop is refused once its reading has used its CPU
time (RLIMIT_CPU on the child that reads it), in one line naming the file: never minutes
or hours of a shared machine's CPU. The test gives the child one second (the real floor,
`pdf_cpu_seconds`, is 30) so that it costs about that."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.readers.pdf import cpu_seconds
from clausemark.readers.text import SourceError
from clausemark.support.limits import LIMITS, MB, Limit
from hostile_files import pdf_one_page_read_often


def test_a_pdf_that_loops_is_refused_at_its_cpu_time_in_one_line_naming_it(tmp_path, monkeypatch):
    """Fails before: the child had no CPU time, and read the 1,000 pages (280 s)."""
    floor = LIMITS["pdf_cpu_seconds"]
    monkeypatch.setitem(LIMITS, "pdf_cpu_seconds", Limit(1, floor.what, floor.unit))
    path = tmp_path / "agenda.pdf"
    path.write_bytes(pdf_one_page_read_often(1))
    with pytest.raises(SourceError) as raised:
        convert_file(path)
    assert str(raised.value) == (
        f"{path}: too large: CPU time the PDF library needs to read the file "
        "(more than 1 seconds; at most 1 seconds)"
    )


def test_the_cpu_time_grows_with_the_file_from_a_floor():
    """30 s for any file up to 2 MB, 15 s a MB past that: ten times the slowest real PDF
    (3.7 s for 2.5 MB, support/limits.py)."""
    assert cpu_seconds(20_000) == cpu_seconds(2 * MB) == 30
    assert cpu_seconds(int(2.5 * MB)) == 38 and cpu_seconds(10 * MB) == 150
