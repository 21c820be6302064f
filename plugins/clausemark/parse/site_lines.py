"""A web site's own lines over a council's text, copied with it: never its title.

- skip links naming several targets ("Skip to [main navigation | content]") and a row
  of site links ("Contact us | Privacy and Cookies | Cymraeg"): the site's controls,
  left out with an INFO line (`site_nav_line`, read in lines.py);
- the page heading of a committee system ("Committee details", "Agenda item",
  "Disbanded Committees Committee Diary"): where the page sits on the site, printed as
  a label line, never the title (`never_title`, read in structure.py).
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
    r"|freedom\s+of\s+information|copyright|disclaimer)$",
    re.I,
)
_NAV_LINE_MOST = 160


def site_nav_line(text: str) -> bool:
    """A skip link naming several targets, or a row of three or more site links parted
    by '|': the web site's own controls, never the document's words."""
    if len(text) > _NAV_LINE_MOST:
        return False
    skip = _SKIP.match(text)
    if skip is not None:
        targets = [part.strip() for part in skip.group("targets").split("|")]
        return all(_SKIP_TARGET.match(target) for target in targets)
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


def never_title(text: str) -> bool:
    """A date printed with the title ('8 August 2012'), or the page heading of the
    site's committee system: printed as a label line over the title, never the title."""
    return is_dated(text) or bool(_SITE_PAGE.match(text.strip()))
