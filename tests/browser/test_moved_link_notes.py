"""An old link to a renumbered clause lands on it with the one note that is true for it.

Version 2026 of `debate` removes 1.2, so 1.3 and 1.4 become 1.2 and 1.3. A link kept from
2025 to #sec_1__para_1-4 (the personal explanation) has no id of its own any more: the
script sends it to #sec_1__para_1-3, where the personal explanation now stands. The note
under that id, "para 1.3 of version 2025 is now para 1.2. Go to it.", is for a link that
named 1.3 (the point of order); shown to this reader it would send them away from the
clause their link meant (found by the new-user trial of session 9).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect
from site_builds import REPO_ROOT, build_site, make_project, run_clausemark

pytestmark = pytest.mark.build

CONFIG = (
    "site_name: Moved\n"
    f"theme: {{name: material, font: false, custom_dir: '{REPO_ROOT / 'overrides'}'}}\n"
    "plugins: [search, {clausemark: {cache_dir: ''}}]\n"
)
CLAUSES = {
    "1.1": "A motion is moved and seconded before it is debated.",
    "1.2": "A member speaks once on each motion.",
    "1.3": "A point of order may be raised at any time.",
    "1.4": "A personal explanation corrects a misunderstanding.",
}


def _text(version: str, adopted: str, numbers: dict[str, str]) -> str:
    body = "".join(f"{number} {CLAUSES[was]}\n\n" for number, was in numbers.items())
    front = f"---\nversion: '{version}'\nadopted: {adopted}\n---\n"
    return f"{front}Rules of Debate\n\n1. Debate\n\n{body}"


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("moved-links")
    project = make_project(
        root / "project",
        {
            "debate/2025.txt": _text("2025", "2025-05-01", {n: n for n in CLAUSES}),
            "debate/2026.txt": _text(
                "2026", "2026-05-01", {"1.1": "1.1", "1.2": "1.3", "1.3": "1.4"}
            ),
        },
        mkdocs_yml=CONFIG,
    )
    run_clausemark("anchors", "update", cwd=project, expect_failure=False)
    return build_site(project).site_dir


def _visible_notes(page) -> list[str]:
    return page.evaluate(
        "() => [...document.querySelectorAll('.cm-anchor-note--reused')]"
        ".filter(note => note.offsetParent !== null).map(note => note.innerText.trim())"
    )


def test_an_old_link_sent_to_a_reused_id_shows_only_its_own_note(page, moved_site):
    page.goto((moved_site / "debate" / "index.html").as_uri() + "#sec_1__para_1-4")
    page.wait_for_function("() => location.hash === '#sec_1__para_1-3'")
    expect(page.locator("#cm-anchor-notice")).to_contain_text(
        "para 1.4 of version 2025 is now para 1.3"
    )
    assert page.locator("#sec_1__para_1-3").is_visible()
    assert _visible_notes(page) == []  # not "para 1.3 of version 2025 is now para 1.2"


def test_a_link_that_names_the_reused_id_still_gets_its_note(page, moved_site):
    page.goto((moved_site / "debate" / "index.html").as_uri() + "#sec_1__para_1-4")
    page.wait_for_function("() => location.hash === '#sec_1__para_1-3'")
    # the reader then follows a link that names 1.3 itself (same page: a hashchange)
    page.evaluate("() => { location.hash = '#sec_1__para_1-2'; }")
    page.evaluate("() => { location.hash = '#sec_1__para_1-3'; }")
    page.wait_for_function("() => location.hash === '#sec_1__para_1-3'")
    assert _visible_notes(page) == ["para 1.3 of version 2025 is now para 1.2. Go to it."]


def test_an_old_links_note_stands_where_the_reader_lands(page, moved_site):
    """The note was put under the page's title, out of view once the page scrolled to the
    clause (trial9): a sighted reader saw only "was para 1.4". It stands under the clause's
    heading now, in view, and goes when the reader follows another link."""
    page.set_viewport_size({"width": 1280, "height": 400})  # 1.3 is below the first screen
    page.goto((moved_site / "debate" / "index.html").as_uri() + "#sec_1__para_1-4")
    page.wait_for_function("() => location.hash === '#sec_1__para_1-3'")
    notice = page.locator("#cm-anchor-notice")
    expect(notice).to_contain_text("para 1.4 of version 2025 is now para 1.3")
    expect(notice).to_be_in_viewport()
    # under 1.3's heading: the next heading after the note's is none, the one before is 1.3
    before = notice.evaluate(
        "n => { let e = n.previousElementSibling;"
        " while (e && !/^H[1-6]$/.test(e.tagName)) e = e.previousElementSibling;"
        " return e && e.id; }"
    )
    assert before == "sec_1__para_1-3"
    page.evaluate("() => { location.hash = '#sec_1__para_1-1'; }")
    page.wait_for_function("() => location.hash === '#sec_1__para_1-1'")
    expect(notice).to_have_count(0)  # not left beside 1.3 for a reader who went elsewhere
