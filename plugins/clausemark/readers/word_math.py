"""Word's equations (Office Math, `m:oMath`), read as the words and signs they show:
every `m:t` kept, in order, a fraction as "numerator/denominator" (in brackets where
either has more than one character), a power as "base^exponent", a root as "√(...)",
brackets (`m:d`) with the characters they draw. Before, an equation's text was dropped
with no word said ("the quorum is members"), which the nothing-lost proof could not see."""

from __future__ import annotations

M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MATH = {f"{M}oMath", f"{M}oMathPara"}
_TEXT, _FRACTION, _NUM, _DEN = f"{M}t", f"{M}f", f"{M}num", f"{M}den"
_SUP, _SUB, _BASE, _UPPER, _LOWER = f"{M}sSup", f"{M}sSub", f"{M}e", f"{M}sup", f"{M}sub"
_ROOT, _DEGREE, _DELIMITER, _DELIMITER_PR = f"{M}rad", f"{M}deg", f"{M}d", f"{M}dPr"
_VAL = f"{M}val"
# properties: hold no text
_PROPERTIES = {
    f"{M}{n}" for n in ("rPr", "fPr", "sSupPr", "sSubPr", "radPr", "ctrlPr", "oMathParaPr")
}


def math_text(element) -> str:
    """The equation's text, one line (see the module)."""
    tag = element.tag
    if tag == _TEXT:
        return element.text or ""
    if tag in _PROPERTIES or tag == _DELIMITER_PR or not isinstance(tag, str):
        return ""
    if tag == _FRACTION:
        return f"{_grouped(_part(element, _NUM))}/{_grouped(_part(element, _DEN))}"
    if tag == _SUP:
        return f"{_part(element, _BASE)}^{_grouped(_part(element, _UPPER))}"
    if tag == _SUB:
        return f"{_part(element, _BASE)}{_part(element, _LOWER)}"
    if tag == _ROOT:
        degree = _part(element, _DEGREE)
        return f"{degree}√({_part(element, _BASE)})"
    if tag == _DELIMITER:
        opening, closing = _delimiters(element)
        inner = ", ".join(math_text(e) for e in element if e.tag == _BASE)
        return f"{opening}{inner}{closing}"
    return "".join(math_text(child) for child in element)


def _part(element, tag: str) -> str:
    return "".join(math_text(child) for child in element if child.tag == tag)


def _grouped(text: str) -> str:
    return text if len(text.strip()) <= 1 else f"({text})"


def _delimiters(element) -> tuple[str, str]:
    opening, closing = "(", ")"
    for props in element:
        if props.tag == _DELIMITER_PR:
            for prop in props:
                if prop.tag == f"{M}begChr":
                    opening = prop.get(_VAL, opening)
                elif prop.tag == f"{M}endChr":
                    closing = prop.get(_VAL, closing)
    return opening, closing
