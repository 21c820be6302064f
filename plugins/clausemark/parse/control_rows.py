"""Document-control rows printed as lines of text ('Version: 4', 'Date adopted    9 July
2024', 'Approved 4.7.22'): read apart from the units so that a chunk's control lines become a
label/value table, never a clause or a sentence's words (split out of units.py)."""

from __future__ import annotations

import re

from ..support.dates import DATE_PATTERN
from .lines import Line
from .metadata import is_doc_control_label, is_page_stamp

_LABEL_VALUE = re.compile(
    r"^(?P<label>[A-Z][A-Za-z .]{1,30}?)(?P<sep>:[ \t]*|\t+| {2,})(?P<value>\S.{0,80})$"
)


_NAMING_LABEL = re.compile(r"^(?:document\s+|policy\s+)?(?:title|owner|author)", re.I)


# 'Date: Monday 21 March 2016' over 'Time:' and 'Venue:': the day of a meeting (a weekday
# before it), never the date a document was adopted or issued (R38: a letter's fields)
_MEETING_DATE = re.compile(
    r"^date\s*:?\s+(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b", re.I
)
_VERSION_VALUE = re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,3}$")
_DATE_ONLY = re.compile(rf"^(?:on\s+)?(?:the\s+)?(?:{DATE_PATTERN.pattern})\.?$", re.I)


def _spaced_label_value(text: str) -> tuple[str, str] | None:
    """'Approved 4.7.22', 'Next review due June 2025', 'Version 2.1': a control label and
    its value parted by one space, read only when the value is a date (or a version
    number after 'Version'), so that no sentence is taken for a row."""
    if len(text) > 70 or not text[:1].isupper() or not text[-1:].isdigit():
        return None  # a date or a version number ends the line
    words = text.split(" ")
    for count in range(1, min(5, len(words) - 1) + 1):
        label, value = " ".join(words[:count]), " ".join(words[count:]).strip()
        if not is_doc_control_label(label) or " by" in label.lower():
            continue  # "Adopted by X on 6 April 2022" is a sentence, read as one
        if _VERSION_VALUE.match(value) and label.lower().endswith(("version", "version no")):
            return label, value
        naming = label.lower().startswith(("title", "owner", "author", "status", "minute"))
        if not naming and _DATE_ONLY.match(value):
            return label, value
    return None


def _doc_control_lines(chunk: list[Line], first: bool, over_text: bool = False) -> dict[int, str]:
    """'Version: 4', 'Date adopted    9 July 2024': two or more document-control lines in
    a row are a label/value table (line number -> its text with a tab between the two);
    so is one such line ('Adopted: 14 May 2025') on its own or under the title. A web
    page's date stamp alone over the text ('Last updated: 18-05-2023. From web page:
    ...'), before any of it (`over_text`), stays a line: printed with the title, it is
    no table that would end the lines the title is read from (titles.stamp_over_title)."""
    found: dict[int, str] = {}
    run: list[tuple[int, str]] = []
    alone_allowed = first or len(chunk) == 1
    printed = {line.number: line.text for line in chunk} if over_text else {}

    def flush():
        single = len(run) == 1 and alone_allowed and not _NAMING_LABEL.match(run[0][1])
        if single and over_text and is_page_stamp(printed[run[0][0]]):
            single = False  # "Last updated: 18-05-2023 ..." over the title: a line
        if len(run) >= 2 or single:
            found.update(run)
        run.clear()

    for line in chunk:
        text = line.text
        head = text[:34]  # a label is at most 31 characters: its separator stands in here
        match = _LABEL_VALUE.match(text) if ":" in head or "\t" in head or "  " in head else None
        if match and is_doc_control_label(match.group("label")) and not _MEETING_DATE.match(text):
            label = match.group("label").rstrip() + (":" if match.group("sep")[:1] == ":" else "")
            run.append((line.number, f"{label}\t{match.group('value')}"))
        elif text[-1:].isdigit() and (spaced := _spaced_label_value(text)) is not None:
            run.append((line.number, f"{spaced[0]}\t{spaced[1]}"))
        else:
            flush()
    flush()
    return found
