"""A changed table on a changes page (trial L6): its rows as rows, one line each, the
changed cell marked in its row, under the clause's own text. It was one run-together
paragraph ('Value band | Procedure Up to £4,999 | One quote £5,000 to ...')."""

from __future__ import annotations

import re

from clausemark.convert import convert_file
from clausemark.pages.document import document_pages
from clausemark.pages.versions import compare, paired_rows
from clausemark.versions.order import order_versions

RULES = (
    "Hall Hire Rules\n\n1. Charges\n\n1.1 The hire charges are:\n\n"
    "Session\tCharge\nMorning\t{morning}\nEvening\t£40\n{extra}\n1.2 Deposits are returned.\n"
)


def _change_page(tmp_path) -> str:
    old_path, new_path = tmp_path / "2025.txt", tmp_path / "2026.txt"
    old_path.write_text(RULES.format(morning="£25", extra=""), encoding="utf-8")
    new_path.write_text(RULES.format(morning="£30", extra="Weekend\t£60\n"), encoding="utf-8")
    versions = order_versions(
        [(convert_file(p, "hall"), str(p), p.stem) for p in (old_path, new_path)]
    )
    pair = compare("hall", "Hall Hire Rules", *versions)
    assert [c.status for c in pair.diff.changes if c.status != "unchanged"] == ["amended"]
    return document_pages("hall", versions).pages[pair.path]


def test_a_changed_table_is_shown_row_by_row_with_the_changed_cell_marked(tmp_path):
    page = _change_page(tmp_path)
    text = re.search(r'<p class="cm-redline" [^>]*>(.*?)</p>', page).group(1)
    assert text == "The hire charges are:"  # the clause's words, without its table
    block = re.search(r'<div class="cm-redline-rows"[^>]*>\n(.*?)\n</div>', page, re.S).group(1)
    rows = re.findall(r'<p class="cm-redline cm-redline-row">(.*?)</p>', block)
    marked = [
        re.sub(r"<ins>(.*?)</ins>", r"{+\1+}", re.sub(r"<del>(.*?)</del>", r"[-\1-]", row))
        for row in (re.sub(r'<span class="cm-sr">[^<]*</span>', "", r) for r in rows)
    ]
    assert marked == [
        "Session | Charge",
        "Morning | £[-25-]{+30+}",  # the changed cell marked in its row
        "Evening | £40",
        "{+Weekend | £60+}",
    ]


def test_rows_pair_in_one_pass():
    assert paired_rows(["a", "b", "c"], ["a", "B", "c"]) == [("a", "a"), ("b", "B"), ("c", "c")]
    assert paired_rows(["a", "c"], ["a", "b", "c"]) == [("a", "a"), ("", "b"), ("c", "c")]
    assert paired_rows(["a", "b", "c"], ["a"]) == [("a", "a"), ("b", ""), ("c", "")]
    assert paired_rows(["k | 1", "m | 2"], ["k | 3", "m | 2", "n | 4"]) == [
        ("k | 1", "k | 3"),
        ("m | 2", "m | 2"),
        ("", "n | 4"),
    ]
    assert paired_rows([], ["x"]) == [("", "x")]
