"""A web site's own lines over a council's text, copied with it: never its title.

- skip links naming several targets ("Skip to [main navigation | content]") and a row
  of site links ("Contact us | Privacy and Cookies | Cymraeg"): the site's controls,
  left out with an INFO line (`site_nav_line`, read in lines.py);
- the page heading of a committee system ("Committee details", "Agenda item",
  "Disbanded Committees Committee Diary") and a breadcrumb ("Home > Council >
  Constitution", or its steps a line each: "Home", "Your council"): where the page sits
  on the site, printed as label lines, never the title (`never_title`, read in
  structure.py).
"""

from __future__ import annotations

import re

from ..support.dates import is_dated

_SKIP = re.compile(r"^(?:skip|jump)\s+to\s+\[?(?P<targets>[^\]]*)\]?$", re.I)
_SKIP_TARGET = re.compile(
    r"^(?:the\s+)?(?:(?:main|secondary|primary|site|page)\s+)?"
    r"(?:content|navigation|menu|search|footer)$",
    re.I,
)
# The links a council site prints in a row at its head or foot.
_SITE_LINK = re.compile(
    r"^(?:contact(?:\s+us)?|privacy(?:\s+(?:and|&)\s+cookies|\s+(?:policy|notice))?"
    r"|cookies?(?:\s+policy)?|accessibility(?:\s+statement)?|cymraeg|english|gaeilge"
    r"|g[aà]idhlig|site\s*map|a\s*-\s*z(?:\s+of\s+services)?|help|home|jobs|news|search"
    r"|terms(?:\s+(?:and|&)\s+conditions)?|feedback|(?:log|sign)\s*in|my\s+account"
    r"|freedom\s+of\s+information|copyright|disclaimer|about(?:\s+(?:us|the\s+council))?"
    r"|your\s+council|councillors|meetings|events)$",
    re.I,
)
_NAV_LINE_MOST = 160


# A site's control alone on its line: its menu button, its search box, a link back.
_CONTROL = re.compile(
    r"^(?:(?:main\s+|open\s+|close\s+)?menu|toggle\s+navigation|search(?:\s+this\s+site)?)$",
    re.I,
)
# "Back to Constitution", "Back to search results": a link back, its place named in
# capitals or in the words such links use ("Back to back meetings" is a sentence).
_BACK = re.compile(r"^back\s+to\s+((?:\S+\s*){1,4})$", re.I)
_BACK_WORDS = frozenset({"the", "search", "results", "list", "previous", "page", "index"})


def _link_back(text: str) -> bool:
    found = _BACK.match(text)
    return found is not None and all(
        word[:1].isupper() or word.lower() in _BACK_WORDS for word in found.group(1).split()
    )


def site_nav_line(text: str, outside: bool = True) -> bool:
    """A skip link naming several targets, a row of three or more site links parted by
    '|', or a control alone ('Menu', 'Search', 'Back to Constitution'): the web site's
    own, never the document's words. A control alone only `outside` the text's
    numbered lines (over the first, under the last): among them, 'Search' or 'Back to
    Work Interviews' alone is the text's own heading (review7 R9)."""
    if len(text) > _NAV_LINE_MOST:
        return False
    if outside and (_CONTROL.match(text) or _link_back(text)):
        return True
    skip = _SKIP.match(text) if text[:1] in "sSjJ" else None  # 'Skip to', 'Jump to' only
    if skip is not None:
        targets = [part.strip() for part in skip.group("targets").split("|")]
        return all(_SKIP_TARGET.match(target) for target in targets)
    if "|" not in text:
        return False
    parts = [part.strip() for part in text.split("|")]
    return len(parts) >= 3 and all(_SITE_LINK.match(part) for part in parts)


# --- lines that are never the title --------------------------------------------------------

# A committee system's page headings (and its menu's links run together on one line).
_SITE_PAGE = re.compile(
    r"^(?:(?:disbanded\s+committees|committee\s+(?:details|diary|structure|calendar)"
    r"|agenda\s+item|meeting\s+details|issue\s+details|decision\s+details"
    r"|browse\s+meetings|meetings\s+calendar)\s*)+$",
    re.I,
)


# A breadcrumb: the trail ("Home > Council > Constitution", "You are here: Home / ...")
# or, one a line, its first steps ("Home", "Your council"), never a document's title.
_TRAIL = re.compile(r"^(?:you\s+are\s+here\s*:?\s*)?home\s*(?:>|›|»|/|\||→|<)\s*\S", re.I)
# A trail written with arrows whatever its first step ("Documents > Policies > Standing
# Orders"): two arrows or more between short steps.
_ARROW = re.compile(r"\s*(?:>|›|»|→)\s*")
_STEP_WORDS = 6
_STEP = re.compile(
    r"^(?:home|breadcrumbs?|you\s+are\s+here:?|your\s+council|(?:the\s+)?council"
    r"|council\s+and\s+democracy|democracy|about\s+the\s+council|welcome\s+to\s+.{3,80})$",
    re.I,
)


def never_title(text: str) -> bool:
    """A date printed with the title ('8 August 2012'), the page heading of the site's
    committee system, or a breadcrumb: printed as a label line over the title, never
    the title."""
    text = text.strip()
    return (
        is_dated(text)
        or bool(_SITE_PAGE.match(text))
        or bool(_STEP.match(text))
        or (len(text) <= _NAV_LINE_MOST and bool(_TRAIL.match(text)))
        or (len(text) <= _NAV_LINE_MOST and _arrow_trail(text))
    )


def _arrow_trail(text: str) -> bool:
    steps = _ARROW.split(text)
    return len(steps) >= 3 and all(0 < len(step.split()) <= _STEP_WORDS for step in steps)
