"""A line that opens on a day, month and year is a date, never a printed clause number,
whatever follows it: a saved minutes page prints '<p>14 May 2025<br>Village Hall</p>',
which reads as one line '14 May 2025 Village Hall' (the day was taken for a numbered
heading 'sec_14'); a text prints the date and the place on one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from clausemark.convert import convert_file
from clausemark.render.markdown_writer import render_document
from clausemark.support.dates import starts_with_date

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>May 2025 Minutes</title></head>
<body>
<h1>May 2025 Minutes</h1>
<p>Brackenfold Community Council<br>Minute of Meeting</p>
<p>14 May 2025<br>Brackenfold Village Hall</p>
<p>Present: R Amberley (Chair), T Okonjo, L Varga</p>
<ol>
<li>Apologies: none</li>
<li>Minutes of the last meeting: approved</li>
<li>Date of next meeting:</li>
</ol>
<p>Wednesday 11 June at 7pm</p>
</body></html>
"""

TEXT = (
    "May 2025 Minutes\n\nBrackenfold Community Council\n\n"
    "14 May 2025 Brackenfold Village Hall\n\nPresent: R Amberley (Chair), T Okonjo\n\n"
    "1 APOLOGIES\n\nNone were received.\n\n2 MINUTES\n\nThe minutes were approved.\n"
)


@pytest.mark.parametrize(("name", "source"), [("minutes.html", PAGE), ("minutes.txt", TEXT)])
def test_a_date_opening_a_line_invents_no_clause(tmp_path: Path, name: str, source: str):
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    page = render_document(convert_file(path))
    assert "#sec_14" not in page and "#para_14" not in page
    assert "14 May 2025" in page and "Brackenfold Village Hall" in page


def test_a_number_and_a_heading_are_still_a_numbered_heading():
    assert starts_with_date("14 May 2025 Village Hall")
    assert starts_with_date("20 AUGUST 2018")
    assert not starts_with_date("14 MAY DAY FAIR")  # no year: a heading's words
    assert not starts_with_date("3 Declarations of interest")
