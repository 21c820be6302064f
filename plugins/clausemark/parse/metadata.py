"""Document metadata: front matter first, then what the text says of itself, then defaults.

Councils record a document's history in different ways: a version table (one row per
annual review), a 'Document version control' block of key/value lines, or a sentence
such as 'approved by Full Council on 25th February 2015'. All three are read here.
"""

from __future__ import annotations

import re

from ..model.document import (
    DATE_FIELDS,
    FRONT_MATTER_KEYS,
    Clause,
    Document,
    Heading,
    Metadata,
    Note,
    Table,
    iter_clauses,
)
from ..support.dates import DATE_PATTERN, parse_date
from ..support.markdown_text import may_hold_word, plain_text
from .council_names import COUNCIL_KIND, COUNCIL_NAME
from .date_title import date_only_title
from .places import place_in_constitution
from .site_lines import site_line, trail_title

DOCUMENT_TYPES = (
    "Protocol",
    "Code of Conduct",
    "Procedure Rules",
    "Standing Orders",
    "Financial Regulations",
    "Scheme of Delegation",
    "Scheme",  # 'Petition Scheme', "Members' Allowances Scheme" (after 'Scheme of Delegation')
    "Policy",
    "Guidance",
    "Rules",
)

_COLUMN_ROLES = (
    ("version", re.compile(r"^version|^issue$|^ver\b", re.I)),
    ("adopted", re.compile(r"adopt|approv|date(?! of review)|effect", re.I)),
    ("minute", re.compile(r"minute|resolution|decision ref", re.I)),
    ("next_review", re.compile(r"review", re.I)),
    ("adopted_by", re.compile(r"approved by|adopted by", re.I)),
    ("reviewer", re.compile(r"originator|reviewer|author|owner", re.I)),
)
# The labels of document-control rows, in the order they are tried (README, "Document
# control"): the first that matches a row's label names what its value is.
_KEY_ROLES = (
    (
        "version",
        re.compile(
            r"^(?:document\s+|policy\s+)?(?:version|revision|rev\.?:?$|issue\s*(?:no\.?|number)?:?$)",
            re.I,
        ),
    ),
    ("review_period", re.compile(r"review\s+(?:period|frequency|cycle)", re.I)),  # "Annually"
    (
        "issue_date",
        re.compile(r"^(?:date\s+(?:of\s+)?issued?|issued?(?:\s+(?:date|on))?:?$)", re.I),
    ),
    ("owner", re.compile(r"owner|responsible\s+officer|lead\s+officer|^author", re.I)),
    ("adopted_by", re.compile(r"(?:approved|adopted|agreed)\s+by", re.I)),
    ("last_reviewed", re.compile(r"last\s+review|^(?:date\s+)?reviewed(?:\s+on)?$", re.I)),
    ("next_review", re.compile(r"review", re.I)),
    ("effective", re.compile(r"effect", re.I)),
    ("adopted", re.compile(r"^date|approv|adopt|agreed", re.I)),
    ("minute", re.compile(r"minute|resolution", re.I)),
    ("status", re.compile(r"^status", re.I)),
)
_BY = re.compile(r"\b(?:approved|adopted|agreed)\s+by\s+(?:the\s+)?(?P<body>\S.*?)\s*:?$", re.I)
# "approved by Full Council on 25th February 2015", "Adopted by the Finance & Personnel
# Committee 19th January 2015", "adopted at the Parish Council meeting held on the 15th
# August 2022": the body, then the date.
_APPROVAL = re.compile(
    r"\b(?:approved|adopted|agreed)\s+(?:by|at)\s+(?:the\s+)?([A-Z][\w&'’ ,-]{2,60}?)\s+"
    r"(?:meeting\s+)?(?:held\s+)?(?:on\s+)?(?:the\s+)?"
    rf"({DATE_PATTERN.pattern})",
    re.I,
)


def _worth_reading(lowered: str) -> bool:
    """Whether a text names a council or an approval: one test per word, no loop."""
    return (
        "council" in lowered
        or "authority" in lowered
        or "approved" in lowered
        or "adopted" in lowered
        or "agreed" in lowered
        or "updated" in lowered
    )


def _names_a_body(plain: str) -> bool:
    """Whether a text can name a council at all: 'Council' or 'Authority' capitalised
    (or in capitals, which _as_printed_name recases)."""
    return "Council" in plain or "Authority" in plain or "COUNCIL" in plain or "AUTHORITY" in plain


_DRAFT = re.compile(r"\bdraft\b", re.I)
_MEETING = re.compile(r"^(?:an?\s+|the\s+|its\s+)?meeting$", re.I)
_NOT_A_NAME = re.compile(
    r"^(?:(?:The|A|An|Of|Each|Every|Any|All|Other|Such|This|That|Which|Your|Our|Their|Its"
    r"|Relevant|Local|Principal|Model|Every|By|To|For|From|With|At|On|In)\s+)+"
)
_LAST_UPDATED = re.compile(
    rf"\b(?:last\s+)?(?:updated|revised|reviewed)\s*:?\s+(?:on\s+|in\s+)?({DATE_PATTERN.pattern})",
    re.I,
)
_APPROVAL_WORDS = ("approved", "adopted", "agreed")  # one is in every match: looked for first
_UPDATED_WORDS = ("updated", "revised", "reviewed")
_VERSION_WORD = re.compile(r"\bversion\s*:?\s*(\d+(?:\.\d+)*)\b", re.I)
# A web page's own date, set by its site when the page changes: "Page last updated: 3
# March 2026", "Last updated 3 March 2026", "Page updated", "Last modified", "Published".
# Never an adoption: only a version printed with it ("Last updated 4 January 2022,
# version 3") makes it the document's own record (README, "Document control").
_PAGE_STAMP = re.compile(
    r"^(?:this\s+)?(?:web\s*)?page\s+(?:was\s+)?(?:last\s+)?(?:updated|reviewed|revised|modified)\b"
    r"|^last\s+(?:updated|modified)\b|^(?:modified|published)\s*(?:[:–—-]|on\b|\d)",
    re.I,
)


def is_page_stamp(plain: str) -> bool:
    """'Page last updated: 3 March 2026' alone: a web page's date, never an adoption."""
    return bool(_PAGE_STAMP.match(plain.lstrip(" *_"))) and not _VERSION_WORD.search(plain)


# Joining words stay small when a capitalised line is re-cased, so that "STANDING ORDERS
# OF WREXLEY TOWN COUNCIL" names "Wrexley Town Council", not the whole line.
_SMALL_WORDS = frozenset({"of", "for", "the", "and", "in", "on", "to", "at", "by", "upon", "under"})


def _recased(word: str, first: bool) -> str:
    lowered = word.lower()
    return lowered if lowered in _SMALL_WORDS and not first else word.capitalize()


def _as_printed_name(text: str) -> str:
    """'WENBURY ST CLARE PARISH COUNCIL' -> 'Wenbury St Clare Parish Council'."""
    if text.upper() != text:
        return text
    return " ".join(
        "-".join(_recased(part, i == 0 and j == 0) for j, part in enumerate(word.split("-")))
        for i, word in enumerate(text.split())
    )


def council_name(text: str, whole: bool = False) -> str | None:
    """The longest council named in `text` (or None); with `whole`, only when the text
    is nothing but that name. A text that names no council gives none: never invented."""
    return _council_in_plain(_as_printed_name(plain_text(text).strip()), whole)


# A Welsh council prints its name in Welsh and in English, on one line or two: "Cyngor
# Cymuned Llanwen a Bryn Llanwen and Bryn Community Council" is one council's names.
_WELSH_TYPES = r"(?:cymuned|tref|sir|dinas|bwrdeistref\s+sirol|bro|plwyf)"
_WELSH_ONLY = re.compile(
    rf"^cyngor\s+{_WELSH_TYPES}\s+[A-Z][\w'’-]*(?:\s+(?:a|ac|[A-Z][\w'’-]*)){{0,5}}$", re.I
)


_WELSH_COUNCIL = re.compile(
    rf"^cyngor\s+{_WELSH_TYPES}\s+(?P<place>\S+)",
    re.I,
)


def _two_names(plain: str) -> str | None:
    """The English name of a line that is a council's Welsh and English names (either
    first), or None."""
    plain = plain.strip(" .,:–—-")
    welsh = _WELSH_COUNCIL.search(plain)
    if welsh is None:
        at = plain.lower().find(" cyngor ")
        welsh = _WELSH_COUNCIL.search(plain[at + 1 :]) if at > 0 else None
        english = plain[:at].rstrip(" /|–—-") if welsh is not None else ""
    else:
        place = welsh.group("place").lower()
        words = plain[welsh.end() :].split()
        starts = [i for i, word in enumerate(words) if word.lower() == place]
        english = " ".join(words[starts[0] :]) if starts else ""
    if welsh is None or not english:
        return None
    name = _english_council(english)
    return english if name is not None and english.endswith(name) else None


def _welsh_last(title_line: tuple[str, int, str]) -> bool:
    """A council's Welsh name line after its English one: the English names it here."""
    return title_line[2].lstrip("#*_ ")[:7].lower() == "cyngor "


def _council_in_plain(plain: str, whole: bool = False) -> str | None:
    if ("ngor" in plain or "NGOR" in plain) and " cyngor " in f" {plain.lower()}":
        named = _two_names(plain)
        if named is not None:
            return named
        if whole and _WELSH_ONLY.match(plain.strip(" .,:–—-")):
            return plain.strip(" .,:–—-")  # "Cyngor Tref Llanwen" over its English name
    return _english_council(plain, whole)


def _english_council(plain: str, whole: bool = False) -> str | None:
    best = None
    for council in COUNCIL_NAME.finditer(plain) if COUNCIL_KIND.search(plain) else ():
        raw = (council.group(1) or council.group(2)).strip()
        name = _NOT_A_NAME.sub("", raw)
        if len(name.split()) < 3:
            continue  # "Each Parish Council" names no council
        start = council.start()  # the lead is looked for just before the name: linear
        lead = _JOINED_LEAD.search(plain, max(0, start - 160), start) if name == raw else None
        if lead is not None:  # "Penrhos and Llwyndu Community Council Code of Conduct"
            name = lead.group(1) + name
        if best is None or len(name) > len(best):
            best = name
    if whole and best is None:
        return _bare_council(plain)
    if whole and best is not None:
        rest = re.sub(r"^(?:the\s+)?", "", plain, flags=re.I).strip(" .,:–—-")
        if rest != best and _JOINED_PLACES.fullmatch(rest[: len(rest) - len(best)]):
            return rest  # "Penrhos and Llwyndu Community Council": two places, one council
        return best if rest == best else None
    return best


# the first place of a council named for two ("Penrhos and "), before the name found
_JOINED_PLACES = re.compile(r"(?:[A-Z][\w'’-]+\s+){1,3}(?:and|&)\s+")
# ... at the start of a line or after "of", "for", "to", "by" ("Standing Orders of Ash and
# Elm Parish Council"), never after another word ("the Clerk and Elm Parish Council")
_JOINED_LEAD = re.compile(
    r"(?:^|(?<=\s)(?:of|for|to|by)\s+)((?:[A-Z][\w'’-]+\s+){1,3}(?:and|&)\s+)$"
)


# "Glenarden Council", "The Highland Council": a Scottish or unitary council names itself
# with no type word. Only a line that is nothing but such a name counts; a generic word
# before "Council" ("Full Council", "Town Council") names no council.
_BARE_COUNCIL = re.compile(r"^(?:The\s+)?((?:[A-Z][\w'’-]+\s+){1,3}Council)$")
_GENERIC_BEFORE_COUNCIL = frozenset(
    {
        "full",
        "the",
        "this",
        "our",
        "your",
        "each",
        "every",
        "any",
        "local",
        "town",
        "parish",
        "city",
        "district",
        "county",
        "borough",
        "community",
        "executive",
        "principal",
        "relevant",
        "whole",
        "standing",
        "members",
        "members'",
        "councillors",
        "youth",
        "joint",
        "combined",
    }
)


def _bare_council(plain: str) -> str | None:
    match = _BARE_COUNCIL.match(plain.strip(" .,:–—-"))
    if match is None:
        return None
    words = match.group(1).split()[:-1]
    if any(word.lower() in _GENERIC_BEFORE_COUNCIL for word in words):
        return None
    return match.group(1)


_DOC_CONTROL_LABEL = re.compile(
    r"^(?:document\s+|policy\s+)?(?:(?:version|revision)(?:\s+(?:number|no\.?))?|rev\.?"
    r"|review\s+(?:period|frequency|cycle)|issue(?:\s+(?:date|no\.?|number))?"
    r"|date(?:\s+(?:of\s+)?(?:last\s+)?(?:adopted|adoption|approved|approval|effective|issued?|agreed))?"
    r"|(?:last\s+)?(?:approval|adoption)\s+date|date\s+issued|issued(?:\s+on)?"
    r"|(?:adopted|approved|agreed)(?:\s+on|\s+by(?:\s+[a-z]+){0,4})?"
    r"|(?:minute|resolution)(?:\s+(?:number|no\.?|reference|ref\.?))?"
    r"|(?:next\s+|last\s+)?review(?:ed)?(?:\s+(?:date|due|by))?"
    r"|date\s+(?:of|for)\s+(?:next\s+|last\s+)?review|(?:to\s+be\s+|next\s+)reviewed(?:\s+by)?"
    r"|last\s+(?:updated|reviewed|revised|approved)|effective(?:\s+(?:date|from))?|status"
    r"|owner|author|title|responsible\s+officer|lead\s+officer)\s*:?$",
    re.I,
)


def is_doc_control_label(label: str) -> bool:
    """'Version', 'Date adopted:', 'Minute reference', 'Next review': a document-control label."""
    return bool(_DOC_CONTROL_LABEL.match(label.strip()))


_REVIEWED_AND = re.compile(r"^reviewed\s+and\s+(?:re-?)?(?:adopted|approved|agreed)\b", re.I)


# a web page's own date under its text: "Page last reviewed: 20 March 2026", "Last
# modified: 3 March 2026", "Published 3 March 2026"
_PAGE_DATED = re.compile(
    r"^(?:page\s+(?:last\s+)?(?:updated|reviewed|revised|modified)|last\s+modified"
    r"|(?:first\s+)?published|modified)"
    rf"\s*[:–—-]?\s*(?:on\s+)?({DATE_PATTERN.pattern})\.?$",
    re.I,
)


def is_doc_control_text(text: str) -> bool:
    """'Last updated 4 January 2022, version 3': a line of document control, not a heading."""
    start = text.lstrip("*_ ")[:4].lower()
    if (
        start in ("page", "publ", "modi", "firs")
        or text.lstrip("*_ ")[:13].lower() == "last modified"
    ):
        return bool(_PAGE_DATED.match(plain_text(text).strip()))
    if start in ("adop", "appr", "agre"):  # "Adopted by Council on 12 July 2023"
        return bool(_APPROVAL.match(plain_text(text).strip()))
    if start == "revi" and _REVIEWED_AND.match(text.lstrip("*_ ")):
        return bool(_APPROVAL.search(plain_text(text).strip()))  # "Reviewed and adopted by"
    if start not in ("last", "upda", "revi"):
        return False
    return bool(_LAST_UPDATED.match(plain_text(text).strip()))


# "Version 3." ends its sentence ("Version 3. Adopted by ..."); "Version 3.x" is no number
_VERSION_LINE = re.compile(r"^version\s*:?\s*(\d{1,3}(?:\.\d{1,3}){0,3})(?!\w|\.\w)", re.I)
_CONTROL_WORD = re.compile(
    r"\b(?:adopted|approved|agreed|updated|revised|reviewed|issued|dated|effective)\b", re.I
)
_NEXT_REVIEW = re.compile(
    r"^(?:date\s+(?:of|for)\s+(?:the\s+)?next\s+review|next\s+review(?:\s+date|\s+due)?"
    r"|review\s+date|(?:to\s+be\s+|next\s+|due\s+to\s+be\s+)reviewed)"
    rf"\s*:?\s*(?:on\s+|in\s+|by\s+)?({DATE_PATTERN.pattern})",
    re.I,
)
# The minute wherever an approval sentence prints it: "(minute CC/26/37)", ", minute 2026/33",
# "; Minute No. 112", "min. 45(b)", "resolution 2023/07": short, with a digit (runs bounded).
_MINUTE_NOTE = re.compile(
    r"\b(?:(?:minute|resolution)\b|min\.)\s{0,3}(?:no\.?|number\b|ref(?:erence)?\b\.?)?[\s:]{0,4}"
    r"(?=[\w/.-]{0,40}?[0-9])([A-Za-z0-9](?:[\w/.-]{0,40}[A-Za-z0-9])?(?:\([A-Za-z0-9]{1,4}\))?)",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-Z])")


def _said_after_approval(plain: str, end: int) -> dict[str, str]:
    """What an approval sentence says after its date: the minute, wherever the sentence
    prints it, and a next review in a sentence of its own ('Next review: March 2027.')."""
    found = {}
    rest = _SENTENCE_END.split(plain[end:])
    if (minute := _MINUTE_NOTE.search(plain, end)) and minute.start() < end + len(rest[0]):
        found["minute"] = minute.group(1)  # begun in its sentence ("ref. 25/061" splits it)
    for sentence in rest[1:]:
        if (review := _NEXT_REVIEW.match(sentence)) and (when := parse_date(review.group(1))):
            found["next_review"] = when
            break
    return found


_DATED = re.compile(
    rf"\b(?:adopted|approved|agreed)\s*:?\s*(?:on\s+)?(?:the\s+)?({DATE_PATTERN.pattern})", re.I
)
MAX_CONTROL_LINE = 160  # characters: a line of document control is short


# Fields of document control printed on one line: "Version 2 · Approved by Council 14 May
# 2025 · Next review January 2028", parted by a middle dot, a bar, a bullet or a semicolon.
_FIELD_MARKS = frozenset("·•|;")
_FIELD_BREAK = re.compile(r"\s*[·•|]\s*|;\s+")
_KEY_VALUE_FIELD = re.compile(r"^([A-Za-z][A-Za-z ]{1,40}?)\s*:\s*\S")  # "Owner: Head of Legal"


def _control_fields(plain: str) -> list[str] | None:
    """The fields of a line of document control fields, each one itself a line of
    document control ('Version 2', 'Approved by ... on 12 January 2026', 'Next review
    January 2028', 'Owner: Head of Legal'); None for any other line (two fields at least)."""
    if not _FIELD_MARKS.intersection(plain):
        return None
    fields = [field.strip(" .") for field in _FIELD_BREAK.split(plain)]
    fields = [field for field in fields if field]
    if len(fields) < 2:
        return None
    for field in fields:
        key = _KEY_VALUE_FIELD.match(field)
        if not (
            is_doc_control_line(field)
            or _DATED.match(field)  # "Adopted 3 March 2025"
            or (key and is_doc_control_label(key.group(1)))
        ):
            return None
    return fields


def is_control_fields(text: str) -> bool:
    """'Version 2 · Approved by Council 14 May 2025 · Next review January 2028': fields of
    document control on one line."""
    plain = plain_text(text).strip()
    return len(plain) <= MAX_CONTROL_LINE and _control_fields(plain) is not None


def _field_values(fields: list[str]) -> dict[str, str | None]:
    """What the fields of a line of document control say, the first of each kind kept."""
    found: dict[str, str | None] = {}
    for field in fields:
        for name, said in control_line_values(field).items():
            found.setdefault(name, said)
        if approval := _APPROVAL.match(field):  # "Approved by Council 14 May 2025"
            found.setdefault("adopted", parse_date(approval.group(2)))
            if not _MEETING.match(approval.group(1).strip()):
                found.setdefault("adopted_by", approval.group(1).strip())
        elif dated := _DATED.match(field):  # "Adopted 14 May 2025"
            found.setdefault("adopted", parse_date(dated.group(1)))
        elif labelled := _KEY_VALUE_FIELD.match(field):
            value = field[field.index(":") + 1 :].strip()
            role = next((r for r, p in _KEY_ROLES if p.search(labelled.group(1))), None)
            if role in ("owner", "minute"):
                found.setdefault(role, value)
            elif role == "next_review":
                found.setdefault(role, parse_date(value))
    return {key: value for key, value in found.items() if value}


def is_doc_control_line(text: str) -> bool:
    """A line of document control printed with the text, never part of a clause: 'Last
    updated 3 May 2024, version 4', 'Reviewed 3 May 2024', 'Date of next review: May
    2027', 'Version 3, adopted 3 May 2024', 'Adopted by Council on 3 May 2024', and such
    fields on one line ('Version 2 · Approved by Council 14 May 2025 · Next review ...')."""
    plain = plain_text(text).strip()
    if not plain[:1].isupper() or len(plain) > MAX_CONTROL_LINE:
        return False
    if _control_fields(plain) is not None:
        return True
    start = plain[:4].lower()
    if start == "vers":
        version = _VERSION_LINE.match(plain)
        rest = plain[version.end() :].strip() if version else ""
        dated = bool(_CONTROL_WORD.search(rest) or DATE_PATTERN.search(rest))
        return version is not None and (not rest.strip(".") or (rest[:1] in ",;:(–—-." and dated))
    if start in ("date", "next", "revi", "to b", "due ") and _NEXT_REVIEW.match(plain):
        return True
    return is_doc_control_text(plain)


def control_line_values(text: str) -> dict[str, str | None]:
    """What a line of document control says: its version, adoption date and next review."""
    plain = plain_text(text).strip()
    if (fields := _control_fields(plain)) is not None:
        return _field_values(fields)
    found: dict[str, str | None] = {}
    if version := _VERSION_LINE.match(plain):
        found["version"] = version.group(1)
        if dated := _DATED.search(plain):
            found["adopted"] = parse_date(dated.group(1))
    if review := _NEXT_REVIEW.match(plain):
        found["next_review"] = parse_date(review.group(1))
    elif updated := _LAST_UPDATED.match(plain):  # "Reviewed 12 March 2025"
        found["adopted"] = parse_date(updated.group(1))
    return {key: value for key, value in found.items() if value}


def column_roles(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for index, cell in enumerate(header):
        for role, pattern in _COLUMN_ROLES:
            if role not in roles and pattern.search(cell):
                roles[role] = index
                break
    return roles


def is_version_table(table: Table) -> bool:
    roles = column_roles(table.header)
    return (
        "version" in roles and ("adopted" in roles or "next_review" in roles) and bool(table.rows)
    )


def history_rows(table: Table) -> list[dict[str, str | None]]:
    """Each row of a version table as {version, adopted, minute, next_review, adopted_by}."""
    roles = column_roles(table.header)
    rows = []
    for row in table.rows:
        entry: dict[str, str | None] = {}
        for role, index in roles.items():
            value = row[index] if index < len(row) else ""
            entry[role] = (parse_date(value) or value or None) if role in DATE_FIELDS else value
        rows.append(entry)
    return rows


def _from_key_values(table: Table) -> dict[str, str]:
    found: dict[str, str] = {}
    for row in table.rows:
        key, value = row[0].rstrip(":").strip(), " ".join(c for c in row[1:] if c)
        for role, pattern in _KEY_ROLES:
            if not pattern.search(key) or not value:
                continue
            body = _BY.search(key) if role == "adopted_by" else None
            if body and parse_date(value):  # "Approved by Council | 16 June 2025"
                found.setdefault("adopted", value)
                found.setdefault("adopted_by", body.group("body"))
            else:
                found.setdefault(role, value)
            break
    return found


def _latest_approval(texts: list[str]) -> tuple[str, str] | None:
    """(date, body) of the latest of the lines that record an adoption ('Adopted by X
    Parish Council on 6 April 2022', then 'Reviewed and adopted by ... on 1 May 2024'):
    a page that lists each review is in force from the last."""
    found = []
    for text in texts:
        for approval in _APPROVAL.finditer(plain_text(text)):  # lines may run together
            date = parse_date(approval.group(2))
            if date:
                found.append((date, approval.group(1).strip()))
    return max(found, key=lambda item: item[0]) if len(found) > 1 else None


def _texts(document: Document):
    for clause, _parent, _heading, _depth in iter_clauses(document.blocks):
        yield clause.text
        yield from clause.paragraphs
        yield from clause.tail
    yield from _notes(document.blocks)
    for dropped in document.dropped:  # "Updated May 2025" in a page footer still says so
        if dropped.kind == "running-header":
            yield dropped.text


def _notes(blocks):
    """The text of every paragraph that belongs to no clause, in sections too."""
    for block in blocks:
        if isinstance(block, Note):
            yield block.text
        elif hasattr(block, "blocks"):
            yield from _notes(block.blocks)


def _tables(document: Document):
    from ..model.document import Section

    def walk(blocks):
        for block in blocks:
            if isinstance(block, Table):
                yield block
            elif isinstance(block, Clause):
                yield from block.tables
            elif isinstance(block, Section):
                yield from walk(block.blocks)

    yield from walk(document.blocks)


def guess_type(title: str) -> str:
    lowered = title.lower()
    return next((kind for kind in DOCUMENT_TYPES if kind.lower() in lowered), "Document")


def _only_section_title(document: Document) -> str | None:
    """'7. Delegation of Functions' first, the document's one numbered section and not
    its first (a constitution's article as its own web page): what the document is
    about, shown as the site's title (the heading stays where it is printed). A lone
    '1. Scope' (or 'A.', '(A)', 'I.') is the start of a short document the file name names
    better."""
    from ..model.document import Section

    first = document.blocks[0] if document.blocks else None
    sections = [block for block in document.blocks if isinstance(block, Section)]
    if not isinstance(first, Section) or len(sections) != 1 or not first.heading.number:
        return None
    if first.heading.number.strip("().").lstrip("0").lower() in ("", "1", "a", "i"):
        return None  # '1. Scope', '(A) For Councillors' (R32): a first section, not an article
    title = plain_text(first.heading.title).strip()
    return None if site_line(title) else (title or None)  # a link to the report's file


def _pretty_id(doc_id: str) -> str:
    return re.sub(r"[-_]+", " ", doc_id).strip().capitalize() or "Untitled document"


def _label_in_lead(blocks) -> str | None:
    """The label a line before the first section or clause gives ('Part 4F of the
    Constitution of ...'), else None."""
    for block in blocks:
        if isinstance(block, (Heading, Note)):
            text = plain_text(block.title if isinstance(block, Heading) else block.text)
            if found := place_in_constitution(text):
                return found
        else:
            return None
    return None


# A contents list's label taken as the title names the document it lists: its title.
# "Index to Standing Orders", "Contents of the Code"; never "Index of Members' Interests"
# (an index OF things is a document of its own, a list of them, and keeps its words).
_CONTENTS_OF = re.compile(
    r"^(?:index\s+to|(?:table\s+of\s+)?contents\s+(?:to|of))\s+(?:the\s+)?(\S.{2,})$", re.I
)


def _council_in_lead(blocks) -> str | None:
    """A heading that is a council's name alone, before the first section or clause
    ('MILLBROOK PARISH COUNCIL' over 'STANDING ORDERS', under a web page's own title)."""
    for block in blocks:
        if not isinstance(block, (Heading, Note)):
            return None
        if isinstance(block, Heading) and (name := council_name(block.title, whole=True)):
            return name
    return None


def extract_metadata(document: Document, front_matter: dict) -> None:
    meta: Metadata = document.metadata
    text_found: dict[str, str | None] = {}
    printed_title = meta.extra.get("printed_title")
    if printed_title:
        title = plain_text(printed_title)
        named = _CONTENTS_OF.match(title)  # "Index to Financial Regulations" first
        text_found["title"] = named.group(1) if named else title
    for table in _tables(document):
        if document.history is None and is_version_table(table):
            table.kind = "version-history"
            document.history = table
            latest = history_rows(table)[-1]
            for role, value in latest.items():
                if value:
                    text_found.setdefault(role, value)
        elif table.rows and (
            table.kind == "version-control" or all(row[0].endswith(":") for row in table.rows)
        ):
            values = _from_key_values(table)
            table.kind = "version-control"
            if "version" in values:
                text_found.setdefault("version", values["version"])
            for role in ("adopted", "effective", "last_reviewed"):
                if role in values and parse_date(values[role]):
                    text_found.setdefault("adopted", parse_date(values[role]))
            if "issue_date" in values and parse_date(values["issue_date"]):
                text_found.setdefault("issue_date", parse_date(values["issue_date"]))
            if "owner" in values:
                text_found.setdefault("owner", values["owner"])
            if "adopted_by" in values:
                text_found.setdefault("adopted_by", values["adopted_by"])
            if "next_review" in values:
                text_found.setdefault("next_review", parse_date(values["next_review"]))
            if "minute" in values:
                text_found.setdefault("minute", values["minute"])
            if _DRAFT.search(values.get("status", "")):
                text_found.setdefault("status", "draft")
    title_texts = [text for kind, _line, text in document.title_lines if kind != "label"]
    for kind, _line, text in sorted(document.title_lines, key=_welsh_last):
        if kind == "council" and (name := council_name(text, whole=True)):
            text_found.setdefault("council", name)  # "Glenarden Council" over the title
    for kind, _line, text in document.title_lines:
        if kind == "label" and "council" not in text_found and (name := council_name(text)):
            text_found["council"] = name  # "Welcome to Ashby Fold Town Council" over it
    if "council" not in text_found and (council := _council_in_lead(document.blocks)):
        text_found["council"] = council
    from_table = "adopted" in text_found
    control_lines: list[str] = []
    for text in [*title_texts, *_texts(document)]:
        if text[:1] in "VDNTRAO" and len(text) <= MAX_CONTROL_LINE and is_doc_control_line(text):
            for key, value in control_line_values(text).items():
                text_found.setdefault(key, value)  # 'Version 3, adopted ...', 'Next review ...'
        if not _worth_reading(text.lower()):
            continue  # the patterns below are costly; most clauses name neither
        if text[:1] in "ARar*_" and is_doc_control_text(text):
            control_lines.append(text)
        plain = plain_text(text)
        if (
            "adopted" not in text_found
            and may_hold_word(plain, _APPROVAL_WORDS)
            and (approval := _APPROVAL.search(plain))
        ):
            body = approval.group(1).strip()
            if not _MEETING.match(body):  # "adopted at meeting on 27 March 2017": no body
                text_found["adopted_by"] = text_found.get("adopted_by") or body
            text_found["adopted"] = parse_date(approval.group(2))
            for key, value in _said_after_approval(plain, approval.end()).items():
                text_found.setdefault(key, value)
        if (
            may_hold_word(plain, _UPDATED_WORDS)
            and (updated := _LAST_UPDATED.search(plain))
            and not is_page_stamp(plain)
        ):
            # "Last updated 3 February 2026, version 4" gives the version even when an
            # approval sentence gave the date: the year is no version the text prints.
            text_found.setdefault("adopted", parse_date(updated.group(1)))
            if "version" not in text_found and (version := _VERSION_WORD.search(plain)):
                text_found["version"] = version.group(1)
        name = _council_in_plain(_as_printed_name(plain)) if _names_a_body(plain) else None
        if name and len(name) > len(text_found.get("council") or ""):
            text_found["council"] = name
    approval_lines = _latest_approval(control_lines) if control_lines else None
    if approval_lines is not None and not from_table:
        text_found["adopted_by"] = None if _MEETING.match(approval_lines[1]) else approval_lines[1]
        text_found["adopted"] = approval_lines[0]
    if not meta.label and (label := _label_in_lead(document.blocks)):
        text_found["label"] = label  # "Part 4F of the Constitution of ..." under the title
    for key, value in text_found.items():  # read from the text's Markdown: the words
        if isinstance(value, str) and key != "title":  # ('3 <draft>', escaped once, later)
            text_found[key] = plain_text(value)
    for key, value in front_matter.items():
        field_name = FRONT_MATTER_KEYS.get(str(key).lower().replace(" ", "_").replace("-", "_"))
        if field_name is None:
            meta.extra[str(key)] = value
            continue
        if field_name == "illustrative":  # the one field that is not text
            meta.illustrative = bool(value)
        elif field_name in DATE_FIELDS:
            text_found[field_name] = parse_date(str(value)) or str(value)
        elif field_name == "status":  # 'Draft' is a draft: every reader compares 'draft'
            text_found[field_name] = str(value).strip().lower()
        else:
            text_found[field_name] = str(value)
    for field_name, value in text_found.items():
        if value is not None and hasattr(meta, field_name):
            setattr(meta, field_name, value)
    draft_title = _DRAFT.search(text_found.get("title") or "")
    if "status" not in text_found and (draft_title or meta.extra.get("printed_status")):
        meta.status = "draft"
    if not text_found.get("title"):
        labels = [text for kind, _line, text in document.title_lines if kind == "label"]
        left_out = [d.text for d in document.dropped if d.kind == "web-furniture"]
        meta.title = (
            trail_title(labels, left_out)  # lead ruling R3
            or _only_section_title(document)
            or date_only_title(document)  # R39
            or _pretty_id(document.doc_id)
        )
    if "document_type" not in text_found:
        meta.document_type = guess_type(meta.title)
    meta.status_stated = bool(meta.adopted) or "status" in text_found or meta.status == "draft"


def display_title(title: str) -> str:
    """'ELECTED MEMBER/OFFICER PROTOCOL' -> 'Elected Member/Officer Protocol'."""
    if title.upper() != title:
        return title
    small = {"and", "of", "on", "to", "the", "for", "in", "a", "an", "or"}
    words = []
    for position, word in enumerate(title.lower().split()):
        parts = "/".join(p.capitalize() for p in word.split("/"))
        words.append(word if position and word in small else parts)
    return " ".join(words)
