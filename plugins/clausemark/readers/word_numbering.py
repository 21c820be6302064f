"""Word's automatic list numbers, counted and printed as Word does (word/numbering.xml).

A paragraph names a list instance (`w:num`, by numId) and a level (ilvl). The instance
points at an abstract definition (`w:abstractNum`) whose levels give the number format
(`numFmt`), the text around the numbers (`lvlText`, '%1.%2'), the first value
(`start`), when a level starts again (`lvlRestart`), whether every number in it is
shown as decimal (`isLgl`) and what follows it (`suff`). A definition may only name a
list style (`numStyleLink`): its levels are those of the definition that carries that
style (`styleLink`).

How Word counts (checked against Word's own output in other projects' test files, see
tests/corpus/word_numbers.yml):
- one set of counters per abstract definition, after resolving the style link: every
  instance of it continues the same count;
- an instance's `startOverride` restarts its level (and the levels below it) at the
  override, once, where the instance is first used; later paragraphs of any instance
  go on counting from there;
- an instance's whole-level override (`w:lvl`) changes how the level is printed (its
  format and text), not the count;
- a placeholder (%N) that names a bullet level prints nothing.

A number Word would show past `list_number` (10,000: a start, an override, or a count
run on from them) is refused, as every reader refuses it (support/limits.py): the
paragraph that would show it is named in the one line. A start that is no number at all
is named in a warning and read as absent.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..support.limits import check, check_signed
from .word_package import W

MAX_LEVELS = 9  # ilvl 0..8, as ECMA-376 allows
_PLACEHOLDER = re.compile(r"%([1-9])")
_DIGITS = re.compile(r"\d+")
_ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]  # fmt: skip
SUFFIXES = {"tab": " ", "space": " ", "nothing": ""}
_ON = {"1", "true", "on"}


def roman(value: int) -> str:
    """Roman numerals, computed (no loop per unit); 0 or less, and past our bound of
    32767, as decimal."""
    if value <= 0 or value > 32767:
        return str(value)
    thousands, value = divmod(value, 1000)
    out = ["M" * thousands]
    for amount, letters in _ROMAN[1:]:
        count, value = divmod(value, amount)
        out.append(letters * count)
    return "".join(out)


def letters(value: int) -> str:
    """Word's letters: a..z, then aa..zz, then aaa.. (the letter repeated)."""
    if value <= 0 or value > 780:  # our bound: past 30 repeats of 'z', decimal
        return str(value)
    repeat, index = divmod(value - 1, 26)
    return chr(ord("a") + index) * (repeat + 1)


_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
]  # fmt: skip
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_WORDS = {
    "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
    "nine": "ninth", "twelve": "twelfth",
}  # fmt: skip


def _cardinal_words(value: int) -> str:
    """English words as Word writes them in lists: 'one hundred twenty-three'."""
    if value < 20:
        return _UNITS[value]
    if value < 100:
        tens, unit = divmod(value, 10)
        return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        return f"{_UNITS[hundreds]} hundred" + (f" {_cardinal_words(rest)}" if rest else "")
    thousands, rest = divmod(value, 1000)
    return f"{_cardinal_words(thousands)} thousand" + (f" {_cardinal_words(rest)}" if rest else "")


def _ordinal_words(value: int) -> str:
    words = _cardinal_words(value)
    head, sep, last = words.rpartition(" ")
    stem, dash, unit = last.rpartition("-")
    if unit in _ORDINAL_WORDS:
        unit = _ORDINAL_WORDS[unit]
    elif unit.endswith("y"):
        unit = unit[:-1] + "ieth"
    else:
        unit += "th"
    return f"{head}{sep}{stem}{dash}{unit}"


def cardinal_text(value: int) -> str:
    """cardinalText in English: One, Two, ... Twenty-one (Word capitalises the first letter)."""
    if value <= 0 or value > 999999:
        return str(value)
    return _cardinal_words(value).capitalize()


def ordinal_text(value: int) -> str:
    """ordinalText in English: First, Second, ... Twenty-first."""
    if value <= 0 or value > 999999:
        return str(value)
    return _ordinal_words(value).capitalize()


def ordinal(value: int) -> str:
    """ordinal in English: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st."""
    if value < 0:
        return str(value)
    suffix = (
        "th" if value % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    )
    return f"{value}{suffix}"


def _enclosed(first: int, last: int, start: int = 1) -> Callable[[int], str]:
    """Unicode's enclosed numbers (circled, parenthesised, with a full stop) for the
    values they exist for; Word shows the others as plain decimal."""

    def show(value: int) -> str:
        if start <= value <= start + last - first:
            return chr(first + value - start)
        return str(value)

    return show


def _chicago(value: int) -> str:
    """Chicago Manual of Style marks: *, †, ‡, §, then doubled, tripled ..."""
    if value <= 0:
        return str(value)
    repeat, index = divmod(value - 1, 4)
    return "*†‡§"[index] * min(repeat + 1, 10)


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

# ECMA-376 Part 1, 17.18.59 ST_NumberFormat: the formats a council's text can use. Any
# other (a CJK or Indic counting system) is shown as decimal, with a warning.
FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}" if 0 <= n < 10 else str(n),
    "decimalHalfWidth": str,
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalEnclosedCircle": _enclosed(0x2460, 0x2473),  # ① .. ⑳
    "decimalEnclosedFullstop": _enclosed(0x2488, 0x249B),  # ⒈ .. ⒛
    "decimalEnclosedParen": _enclosed(0x2474, 0x2487),  # ⑴ .. ⒇
    "lowerLetter": letters,
    "upperLetter": lambda n: letters(n).upper(),
    "lowerRoman": lambda n: roman(n).lower(),
    "upperRoman": roman,
    "ordinal": ordinal,
    "cardinalText": cardinal_text,
    "ordinalText": ordinal_text,
    "numberInDash": lambda n: f"- {n} -",
    "chicago": _chicago,
    "none": lambda n: "",
}


def format_number(value: int, number_format: str) -> str:
    """One number in a Word number format; an unknown format shows as decimal."""
    return FORMATS.get(number_format, str)(value)


@dataclass(frozen=True)
class Level:
    start: int = 1
    number_format: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: restart after this level (1-based); 0 never
    legal: bool = False  # isLgl
    suffix: str = "tab"
    style: str | None = None  # pStyle: the paragraph style that carries this level
    indent: int | None = None  # its w:pPr/w:ind left (twips): where its paragraphs stand

    @property
    def bullet(self) -> bool:
        return self.number_format == "bullet"


@dataclass(frozen=True)
class Printed:
    text: str
    suffix: str
    bullet: bool


@dataclass
class Instance:
    abstract_id: str
    starts: dict[int, int] = field(default_factory=dict)  # startOverride per level
    levels: dict[int, Level] = field(default_factory=dict)  # whole-level overrides


@dataclass
class Abstract:
    levels: dict[int, Level] = field(default_factory=dict)
    style_link: str | None = None  # numStyleLink: its levels are that list style's
    defines_style: str | None = None  # styleLink: the list style these levels define


# A value that is not what the schema allows is read as absent; the reader is told, so
# that a warning can name the place (`Numbering.problems`).
Complaint = Callable[[str], None]


def _int(text: str | None, what: str, complain: Complaint, low: int, high: int) -> int | None:
    if text is None:
        return None
    try:
        value = int(text.strip())
    except ValueError:
        complain(f'{what}="{text[:20]}" is not a number')
        return None
    if not low <= value <= high:
        complain(f'{what}="{value}" is out of range ({low} to {high})')
        return None
    return value


_HUGE = 10**24  # a start of more digits than this is kept as this (still refused when shown)


def _start(text: str | None, what: str, complain: Complaint) -> int | None:
    """A level's start or an override's, however large (a number past `list_number` is
    refused where a paragraph would show it); one that is no number is absent."""
    digits = (text or "").strip().lstrip("+-")
    if digits.isascii() and digits.isdigit() and len(digits.lstrip("0")) > 24:
        return -_HUGE if (text or "").strip().startswith("-") else _HUGE
    return _int(text, what, complain, -_HUGE, _HUGE)


def _value(element, tag: str, ns: str) -> str | None:
    child = element.find(f"{ns}{tag}")
    return child.get(f"{ns}val") if child is not None else None


def _level(element, ns: str, complain: Complaint, base: Level | None = None) -> Level:
    base = base or Level()
    start = _start(_value(element, "start", ns), "w:start w:val", complain)
    restart = _int(_value(element, "lvlRestart", ns), "w:lvlRestart w:val", complain, 0, 9)
    legal = element.find(f"{ns}isLgl")
    number_format = _value(element, "numFmt", ns)
    text = _value(element, "lvlText", ns)
    check("number_template", len(text or ""), "numbering.xml")  # before it is printed anywhere
    suffix = _value(element, "suff", ns)
    return Level(
        start=base.start if start is None else start,
        number_format=number_format or base.number_format,
        text=base.text if text is None else text,
        restart=base.restart if restart is None else restart,
        legal=(legal.get(f"{ns}val", "1").lower() in _ON) if legal is not None else base.legal,
        suffix=suffix if suffix in SUFFIXES else base.suffix,
        style=_value(element, "pStyle", ns) or base.style,
        indent=indent_of(element.find(f"{ns}pPr/{ns}ind"), ns, complain, base.indent),
    )


def own_indent(ppr, ns: str = W) -> int | None:
    """A paragraph's (or a style's) own w:pPr/w:ind left, in twips; None if it sets none.
    Read quietly: a malformed value only leaves the indent unknown (no list nests)."""
    ind = ppr.find(f"{ns}ind") if ppr is not None else None
    return indent_of(ind, ns, lambda _message: None) if ind is not None else None


def indent_of(ind, ns: str, complain: Complaint, base: int | None = None) -> int | None:
    """A w:ind's left indent in twips (w:left, or w:start in strict files); `base` if none."""
    if ind is None:
        return base
    value = ind.get(f"{ns}left") or ind.get(f"{ns}start")
    found = _int(value, "w:ind w:left", complain, -31680, 31680)
    return base if found is None else found


@dataclass
class Numbering:
    abstracts: dict[str, Abstract] = field(default_factory=dict)
    instances: dict[str, Instance] = field(default_factory=dict)
    # Counters per abstract definition (its id after the style link is followed).
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)  # instances whose starts have been applied
    style_numbers: dict[str, str] = field(default_factory=dict)  # list style -> numId
    resolved: dict[str, str] = field(default_factory=dict)  # `_resolve`'s answers, kept
    problems: list[str] = field(default_factory=list)  # malformed values, in numbering.xml
    unknown_formats: set[str] = field(default_factory=set)
    # list indents (twips): of the level printed last, and of the last paragraph that is
    # no bullet when it was numbered (None when it was not): see `beside_item`
    shown_indent: int | None = None
    item_indent: int | None = None
    shown_first: bool = False  # the level printed last printed its first number
    # the numbered lists open (indent, the number's form), outermost first: `set_in`
    open_lists: list[tuple[int, str]] = field(default_factory=list)
    nested: bool = False  # a list opened inside one of `open_lists`

    def after_paragraph(self, number: str | None, own: int | None, styled: int | None) -> int:
        """A paragraph that is no bullet was laid out: the item a bullet may stand beside;
        and the spaces its line is set in by (`set_in`). `own`, `styled`: the left indent
        its w:pPr, its style set (twips); Word takes its own, else its list level's, else
        its style's."""
        numbered = number is not None
        self.item_indent = self.shown_indent if numbered else None
        level = self.shown_indent if numbered else None
        at = own if own is not None else level if level is not None else styled
        return self.set_in(number, at)

    def set_in(self, number: str | None, at: int | None) -> int:
        """Where Word shows a list inside the item above it by indentation alone (a 'List
        Number 2' under 'List Number': its own list, '1.' again, set in further), the
        spaces the text form sets its line in by, as a web page's nested list (R40): a
        number of the open item's form ('1.' under '2.', never '(a)' or '1.1', which
        say their level) printing its level's first number at a deeper indent opens a
        list inside that item; a paragraph back at a shallower indent closes the lists
        deeper than it; one that is no item (a heading, text: set in by none) closes
        those deeper than its own indent. Where no list nests so, every line stays at 0."""
        lists, at = self.open_lists, at if at is not None else 0
        while lists and lists[-1][0] > at:
            lists.pop()
        self.nested = self.nested and bool(lists)
        if number is None:
            return 0
        form = _DIGITS.sub("#", number.strip())
        if not lists or lists[-1][0] == at:
            lists[-1:] = [(at, form)]
        elif self.shown_first and "#" in form and form == lists[-1][1] and len(lists) < MAX_LEVELS:
            lists.append((at, form))
            self.nested = True
        # once a list opened inside it, the outer list is set in too (by a browser's 2), so
        # that an item back at it is read as returning, not as the text of the inner one
        return 2 + 4 * (len(lists) - 1) if self.nested else 0

    def beside_item(self, ilvl: int) -> bool:
        """Whether a bullet of level `ilvl`, just printed, stands at or left of the indent
        of the numbered item above it: Word shows it beside that item, a list of its
        own, not under it ('List Bullet' after 'List Number', trial11 of session 10)."""
        at, item = self.shown_indent, self.item_indent
        return ilvl == 0 and at is not None and item is not None and at <= item

    @classmethod
    def from_xml(cls, root, ns: str) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        complain = numbering.problems.append
        for abstract in root.iter(f"{ns}abstractNum"):
            entry = Abstract(
                style_link=_value(abstract, "numStyleLink", ns),
                defines_style=_value(abstract, "styleLink", ns),
            )
            for element in abstract.findall(f"{ns}lvl"):
                ilvl = _int(element.get(f"{ns}ilvl"), "w:lvl w:ilvl", complain, 0, 8)
                if ilvl is not None:
                    entry.levels[ilvl] = _level(element, ns, complain)
            numbering.abstracts[abstract.get(f"{ns}abstractNumId", "")] = entry
        for num in root.iter(f"{ns}num"):
            abstract_id = _value(num, "abstractNumId", ns) or ""
            instance = Instance(abstract_id)
            for override in num.findall(f"{ns}lvlOverride"):
                ilvl = _int(override.get(f"{ns}ilvl"), "w:lvlOverride w:ilvl", complain, 0, 8)
                if ilvl is None:
                    continue
                start = _start(
                    _value(override, "startOverride", ns), "w:startOverride w:val", complain
                )
                if start is not None:
                    instance.starts[ilvl] = start
                element = override.find(f"{ns}lvl")
                if element is not None:
                    base = numbering._abstract(abstract_id).levels.get(ilvl)
                    instance.levels[ilvl] = _level(element, ns, complain, base)
            numbering.instances[num.get(f"{ns}numId", "")] = instance
        for abstract in numbering.abstracts.values():
            for level in abstract.levels.values():
                if level.number_format not in FORMATS and level.number_format != "bullet":
                    numbering.unknown_formats.add(level.number_format)
        return numbering

    def link_list_styles(self, style_numbers: dict[str, str]) -> None:
        """The list styles' own numbering (style id -> numId), for numStyleLink."""
        self.style_numbers = style_numbers
        self.resolved.clear()

    def _resolve(self, abstract_id: str) -> str:
        """The definition whose levels and counters this one uses (numStyleLink -> the
        list style -> its numbering instance -> that instance's definition). Each answer
        is kept for every definition on the way: a chain of n links walked once, not once
        a paragraph (n paragraphs on a chain of n took n squared steps: 29 s at 4,000)."""
        if abstract_id in self.resolved:
            return self.resolved[abstract_id]
        walked: list[str] = []
        seen = set()
        while abstract_id not in seen:
            if abstract_id in self.resolved:
                abstract_id = self.resolved[abstract_id]
                break
            seen.add(abstract_id)
            walked.append(abstract_id)
            link = self.abstracts.get(abstract_id, Abstract()).style_link
            num_id = self.style_numbers.get(link or "")
            target = self.instances.get(num_id or "")
            if target is None or target.abstract_id not in self.abstracts:
                break
            abstract_id = target.abstract_id
        # a walk that came round again (definitions linking to each other) ends, for each
        # definition on the loop, where it began: each keeps its own levels, as walked alone
        loop = set(walked[walked.index(abstract_id) :]) if abstract_id in seen else set()
        for each in walked:
            self.resolved[each] = each if each in loop else abstract_id
        return self.resolved[walked[0]] if walked else abstract_id

    def _abstract(self, abstract_id: str) -> Abstract:
        return self.abstracts.get(self._resolve(abstract_id), Abstract())

    def defines(self, num_id: str) -> bool:
        instance = self.instances.get(num_id)
        return instance is not None and self._resolve(instance.abstract_id) in self.abstracts

    def levels(self, num_id: str) -> dict[int, Level]:
        instance = self.instances[num_id]
        levels = dict(self._abstract(instance.abstract_id).levels)
        levels.update(instance.levels)
        for ilvl, start in instance.starts.items():
            levels[ilvl] = replace(levels.get(ilvl, Level()), start=start)
        return levels

    def level_of_style(self, num_id: str, style_id: str) -> int:
        """The level whose pStyle is this paragraph style (numbering carried by a style)."""
        if not self.defines(num_id):
            return 0
        for ilvl, level in sorted(self.levels(num_id).items()):
            if level.style == style_id:
                return ilvl
        return 0

    def next(self, num_id: str, ilvl: int) -> Printed | None:
        """Advance the list at this level and return the number Word shows there."""
        instance = self.instances[num_id]
        levels = self.levels(num_id)
        level = levels.get(ilvl)
        self.shown_indent = level.indent if level is not None else None
        if level is None:
            return None
        counters = self.counters.setdefault(self._resolve(instance.abstract_id), {})
        if num_id not in self.used:
            self.used.add(num_id)
            for overridden in instance.starts:
                for deeper in [d for d in counters if d >= overridden]:
                    del counters[deeper]
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        self.shown_first = counters[ilvl] == level.start
        for deeper in [d for d in counters if d > ilvl]:
            restart = levels.get(deeper, Level()).restart
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                del counters[deeper]
        if level.bullet:
            return Printed(level.text, SUFFIXES.get(level.suffix, " "), True)

        def placeholder(match: re.Match) -> str:
            referenced = int(match.group(1)) - 1
            shown = levels.get(referenced, Level())
            if shown.bullet:
                return ""  # Word prints nothing for a bullet level's number
            value = counters.get(referenced, shown.start)
            check_signed("list_number", value)  # the reader names the paragraph
            number_format = "decimal" if level.legal else shown.number_format
            return format_number(value, number_format)

        text = _PLACEHOLDER.sub(placeholder, level.text)
        return Printed(text, SUFFIXES.get(level.suffix, " ") if text else "", False)
