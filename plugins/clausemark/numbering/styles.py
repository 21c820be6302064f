"""The numbering styles councils print, as one table, and the one number normaliser.

Every module that needs to know how a printed number looks, what comes after it,
which Akoma Ntoso element it makes or how a reference names it reads it here: the
parser (which style starts a line), anchors (the cleaned number in an id), the
numbering checks (what should follow what), the reference finder and the diff (the
key two printed numbers are compared by). Adding a style is one entry in `STYLES`
(or `CONTAINER_WORDS` for a heading word) plus its test.

Element by depth: a clause style makes `para` at the top of its container; whatever
nests inside it is `subpara`, then `item` at any depth below that. Container words
("Part 2", "Article 12") make their own element whatever their depth.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

# --- the one normaliser ------------------------------------------------------------

_OUTER_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
_INNER_PUNCTUATION = re.compile(r"[\W_]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def clean_number(number: str) -> str:
    """The number as an id shows it: '(i)' -> 'i', '1.2.' -> '1-2', '2:1 b)' -> '2-1b'.

    Outer punctuation is stripped, inner punctuation runs become '-', case is kept, and
    digits are ASCII: '１.２' (fullwidth), '١.٢' (Arabic-Indic) and '𝟏.𝟐' (mathematical)
    are 1-2, so no id looks like another's and a link typed with 0-9 finds it.
    """
    stripped = _OUTER_PUNCTUATION.sub("", _SPACES.sub("", ascii_digits(number.strip())))
    return _INNER_PUNCTUATION.sub("-", stripped)


_ANY_DIGIT = re.compile(r"\d")  # every decimal digit Unicode knows, not only 0-9


def ascii_digits(text: str) -> str:
    """Every decimal digit as its ASCII digit (as NFKC does for fullwidth ones, and for
    every other script's digits too); anything else as it is."""
    if text.isascii():
        return text
    return _ANY_DIGIT.sub(lambda digit: str(unicodedata.decimal(digit.group(), 0)), text)


def has_other_digits(text: str | None) -> bool:
    """Whether a printed number holds a digit other than 0-9 (its id uses 0-9)."""
    return text is not None and not text.isascii() and ascii_digits(text) != text


@lru_cache(maxsize=8192)
def number_key(number: str | None) -> str:
    """The key two printed numbers are compared by: '(A)', 'a)', 'a.' -> 'a'; '3.5' -> '3-5'.

    A container word is not part of the number: 'Section 3' and '3.' are both '3'.
    """
    if not number:
        return ""
    return clean_number(strip_container_word(number)).lower()


@lru_cache(maxsize=8192)
def decimal_parts(number: str | None) -> tuple[int, ...] | None:
    """'1.6.1.' -> (1, 6, 1); '2:3' -> (2, 3); None for anything not purely numeric."""
    key = number_key(number)
    if not key or not re.fullmatch(r"\d+(?:-\d+)*", key):
        return None
    return tuple(int(part) for part in key.split("-"))


# --- positions in a series -------------------------------------------------------------

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN = re.compile(
    r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$", re.I
)


def is_roman(token: str) -> bool:
    return bool(token) and bool(_ROMAN.match(token))


def roman_value(token: str) -> int | None:
    if not is_roman(token):
        return None
    total, previous = 0, 0
    for char in reversed(token.lower()):
        value = _ROMAN_VALUES[char]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def _integer_position(token: str) -> tuple[int, str] | None:
    match = re.fullmatch(r"(\d{1,4})([A-Za-z]{0,2})", token)
    return (int(match.group(1)), match.group(2).upper()) if match else None


def _letter_position(token: str) -> tuple[int, str] | None:
    """'a' -> 1 ... 'z' -> 26, 'aa' -> 27 (and 'zz' style doubling)."""
    lowered = token.lower()
    if len(lowered) == 1 and lowered.isalpha():
        return ord(lowered) - 96, ""
    if len(lowered) == 2 and lowered[0] == lowered[1] and lowered.isalpha():
        return ord(lowered[0]) - 96 + 26, ""
    if len(lowered) == 2 and lowered.isalpha() and lowered[1] in "abcde":
        return ord(lowered[0]) - 96, lowered[1].upper()  # "(ba)": inserted after (b)
    return None


def _roman_position(token: str) -> tuple[int, str] | None:
    value = roman_value(token)
    return (value, "") if value else None


def _decimal_position(token: str) -> tuple[int, str] | None:
    parts = re.split(r"[.:-]", token)
    return _integer_position(parts[-1]) if parts and parts[-1] else None


def _pair_position(token: str) -> tuple[int, str] | None:
    """'i.ii' -> 2, '2.b' -> 2: a dotted pair is placed by its last part, a roman numeral
    (after a roman one) or a letter (after a number); None when a part is no number
    ('ix.vx', 'i.e')."""
    first, _, last = token.rpartition(".")
    if first[:1].isdigit():
        return _roman_position(last) or _letter_position(last)
    return _roman_position(last) if roman_value(first) else None  # 'i.e.' is no pair


def _last_bracket_position(token: str) -> tuple[int, str] | None:
    last = re.findall(r"\(([^()]+)\)", token)
    if not last:
        return _integer_position(token)
    return _integer_position(last[-1]) or _letter_position(last[-1]) or _roman_position(last[-1])


def _letter_number_position(token: str) -> tuple[int, str] | None:
    match = re.fullmatch(r"[A-Z]{1,2}(\d{1,3})\.?", token)
    return (int(match.group(1)), "") if match else None


def _next_in_series(position, previous: str, token: str) -> bool:
    """Whether `token` comes straight after `previous`: 1 -> 2, 4 -> 4A -> 4B -> 5."""
    before, after = position(previous), position(token)
    if before is None or after is None:
        return False
    (value, inserted), (next_value, next_inserted) = before, after
    if next_value == value and next_inserted:  # an inserted provision: 4 -> 4A, 4A -> 4B
        return not inserted or next_inserted > inserted
    return next_value == value + 1 and not next_inserted


# --- the style table -------------------------------------------------------------------

_INSERTED = r"(?:[A-Z]{1,2}(?![A-Za-z]))?"  # "4A", "12.3A", "(2A)": an inserted provision
# a multi-level number ends at its last digit or one capital ("12.3A"): "2.3HR Officer" is
# clause 2.3 glued to its title's words (lead ruling R43, session 15), never "2.3HR"
_INSERTED_ONE = r"(?:[A-Z](?![A-Za-z]))?"
# a unit of measure glued to a decimal ("3.5KG bags", "2.5Ha of the common", "1.5MW"): a
# measurement at a line's start, never a clause and its title (R43; attack17 A17-19)
_NO_UNIT = r"(?!(?i:kg|ha|mw|kw|kwh|mwh|km|mm|cm|ghz|mhz|sq\s?m)\b)"
# the words a sentence goes on with after naming a paragraph ('Paragraph 2 shall not ...')
_VERB = (
    r"(?:shall|will|may|must|should|can|does|do|is|are|was|were|has|have|applies|apply"
    r"|sets|provides|states|says|requires|above|below|of|to|and|or)"
)
_GLUE = r"(?:(?=\s|$|[A-Z(\[“\"‘'])|(?<=\.)(?=[a-z]))"  # "10.THE" and "1.8.1.you" are glued
# An item marker: "(x)" or "x)" may be glued to its text ("(a)whenever"), "x." may not.
# "[a] text" at the start of a line is an item too (a web footnote "[13]" is glued to the
# word before it, and its note was made a footnote in lines.web_footnotes first).
_ITEM = (
    r"^(?P<number>\((?P<token>{token})\)(?:\.(?=\s))?(?=\s*\S)|(?P<token2>{token})(?:\)(?=\s*\S)|\.(?=\s+\S))"
    r"|\[(?P<token3>{token})\](?=\s+\S))"
)


@dataclass(frozen=True)
class NumberStyle:
    """One way councils number their clauses.

    `pattern` matches at the start of a unit's text: group "number" is the number as
    printed, group "token" its bare value. `family` is "clause" when the value itself
    says the level (1, 1.1, 1.1.1 nest by printed prefix) and "item" when the level is
    the one open under the current clause ((a), (i), (1) after a lead-in). `position`
    places a token in its series, so the parser can tell (i) the letter after (h) from
    (i) the first roman numeral. `cite` is how a reference names it, `{n}` the cleaned
    number and `{parent}` the citation of the clause it sits in.
    """

    name: str
    pattern: re.Pattern
    family: str
    element: str
    position: Callable[[str], tuple[int, str] | None]
    cite: str
    example: str


def _style(name, pattern, family, position, cite, example, element="para") -> NumberStyle:
    return NumberStyle(name, re.compile(pattern), family, element, position, cite, example)


STYLES: tuple[NumberStyle, ...] = (
    # "2.—(1) The council ..." and "10.(1)": rule 2 whose first sub-rule (1) carries the text.
    _style(
        "statutory",
        rf"^(?P<number>(?P<token>\d{{1,3}}{_INSERTED})\.?\s?[—–-]{{1,2}}\s?|"
        rf"(?P<token2>\d{{1,3}}{_INSERTED})\.\s?)(?=\(\d{{1,3}}{_INSERTED}\))",
        "clause",
        _integer_position,
        "paragraph {n}",
        "2.—(1)",
    ),
    # "1:1", "3:2": colon numbering behaves as decimal numbering.
    _style(
        "colon",
        rf"^(?P<number>(?P<token>\d{{1,3}}(?::\d{{1,3}}{_INSERTED})+)\.?)(?=\s|$|[A-Za-z(])",
        "clause",
        _decimal_position,
        "paragraph {n}",
        "3:2",
    ),
    # "i.i.", "i.ii", "ii.iii" (two roman numerals: the list's and the item's), "1.i",
    # "2.a", "3.1.ii": a dotted number whose last part is a letter or a roman numeral; a
    # clause, nested under its printed prefix where that is printed ("1." over "1.i").
    _style(
        "dotted-pair",
        r"^(?P<number>(?P<token>(?:\d{1,3}(?:\.\d{1,3})*|[ivx]{1,5})\.(?:[ivx]{2,5}|(?P<l>[a-z])(?P=l)?)"
        r"|[IVX]{1,5}\.[IVX]{1,5})\.?)(?=\s+\S)",
        "clause",
        _pair_position,
        "paragraph {n}",
        "i.ii",
    ),
    # "1.1", "5.1.2.1", "1.6.1.", "12.3A": nested under its printed prefix.
    _style(
        "decimal",
        rf"^(?P<number>(?P<token>\d{{1,3}}(?:\.\d{{1,3}}{_INSERTED_ONE})+)\.?){_GLUE}{_NO_UNIT}",
        "clause",
        _decimal_position,
        "paragraph {n}",
        "1.6.1",
    ),
    # "1(a)", "1(b)(i)": the whole path printed, glued; nested under its printed prefix.
    _style(
        "bracket-path",
        rf"^(?P<number>(?P<token>\d{{1,3}}{_INSERTED}(?:\((?:[a-z]{{1,4}}|\d{{1,3}})\))+))(?=\s)",
        "clause",
        _last_bracket_position,
        "paragraph {n}",
        "1(b)(i)",
    ),
    # "A1.", "B2.": a letter for the section, a number for the clause.
    _style(
        "letter-number",
        r"^(?P<number>(?P<token>[A-Z]{1,2}\d{1,3})\.)(?=\s)",
        "clause",
        _letter_number_position,
        "paragraph {n}",
        "B2.",
    ),
    # "A.1", "B.2.3": the part's letter, then the clause's number.
    _style(
        "letter-decimal",
        r"^(?P<number>(?P<token>[A-Z]{1,2}(?:\.\d{1,3})+)\.?)(?=\s)",
        "clause",
        _decimal_position,
        "paragraph {n}",
        "A.1",
    ),
    # "Para 1.1", "Clause 4": the number printed after a word; never a sentence that
    # names one ("Paragraph 2 shall not apply to ...": a verb straight after it).
    _style(
        "worded",
        rf"^(?P<number>(?:Paragraph|PARAGRAPH|Para|PARA|Clause|CLAUSE)"
        rf"\s+(?P<token>\d{{1,3}}(?:\.\d{{1,3}})*{_INSERTED})\.?)(?=\s)(?!\s+{_VERB}\b)",
        "clause",
        _decimal_position,
        "paragraph {n}",
        "Para 1.1",
    ),
    # "Rule 12.1 A motion must ...": a container word with a decimal number, before a
    # sentence, is a clause printed with its rule's word (a heading is read first).
    _style(
        "worded-decimal",
        rf"^(?P<number>(?:(?:Procedure\s+)?Rule|(?:PROCEDURE\s+)?RULE|Standing\s+Order"
        rf"|STANDING\s+ORDER|Article|ARTICLE)"
        rf"\s+(?P<token>\d{{1,3}}(?:\.\d{{1,3}}{_INSERTED})+)\.?)(?=\s+\S)",
        "clause",
        _decimal_position,
        "paragraph {n}",
        "Rule 12.1",
    ),
    # "1.", "10.THE", "4A.", "7)".
    _style(
        "integer",
        rf"^(?P<number>(?P<token>\d{{1,3}}{_INSERTED})[.)])(?!\d)(?=\s*\S)",
        "clause",
        _integer_position,
        "paragraph {n}",
        "12.",
    ),
    # "1<TAB>INTRODUCTION", "1     comply", "1 – MEETINGS": a bare number set off by a tab,
    # a run of spaces, or a dash before a capital (the dash is punctuation, not text).
    _style(
        "integer-bare",
        rf"^(?P<number>(?P<token>\d{{1,3}}{_INSERTED}))(?:(?=\t| {{2,}})| [–—-](?= [A-Z]))",
        "clause",
        _integer_position,
        "paragraph {n}",
        "1\t",
    ),
    # "(1)", "(2A)": numbered sub-paragraphs under the clause open above them.
    _style(
        "paren-integer",
        rf"^(?P<number>\((?P<token>\d{{1,3}}{_INSERTED})\)(?:\.(?=\s))?|\[(?P<token2>\d{{1,3}}{_INSERTED})\](?=\s+\S))",
        "item",
        _integer_position,
        "{parent}({n})",
        "(2A)",
        "subpara",
    ),
    # "(i)", "ii)", "iv.": roman numerals ("(i)" may also be the letter after "(h)").
    _style(
        "roman",
        _ITEM.format(token="[ivxlc]{1,6}|[IVXLC]{1,6}"),
        "item",
        _roman_position,
        "{parent}({n})",
        "(iv)",
        "subpara",
    ),
    # "(a)", "b)", "c.", "(aa)".
    _style(
        "letter",
        _ITEM.format(token="[A-Za-z]{1,2}"),
        "item",
        _letter_position,
        "{parent}({n})",
        "(b)",
        "subpara",
    ),
)
STYLE_BY_NAME = {style.name: style for style in STYLES}
CLAUSE_STYLES = frozenset(style.name for style in STYLES if style.family == "clause")


@dataclass(frozen=True)
class ReadNumber:
    number: str  # as printed, without the space after it
    styles: tuple[str, ...]  # every style the number could be ("(i)": letter and roman)
    rest: str  # the text after the number


# What a printed number can start with; most lines start with none of these, and are
# done with one match instead of one per style.
_MAYBE_NUMBER = re.compile(
    r"[\d(\[]|[A-Za-z]{1,6}[.)]|[A-Z]{1,2}\d|(?:Paragraph|PARAGRAPH|Para|PARA|Clause|CLAUSE)\s"
    r"|(?:Procedure|PROCEDURE|Rule|RULE|Standing|STANDING|Article|ARTICLE)\s"
)


@lru_cache(maxsize=8192)
def read_number(text: str) -> ReadNumber | None:
    """The printed number at the start of `text`, by the first style that reads one."""
    if not _MAYBE_NUMBER.match(text):
        return None
    for style in STYLES:
        match = style.pattern.match(text)
        if match is None:
            continue
        token = _token(match)
        if (style.family == "item" or style.name == "dotted-pair") and not style.position(token):
            continue
        if style.name == "colon" and PADDED_CLOCK.fullmatch(token):
            continue  # "14:00": a time, never a number, alone or at a line start (R42)
        number = match.group("number").rstrip()
        styles = [style.name]
        if style.name == "roman" and _letter_position(token):
            styles.insert(0, "letter")
        rest = text[match.end() :].lstrip(" \t")
        # "7.30 pm", "9.00 a.m.", "7:30pm": a clock time (lead ruling R24); "7.30 PM" in
        # capitals with no dots: the run decides (parse/clock_times.py)
        clock = style.name in _CLOCK_STYLES and is_clock_time(token)
        if clock and _AM_PM.match(rest) and not CAPITAL_AM_PM.match(rest):
            return None
        return ReadNumber(number, tuple(styles), rest)
    return None


_CLOCK_STYLES = frozenset({"decimal", "colon"})
# two digits, a colon, two digits: a 24-hour clock's time (lead ruling R42, session 15)
PADDED_CLOCK = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")


def opens_on_time(text: str) -> bool:
    """'14:00', '14:00 Registration': a line opening on a 24-hour time, a timetable's line
    (R42): never a number, never a heading; each such line a line of its own."""
    return (
        text[2:3] == ":"
        and (found := PADDED_CLOCK.match(text)) is not None
        and not (text[found.end() : found.end() + 1].isdigit())
    )


_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])[.:][0-5]\d")
# the words that say a number is a time: "pm", "p.m.", "PM", "am", "hrs", "o'clock"; in
# one case each ("am", "AM", "a.m.", "A.M."), never "Am" with its capital alone: a word
# ("5.12 Am ragor o wybodaeth ...", Welsh 'for more'; attack14 A7)
# "PM", "AM" in capitals with no dots: a time only where the number does not go on from the
# open run of clauses ("7.29" then "7.30 PM and AM meetings ..." is clause 7.30: R24, 14)
CAPITAL_AM_PM = re.compile(r"[AP]M\b(?!\.)")
_AM_PM = re.compile(
    r"(?:[ap]\.?\s?m\b\.?|[AP]\.?\s?M\b\.?|[ap]\.\s?M\b\.?|(?i:hrs?\b|hours\b|o['’]?clock\b|noon\b|midday\b|midnight\b))"
)


def is_clock_time(token: str) -> bool:
    """Whether a printed number has a clock time's shape, hours then two-digit minutes
    ('7.30', '19:00'): a time when the words around it say so (R24), never by shape alone."""
    return bool(_CLOCK.fullmatch(token))


def _token(match: re.Match) -> str:
    token = match.group("token")
    for other in ("token2", "token3"):
        if token is None and other in match.re.groupindex:
            token = match.group(other)
    return token or ""


def token_of(number: str) -> str:
    """The bare value of a printed number: '(iv)' -> 'iv', '4A.' -> '4A', '1.2.' -> '1.2'."""
    return _OUTER_PUNCTUATION.sub("", number.strip())


def follows(style: str, previous: str, token: str) -> bool:
    """Whether `token` is the next number after `previous` in that style (empty: the first)."""
    position = STYLE_BY_NAME[style].position
    if not previous:
        found = position(token_of(token))
        return found is not None and found[0] == 1 and not found[1]
    if style in ("decimal", "colon"):
        before, after = decimal_parts(previous), decimal_parts(token)
        if before and after and len(after) == len(before) + 1 and after[:-1] == before:
            return after[-1] == 1
    return _next_in_series(position, token_of(previous), token_of(token))


# --- container words -------------------------------------------------------------------


@dataclass(frozen=True)
class ContainerWord:
    """A heading word that opens a container: 'Part 2', 'Article 12', 'Schedule 1'.

    `rank` orders containers from the outside in: a heading closes every open
    container of the same or an inner rank; rank 0 (schedules, appendices, annexes)
    always stands at the top level.
    """

    words: tuple[str, ...]
    element: str
    rank: int
    cite: str


CONTAINER_WORDS: tuple[ContainerWord, ...] = (
    ContainerWord(("schedule",), "schedule", 0, "Schedule {n}"),
    ContainerWord(("appendix",), "appendix", 0, "Appendix {n}"),
    ContainerWord(("annex", "annexe"), "annex", 0, "Annex {n}"),
    ContainerWord(("part",), "part", 1, "Part {n}"),
    ContainerWord(("chapter",), "chp", 2, "Chapter {n}"),
    ContainerWord(("section",), "sec", 3, "Section {n}"),
    ContainerWord(("article",), "art", 3, "Article {n}"),
    ContainerWord(
        ("rule", "procedure rule", "standing order", "standing orders"), "rule", 3, "Rule {n}"
    ),
)
NUMBERED_SECTION = CONTAINER_WORDS[5]  # "2. Registering Interests": a section by its number
# "Paragraph 1 – Purpose" heads a section; "Para 1.1 ..." is a clause printed with a word.
CONTAINER_WORDS += (ContainerWord(("paragraph",), "sec", 3, "paragraph {n}"),)
CLAUSE_WORDS = ("paragraph", "para", "clause")
_WORD_INDEX = {word: entry for entry in CONTAINER_WORDS for word in entry.words}
_WORD_ALTERNATIVES = "|".join(
    r"\s+".join(re.escape(part) for part in word.split())
    for word in sorted(_WORD_INDEX, key=len, reverse=True)
)
# Two capitals after the word are a letter number ("Appendix AB") unless they spell a
# small word of an all-capitals title: "STANDING ORDERS OF WREXLEY", "SCHEDULE OF FEES".
_CAPITAL_WORDS = "OF|TO|IN|ON|AT|BY|OR|AN|AS|IS|IT|NO|SO|UP|WE|IF|BE|DO|MY|US"
_CONTAINER_NUMBER = (
    r"\d{1,3}(?!\d)(?:[A-Z]|[a-z](?![\w.]))?(?:\.\d{1,3}(?!\d))*(?![\w.]\w)|[IVXLC]{1,6}(?![\w])"
    rf"|(?!(?:{_CAPITAL_WORDS})(?!\w))[A-Z]{{1,2}}(?![\w])"
)
_CONTAINER = re.compile(
    rf"^(?P<word>(?i:{_WORD_ALTERNATIVES}))\s+(?P<number>{_CONTAINER_NUMBER})"
    r"(?P<sep>\.?\s*[:.\-–—]?)\s*(?P<rest>.*)$",
    re.S,
)
_LEADING_WORD = re.compile(rf"^(?i:{_WORD_ALTERNATIVES}|{'|'.join(CLAUSE_WORDS)})\s+(?=\S)")


@dataclass(frozen=True)
class ReadContainer:
    word: ContainerWord
    printed: str  # "Section 3", "PART 2"
    number: str  # "3", "2"
    rest: str  # the title after it, if printed on the same line


_FIRST_WORDS = frozenset(word.split()[0] for word in _WORD_INDEX)


# The capitals councils abbreviate a set of rules to, printed before a rule's number:
# "CPR 1 - ANNUAL MEETING" (Council Procedure Rule 1), "CSO 4", "FPR 12", "SO 7" (a
# standing order). Read only in capitals: "So 12 members ..." is a sentence.
RULE_ABBREVIATIONS = frozenset(
    {"CPR", "SO", "CSO", "FPR", "FR", "EPR", "OSPR", "AIR", "AIPR", "BPFR", "OEPR"}
)
_ABBREVIATED = re.compile(
    r"^(?P<word>[A-Z]{2,4})\s+(?P<number>\d{1,3}(?!\d)[A-Z]?(?:\.\d{1,3}(?!\d))*(?![\w.]\w))"
    r"(?P<sep>\.?\s*[:.\-–—]?)\s*(?P<rest>.*)$",
    re.S,
)
_RULE_WORD = next(entry for entry in CONTAINER_WORDS if entry.element == "rule")


@lru_cache(maxsize=8192)
def container_word(text: str) -> ReadContainer | None:
    """'Part 4 – Rules of Procedure' -> part 4 titled 'Rules of Procedure'; 'CPR 1 -
    ANNUAL MEETING' -> rule 1 (a rule's abbreviated name, in capitals)."""
    first = text[:12].split(" ", 1)[0]
    if first in RULE_ABBREVIATIONS:
        found = _ABBREVIATED.match(text)
        if found is None:
            return None
        printed = f"{found.group('word')} {found.group('number')}"
        return ReadContainer(
            _RULE_WORD, printed, found.group("number"), found.group("rest").strip()
        )
    if first.lower() not in _FIRST_WORDS:
        return _qualified(text)
    match = _CONTAINER.match(text)
    if match is None:
        return None
    word = _WORD_INDEX[" ".join(match.group("word").lower().split())]
    printed = f"{match.group('word')} {match.group('number')}"
    return ReadContainer(word, printed, match.group("number"), match.group("rest").strip())


# A rule word after the name of its set of rules: "Contract Standing Order 1:
# Interpretation", "Council Procedure Rule 4", "Access to Information Procedure Rule 2",
# "FINANCIAL REGULATION 3": a rule, its number the rule's (qualifying words capitalised)
_QUALIFIED_WORDS = ("standing order", "procedure rule", "regulation", " rule ")
_QUALIFIED = re.compile(
    r"^(?!(?i:the|this|that|these|those|each|every|any|no|see|under|a|an|in|of|to|by)\s)"
    r"(?P<qualifier>(?:[A-Z][\w'’-]*\s+(?:(?:and|to|of|for|&)\s+)?){1,5}?)"
    r"(?P<word>(?i:standing\s+orders?|procedure\s+rules?|regulations?|rules?))\s+"
    rf"(?P<number>{_CONTAINER_NUMBER})"
    r"(?P<sep>\.?\s*[:.\-–—]?)\s*(?P<rest>.*)$",
    re.S,
)


def _qualified(text: str) -> ReadContainer | None:
    head = text[:80].lower()
    if not any(word in head for word in _QUALIFIED_WORDS) or not text[:1].isupper():
        return None
    found = _QUALIFIED.match(text)
    if found is None or "\n" in found.group("qualifier"):
        return None
    printed = f"{found.group('qualifier')}{found.group('word')} {found.group('number')}"
    return ReadContainer(_RULE_WORD, printed, found.group("number"), found.group("rest").strip())


@lru_cache(maxsize=8192)
def strip_container_word(number: str) -> str:
    """'Section 3' -> '3'; a number with no container word is returned as it is."""
    number = number.strip()
    if not number[:1].isalpha() or " " not in number:
        return number
    word, rest = number.split(" ", 1)
    if word in RULE_ABBREVIATIONS:  # 'CPR 1' -> '1'
        return rest.strip()
    if word.lower() not in _FIRST_WORDS and (found := _qualified(number)) is not None:
        return found.number  # 'Contract Standing Order 1' -> '1'
    return _LEADING_WORD.sub("", number)


@lru_cache(maxsize=8192)
def element_for_heading(number: str | None) -> str:
    """The element a numbered heading makes: by its printed word, else a section."""
    if number:
        found = container_word(number)
        if found is not None:
            return found.word.element
    return NUMBERED_SECTION.element


_RANKS = {entry.element: entry.rank for entry in reversed(CONTAINER_WORDS)}


def rank_of(element: str) -> int:
    return _RANKS.get(element, 3)


@lru_cache(maxsize=8192)
@lru_cache(maxsize=8192)  # the same few numbers, read by many passes
def clause_path(number: str | None) -> tuple[str, ...] | None:
    """'5.1.2' -> ('5', '1', '2'), '12.3A' -> ('12', '3a'), '2:1' -> ('2', '1'): the printed
    prefixes a clause nests under. None for item markers such as '(a)'."""
    key = number_key(number)
    if not key or not re.fullmatch(r"\d+[a-z]{0,2}(?:-(?:\d+[a-z]{0,2}|[a-z]{1,4}))*", key):
        return None
    return tuple(key.split("-"))


def in_sequence(previous: str, number: str) -> bool:
    """Whether `number` may come next after `previous` in one numbering: 2.2 -> 2.3, 2.2.1,
    3, 3.1; 1 -> 2, 1.1, 1(a)."""
    before, after = clause_path(previous), clause_path(number)
    if not before or not after:
        return False
    if len(after) > len(before) and after[: len(before)] == before:
        return True  # a first child, or deeper
    for depth in range(min(len(before), len(after))):
        if after[:depth] == before[:depth] and _next_in_series(
            _integer_position, before[depth], after[depth]
        ):
            return True
    return False
