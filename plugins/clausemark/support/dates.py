"""UK dates as councils print them, to ISO 8601 (day first, as in the UK)."""

from __future__ import annotations

import calendar
import re

_MONTH_NAMES = [
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
]
MONTHS = {name: index for index, names in enumerate(_MONTH_NAMES, start=1) for name in names}
FULL_MONTHS = [names[0].capitalize() for names in _MONTH_NAMES]
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUMERIC = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# "25th February 2015", "1st of September 2025" ("of" after an ordinal: "minute 12 of
# March 2024" names no day)
_WORDS = re.compile(
    rf"\b(\d{{1,2}})(?:(?:st|nd|rd|th)(?:\s+of)?)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I
)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{4}})\b", re.I)
# "05/2027": a month and a four-digit year, as review dates are often printed.
_NUMERIC_MONTH_YEAR = re.compile(r"(?<![\d./-])(\d{1,2})[./](\d{4})\b")

DATE_PATTERN = re.compile(
    rf"{_ISO.pattern}|{_NUMERIC.pattern}|{_WORDS.pattern}|{_MONTH_YEAR.pattern}", re.I
)


# "Thursday, 13 October 2011", "Wed 26 May 2021": the day of the week before a date
_WEEKDAY = re.compile(
    r"^(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+(?=\d)", re.I
)


def is_date(text: str) -> bool:
    """Whether a line is a date and nothing else ('8 August 2012', 'October 2021',
    'Thursday, 13 October 2011')."""
    plain = text.strip(" .,")
    if len(plain) > 50 or not plain[-1:].isdigit():
        return False  # every date councils print ends in its year or day: a cheap first look
    if plain[:1].isalpha() and (weekday := _WEEKDAY.match(plain)):
        plain = plain[weekday.end() :]
    return DATE_PATTERN.fullmatch(plain) is not None


def starts_with_date(text: str) -> bool:
    """Whether a line opens on a day, month and year ('25 August 2021 Village Hall', a
    web page's <br> lines read as one; '20 AUGUST 2018'): its day is a date's, never a
    printed clause number, whatever follows it."""
    found = _WORDS.match(text) if text[:1].isdigit() else None
    return found is not None


_STAMP = re.compile(
    r"^(?:last\s+)?(?:updated|revised|reviewed|amended|published|effective)(?:\s+(?:on|from))?"
    r"\s*[:–—-]?\s*",
    re.I,
)


def is_dated(text: str) -> bool:
    """A date alone, or a page's date stamp ('Updated – 30 November 2022', 'Last revised:
    May 2021'): printed with a title, never the title."""
    found = _STAMP.match(text.strip()) if text[:1].isalpha() else None
    return is_date(text) or (found is not None and is_date(text.strip()[found.end() :]))


# A title's edition date printed at its end: 'Standing Orders October 2021'
TRAILING_DATE = re.compile(
    rf"\s+[-–—,]?\s*((?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{'|'.join(FULL_MONTHS)})\s+\d{{4}})$"
)


def _valid(year: int, month: int, day: int | None = None) -> bool:
    """A day that exists: 30 February is not a date, however it is printed."""
    if not (1900 <= year <= 2200 and 1 <= month <= 12):
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def parse_date(text: str) -> str | None:
    """'17.3.2020' -> '2020-03-17'; '25th February 2015' -> '2015-02-25'; 'March 2027' -> '2027-03'.

    Returns None when no date can be read: a wrong guess is worse than none.
    """
    text = str(text).strip()
    if match := _ISO.search(text):
        year, month, day = (int(g) for g in match.groups())
        if _valid(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}"
    for match in _WORDS.finditer(text):
        day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
        if _valid(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}"
        # '31 September 2025' is no date, and never its month ('2025-09'): blanked out, and
        # the next one in the line read whole ('..., reviewed 1 October 2025')
        text = text[: match.start()] + " " * len(match.group()) + text[match.end() :]
    if match := _NUMERIC.search(text):
        day, month, year = (int(g) for g in match.groups())
        year += 2000 if year < 100 else 0
        if _valid(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}"
    if match := _MONTH_YEAR.search(text):
        month, year = MONTHS[match.group(1).lower()], int(match.group(2))
        if _valid(year, month):
            return f"{year:04d}-{month:02d}"
    if match := _NUMERIC_MONTH_YEAR.search(text):
        month, year = int(match.group(1)), int(match.group(2))
        if _valid(year, month):
            return f"{year:04d}-{month:02d}"
    return None


# A value written in the shape of a date (2026-02-30, 30/02/2026, 30 February 2026): if it
# is not one, the writer made a mistake to report, not a free-text note ("TBC") to keep.
LOOKS_LIKE_A_DATE = re.compile(
    rf"^\s*(?:\d{{1,4}}[-./]\d{{1,2}}[-./]\d{{1,4}}|{_WORDS.pattern})\s*$", re.I
)


def format_date(iso: str | None) -> str:
    """'2024-03-20' -> '20 March 2024', '2027-03' -> 'March 2027', for pages and citations.

    The one place dates are written for readers; text that is not an ISO date (a draft's
    "(draft)", a year) is returned as it is.
    """
    if not iso:
        return ""
    text = str(iso)
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text)
    if not match or not _valid(int(match.group(1)), int(match.group(2))):
        return text
    month = FULL_MONTHS[int(match.group(2)) - 1]
    year = match.group(1)
    return f"{int(match.group(3))} {month} {year}" if match.group(3) else f"{month} {year}"


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def is_iso_date(text: object) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD with a real month: a date the header can show and time."""
    match = _ISO_DATE.fullmatch(str(text or ""))
    if match is None:
        return False
    return match.group(2) is None or 1 <= int(match.group(2)) <= 12


def review_overdue(next_review: object, today: object) -> bool:
    """Whether a review due at `next_review` had passed on `today` (both ISO). A review
    due in "2027-03" is overdue from 1 April 2027: only whole periods that have ended count."""
    due = str(next_review or "")[:10]
    now = str(today or "")[:10]
    return is_iso_date(due) and is_iso_date(now) and len(now) == 10 and now[: len(due)] > due


def due_phrase(next_review: object) -> str:
    """Wording for the overdue notice: "in March 2027", "on 15 March 2027", "in 2027"."""
    due = str(next_review or "")[:10]
    return f"{'on' if len(due) == 10 else 'in'} {format_date(due)}"
