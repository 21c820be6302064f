"""The properties issue 18's PDF done-when names, each judged on its own: a print's model
(council_pdfs.shape) against the model of the same words in a .txt file.

A whole-model diff says that a print differs; these say how, so a table of prints by
property shows which kind of fault is left: the title, the clause and section numbers
in order, each clause's parent, the tables (kind, header, rows), every word in order
(emphasis marks set aside), bold and italic (the emphasised words in order), no clause
the text does not have (an invented clause), and the document-control fields.
"""

from __future__ import annotations

import re
from collections import Counter

PROPERTIES = ("title", "numbers", "parents", "tables", "words", "emphasis", "invented", "control")
_MARK = re.compile(r"(\*\*|\*)(.+?)\1")


def _words(item: tuple) -> list[str]:
    out: list[str] = []
    for part in item[1:]:
        if isinstance(part, str):
            out += part.replace("*", " ").split()
        elif isinstance(part, tuple):
            out += _words(("", *part))
    return out


def _emphasis(items: list[tuple]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for item in items:
        for part in item[1:]:
            text = part if isinstance(part, str) else repr(part)
            out += [(mark, " ".join(words.split())) for mark, words in _MARK.findall(text)]
    return out


def properties(want: list[tuple], got: list[tuple]) -> dict[str, bool]:
    """Each property of `got` (a print's shape) judged against `want` (its text's)."""

    def kinds(items: list[tuple], *names: str) -> list[tuple]:
        return [item for item in items if item[0] in names]

    def numbers(items: list[tuple]) -> list:
        return [item[1] for item in kinds(items, "clause", "section", "heading") if item[1]]

    clauses_want = Counter(item[1] for item in kinds(want, "clause"))
    clauses_got = Counter(item[1] for item in kinds(got, "clause"))
    return {
        "title": kinds(want, "title") == kinds(got, "title"),
        "numbers": numbers(want) == numbers(got),
        "parents": [i[1:3] for i in kinds(want, "clause")]
        == [i[1:3] for i in kinds(got, "clause")],
        "tables": kinds(want, "table") == kinds(got, "table"),
        "words": [w for i in want if i[0] != "control" for w in _words(i)]
        == [w for i in got if i[0] != "control" for w in _words(i)],
        "emphasis": _emphasis(want) == _emphasis(got),
        "invented": not clauses_got - clauses_want,
        "control": kinds(want, "control") == kinds(got, "control"),
    }


def table_lines(rows: dict[str, dict[str, bool]]) -> list[str]:
    """A fixed-width table: one line per print, a column per property (y or N)."""
    head = f"{'print':44} " + " ".join(f"{p[:8]:>8}" for p in PROPERTIES)
    lines = [head]
    for name, found in rows.items():
        marks = " ".join(f"{'y' if found[p] else 'N':>8}" for p in PROPERTIES)
        lines.append(f"{name:44} {marks}")
    held = " ".join(f"{sum(f[p] for f in rows.values()):>8}" for p in PROPERTIES)
    lines.append(f"{'held (of ' + str(len(rows)) + ')':44} {held}")
    return lines
