"""A printed contents list, line by line: dot leaders, tab or spaced page numbers."""

from __future__ import annotations

import re

from .lines import Line, _table_cells
from .shapes import is_heading_text

_CONTENTS_TITLE = re.compile(r"^(?:table of )?contents$|^index$", re.I)


_DOT_LEADER = re.compile(r"^(.+?)\s*(?:\.{4,}|…{2,})\s*(\d{1,4})$")


_SPACED_PAGE = re.compile(r"^(\S.*?\S)\s{2,}(\d{1,4})$")  # "Part 2    General Obligations    4"


def _is_contents_line(line: Line) -> bool:
    if "\t" in line.text:
        cells = [c for c in _table_cells(line) if c]
        return len(cells) >= 2 and cells[-1].isdigit()
    text = line.text
    if not text[-1:].isdigit():
        return False
    if "...." not in text and "……" not in text:
        spaced = "  " in text and _SPACED_PAGE.match(text)
        return bool(spaced and is_heading_text(spaced.group(1)))
    return bool(_DOT_LEADER.match(text))  # only now: the pattern is slow on long lines
