"""Random web pages whose lists are styled by a stylesheet, `type` attributes and
`style` attributes, to compare the HTML reader's markers with the style Chromium
computes for each <li> (tests/browser/test_list_styles_chromium.py)."""

from __future__ import annotations

import random
import re

TYPES = ["decimal", "lower-alpha", "upper-alpha", "lower-roman", "upper-roman", "none"]
# Chromium's computed list-style-type -> the marker's kind as the reader writes it
KINDS = {"decimal": "1", "lower-alpha": "a", "upper-alpha": "A", "lower-roman": "i"}
KINDS |= {"upper-roman": "I", "none": "", "disc": "-", "circle": "-", "square": "-"}
_CLASSES = ["x", "y", "z"]
_IDS = ["m", "n"]


def _compound(rng: random.Random) -> str:
    text = rng.choice(["ol", "li", "div", "ul", "*", ""])
    if rng.random() < 0.4 or not text:
        text += "." + rng.choice(_CLASSES)
    if rng.random() < 0.15:
        text += "#" + rng.choice(_IDS)
    return text


def _selector(rng: random.Random) -> str:
    chain = [_compound(rng)]
    for _ in range(rng.randint(0, 2)):
        chain += [rng.choice([" ", " > "]), _compound(rng)]
    return "".join(chain)


def _attrs(rng: random.Random, tag: str) -> str:
    out = ""
    if rng.random() < 0.4:
        out += f' class="{" ".join(rng.sample(_CLASSES, rng.randint(1, 2)))}"'
    if rng.random() < 0.1:
        out += f' id="{rng.choice(_IDS)}"'
    if tag == "ol" and rng.random() < 0.2:
        out += f' type="{rng.choice(["a", "A", "i", "I", "1"])}"'
    if rng.random() < 0.1:
        out += f' style="list-style-type: {rng.choice(TYPES)}"'
    return out


def random_page(rng: random.Random) -> str:
    """A page of one to six list-style rules over nested lists; items named item1 ..."""
    rules = []
    for _ in range(rng.randint(1, 6)):
        prop, value = rng.choice(["list-style-type", "list-style"]), rng.choice(TYPES)
        if prop == "list-style" and rng.random() < 0.5:
            value = rng.choice([f"{value} inside", f"outside {value}"])
        important = " !important" if rng.random() < 0.1 else ""
        rules.append(f"{_selector(rng)} {{ {prop}: {value}{important} }}")
    count = [0]

    def lists(depth: int) -> str:
        tag = rng.choice(["ol", "ol", "ol", "ul"])
        items = []
        for _ in range(rng.randint(1, 3)):
            count[0] += 1
            label = f"item{count[0]}"
            inner = lists(depth + 1) if depth < 2 and rng.random() < 0.5 else ""
            items.append(f"<li{_attrs(rng, 'li')}>{label} {inner}</li>")
        body = f"<{tag}{_attrs(rng, tag)}>{''.join(items)}</{tag}>"
        return f"<div{_attrs(rng, 'div')}>{body}</div>" if rng.random() < 0.3 else body

    style = " ".join(rules)
    return f"<html><head><style>{style}</style></head><body>{lists(0)}{lists(0)}</body></html>"


_ITEM = re.compile(r"^\s*(?:(\S+)\.|(-))?\s*(item\d+)")


def reader_markers(text: str) -> dict[str, str]:
    """item name -> the marker the reader wrote before it ('' for none)."""
    found = {}
    for line in text.split("\n"):
        match = _ITEM.match(line)
        if match:
            found[match.group(3)] = match.group(1) or match.group(2) or ""
    return found


def agrees(style: str, marker: str) -> bool:
    """Whether a marker is of the kind of Chromium's computed style ('C' is a letter,
    or a Roman hundred)."""
    want = KINDS.get(style, "?")
    if marker in ("", "-") or marker.isdigit():
        return want == (marker if not marker.isdigit() else "1")
    if re.fullmatch(r"[ivxlcdm]+", marker):
        return want == "i" or (len(marker) == 1 and want == "a")
    if re.fullmatch(r"[IVXLCDM]+", marker):
        return want == "I" or (len(marker) == 1 and want == "A")
    return want == ("a" if marker.islower() else "A")
