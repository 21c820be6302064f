"""Word's equations (Office Math, `m:oMath`), read as the words and signs they show:
every `m:t` kept, in order, a fraction as "numerator/denominator" (in brackets where
either has more than one character), a power as "base^exponent", an index as
"base_index" (both: "R_i^j"; before the base: "_i^j R"), a sum, product or integral
(`m:nary`) with its sign and limits ("∑_(i=1)^n x"), a limit below or above
("lim_(n→∞)"), a function apart from its argument ("sin x"), an accent as a combining
mark over its base ("x̂"), a matrix's rows and cells apart ("[a, b; c, d]"), the rows
of an equation array apart ("a=b; c=d"), a root as "√(...)",
brackets (`m:d`) with the characters they draw: the plain-text forms of Unicode
Technical Note 28 (UnicodeMath), so that an index is never run into its base ("wi" for
w with index i). Before, an equation's text was dropped with no word said ("the quorum
is members"), which the nothing-lost proof could not see."""

from __future__ import annotations

M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MATH = {f"{M}oMath", f"{M}oMathPara"}
_TEXT, _FRACTION, _NUM, _DEN = f"{M}t", f"{M}f", f"{M}num", f"{M}den"
_SUP, _SUB, _BASE, _UPPER, _LOWER = f"{M}sSup", f"{M}sSub", f"{M}e", f"{M}sup", f"{M}sub"
_ROOT, _DEGREE, _DELIMITER, _DELIMITER_PR = f"{M}rad", f"{M}deg", f"{M}d", f"{M}dPr"
_VAL = f"{M}val"
_SUB_SUP, _PRE, _NARY, _NARY_PR, _CHR = (
    f"{M}sSubSup",
    f"{M}sPre",
    f"{M}nary",
    f"{M}naryPr",
    f"{M}chr",
)
_LIM_LOW, _LIM_UPP, _LIM, _EQ_ARRAY = f"{M}limLow", f"{M}limUpp", f"{M}lim", f"{M}eqArr"
INTEGRAL = "∫"  # an n-ary sign's default (ECMA-376 22.1.2.20)
_FUNC, _FNAME, _ACC, _ACC_PR = f"{M}func", f"{M}fName", f"{M}acc", f"{M}accPr"
_MATRIX, _MATRIX_ROW = f"{M}m", f"{M}mr"
CIRCUMFLEX = "\u0302"  # an accent's default (ECMA-376 22.1.2.20): a combining circumflex
# properties: hold no text
_PROPERTIES = {
    f"{M}{n}"
    for n in (
        *("rPr", "fPr", "sSupPr", "sSubPr", "radPr", "ctrlPr", "oMathParaPr", "sSubSupPr"),
        *("sPrePr", "naryPr", "limLowPr", "limUppPr", "eqArrPr", "funcPr", "accPr", "barPr"),
        *("mPr",),
    )
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
        return f"{_part(element, _BASE)}_{_grouped(_part(element, _LOWER))}"
    if tag == _SUB_SUP:
        return f"{_part(element, _BASE)}{_limits(element)}"
    if tag == _PRE:
        return f"{_limits(element)} {_part(element, _BASE)}"
    if tag == _NARY:
        return f"{_sign(element, _NARY_PR, INTEGRAL)}{_limits(element)} {_part(element, _BASE)}"
    if tag in (_LIM_LOW, _LIM_UPP):
        mark = "_" if tag == _LIM_LOW else "^"
        return f"{_part(element, _BASE)}{mark}{_grouped(_part(element, _LIM))}"
    if tag == _FUNC:  # "sin x", "f(x)": the name apart from what it applies to
        argument = _part(element, _BASE)
        gap = "" if argument.startswith(("(", "[", "{")) else " "
        return f"{_part(element, _FNAME)}{gap}{argument}"
    if tag == _ACC:  # the base with its accent over it, a combining mark
        return f"{_part(element, _BASE)}{_sign(element, _ACC_PR, CIRCUMFLEX)}"
    if tag == _MATRIX:  # rows apart, cells apart: "[a, b; c, d]"
        rows = (
            ", ".join(math_text(cell) for cell in row if cell.tag == _BASE)
            for row in element
            if row.tag == _MATRIX_ROW
        )
        return f"[{'; '.join(rows)}]"
    if tag == _EQ_ARRAY:
        return "; ".join(math_text(e) for e in element if e.tag == _BASE)
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


def _limits(element) -> str:
    """An index and an exponent ("_(i=1)^n"), each only when the element has it."""
    lower, upper = _part(element, _LOWER), _part(element, _UPPER)
    return (f"_{_grouped(lower)}" if lower else "") + (f"^{_grouped(upper)}" if upper else "")


def _sign(element, properties: str, default: str) -> str:
    """The character an n-ary operator or accent draws (its m:chr), else the default."""
    for props in element:
        if props.tag == properties:
            for prop in props:
                if prop.tag == _CHR:
                    return prop.get(_VAL) or default
    return default


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
