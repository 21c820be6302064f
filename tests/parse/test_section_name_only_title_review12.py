"""A site section's name is furniture only over the page's own title (lead ruling R12):
a text whose only title line is such a name ('Freedom of Information', an FOI policy's
usual title) keeps it as its title, not its file name (review12, session 11)."""

from __future__ import annotations

import pytest
from real_texts import convert_text

BODY = (
    "\n\n1. Introduction\n\n1.1 The Council answers each request within twenty working days."
    "\n\n2. Charges\n\n2.1 No charge is made for a request.\n"
)


@pytest.mark.parametrize("name", ["Freedom of Information", "Publications"])
def test_a_section_name_with_no_title_under_it_is_the_title(tmp_path, name):
    assert convert_text(tmp_path, "req-policy.txt", f"{name}{BODY}").metadata.title == name


def test_a_section_name_over_the_pages_own_title_is_still_no_title(tmp_path):
    text = f"Freedom of Information\n\nInformation Requests Policy{BODY}"
    assert convert_text(tmp_path, "req-policy.txt", text).metadata.title == (
        "Information Requests Policy"
    )
