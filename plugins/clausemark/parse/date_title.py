"""A meeting page whose only heading is a date (lead ruling R39): '14 October 2020' over
'Date:' / 'Time:' / 'Location:' fields and its agenda is titled by that date. A date over
a letter ('Dear Councillor', R38), over a record's opening ('Present: ...', R35) or over
a heading (which is the title) never is."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..support.dates import is_date

if TYPE_CHECKING:
    from ..model.document import Document

# a meeting page's field row: 'Date:', 'Time: 2pm', 'Venue: Council Chamber'
_FIELD = re.compile(r"^(?:date|time|venue|location|place|meeting\s+(?:date|time|venue))\s*:", re.I)


def date_only_title(document: Document) -> str | None:
    """The date printed alone as the page's first line, its meeting's fields under it."""
    lines = document.title_lines
    if not lines or lines[0][0] != "label" or not is_date(lines[0][2]):
        return None
    if any(text[:5].lower() == "dear " for _kind, _line, text in lines):
        return None  # the letter's date (R38)
    if any(kind != "label" for kind, _line, _text in lines):
        return None  # a title, a council or a status line printed with it
    first = document.blocks[0] if document.blocks else None
    # the fields under it: label lines ('Time: 2pm', 'Venue: Hall') or its first paragraph
    field = lines[1][2] if len(lines) > 1 else str(getattr(first, "text", "") or "")
    return lines[0][2].strip() if _FIELD.match(field.strip()) else None
