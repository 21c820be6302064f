"""What follows a Word paragraph's last tab is a page number only when it is one: digits
or a roman numeral, never a word that happens to be spelt with roman letters."""

from __future__ import annotations

import pytest
from clausemark.readers.word_contents import TAB_MARK, tab_page


@pytest.mark.parametrize("page", ["4", "112", "iv", "XII", "xc", "**7**"])
def test_a_page_number_after_the_last_tab(page):
    found = tab_page(f"3.{TAB_MARK}Quorum{TAB_MARK}{page}")
    assert found is not None and found[0] == "3. Quorum"


@pytest.mark.parametrize("tail", ["civil", "ill", "mix", "12345", "in writing", ""])
def test_anything_else_after_the_last_tab_is_no_page_number(tail):
    assert tab_page(f"Signed by the chair{TAB_MARK}{tail}") is None
