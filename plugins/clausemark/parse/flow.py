"""The units of the whole document in reading order, repaired before structure is read:
plain-title contents lists, numbers alone on their line, compound numbers, bare letters,
quoted provisions."""

from __future__ import annotations

import re
from typing import TypeGuard

from ..model.document import Table
from ..numbering.styles import CLAUSE_STYLES, read_number, roman_value, token_of
from .initials import initials_as_text
from .metadata import council_name, is_doc_control_label
from .shapes import _ends_open, is_heading_text
from .units import ChunkResult, Unit, _container_heading, _number_only, split_number

_UNNUMBERED_GAP = 2  # a lead-in's own unnumbered lines between its items keep the run


_FIRST = ("a", "A")  # a run of bare letters starts at a (or, R17, at a capital A)


def _accept_bare_letters(units: list[Unit]) -> None:
    """'a Items are taken in order' is item a only when 'b', 'c' ... follow it in turn;
    'i to move …', 'ii to make …' are items i, ii only in a run i, ii, iii. Items of
    another style between letters ('i.', 'ii.' or bare romans under c) do not break the
    letter run; 'i' after 'h' is the letter, else the first roman."""
    initials_as_text(units)  # "P. Baxter objected": an initial, not item P (R17)
    run: list[Unit] = []
    romans: list[Unit] = []

    held: list[bool] = [False]  # a run of romans was kept under the letter run's last
    # a run a, b, c ... was kept: later bare letters going up may skip letters (an
    # extract printing b, d, f of a list)
    kept: list[bool] = [False]

    def settle():
        if len(run) >= 2 or (len(run) == 1 and run[0].number == "a" and held[0]):
            for unit in run:  # a lone "a" over its i, ii, iii is an item too
                unit.styles = ("letter",)
            kept[0] = kept[0] or run[0].number in ("a", "A")
        run.clear()
        held[0] = False

    def settle_romans():
        if len(romans) >= 2:
            for unit in romans:
                unit.styles = ("roman",)
            held[0] = held[0] or bool(run)
        romans.clear()

    gap = 0  # unnumbered paragraphs since the last bare letter or roman
    for index, unit in enumerate(units):
        if "bare-letter" in unit.styles or "bare-roman" in unit.styles:
            gap = 0
            previous = run[-1].number if run else None
            if unit.number in _FIRST and previous and _run_resumes(units, index, previous):
                continue  # "a specification for …" inside c's list, d after it: text
            last = roman_value(romans[-1].number or "") if romans else None
            if "bare-roman" in unit.styles and last and roman_value(unit.number or "") == last + 1:
                romans.append(unit)
                continue
            after = chr(ord(previous) + 1) if previous else None
            letter = "bare-letter" in unit.styles and after is not None
            if letter and (unit.number == after or _skips(kept, previous, unit)):
                settle_romans()
                run.append(unit)
                continue
            if "bare-roman" in unit.styles and unit.number == "i":
                settle_romans()
                romans.append(unit)
                continue
            settle_romans()
            settle()
            if unit.number in _FIRST or _skips(kept, "", unit):
                run.append(unit)
            continue
        if unit.number and not set(unit.styles) & CLAUSE_STYLES:
            continue
        if not unit.number and not unit.md_level and gap < _UNNUMBERED_GAP:
            gap += 1  # "… except:" / "to amend the motion;" / "i to proceed …"
            continue
        settle_romans()
        settle()
    settle_romans()
    settle()
    for unit in units:
        if "bare-letter" in unit.styles or "bare-roman" in unit.styles:
            unit.text = f"{unit.number} {unit.text}"
            unit.number, unit.styles = None, ()


def _skips(kept: list[bool], previous: str | None, unit: Unit) -> bool:
    """'d' after 'b' where a whole run a, b, c ... was kept before: an extract's letters."""
    # 'i' after 'd': the first roman under d; '- i any ...': a bulleted roman
    roman = "bare-roman" in unit.styles or unit.number in ("i", "v", "x") or bool(unit.bullet)
    return kept[0] and not roman and previous is not None and (unit.number or "") > previous


_RESUME_LOOK = 40  # units after a bare "a" where the open letter run may go on


def _run_resumes(units: list[Unit], index: int, previous: str) -> bool:
    """Whether the letter after `previous` comes later, before any other bare letter
    (romans and text between): then a bare "a" inside the run is a word, not item a."""
    wanted = chr(ord(previous) + 1)
    for unit in units[index + 1 : index + 1 + _RESUME_LOOK]:
        if "bare-letter" not in unit.styles or "bare-roman" in unit.styles:
            if unit.number and set(unit.styles) & CLAUSE_STYLES:
                return False  # the next section: the run is over
            continue
        return unit.number == wanted
    return False


_LOOK_AROUND = 60  # units either side of an "i." that may settle which it is


def _shape(unit: Unit) -> tuple[str, str] | None:
    """(the number with its token blanked, the token): "(h)" -> ("(#)", "h")."""
    if not unit.number or unit.md_level:
        return None
    token = token_of(unit.number)
    return unit.number.replace(token, "#", 1), token


def settle_letter_i(units: list[Unit]) -> None:
    """ "i." (or "(i)", "i)") is the ninth letter after "h." when "j." of the same shape is
    the next number of that shape, and the first roman when "ii." is: the numbers around
    it say which, where the number alone cannot."""
    candidates = [
        index
        for index, unit in enumerate(units)
        if unit.number is not None and ("i" in unit.number or "I" in unit.number)
    ]
    for index in candidates:
        unit = units[index]
        if "roman" not in unit.styles or "letter" not in unit.styles:
            continue
        shape = _shape(unit)
        if shape is None or shape[1].lower() != "i":
            continue
        before = _same_shape(units, shape[0], range(index - 1, index - _LOOK_AROUND, -1))
        after = _same_shape(units, shape[0], range(index + 1, index + _LOOK_AROUND))
        if after is None:
            continue
        letter = "h" if shape[1] == "i" else "H"
        if before == letter and after == chr(ord(letter) + 2):
            unit.styles = ("letter",)
        elif after == shape[1] * 2:
            unit.styles = ("roman",)


def _same_shape(units: list[Unit], blank: str, positions: range) -> str | None:
    """The token of the nearest number printed in the same shape, looking along `positions`."""
    for position in positions:
        if not 0 <= position < len(units):
            return None
        shape = _shape(units[position])
        if shape is not None and shape[0] == blank:
            return shape[1]
    return None


def join_container_titles(flow: list) -> list:
    """'SCHEDULE 1' and 'DISCLOSABLE INTERESTS' as two paragraphs (Word, a web page, a
    text with a blank line between): one heading, the schedule and its title, as when
    the two lines stand together. Before any other line (a council's name aside) the
    two are the document's label and title, read as such."""
    joins = [
        index + 1
        for index, item in enumerate(flow[:-1])
        if type(item) is Unit
        and item.text[:1] in _LABEL_INITIALS
        and _bare_container(item)
        and _titles(flow, index + 1)
    ]
    if not joins:
        return flow
    begins = next((i for i, item in enumerate(flow) if _begins_text(item)), len(flow))
    gone: set[int] = set()
    for index in joins:
        label = flow[index - 1]
        if index - 1 <= begins or index - 1 in gone:
            continue
        label.text = f"{label.text} {flow[index].text}"
        label.joined_lines += [flow[index].line, *flow[index].joined_lines]
        gone.add(index)
    return [item for index, item in enumerate(flow) if index not in gone]


def _titles(flow: list, index: int) -> bool:
    """Whether the paragraph at `index` is the title of the bare label above it:
    "INTERPRETATION" in capitals, or a title over numbered text ("Introduction" over
    "Scope" and text is the first of the schedule's cross-headings)."""
    item = flow[index]
    if not isinstance(item, Unit) or not _title_line(item, flow[index - 1].md_level):
        return False
    following = flow[index + 1] if index + 1 < len(flow) else None
    return item.text.isupper() or (isinstance(following, Unit) and following.number is not None)


def join_control_rows(flow: list) -> list:
    """'Version: 4', 'Adopted: 14 May 2025', 'Next review: May 2026' a paragraph each (Word,
    a web page): one table of document control, as when the lines stand together."""
    if Table not in map(type, flow):
        return flow
    result: list = []
    for item in flow:
        previous = result[-1] if result else None
        if not isinstance(item, Table) and not isinstance(previous, Table):
            result.append(item)
            continue
        if _control_rows(item) and _control_rows(previous, captioned=True):
            previous.rows = [*previous.rows, *item.rows]
            continue
        if _control_rows(previous, True) and isinstance(item, Unit) and (row := _naming_row(item)):
            previous.rows = [*previous.rows, row]  # "Document owner: The Clerk" among them
            continue
        if (
            _control_rows(item)
            and isinstance(previous, Unit)
            and _CONTROL_CAPTION.match(previous.text)
        ):
            result[-1] = item  # "Document control" over them: their caption
            item.caption = previous.text.strip()
            continue
        result.append(item)
    return result


_CONTROL_CAPTION = re.compile(
    r"^(?:document|version|policy)\s+(?:control|history|information|details)$", re.I
)
_NAMING_ROW = re.compile(r"^(?P<label>[A-Z][A-Za-z ]{1,30}?):[ \t]*(?P<value>\S.{0,80})$")


def _naming_row(unit: Unit) -> list[str] | None:
    """'Document owner: The Clerk' as its own paragraph right after control rows."""
    if unit.number or unit.bullet or unit.md_level or unit.listed:
        return None
    match = _NAMING_ROW.match(unit.text.strip())
    if match is None or not is_doc_control_label(match.group("label")):
        return None
    return [f"{match.group('label')}:", match.group("value")]


def _control_rows(item: object, captioned: bool = False) -> TypeGuard[Table]:
    return (
        isinstance(item, Table)
        and (captioned or item.caption is None)
        and not any(item.header)
        and all(len(row) == 2 and is_doc_control_label(row[0]) for row in item.rows)
    )


def _begins_text(item: object) -> bool:
    """A table, a numbered line, or a line that is neither a label nor a council's name."""
    if not isinstance(item, Unit) or item.number is not None:
        return True
    return _container_heading(item.text) is None and council_name(item.text, whole=True) is None


_LABEL_INITIALS = frozenset("SsAaPpCcRr*_<")  # schedule, appendix, part, chapter, rule ...


def _bare_container(unit: object) -> bool:
    if type(unit) is not Unit or unit.number or unit.bullet or unit.listed:
        return False
    if unit.text[:1] not in _LABEL_INITIALS:
        return False
    found = _container_heading(unit.text)
    return found is not None and not found.rest


def _title_line(unit: Unit, level: int | None) -> bool:
    """A heading in words, numbered by nothing, no deeper a heading than `level`'s line."""
    higher = unit.md_level is not None and unit.md_level < (level or 0)
    if unit.number or unit.bullet or unit.listed or higher:
        return False
    text = unit.text
    if not is_heading_text(text) or _ends_open(text) or read_number(text) is not None:
        return False
    return _container_heading(text) is None


def _in_order(result: ChunkResult) -> list[Unit | Table]:
    """A chunk's units with its tables put back where they stood."""
    before: dict[int, list[Table]] = {}
    for position, table in result.tables:
        before.setdefault(position, []).append(table)
    ordered: list[Unit | Table] = []
    for position, unit in enumerate(result.units):
        ordered += before.pop(position, [])
        ordered.append(unit)
    for position in sorted(before):
        ordered += before[position]
    return ordered


def _split_compound(units: list) -> list:
    """'2.—(1) The council ...' and '3:2 a) The mover ...': a clause whose first sub-clause
    starts on its line. The clause keeps no text of its own; the sub-clause carries it."""
    result: list[Unit] = []
    for unit in units:
        result.append(unit)
        if not isinstance(unit, Unit) or not unit.number or unit.md_level:
            continue
        if not set(unit.styles) & CLAUSE_STYLES and not _bracketed(unit.number, unit.text):
            continue
        inner = read_number(unit.text)
        if inner is None or set(inner.styles) & CLAUSE_STYLES or not inner.rest:
            continue
        child = Unit(unit.line, unit.indent + 1, inner.rest, number=inner.number)
        child.styles, child.joined_lines = inner.styles, unit.joined_lines
        unit.text, unit.joined_lines = "", []
        result.append(child)
    return result


def _bracketed(number: str, text: str) -> bool:
    """'(3) (a) Persons ...': a bracketed clause whose first bracketed item starts on its
    line (lead ruling R32: the (a) is clause 3's own item and carries the text)."""
    return number[:1] == "(" and text[:4] == "(a) "


_RUN_ON_DECIMAL = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*\.)(\d{1,3})(\.?)$")


def _split_run_on(units: list) -> list:
    """'... personal conduct. 1.3    The Protocol must ...': the next clause's number
    after a full stop, then a run of spaces and a capital, inside the clause before it (a
    web copy that lost a paragraph break): two clauses. Only the number that comes next
    (1.3 after 1.2) is looked for, so a number cited in a sentence stays in it."""
    result: list = []
    for unit in units:
        result.append(unit)
        while isinstance(unit, Unit) and unit.number and not unit.md_level and "  " in unit.text:
            found = _RUN_ON_DECIMAL.match(unit.number.strip())
            if found is None:
                break
            following = f"{found.group(1)}{int(found.group(2)) + 1}{found.group(3)}"
            cut = _run_on_at(unit.text, following)
            if cut is None:
                break
            rest = unit.text[cut + len(following) :]
            unit.text = unit.text[:cut].rstrip()
            child = Unit(unit.line, unit.indent, rest.strip(), number=following)
            child.styles = unit.styles
            result.append(child)
            unit = child
    return result


def _run_on_at(text: str, number: str) -> int | None:
    start = text.find(number)
    while start > 0:
        end = start + len(number)
        before, after = text[max(0, start - 2) : start], text[end : end + 12]
        if (
            before[-1:] == " "
            and before[:1] in ".;:"
            and after[:2] == "  "
            and after.lstrip()[:1].isupper()
        ):
            return start
        start = text.find(number, end)
    return None


_QUOTED_FIRST = re.compile(r"^([“\"‘])\s*(?=\d{1,3}(?:\.\d{1,3})+\s)")


def quoted_report(flow: list) -> list:
    """'The Committee considered the report:' then '“1.0  Background', '1.1 ...': a report
    quoted whole, its opening quote before its first number. With no clause numbered
    before it (no clause quoting a provision, as an amending text's '4. ... insert— “5A.'
    is), the number is read and its quote mark stays, before the words."""
    for item in flow:
        if not isinstance(item, Unit) or item.md_level:
            continue
        if item.number:
            return flow  # a clause before it: a quote after that may be a quoted provision
        found = _QUOTED_FIRST.match(item.text) if item.text[:1] in _QUOTE_CHARS else None
        if found is None:
            continue
        number, styles, rest = split_number(item.text[found.end() :], item.bullet)
        if number and "decimal" in styles:
            item.number, item.styles, item.text = number, styles, f"{found.group(1)}{rest}"
        return flow
    return flow


def _number_apart(unit: Unit) -> bool:
    """'1.0' or '2.1' alone in its chunk: the reader took its number already, and left no
    text (a report prints '1.0', a blank line, then 'PURPOSE OF REPORT')."""
    return bool(unit.number) and not unit.text and unit.alone and not unit.md_level


def _join_number_only(flow: list) -> list:
    """A number alone on its line, then a blank line, then its text: one unit."""
    result: list = []
    for item in flow:
        previous = result[-1] if result else None
        if (
            isinstance(item, Unit)
            and isinstance(previous, Unit)
            and (
                _number_apart(previous) or (previous.number is None and _number_only(previous.text))
            )
            and item.number is None
            and not item.md_level
            and not item.bullet
        ):
            if previous.number is None and previous.text.isascii() and previous.text.isdigit():
                previous.number, previous.styles = previous.text, ("integer-bare",)  # (R33)
                previous.text = ""
            previous.text = f"{previous.text} {item.text}" if previous.text else item.text
            previous.joined_lines += [item.line, *item.joined_lines]
            previous.titled_apart = previous.alone and item.alone
            previous.alone = False
            continue
        if _statutory_apart(previous, item):  # '1.' alone over '(1)' alone (R44)
            number, styles, _rest = split_number(f"{previous.text.strip()} X", False)
            previous.number, previous.styles, previous.text = number, styles, ""
        result.append(item)
    return result


def _statutory_apart(previous: object, item: object) -> TypeGuard[Unit]:
    """'1.' alone, then '(1)' alone over its paragraph: the statutory form '1.(1)' printed a
    token a line (lead ruling R44, session 15): clause 1, empty, whose subparagraph (1)
    carries the words; never '1.' as a line of text."""
    return (
        isinstance(previous, Unit)
        and isinstance(item, Unit)
        and previous.number is None
        and item.number is not None
        and item.styles[:1] == ("paren-integer",)
        and item.number.strip("()") == "1"
        and _number_only(previous.text)
        and previous.text.strip()[-1:] == "."
        and previous.text.strip()[:-1].isdigit()
    )


_QUOTED_NUMBER = re.compile(r"[“\"‘]\s*(?=\(?\d{1,3}[A-Z]?[).:\s]|\([a-z]{1,4}\)|\d{1,3}\.\d)")


_QUOTE_CHARS = frozenset('“"‘')


def quote_in(text: str) -> bool:
    """Whether `text` holds an opening quote: three scans in C, where a set of the line's
    characters (built for every line) cost a Python object per character."""
    return '"' in text or "“" in text or "‘" in text


_CLOSING_QUOTE = re.compile(r"[”’]|\"(?=\W*$)")


def _quote_opens(text: str) -> bool:
    """Whether a quoted provision ("insert— “(2A) ...") starts in `text` and runs on."""
    starts = [found.end() for found in _QUOTED_NUMBER.finditer(text)]
    return bool(starts) and not _CLOSING_QUOTE.search(text, starts[-1])
