"""Word's automatic list numbers, rendered as Word displays them (word/numbering.xml).

A paragraph names a list instance (`w:num`, by numId) and a level (ilvl). The
instance points at an abstract definition (`w:abstractNum`) whose levels give the
number format (`numFmt`), the text around the numbers (`lvlText`, '%1.%2'), the
first value (`start`), when a level starts again (`lvlRestart`), whether every
number in it is shown as decimal (`isLgl`) and what follows it (`suff`). An instance
may override a level's start or the whole level (`lvlOverride`).

Instances of one abstract definition continue one another's counting, as in Word,
unless an instance overrides a start, which makes it a list of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]  # fmt: skip
SUFFIXES = {"tab": " ", "space": " ", "nothing": ""}


def roman(value: int) -> str:
    if value <= 0:
        return str(value)
    out = []
    for amount, letters in _ROMAN:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def letters(value: int) -> str:
    """Word's letters: a..z, then aa..zz, then aaa.. (the letter repeated)."""
    if value <= 0:
        return str(value)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}" if 0 <= n < 10 else str(n),
    "lowerLetter": letters,
    "upperLetter": lambda n: letters(n).upper(),
    "lowerRoman": lambda n: roman(n).lower(),
    "upperRoman": roman,
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


def _value(element, tag: str, ns: str, default: str | None = None) -> str | None:
    child = element.find(f"{ns}{tag}")
    return child.get(f"{ns}val", default) if child is not None else default


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _level(element, ns: str, base: Level | None = None) -> Level:
    base = base or Level()
    restart = _value(element, "lvlRestart", ns)
    legal = element.find(f"{ns}isLgl")
    return Level(
        start=_int(_value(element, "start", ns), base.start),
        number_format=_value(element, "numFmt", ns, base.number_format) or "decimal",
        text=_value(element, "lvlText", ns, base.text) or "",
        restart=_int(restart, 0) if restart is not None else base.restart,
        legal=(legal is not None and legal.get(f"{ns}val", "1") not in ("0", "false", "off"))
        or (legal is None and base.legal),
        suffix=_value(element, "suff", ns, base.suffix) or "tab",
        style=_value(element, "pStyle", ns, base.style),
    )


@dataclass
class Numbering:
    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    instances: dict[str, Instance] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    style_links: dict[str, str] = field(default_factory=dict)  # abstractNumId -> list style

    @classmethod
    def from_xml(cls, root, ns: str) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.iter(f"{ns}abstractNum"):
            levels = {}
            for element in abstract.findall(f"{ns}lvl"):
                levels[_int(element.get(f"{ns}ilvl"), 0)] = _level(element, ns)
            abstract_id = abstract.get(f"{ns}abstractNumId", "")
            numbering.abstracts[abstract_id] = levels
            link = _value(abstract, "numStyleLink", ns)
            if link:
                numbering.style_links[abstract_id] = link
        for num in root.iter(f"{ns}num"):
            abstract_id = _value(num, "abstractNumId", ns, "") or ""
            instance = Instance(abstract_id)
            for override in num.findall(f"{ns}lvlOverride"):
                ilvl = _int(override.get(f"{ns}ilvl"), 0)
                start = _value(override, "startOverride", ns)
                if start is not None:
                    instance.starts[ilvl] = _int(start, 1)
                element = override.find(f"{ns}lvl")
                if element is not None:
                    base = numbering.abstracts.get(abstract_id, {}).get(ilvl)
                    instance.levels[ilvl] = _level(element, ns, base)
            numbering.instances[num.get(f"{ns}numId", "")] = instance
        return numbering

    def link_list_styles(self, style_numbers: dict[str, str]) -> None:
        """A definition that only names a list style (numStyleLink) takes the levels of
        the definition that style numbers with, as Word does for multilevel list styles."""
        for abstract_id, style_id in self.style_links.items():
            instance = self.instances.get(style_numbers.get(style_id, ""))
            if instance and instance.abstract_id != abstract_id and not self.abstracts[abstract_id]:
                self.abstracts[abstract_id] = self.abstracts.get(instance.abstract_id, {})
                self.style_links[abstract_id] = instance.abstract_id

    def defines(self, num_id: str) -> bool:
        instance = self.instances.get(num_id)
        return instance is not None and instance.abstract_id in self.abstracts

    def levels(self, num_id: str) -> dict[int, Level]:
        instance = self.instances[num_id]
        levels = dict(self.abstracts[instance.abstract_id])
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

    def _list_key(self, num_id: str) -> str:
        instance = self.instances[num_id]
        if instance.starts or instance.levels:
            return f"num:{num_id}"
        return f"abstract:{self.style_links.get(instance.abstract_id, instance.abstract_id)}"

    def next(self, num_id: str, ilvl: int) -> Printed | None:
        """Advance the list at this level and return the number Word shows there."""
        levels = self.levels(num_id)
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(self._list_key(num_id), {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [d for d in counters if d > ilvl]:
            restart = levels.get(deeper, Level()).restart
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                del counters[deeper]
        if level.number_format == "bullet":
            return Printed(level.text, SUFFIXES.get(level.suffix, " "), True)

        def placeholder(match: re.Match) -> str:
            referenced = int(match.group(1)) - 1
            shown = levels.get(referenced, Level())
            value = counters.get(referenced, shown.start)
            number_format = "decimal" if level.legal else shown.number_format
            return format_number(value, number_format)

        text = _PLACEHOLDER.sub(placeholder, level.text)
        return Printed(text, SUFFIXES.get(level.suffix, " ") if text else "", False)
