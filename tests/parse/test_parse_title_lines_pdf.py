"""Titles over the text in a PDF printed by Chromium (issue 23 item 4): the council's name
over two lines with the title under it, a title broken over two short lines under its
label, and a banner in large type over the title, as the .txt, .docx and .html forms read
them (test_parse_title_lines.py)."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from format_fixtures import print_html, write

BODY = (
    "<p>1. General</p><p>1.1 These rules govern how the council manages its money and "
    "who may sign for it.</p><p>1.2 The Clerk is the officer responsible for them.</p>"
)


def _pdf(browser, tmp_path, head: str):
    page = f"<html><body style='font-family:serif;font-size:12pt'>{head}{BODY}</body></html>"
    return convert_file(write(tmp_path / "rules.pdf", print_html(browser, page, footer=False)))


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # the council over two lines, the title in capitals under it
        (
            "<p>HOLLINS CROSS</p><p>PARISH COUNCIL</p><p>FINANCIAL REGULATIONS</p>",
            "FINANCIAL REGULATIONS",
        ),
        # a title broken over two short lines under its label
        (
            "<p>APPENDIX D</p><p>Member Training</p><p>Procedure Rules</p>",
            "Member Training Procedure Rules",
        ),
        # a banner in large type over the title in its own size
        (
            "<p style='font-size:22pt'>Wrenfield City</p>"
            "<h1 style='font-size:16pt'>Code of Conduct for Members</h1>",
            "Code of Conduct for Members",
        ),
    ],
)
def test_a_pdfs_title_lines_give_the_title_the_text_prints(browser, tmp_path, head, title):
    assert _pdf(browser, tmp_path, head).metadata.title == title
