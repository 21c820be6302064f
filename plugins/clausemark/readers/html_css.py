"""A web page's list numbers drawn by its stylesheet: `list-style-type` (or `list-style`)
set in a <style> block or a `style` attribute gives the marker a browser shows
(lower-alpha, upper-roman, none ...), for ordinary selectors: element, .class, #id,
[attribute], and descendant or child combinations ('ol ol', 'ol > li', 'ol.x li').

The stylesheet is parsed by tinycss2 and each selector by cssselect (both well kept,
pure Python). Matching is this module's: each element's matched selector prefixes are
worked out once, as it opens, from its parent's (`CssState`), so the cost per element is
the number of selector parts that name its tag, id or classes, never a walk up the page.
A selector using anything else (:first-child, ::marker, siblings) is left out: the
list keeps what its HTML says. A rule of another property changes nothing. Sizes are
bounded (support/limits.py: the stylesheet's characters, the rules and their parts).

The cascade, as a browser applies it to the list style: `!important` first, then the
`style` attribute, then the most specific selector, then the later rule; an `<ol type>`
counts below any rule (a presentational hint). An <ol>/<ul> never inherits its parent's
style (a browser's own sheet gives each its own); an <li> does inherit its list's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import cssselect
import tinycss2

from ..support.limits import most
from .word_numbering import format_number

LIST_TYPES = {
    "decimal": "decimal", "decimal-leading-zero": "decimalZero", "lower-alpha": "lowerLetter",
    "lower-latin": "lowerLetter", "upper-alpha": "upperLetter", "upper-latin": "upperLetter",
    "lower-roman": "lowerRoman", "upper-roman": "upperRoman", "none": "none",
    "disc": "bullet", "circle": "bullet", "square": "bullet",
    "disclosure-open": "bullet", "disclosure-closed": "bullet",
}  # fmt: skip
_ROMAN = frozenset({"lowerRoman", "upperRoman"})


def css_number(value: int, kind: str) -> str:
    """A list number as a browser draws it: CSS's roman styles run from 1 to 3,999 and
    fall back to decimal outside that range (Chromium shows "4000." after "MMMCMXCIX.")."""
    return format_number(value, "decimal" if kind in _ROMAN and not 0 < value < 4000 else kind)


@dataclass(frozen=True)
class _Compound:
    """One part of a selector: 'ol.x', '#main', 'li[type=a]', '*'."""

    tag: str  # "*" for any
    ident: str = ""
    classes: frozenset[str] = frozenset()
    attributes: tuple[tuple[str, str | None], ...] = ()  # (name, value) with '=', or exists

    def matches(self, tag: str, attrs: dict[str, str], classes: frozenset[str]) -> bool:
        return (
            (self.tag == "*" or self.tag == tag)
            and (not self.ident or attrs.get("id") == self.ident)
            and self.classes <= classes
            and all(
                name in attrs and (value is None or _same_value(name, attrs[name], value))
                for name, value in self.attributes
            )
        )


# Attributes whose values a browser's selectors match in any case (HTML's list, the ones
# a page of lists uses): ol[type="a"] matches <ol type="A">, as Chromium does.
_CASELESS = frozenset({"type", "dir", "lang", "align", "valign", "compact"})


def _same_value(name: str, found: str, wanted: str) -> bool:
    return found.lower() == wanted.lower() if name in _CASELESS else found == wanted


@dataclass(frozen=True)
class _Rule:
    parts: tuple[_Compound, ...]  # left to right
    child: tuple[bool, ...]  # before each part after the first: '>' (True) or ' '
    rank: tuple[int, ...]  # !important, inline, the selector's specificity (3), order
    prop: str  # "list-style", a counter property, or "content" (of ::before)
    value: Any  # the list style's name, or the declaration's tokens


def _compound(tree) -> _Compound | None:
    """A cssselect compound as the parts this module matches; None when it uses more."""
    classes: set[str] = set()
    ident = ""
    attributes: list[tuple[str, str | None]] = []
    while not isinstance(tree, cssselect.parser.Element):
        if isinstance(tree, cssselect.parser.Class):
            classes.add(tree.class_name)
        elif isinstance(tree, cssselect.parser.Hash):
            ident = tree.id
        elif isinstance(tree, cssselect.parser.Attrib) and tree.operator in ("exists", "="):
            value = None if tree.operator == "exists" else tree.value.value  # type: ignore[union-attr]
            attributes.append((tree.attrib.lower(), value))
        else:
            return None  # :first-child, :not(), ~ ...: left out
        tree = tree.selector
    return _Compound((tree.element or "*").lower(), ident, frozenset(classes), tuple(attributes))


def _chain(tree) -> tuple[list[_Compound], list[bool]] | None:
    parts: list[_Compound] = []
    child: list[bool] = []
    while isinstance(tree, cssselect.parser.CombinedSelector):
        if tree.combinator not in (" ", ">"):
            return None  # '+', '~': left out
        part = _compound(tree.subselector)
        if part is None:
            return None
        parts.append(part)
        child.append(tree.combinator == ">")
        tree = tree.selector
    part = _compound(tree)
    if part is None or len(parts) + 1 > most("css_selector_parts"):
        return None
    parts.append(part)
    return parts[::-1], child[::-1]


COUNTER_PROPS = ("counter-reset", "counter-set", "counter-increment")
# The same set in a ::before rule ('li::before { counter-increment: item; content:
# counters(item, ".") }', as common as on the li itself): our names for them, so that
# the cascade keeps them apart from the element's own
BEFORE_PROPS = {prop: f"::before {prop}" for prop in COUNTER_PROPS}


def declarations(tokens, before: bool = False) -> dict[str, tuple[Any, bool]]:
    """What a declaration list sets that a list's numbers depend on: prop -> (value,
    !important). The list style by our name; the counter properties' tokens; for a
    ::before rule, only its `content` (the counters it shows: html_counters.py) and its
    counter properties (by their names in BEFORE_PROPS)."""
    found: dict[str, tuple[Any, bool]] = {}
    for declaration in tinycss2.parse_blocks_contents(tokens, True, True):
        if declaration.type != "declaration":
            continue
        name = declaration.lower_name
        if before:
            if name == "content" or name in BEFORE_PROPS:
                found[BEFORE_PROPS.get(name, name)] = (declaration.value, declaration.important)
            continue
        if name in COUNTER_PROPS:
            found[name] = (declaration.value, declaration.important)
        if name not in ("list-style-type", "list-style"):
            continue
        words = [t.lower_value for t in declaration.value if t.type == "ident"]
        kinds = [LIST_TYPES[word] for word in words if word in LIST_TYPES]
        if name == "list-style" and not kinds and "none" in words:
            kinds = ["none"]
        if kinds:
            found["list-style"] = (kinds[0], declaration.important)
    return found


def inline_style(text: str) -> tuple[str, bool] | None:
    """A `style` attribute's list style."""
    if "list-style" not in text.lower():
        return None
    tokens = tinycss2.parse_component_value_list(text[: most("css_characters")])
    return declarations(tokens).get("list-style")


@dataclass
class Stylesheet:
    rules: list[_Rule] = field(default_factory=list)
    by_key: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # key -> (rule, part)
    cut: bool = False  # the sheet ran past a limit: read up to it

    def keys(self, part: _Compound) -> str:
        if part.ident:
            return f"#{part.ident}"
        if part.classes:
            return f".{min(part.classes)}"
        return part.tag


def _qualified_rules(text: str):
    for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            yield rule
        elif rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content:
            query = tinycss2.serialize(rule.prelude).lower()
            if "print" not in query or "screen" in query:
                for inner in tinycss2.parse_rule_list(rule.content, True, True):
                    if inner.type == "qualified-rule":
                        yield inner


def read_stylesheet(text: str) -> Stylesheet:
    """The rules of a page's <style> blocks (joined), in order, that set list styles,
    counters, or a ::before's content."""
    sheet = Stylesheet(cut=len(text) > most("css_characters"))
    lowered = text.lower()
    if "list-style" not in lowered and "counter" not in lowered:
        return sheet
    for order, rule in enumerate(_qualified_rules(text[: most("css_characters")])):
        if not declarations(rule.content) and not declarations(rule.content, True):
            continue
        prelude = tinycss2.serialize(rule.prelude)
        if len(prelude) > most("css_selector_characters"):
            sheet.cut = True
            continue
        try:
            selectors = cssselect.parse(prelude)
        except (cssselect.SelectorError, ValueError, RecursionError):
            continue  # a selector no browser reads either
        for selector in selectors:
            before = selector.pseudo_element == "before"
            if selector.pseudo_element and not before:
                continue  # ::marker, ::after ...: left out
            chain = _chain(selector.parsed_tree)
            found = declarations(rule.content, before)
            if chain is None or not found:
                continue
            if len(sheet.rules) + len(found) > most("css_rules"):
                sheet.cut = True
                return sheet
            a, b, c = selector.specificity()
            parts, child = chain
            for prop, (value, important) in found.items():
                index = len(sheet.rules)
                rank = (int(important), 0, a, b, c, order)
                sheet.rules.append(_Rule(tuple(parts), tuple(child), rank, prop, value))
                for position, part in enumerate(parts):
                    sheet.by_key.setdefault(sheet.keys(part), []).append((index, position))
    return sheet


@dataclass(frozen=True)
class CssState:
    """What an open element has matched: the selector prefixes (rule, part) that end at it
    (`reach`) and at it or any element it is inside (`inside`)."""

    reach: frozenset[tuple[int, int]] = frozenset()
    inside: frozenset[tuple[int, int]] = frozenset()


NO_STATE = CssState()


Found = dict[str, tuple[tuple[int, ...], Any]]  # prop -> (rank, value) of the best rule


def element_state(
    sheet: Stylesheet, parent: CssState, tag: str, attrs: dict[str, str]
) -> tuple[CssState, Found]:
    """An element's state under its parent's, and for each property the best rule that
    matches it whole: (rank, value)."""
    if not sheet.rules:
        return NO_STATE, {}
    classes = frozenset(attrs.get("class", "").split()[:64])
    keys = [tag, "*", f"#{attrs['id']}" if attrs.get("id") else "", *(f".{c}" for c in classes)]
    reach: set[tuple[int, int]] = set()
    best: Found = {}
    for key in keys:
        for index, position in sheet.by_key.get(key, ()):
            rule = sheet.rules[index]
            if (index, position) in reach or not rule.parts[position].matches(tag, attrs, classes):
                continue
            if position:
                held = parent.reach if rule.child[position - 1] else parent.inside
                if (index, position - 1) not in held:
                    continue
            reach.add((index, position))
            held_best = best.get(rule.prop)
            if position == len(rule.parts) - 1 and (held_best is None or rule.rank > held_best[0]):
                best[rule.prop] = (rule.rank, rule.value)
    if not reach:  # nothing ends here: what it is inside is its parent's
        return (parent if not parent.reach else CssState(frozenset(), parent.inside)), best
    found = frozenset(reach)
    return CssState(found, parent.inside | found), best


def style_blocks(text: str) -> str:
    """The text of the page's <style> blocks, joined (one pass: each block is searched
    for its end once, and the search goes on from there)."""
    if "<style" not in text and "<STYLE" not in text:
        return ""
    lowered = text.lower()
    found: list[str] = []
    start = lowered.find("<style")
    while start >= 0:
        opened = lowered.find(">", start)
        end = lowered.find("</style", opened) if opened >= 0 else -1
        if end < 0:
            break
        found.append(text[opened + 1 : end])
        start = lowered.find("<style", end)
    return "\n".join(found)


# the warning when the page passes these limits
SHEET_CUT = (
    f"the page's stylesheets are read up to {most('css_characters'):,} characters and "
    f"{most('css_rules')} list-style rules, selectors up to "
    f"{most('css_selector_characters'):,} characters; list numbers set by other rules "
    "are not shown"
)
