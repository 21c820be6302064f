"""A web site's own lines over a council's text, copied with it: never its title.

- skip links naming several targets ("Skip to [main navigation | content]") and a row
  of site links ("Contact us | Privacy and Cookies | Cymraeg"): the site's controls,
  left out with an INFO line (`site_nav_line`, read in lines.py);
- the page heading of a committee system ("Committee details", "Agenda item",
  "Disbanded Committees Committee Diary") and a breadcrumb ("Home > Council >
  Constitution", or its steps a line each: "Home", "Your council"): where the page sits
  on the site, printed as label lines, never the title (`never_title`, read in
  structure.py);
- a document-sharing site's viewer over its copy of a file ("You are on page 1 of 16",
  "Total Page:16", "File Type:pdf, Size:1020Kb", "3,118 views", "Download PDF"): the
  site's, left out with an INFO line when it stands at the top of the text
  (`viewer_line`, read in lines.py), a label line anywhere else over the title;
- an image's alt text over the title ("Crest of ... Council", "... Council logo"): a
  label line, never the title (`never_title`);
- a site's credits ("Website created & maintained by ...", "Powered by ..."), a post's
  category and upload date ("Policies Uploaded on 30 April 2023") and a link to a file
  with its type and size ("Standing Orders PDF 406 KB"): the site's, never the title
  (`never_title`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..support.dates import FULL_MONTHS, is_dated

_SKIP = re.compile(r"^(?:skip|jump)\s+to\s+\[?(?P<targets>[^\]]*)\]?$", re.I)
_SKIP_TARGET = re.compile(
    r"^(?:the\s+)?(?:(?:main|secondary|primary|site|page)\s+)?"
    r"(?:content|navigation|menu|search|footer)$",
    re.I,
)
# The links a council site prints in a row at its head or foot.
_LINK_WORDS = (
    r"contact(?:\s+us)?|privacy(?:\s+(?:and|&)\s+cookies|\s+(?:policy|notice))?"
    r"|cookies?(?:\s+policy)?|accessibility(?:\s+statement)?|cymraeg|english|gaeilge"
    r"|g[aà]idhlig|site\s*map|a\s*-\s*z(?:\s+of\s+services)?|help|home|jobs|news|search"
    r"|terms(?:\s+(?:and|&)\s+conditions)?|feedback|(?:log|sign)\s*in|my\s+account"
    r"|freedom\s+of\s+information|copyright|disclaimer|about(?:\s+(?:us|the\s+council))?"
    r"|your\s+council|councillors|meetings|events|documents|policies|minutes|agendas"
    r"|services|planning|gallery|downloads|(?:useful\s+)?links|what'?s\s+on|vacancies"
    r"|(?:the\s+|parish\s+|town\s+|community\s+)?council|community|calendar"
)
_SITE_LINK = re.compile(rf"^(?:{_LINK_WORDS})$", re.I)
_NAV_LINE_MOST = 160
# The same links run together on one line with no bar between them (a menu copied as
# text): three or more, the line nothing else.
_RUN_MENU = re.compile(rf"^(?:{_LINK_WORDS})(?:\s+(?:{_LINK_WORDS})){{2,}}$", re.I)


_SKIP_SPLIT = re.compile(r"(?=\b(?:skip|jump)\s+to\b)", re.I)
_SKIP_RUN_TARGET = re.compile(
    r"^(?:the\s+)?(?:(?:main|secondary|primary|site|page|left|right)\s+)?"
    r"(?:content|navigation|menu|search|footer|sidebar|header)$",
    re.I,
)


def _skip_link(part: str) -> bool:
    found = _SKIP.match(part)
    return found is not None and bool(_SKIP_RUN_TARGET.match(found.group("targets").strip()))


# A site's control alone on its line: its menu button, its search box, a link back.
_CONTROL = re.compile(
    r"^(?:(?:main\s+|open\s+|close\s+)?menu|(?:toggle|show|hide|open|close)\s+(?:the\s+)?"
    r"(?:main\s+|site\s+|mobile\s+)?(?:navigation|menu|search)(?:\s+visibility)?"
    # a site's search box, a committee system's search links ("Search the library")
    r"|search(?:\s+(?:this\s+|the\s+|our\s+)?(?:site|website|documents|library|meetings"
    r"|decisions|committees|councillors|minutes|agendas))?"
    # a menu's opener, the site's translation links and its help link
    r"|i\s+want\s+to\s*(?:\.{3}|…)?|translations?|see\s+all\s+languages|select\s+(?:a\s+)?language"
    r"|translate\s+this\s+(?:page|site)|(?:please\s+)?click\s+here\s+for\s+help!?"
    # the words a page shows where its picture or animation did not load
    r"|(?:an?\s+)?(?:image|picture)\s+(?:displayed|shown)\s+(?:if|when)\s+[^.]{3,60}"
    # a search box's prompt: "How can we help you...", "What are you looking for?"
    r"|(?:search\s+(?:this|the|our)\s+(?:site|website)|how\s+can\s+we\s+help(?:\s+you)?"
    r"|what\s+are\s+you\s+looking\s+for|enter\s+(?:a\s+|your\s+)?search\s+terms?)"
    r"\s*(?:\?|\.{3}|…)?)$",
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
    own, never the document's words; so are the lines of its accessibility and display
    widget ('Text Preferences', 'Colour Schemes'). A control alone only `outside` the text's
    numbered lines (over the first, under the last): among them, 'Search' or 'Back to
    Work Interviews' alone is the text's own heading (review7 R9)."""
    if len(text) > _NAV_LINE_MOST:
        return False
    if outside and (_CONTROL.match(text) or _link_back(text) or _WIDGET_LINE.match(text)):
        return True
    skip = _SKIP.match(text) if text[:1] in "sSjJ" else None  # 'Skip to', 'Jump to' only
    if skip is not None:
        targets = [part.strip() for part in skip.group("targets").split("|")]
        if all(_SKIP_TARGET.match(target) for target in targets):
            return True
        # "Skip to content Skip to left sidebar Skip to footer": the links run together
        links = [part for part in _SKIP_SPLIT.split(text) if part.strip()]
        return len(links) >= 2 and all(_skip_link(part.strip()) for part in links)
    if outside and "|" not in text and _RUN_MENU.match(text):
        return True  # "Home About us Council Meetings Contact us": a menu's links run together
    if "|" not in text:
        return False
    parts = [part.strip() for part in text.split("|")]
    return len(parts) >= 3 and all(_SITE_LINK.match(part) for part in parts)


# --- lines that are never the title --------------------------------------------------------

# A committee system's page headings (and its menu's links run together on one line).
_SITE_PAGE = re.compile(
    r"^(?:(?:disbanded\s+committees|committee\s+(?:details|diary|structure|calendar)"
    r"|agenda\s+item|meeting\s+details|issue\s+details|decision\s+details"
    r"|issue\s*[-–]\s*(?:meetings|decisions)"
    r"|browse\s+meetings|meetings\s+calendar)\s*)+$",
    re.I,
)


def committee_page(text: str) -> bool:
    """'Agenda item', 'Issue - meetings', 'Decision details': the page heading of a
    committee system's page for one item (the item's own title comes under it)."""
    return bool(_SITE_PAGE.match(text.strip()))


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


# A site's own furniture over the page's heading: its accessibility and display widget
# ("Accessibility and Display Options", "Text Preferences", "Colour Schemes", "Save
# Close"), an intranet's name ("Staff intranet"), a link home ("X Council homepage"), an
# advertising slot's label. Short lines only: a heading naming these is longer.
_WIDGET = (
    r"(?:choose\s+)?(?:accessibility|display)(?:\s+(?:and|&)\s+(?:display|accessibility))?"
    r"\s+(?:options|settings|tools)"
    r"|(?:choose\s+)?(?:display|text|colou?r)\s+(?:options|settings|preferences|schemes?|size)"
    r"|save\s*(?:\|\s*)?close"
)
_WIDGET_LINE = re.compile(rf"^(?:{_WIDGET})$", re.I)
_CHROME = re.compile(
    rf"^(?:{_WIDGET}"
    r"|(?:\S+\s+){0,3}intranet(?:\s+home(?:\s*page)?)?"
    r"|(?:(?:\S+\s+){0,4}(?:home\s*page|homepage)|return\s+to\s+(?:the\s+)?home\s*page)"
    r"|advertising|advertisement|sponsored)$",
    re.I,
)
_CHROME_WORDS = 6


# A title's small words: "Use of the Intranet", "Protocol for the Council Homepage" name
# what a document is about; a site's name or link home ("Staff intranet") has none.
_ABOUT_WORDS = re.compile(r"\s(?:of|for|on|about|using|with|in)\s", re.I)


def chrome_line(text: str) -> bool:
    """A site's widget, intranet name, link home or advertising label over the heading:
    a label line, never the title."""
    text = text.strip()
    if len(text.split()) > _CHROME_WORDS or not _CHROME.match(text):
        return False
    return bool(_WIDGET_LINE.match(text)) or not _ABOUT_WORDS.search(text)


# A site's credits line: who made or hosts the site, never the council's document.
_CREDITS = re.compile(
    r"^(?:(?:this\s+)?(?:web\s*site|site|web\s*pages?)\s+"
    r"(?:(?:created|designed|developed|built|hosted|maintained|managed|run)"
    r"(?:\s*(?:,|and|&)\s*|\s+))+by\s+\S"
    r"|(?:web\s*)?site\s+(?:design\s+)?by\s+\S|powered\s+by\s+\S)",
    re.I,
)
_CREDITS_WORDS = 16
# A blog-style page's category and the day it was put up ("Policies & Procedures Uploaded
# on April 30, 2023"): the site's record of the upload, in either order of day and month.
_MONTH = "|".join(FULL_MONTHS)
_UPLOADED = re.compile(
    rf"^(?:[^.;:]{{1,60}}\s)?(?:uploaded|posted|added)\s+on\s+"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})|(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?,?)"
    r"\s+\d{4}$",
    re.I,
)
# A link to a file, with the type and size the site prints after its name ("Scheme of
# Delegation PDF 406 KB", "Standing Orders (PDF, 1.2MB)"): the file's name as a link, the
# page's, never the title of the text copied with it.
_FILE_LINK = re.compile(
    r"\s\(?(?:pdf|docx?|odt|rtf|xlsx?)\s*[,–-]?\s*[\d.,]+\s*[kmg]i?b\)?$",
    re.I,
)


def file_link(text: str) -> bool:
    """'Part 1: Introduction PDF 579 KB': a link to a file with its type and size."""
    return len(text) <= _NAV_LINE_MOST and bool(_FILE_LINK.search(text.strip()))


def site_line(text: str) -> bool:
    """A site's credits, a post's upload stamp or a link to a file with its type and
    size: the site's lines, never the document's title."""
    text = text.strip()
    if len(text) > _NAV_LINE_MOST:
        return False
    return (
        (len(text.split()) <= _CREDITS_WORDS and bool(_CREDITS.match(text)))
        or bool(_UPLOADED.match(text))
        or file_link(text)
    )


# A site's header of who to contact ('Chairman: Councillor A. Smith | Clerk: B. Jones'):
# two labelled values or more, a bar apart. A title is never labelled values.
_LABELLED = re.compile(r"^[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}\s*:\s*\S")
# the heading of a site's menu of the pages next to this one
_MENU_HEADING = re.compile(
    r"^(?:in\s+this\s+section|related\s+pages|more\s+in\s+this\s+section)$", re.I
)


# A meeting page's detail rows over its items ("Venue: Council Chamber", "Contact: Democratic
# Services", "Link: View the meeting here"): the page's details, never its title.
_MEETING_DETAIL = re.compile(
    r"^(?:venue|contact|link|webcast|location|place|time|meeting\s+(?:date|venue|time|link)"
    r"|decision\s+maker)\s*:\s*\S"
    r"|^(?:item\s+)?no\.?\s+item$",  # the head of its table of items ("No. | Item")
    re.I,
)


def labelled_value(text: str) -> bool:
    """'Decision Maker: Council', 'Clerk: B. Jones': a label of three words at most and
    its value, a row of a page's details (never a title)."""
    return bool(_LABELLED.match(text.strip()))


def _contact_header(text: str) -> bool:
    parts = [part.strip() for part in text.split(" | ")]
    return len(parts) >= 2 and all(_LABELLED.match(part) for part in parts)


# A site's section name printed alone above the page's own title, and a contents label
# alone (lead ruling R12, session 11): where the page sits or what follows, never its title.
# A council site's democracy section ("Councillors and committees", "Council and
# democracy", "Councillors, committees and meetings", "Your council"): where the page sits.
_DEMOCRACY = r"(?:councillors|committees|democracy|elections|meetings|governance|voting)"
_SECTION_NAME = re.compile(
    r"^(?:documents|downloads|(?:latest\s+)?news(?:\s+(?:and|&)\s+events)?|what'?s\s+new"
    r"|publications|freedom\s+of\s+information"
    r"|policies(?:\s*,\s*\w+)*(?:\s+(?:and|&)\s+(?:procedures|documents|publications))?"
    # (naming councillors or elections: "Meetings and Committees" may be a
    # document's own first cross-heading)
    r"|(?=.*\b(?:councillors|elections|voting)\b)"
    rf"(?:(?:your\s+|the\s+)?council|{_DEMOCRACY})(?:\s*,\s*{_DEMOCRACY})*"
    rf"\s+(?:and|&)\s+(?:{_DEMOCRACY}|(?:the\s+)?council)"
    r"|your\s+council|(?:local\s+)?democracy|about\s+(?:the|your|our)\s+council)$",
    re.I,
)
_CONTENTS_ALONE = re.compile(r"^(?:index|contents|table\s+of\s+contents)$", re.I)


# A blog's or site's line about itself at the head of every page ("This blog is where you
# will find the council's minutes ...", "This website gives news of ..."): the site's
# words, never a post's title or text.
_SITE_ABOUT = re.compile(
    r"^this\s+(?:blog|web\s*site|site)\s+(?:is|has|holds|contains|gives|provides|brings"
    r"|shares|aims|will|was)\b",
    re.I,
)
_SITE_ABOUT_MOST = 400


def site_about(text: str) -> bool:
    """'This blog is where you will find ...' at the top of a page: the site's own line."""
    return len(text) <= _SITE_ABOUT_MOST and bool(_SITE_ABOUT.match(text))


def section_name(text: str) -> bool:
    """'Documents', 'News', 'Freedom of Information', 'Councillors and committees': a
    site's section name alone."""
    text = text.strip()  # a breadcrumb's step ('Your council') is read as one (`_STEP`)
    return len(text) <= 40 and bool(_SECTION_NAME.match(text)) and not _STEP.match(text)


def never_title(text: str, titled: bool = False) -> bool:
    """A date printed with the title ('8 August 2012'), the page heading of the site's
    committee system, a breadcrumb, a site section's name, or a contents label alone
    before any title (`titled`: under the title it heads the list as printed): printed
    as a label line over the title, never the title."""
    text = text.strip()
    return (
        is_dated(text)
        or section_name(text)
        or (not titled and bool(_CONTENTS_ALONE.match(text)))
        or bool(_SITE_PAGE.match(text))
        or bool(_STEP.match(text))
        or (len(text) <= _NAV_LINE_MOST and bool(_TRAIL.match(text)))
        or (len(text) <= _NAV_LINE_MOST and _arrow_trail(text))
        or viewer_line(text)
        or picture_line(text)
        or chrome_line(text)
        or site_line(text)
        or bool(_MENU_HEADING.match(text))
        or ("|" in text and len(text) <= _NAV_LINE_MOST and _contact_header(text))
        or postal_address(text)
        or bool(_MEETING_DETAIL.match(text))
    )


# A UK postcode closing a line ('... Market Street, Anytown AB12 3CD'): the outward code
# (area letters, district digit, an optional letter or digit), the inward code (a digit,
# two letters).
_POSTCODE_END = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\.?$")
_ADDRESS_MOST = 120  # characters of a letterhead's address line


def postal_address(text: str) -> bool:
    """A council's address on its letterhead ('Civic Offices High Street Anytown AB1 2CD'):
    a short line closed by a postcode, printed over the title, never the title."""
    return len(text) <= _ADDRESS_MOST and bool(_POSTCODE_END.search(text.strip()))


# The steps of a trail: arrows, or a slash or bar set apart by spaces ('Member/Officer
# Protocol' is one step); a numbered trail's step ('4.  » Complaints') after its number.
_TRAIL_CUT = re.compile(r"\s*(?:>|›|»|→)\s*|\s+[/|]\s+")
_NUMBERED_STEP = re.compile(r"^\s*(\d{1,2})[.)]\s*(.*)$")
_HERE = re.compile(r"^you\s+are\s+here\s*:?\s*", re.I)
_TITLE_STEP_WORDS = 12


def trail_last_step(text: str) -> str | None:
    """'Home > Council > Complaints Policy': the page the trail ends on ('Complaints
    Policy'); None for a line that is no trail or ends on no page name."""
    text = text.strip()
    if len(text) > _NAV_LINE_MOST or not (_TRAIL.match(text) or _arrow_trail(text)):
        return None
    text = _HERE.sub("", text).lstrip("»›>→ ")
    steps = _ARROW.split(text)
    if len(steps) == 2:  # 'News » Council adopts a new expenses / travel policy': one arrow
        return _page_step(steps, _PAGE_WORDS)
    return _page_step(_TRAIL_CUT.split(text))


def is_trail(text: str) -> bool:
    """A breadcrumb trail ('Home > Council > Minutes', '» Home » Official » Minutes',
    'News » Council adopts a new policy'): where the page sits, never its title."""
    text = text.strip()
    return len(text) <= _NAV_LINE_MOST and bool(_TRAIL.match(text) or _arrow_trail(text))


def trail_title(labels: list[str], left_out: list[str]) -> str | None:
    """A web page that prints no title line over its text is named by its breadcrumb's
    last step: a trail kept as a label line ('Home > Council > Complaints'), or one copied
    as an ordered list and left out as the site's lines (lead ruling R3, session 10).
    A section name ('Freedom of Information') is furniture only over the page's own title
    (R12): with no title under it, it is the title, as before R12."""
    for label in labels:
        if step := trail_last_step(label):
            return step
    if step := numbered_trail_step(left_out[:_TRAIL_LINES]):
        return step
    return next((label.strip() for label in labels if section_name(label)), None)


_TRAIL_LINES = 40  # the site's lines read for an ordered-list trail (it is at the top)


def numbered_trail_step(lines: list[str]) -> str | None:
    """The page a trail copied as an ordered list ends on ('1. Home', '2.  »', '3. Council
    Business', '4.  » Complaints': 'Complaints'), read from the first such run among
    `lines` (a page's lines left out as the site's); None when there is none."""
    steps: list[str] = []
    for line in lines:
        match = _NUMBERED_STEP.match(line)
        if match is None or int(match.group(1)) != len(steps) + 1:
            if len(steps) >= 2:
                break  # the trail ended
            steps = []
            if match is None or match.group(1) != "1":
                continue
        if not steps and match.group(2).strip().lower() != "home":
            continue
        steps.append(_ARROW.sub(" ", match.group(2)).strip())
    return _page_step(steps) if len(steps) >= 2 else None


def _page_step(steps: list[str], most: int = _TITLE_STEP_WORDS) -> str | None:
    named = [step.strip() for step in steps if step.strip(" »›>→/|")]
    last = named[-1] if named else ""
    if not last or _STEP.match(last) or len(last.split()) > most:
        return None  # 'Home', 'Your council': the site, not the page
    return None if last[-1:] in ".;:,!?" else last


def _arrow_trail(text: str) -> bool:
    steps = _ARROW.split(text.lstrip("»›>→ "))  # '» Home » Official » Minutes'
    # two steps will do ('Council and democracy > Agenda and draft minutes', R34): a
    # title is never printed with an arrow in it; nor with one after a site section's
    # name, whatever the page's own name after it ('News » Council adopts a new ...', R37)
    if len(steps) == 2 and 0 < len(steps[0].split()) <= _SECTION_WORDS:
        return 0 < len(steps[1].split()) <= _PAGE_WORDS
    return len(steps) >= 2 and all(0 < len(step.split()) <= _STEP_WORDS for step in steps)


_SECTION_WORDS = 4  # a site section's name before one arrow
_PAGE_WORDS = 24  # a page's name (a news post's headline) after it


# --- a document-sharing site's viewer over its copy of a file --------------------------------

# Each a whole line: where the viewer is in the file, what the file is, how often it was
# seen, and the viewer's buttons. A line of the document says none of these alone.
_VIEWER = re.compile(
    r"^(?:you\s+are\s+on\s+)?page\s*\d{1,4}\s*(?:of|/)\s*\d{1,4}$"  # "You are on page 1of 16"
    r"|^(?:total\s+)?(?:number\s+of\s+)?pages?\s*:\s*\d{1,4}$"  # "Total Page:16"
    r"|^file\s*(?:type|format)\s*:?\s*[a-z]{2,5}(?:\s*,\s*(?:file\s*)?size\s*:?\s*[\d.,]+\s*[kmg]i?b)?$"
    r"|^(?:file\s*)?size\s*:\s*(?:[\d.,]+\s*(?:[kmg]i?b|px)|px)$"  # "Size: px"
    r"|^\(?(?:adobe\s+acrobat\s+document\s+\()?(?:pdf|docx?|odt|rtf)\)?\s*[-–,]\s*[\d.,]+\s*[kmg]b\)?$"
    r"|^[\d,.]+\s*k?\s+(?:views?|downloads?|pages?|likes?|shares?|comments?)"
    r"(?:\s*[·•|,]\s*[\d,.]+\s*k?\s+(?:views?|downloads?|pages?|likes?|shares?|comments?))*$"
    r"|^(?:views?|downloads?|pages?|likes?)\s*:\s*[\d,.]+$"  # "Views: 1,204"
    r"|^(?:download(?:\s+(?:now|pdf|file|document|as\s+pdf|\(pdf\)))?|report(?:\s+this\s+document)?"
    r"|embed(?:\s+document)?|full\s*screen|zoom\s+(?:in|out)|citation\s+preview"
    r"|start\s+display\s+at\s+page\s*:?|view\s+(?:online|full\s+document)"
    # a download or print widget's label, a count or size glued on ('Download23',
    # 'Download Copy', 'Print (2 pages)') and its file's details ('File Size245.50 KB',
    # 'Create Date15/07/2016'), as a download manager prints them (lead ruling R12)
    r"|(?:download|print)\s*\d{1,6}|download\s+(?:a\s+|this\s+)?copy"
    r"|(?:download|print)\s*\(\s*\d{1,6}\s*(?:pages?|kb|mb)?\s*\)"
    r"|file\s*size\s*:?\s*[\d.,]+\s*[kmg]i?b"
    r"|(?:create|created|upload|uploaded|update|updated|modified)\s*date\s*:?\s*"
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
    r"|(?:upload|uploaded\s+by|category)\s*:\s*\S{0,40}"
    r"|category\s*:\s*[\w&' -]{1,40}\(\s*page\s*\d{1,4}\s*of\s*\d{1,4}\s*\)"  # its page
    r"|(?:uploaded|posted|post)\s+(?:on|by)\s+\S.{0,40}"
    r"|download\s+\S.{0,60}\(\s*(?:pdf|docx?|odt|rtf)\s*[,–-]?\s*[\d.,]+\s*[kmg]b\s*\)"  # a link
    r"|(?:share\s+(?:this\s+(?:page|document)\s+)?(?:on|via)\s+"
    r"(?:facebook|twitter|x|linkedin|whatsapp|email)\s*)+)$",
    re.I,
)
_VIEWER_MOST = 80  # characters of a viewer's line


def viewer_line(text: str) -> bool:
    """A document-sharing site's viewer line copied with the file's text ('You are on
    page 1of 16', 'Total Page:16', 'File Type:pdf, Size:1020Kb', '3,118 views',
    'Download PDF'): the site's, never the document's words or its title."""
    return len(text) <= _VIEWER_MOST and bool(_VIEWER.match(text.strip()))


# An image's alt text copied over the title: "Crest of Ashworth Town Council", "Council
# logo", "Image: the town hall". Short, and naming the picture it stands for.
_PICTURE = re.compile(
    r"^(?:(?:an?\s+)?(?:image|photo(?:graph)?|picture|logo|crest|emblem|coat\s+of\s+arms)"
    r"(?:\s+of\b|\s*:)\s*\S.*"
    r"|(?:\S+\s+){0,6}(?:logo|crest|emblem|coat\s+of\s+arms|banner\s+image)(?:\s+image)?"
    r"|logo|crest)$",
    re.I,
)
_PICTURE_WORDS = 8


def picture_line(text: str) -> bool:
    """An image's alt text copied with the page over the title: a label line, never the
    title (the council it names is still read from it)."""
    return len(text.split()) <= _PICTURE_WORDS and bool(_PICTURE.match(text.strip()))


# --- the page's own furniture over its heading (lead ruling R37) ------------------------------

# One table of the lines a web page or a document host speaks in its own voice over the
# text it shows: read at the top only (the title search skips them, `page_furniture`).
# A visitor's instruction, opening on a verb of using the site and going on in lower case
# ('Click here to load reader', 'Find out changes to our services ...', 'Sign up to our
# newsletter'); a heading printed with such a verb is title-cased throughout ('Find Out
# More About Allotments') and stays a heading.
_SITE_VERB = re.compile(
    r"^(?:click|tap|press|skip|find\s+out|sign\s+up|log\s*in|login|search|view|download"
    r"|print|share|translate|accept|reject|load|subscribe|follow\s+us|select|choose|use"
    r"|visit|read\s+more|see\s+(?:more|the\s+(?:\S+\s+){1,3}web\s*site)|show|hide|open|close|enable|allow|manage|report)\b",
    re.I,
)
# where the visitor is ('You are in:', 'You are here: Home > ...'), a translation widget's
# notice and its disclaimer ('You can use the translation service ...', 'Translations cannot
# be guaranteed ...'), a page's refresh notice, cookie lines
_VISITOR = re.compile(
    r"^(?:you\s+are\s+(?:in|here)\b"
    r"|you\s+can\s+use\s+the\s+translation\b"
    r"|(?=.{0,160}\btranslat)(?=.{0,200}\b(?:languages?|tool|widget|google|microsoft|azure)\b)"
    r"|(?:this\s+)?(?:(?:automatic|machine|google|microsoft)\s+)?translations?\s+"
    r"(?:is|are|cannot|can\s*not|may|will|provided|powered|service)\b"
    r"|(?:please\s+note\s*:?\s*)?this\s+will\s+(?:refresh|reload)\s+the\s+page"
    r"|(?:we|(?:this|our)\s+(?:site|website))\s+uses?\s+cookies"
    # an archive notice: 'Warning: This is archived material and may be out of date.'
    r"|(?:(?:warning|please\s+note|note)\s*:\s*)?this\s+(?:is\s+(?:an?\s+)?archived\b"
    r"|(?:page|content|information|material|site)\s+(?:is|has\s+been|was)\s+archived\b)"
    r"|cookies?\s+(?:settings|preferences|policy\s+and\s+settings))",
    re.I,
)
# a contact strip: 'In an emergency call 999', 'For general enquiries call 0115 ...',
# 'Tel: 01234 567890', its opening hours after it or alone ('Monday - Friday -',
# 'Mon to Fri 9am - 5pm'); a notice's opener alone ('Please note:')
_DAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_HOURS_BODY = (
    rf"(?:opening\s+(?:hours|times)\s*:?\s*)?{_DAYS}\s*(?:-|–|to)\s*{_DAYS}\s*[-–:,]?"
    r"(?:\s*\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)?\s*(?:-|–|to)\s*\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)?)?"
)
_PHONE = re.compile(
    r"^(?:(?:in\s+an?\s+emergency|for\s+(?:[\w-]+\s+){0,2}(?:enquiries|queries|help|advice)),?\s+"
    r"(?:please\s+)?(?:call|dial|phone|ring|telephone|contact)\s+(?:us\s+on\s+)?\+?\d[\d ()-]{1,16}"
    r"|(?:tel(?:ephone)?|phone|call\s+us(?:\s+on)?)\s*[:.]?\s*\+?\(?0\d[\d ()-]{7,16})"
    rf"\.?(?:\s+{_HOURS_BODY})?$",
    re.I,
)
_HOURS = re.compile(rf"^{_HOURS_BODY}$|^opening\s+(?:hours|times)\s*:?$|^please\s+note\s*:?$", re.I)
# a reading or counting badge: '2 min read', '5 minute read', '0 views', '3 comments'
_BADGE = re.compile(
    r"^\d{1,3}\s*(?:min(?:ute)?s?|m)\.?\s+read$"
    r"|^[\d,.]+\s*k?\s+(?:views?|comments?|likes?|shares?|reads?|downloads?)$",
    re.I,
)
# an image's alt text for a page's header picture: 'Header Image for X', 'Banner'
_HEADER_PICTURE = re.compile(
    r"^(?:(?:header|banner|hero|featured|cover|background|page)\s+(?:image|photo|picture)"
    r"(?:\s+(?:for|of)\s+.+)?|banner(?:\s+image)?)$",
    re.I,
)
# a bare domain or web address alone: 'WWW.EXAMPLE.INFO', 'www.parish.org.uk'
_DOMAIN = re.compile(
    r"^(?:https?://)?(?:www\.)?(?:[a-z0-9-]+\.)+"
    r"(?:uk|com|org|net|info|gov|io|co|wales|scot|eu|biz|me|tips|site|online)(?:/\S*)?/?$",
    re.I,
)
# a document host's lines: 'Document Sample', 'Embed Size (px)', 'Page 1: <snippet>',
# 'Pages: || 2 | 3 | ...', '<< HOME', 'FREE ELECTRONIC LIBRARY - ...', 'Powered By X'
_HOST = re.compile(
    r"^(?:document\s+(?:sample|preview|details|information|transcript)"
    r"|(?:related|similar|recommended|popular)\s+(?:documents|publications|posts|papers)"
    r"|embed\s+(?:size|code)\b.*|citation\s+preview|transcript|powered\s+by\s+\S.*"
    r"|page\s+\d{1,4}\s*:\s+\S.*|-*\s*\[\s*page\s+\d{1,4}\s*\]\s*-*"
    r"|(?:pages?\s*:?\s*)?\|\|?[\s|\d.…]*"
    r"|(?:<<|«|&lt;&lt;)\s*\w+(?:\s+\w+){0,2}"
    r"|free\s+(?:electronic\s+|online\s+|e-?)?(?:library|books?|documents?|downloads?)\b.*"
    # a reader site's own controls and verdicts ('Jump to Page', 'Available Formats',
    # '0% found this document useful (0 votes)'), a blog's post lines ('Posted in Minutes',
    # 'Comments are closed.'), a page's text-size widget, a loading notice, a copyright line
    r"|jump\s+to\s+page|available\s+formats|\d{1,3}\s*%\s+found\s+this\s+document\s+\w+.*"
    r"|(?:posted|filed)\s+(?:in|under)\s+\S.{0,40}|categor(?:y|ies)\s*:\s*\S.{0,40}"
    r"|comments\s+are\s+(?:closed|open)\.?|no\s+comments(?:\s+yet)?\.?|leave\s+a\s+(?:comment|reply)"
    r"|text\s+size\s*:?(?:\s+\S{1,3}){0,4}|loading(?:\.{3}|…)?"
    r"|(?:copyright\s*:?\s*)?©.{0,60}|all\s+rights\s+reserved\.?)$",
    re.I,
)
# a list page's table header row flattened to lines ('Items', 'No. |', 'Item |', 'Item no.
# Agenda Item Details Status'): column names only (R38)
_COLUMN = (
    r"(?:item|items|no\.?|number|agenda|details?|status|title|date|description|documents?"
    r"|size|type|decision|report)"
)
_TABLE_HEAD = re.compile(rf"^(?:items|{_COLUMN}(?:\s+{_COLUMN}){{2,6}})$", re.I)
_COLUMN_CELL = re.compile(rf"^{_COLUMN}(?:\s+{_COLUMN})?$", re.I)


def _table_head(text: str) -> bool:
    """'Items', 'No. |', 'No. | Item | Details', 'Item no. Agenda Item Details Status'."""
    if "|" in text:
        cells = [cell.strip() for cell in text.split("|") if cell.strip()]
        return bool(cells) and all(_COLUMN_CELL.match(cell) for cell in cells)
    return bool(_TABLE_HEAD.match(text))


# a search snippet the host shows of the file: words cut with ' ... ' between them
_ELISION = re.compile(r"\s(?:\.\.\.|…)(?:[\s»”\"]|$)")
_SNIPPET_WORDS = 8


def _snippet(text: str) -> bool:
    """Two cuts or more ('... initiative ... Members spoke ...'), or one in the host's quote
    marks ('«You are hereby requested ... Date: ...»'): never a sentence of the document."""
    cuts = len(_ELISION.findall(text))
    return cuts >= 2 or (cuts == 1 and text[:1] in '«“"' and text[-1:] in '»”"')


_FURNITURE_MOST = 300  # characters of a furniture line (the host's snippet is the longest)


# the entries only a site's menu holds: one of them marks a run of short lines as a menu
# ('HOME' / 'Churches' / 'Heritage' / 'Mailbag'), never a title's lines
_MENU_ENTRY = re.compile(
    r"^(?:home(?:\s*page)?|contact(?:\s+us)?|(?:latest\s+)?news|about(?:\s+us)?|site\s*map"
    r"|gallery|(?:useful\s+)?links|what'?s\s+on|events|log\s*in|search)$",
    re.I,
)


def menu_entry(text: str) -> bool:
    """'Home', 'Contact us', 'News': an entry only a site's menu prints."""
    return len(text) <= _NAV_LINE_MOST and bool(_MENU_ENTRY.match(text.strip()))


@lru_cache(maxsize=2048)  # the same line is asked about where it is parted, joined and read
def page_furniture(text: str) -> bool:
    """A line the web page or document host prints for its visitor over the text it shows
    (lead ruling R37): a visitor's instruction or where they are, a contact or opening
    hours strip, a reading badge, a header picture's alt text, a bare domain, a host's
    own line or its snippet of the file. Never the title; the title search skips it."""
    text = text.strip()
    if "\u2028" in text:  # a web page's lines parted by <br>: each of them the site's
        parts = [part for part in text.split("\u2028") if part.strip()]
        return len(parts) > 1 and all(page_furniture(part) for part in parts)
    if not text or len(text) > _FURNITURE_MOST:
        return False
    words = text.split()
    # 'Find out changes to our services': a lower-case word after the verb; a verb alone
    # ('Print') is a control; 'Find Out More About Allotments' a heading
    if _SITE_VERB.match(text) and (len(words) == 1 or not title_cased(text)):
        return True
    if len(words) <= 2 and _DOMAIN.match(text):
        return True
    return bool(
        (_VISITOR.match(text) and not title_cased(text))
        or _PHONE.match(text)
        or _HOURS.match(text)
        or _BADGE.match(text)
        or _HEADER_PICTURE.match(text)
        or _HOST.match(text)
        or _table_head(text)
        or (len(words) >= _SNIPPET_WORDS and _snippet(text))
    )


_SMALL_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "&"})


def title_cased(text: str) -> bool:
    """'Officer Employment', 'CODE OF', 'Protocol for': every word but the small ones
    capitalised, as a title is printed (a slogan or a sentence is not)."""
    return all(w[:1].isupper() or not w[:1].isalpha() or w in _SMALL_WORDS for w in text.split())
