"""The HTML reader's list markers against Chromium: on random pages whose lists are
styled by stylesheet rules (element, class, id, descendant and child selectors,
`list-style` shorthands, !important), `type` and `style` attributes, every <li> gets a
marker of the kind Chromium computes for it (getComputedStyle(li).listStyleType)."""

from __future__ import annotations

import random

from clausemark.readers import html as html_reader
from css_pages import agrees, random_page, reader_markers


def test_stylesheet_list_markers_agree_with_chromium(page):
    rng = random.Random(7)
    checked, wrong = 0, []
    for _ in range(60):
        html = random_page(rng)
        page.set_content(html)
        computed = page.evaluate(
            "() => Array.from(document.querySelectorAll('li')).map(li => "
            "[li.firstChild.textContent.trim(), getComputedStyle(li).listStyleType])"
        )
        ours = reader_markers(html_reader.read(html.encode(), "page.html").text)
        for item, style in computed:
            checked += 1
            if not agrees(style, ours.get(item, "?")):
                wrong.append((item, style, ours.get(item), html))
    assert checked > 500
    assert not wrong, wrong[:3]
