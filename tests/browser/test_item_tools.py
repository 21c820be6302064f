"""An item's tools (its permalink and copy-citation button) in Chromium: shown on hover,
they never take a line of their own (trial5 F7: an item whose words fill its last line got
a blank line under it, where the hidden button wrapped), and never widen the page."""

from __future__ import annotations

import random

from browser_support import REPO_ROOT, serve_directory

# The site as a council sets it up (clausemark init): the theme overrides and the Markdown
# extensions that give items their tools.
MKDOCS_YML = {
    "site_name": "Items",
    "theme": {"name": "material", "custom_dir": str(REPO_ROOT / "overrides"), "font": False},
    "plugins": ["search", {"clausemark": {"cache_dir": ""}}],
    "markdown_extensions": ["attr_list", "md_in_html", "footnotes", "tables", "clausemark"],
}

WORDS = ["the", "council", "may", "decide", "any", "matter", "reserved", "to", "officer"]

_TOOLS_JS = """() => [...document.querySelectorAll('.cm-item')].map(li => {
    const link = li.querySelector(':scope > .cm-item-link');
    const cite = li.querySelector(':scope > .cm-cite-item');
    const text = document.createRange();
    text.setStartBefore(li.firstChild);
    text.setEndBefore(link);
    const lines = [...text.getClientRects()].filter(r => r.width > 0);
    const last = lines[lines.length - 1];
    const tool = cite.getBoundingClientRect();
    return {id: li.id, ownLine: tool.top >= last.bottom - 1,
            afterText: tool.left >= last.right - 1};
})"""


def _items_page() -> str:
    """40 items of growing length: at any width some fill their last line."""
    rng = random.Random(4)
    items = "".join(
        f"<li>{' '.join(rng.choice(WORDS) for _ in range(8 + i))} end{i}.</li>" for i in range(40)
    )
    return (
        "<html><body><h1>Delegation Rules</h1><h2>1. Items</h2><p>1.1 The items are:</p>"
        f"<ol type='a'>{items}</ol></body></html>"
    )


def test_item_tools_never_take_a_line_of_their_own(new_site, page):
    built = new_site({"delegation-rules.html": _items_page()}, mkdocs_yml=MKDOCS_YML)
    with serve_directory(built.site_dir) as base_url:
        for width in (1280, 700):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{base_url}delegation-rules/")
            tools = page.evaluate(_TOOLS_JS)
            assert len(tools) == 40
            assert [t["id"] for t in tools if t["ownLine"] or not t["afterText"]] == []
            assert page.evaluate("document.documentElement.scrollWidth") <= width
