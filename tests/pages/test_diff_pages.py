"""Diff pages, review pages, version pages and where old anchors land."""

from __future__ import annotations

import json
import re
from pathlib import Path

import frontmatter
import pytest
from clausemark.convert import convert_file
from clausemark.pages.document import anchor_landings, document_pages
from clausemark.pages.versions import compare, plain_redline, review_page_markdown
from clausemark.render.markdown_writer import MOVES_SCRIPT_ID
from clausemark.support.urls import relative_url
from clausemark.versions.order import order_versions

TOWN = (
    Path(__file__).resolve().parents[2]
    / "sources"
    / ("town-council-member-officer-relations-protocol")
)
DOC = "town-council-member-officer-relations-protocol"


def split_page(markdown: str) -> tuple[dict, str]:
    page = frontmatter.loads(markdown)
    return page.metadata, page.content


@pytest.fixture(scope="module")
def town():
    files = sorted(TOWN.glob("*.txt"))
    versions = order_versions([(convert_file(p, DOC), str(p), p.stem) for p in files])
    return versions, document_pages(DOC, versions)


def test_every_version_and_the_diff_get_their_own_page(town):
    _, pages = town
    assert set(pages.pages) == {
        f"{DOC}/versions/2026.md",
        f"{DOC}/versions/2027.md",
        f"{DOC}/changes/2026-to-2027.md",
    }


def test_diff_page_opens_with_counts_including_presentation_only(town):
    _, pages = town
    page = pages.pages[f"{DOC}/changes/2026-to-2027.md"]
    meta, body = split_page(page)
    assert meta["search"] == {"exclude": True}
    counts = dict(re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", body))
    assert counts == {
        "Added": "1",
        "Removed": "1",
        "Amended": "1",
        "Renumbered": "5",
        "Moved": "1",
        "Unchanged": "33",  # 28 clauses and paragraphs, 5 headings
        "Presentation only": "2",
    }
    assert body.index("<dl") < body.index("## Changed clauses")


def test_diff_page_redlines_with_spoken_labels_and_links_into_both_versions(town):
    _, pages = town
    body = pages.pages[f"{DOC}/changes/2026-to-2027.md"]
    assert (
        'grievance <del><span class="cm-sr">deleted: </span>policy</del>'
        '<ins><span class="cm-sr">inserted: </span>procedure</ins>'
    ) in body
    assert "### para 2.2 → para 2.3: renumbered and presentation only" in body
    assert "[para 2.2 in version 2026](../versions/2026.md#sec_2__para_2-2)" in body
    assert "[para 2.3 in version 2027](../versions/2027.md#sec_2__para_2-3)" in body
    assert "[para 5.3 in version 2026](../versions/2026.md#sec_5__para_5-3)" in body
    assert "para 4.1 →" not in body  # unchanged clauses are not listed


def test_current_page_is_2026_in_search_and_old_versions_and_drafts_are_not(town):
    _, pages = town
    current_meta, current_body = split_page(pages.current)
    assert current_meta["clausemark"]["version"] == "2026"
    assert "search" not in current_meta
    assert f'data-cm-document="{DOC}"' in current_body
    assert current_meta["clausemark"]["changes"] == [
        {"label": "Changes from 2026 to 2027", "url": "changes/2026-to-2027/"}
    ]
    draft_meta, draft_body = split_page(pages.pages[f"{DOC}/versions/2027.md"])
    assert draft_meta["search"] == {"exclude": True}
    assert draft_meta["clausemark"]["status"] == "draft"
    assert "data-cm-document" not in draft_body  # not cross-linked as the current text
    assert draft_meta["clausemark"]["changed"]["anchors"]["sec_5__para_5-2"] == "amended"


def test_a_later_version_maps_removed_anchors_and_notes_reused_numbers(town):
    _, pages = town
    body = pages.pages[f"{DOC}/versions/2027.md"]
    script = re.search(
        rf'<script type="application/json" id="{MOVES_SCRIPT_ID}">(.*?)</script>', body
    )
    moves = json.loads(script.group(1))
    assert moves["sec_5__para_5-3"] == {
        "to": None,
        "note": "para 5.3 of version 2026 was removed in version 2027.",
        "diff": "../../changes/2026-to-2027/#removed-sec_5__para_5-3",
    }
    note = 'para 2.2 of version 2026 is now para 2.3. <a href="#sec_2__para_2-3">Go to it</a>.'
    heading = body.index("{: #sec_2__para_2-2 .cm-clause")
    assert body.index(note) > heading
    assert body.index(note) < body.index("{: #sec_2__para_2-3 .cm-clause")


def test_review_page_lists_each_document_with_counts_and_a_link_to_its_diff(town):
    _, pages = town
    page = review_page_markdown("2027", pages.pairs)
    assert "# Changes in the 2027 review" in page
    assert f"[All changes](../{DOC}/changes/2026-to-2027.md)" in page
    assert "1 added, 1 removed, 1 amended, 5 renumbered" in page
    assert f"(../{DOC}/versions/2027.md#sec_2__para_2-2)" in page


def test_relative_urls_between_pages():
    assert relative_url("a.md", "a/changes/x-to-y.md") == "changes/x-to-y/"
    assert relative_url("a/versions/1.md", "a.md") == "../../"
    assert relative_url("a/versions/1.md", "a/changes/1-to-2.md") == "../../changes/1-to-2/"
    assert relative_url("a/versions/1.md", "a.md", directory_urls=False) == "../../a.html"


def test_plain_redline_keeps_context_round_each_edit():
    old = "one two three four five six seven eight nine ten eleven"
    new = "one two three four five six SEVEN eight nine ten eleven"
    assert plain_redline(old, new, context=2) == "… five six [-seven-]{+SEVEN+} eight nine …"


def test_unnumbered_document_every_old_paragraph_lands_on_the_same_text(tmp_path):
    paragraphs = [
        "Members attend every meeting of the committee on time.",
        "Officers prepare and circulate the agenda well in advance.",
        "Minutes are published on the website within ten working days.",
        "Questions from the public are taken at the start of the meeting.",
    ]
    inserted = "Remote attendance by video link is allowed when the chair agrees."
    old_path, new_path = tmp_path / "2025.txt", tmp_path / "2026.txt"
    old_path.write_text("Guidance on Meetings\n\n" + "\n\n".join(paragraphs) + "\n")
    new_text = [paragraphs[0], inserted, *paragraphs[1:]]
    new_path.write_text("Guidance on Meetings\n\n" + "\n\n".join(new_text) + "\n")
    versions = order_versions(
        [(convert_file(p, "meetings"), str(p), p.stem) for p in (old_path, new_path)]
    )
    pair = compare("meetings", "Guidance on Meetings", *versions)
    landings = anchor_landings([pair], 1, "meetings.md")
    old_text = {r.anchor: r.text for r in pair.old_records.values()}
    new_text_by_anchor = {r.anchor: r.text for r in pair.new_records.values()}
    assert len(old_text) == 4 and all(a.startswith("para_") for a in old_text)
    for anchor, text in old_text.items():
        target = landings[anchor].to if anchor in landings else anchor
        assert new_text_by_anchor[target] == text
    assert landings["para_2"].note == "paragraph 2 of version 2025 is now paragraph 3."
    assert landings["para_2"].reused  # para_2 now names the inserted paragraph
    assert landings["para_4"].to == "para_5"


def test_a_changed_list_item_keeps_its_id_and_shows_no_attribute_list(new_site):
    items = "1. Scope\n\n1.1 Members must:\n\n(a) attend {}meetings;\n\n(b) declare interests.\n"
    result = new_site({"proto/2024.txt": items.format(""), "proto/2025.txt": items.format("all ")})
    assert result.returncode == 0, result.stderr
    for page in ("proto/index.html", "proto/versions/2025/index.html"):
        html = result.page(page)
        assert "{:" not in html and ".cm-item" not in html
        assert 'class="cm-item cm-changed" id="sec_1__para_1-1__subpara_a"' in html
        assert "<p><p" not in html
        assert 'class="cm-change-mark cm-changed-amended" data-search-exclude>Amended' in html


@pytest.mark.smoke
def test_built_diff_page_has_a_stable_id_for_each_change(built_site):
    page = (
        built_site / "town-council-member-officer-relations-protocol" / "changes" / "2026-to-2027"
    )
    html = (page / "index.html").read_text(encoding="utf-8")
    assert 'id="change-sec_5__para_5-2"' in html  # amended
    assert 'id="removed-sec_5__para_5-3"' in html  # removed
    draft = (page.parent.parent / "versions" / "2027" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../changes/2026-to-2027/#change-sec_5__para_5-2"' in draft


def test_text_outside_the_clauses_is_compared_too(tmp_path):
    title, rules = "Standing Orders\n\n", "1. Scope\n\n1.1 These orders apply to meetings.\n"
    preamble = "These orders were last reviewed by the Standards Committee.\n\n"
    old_path, new_path = tmp_path / "2025.txt", tmp_path / "2026.txt"
    old_path.write_text(title + rules)
    new_path.write_text(title + preamble + rules)
    versions = order_versions(
        [(convert_file(p, "orders"), str(p), p.stem) for p in (old_path, new_path)]
    )
    pair = compare("orders", "Standing Orders", *versions)
    added = [c for c in pair.diff.changes if c.status == "added"]
    assert [(c.new.kind, c.new.text) for c in added] == [
        ("note", "These orders were last reviewed by the Standards Committee.")
    ]
    page = document_pages("orders", versions).pages[pair.path]
    assert (
        '(none) → unnumbered text ("These orders were last reviewed by the Standards…"): added'
        in page
    )
    assert "last reviewed by the Standards Committee" in page


def test_a_change_of_unnumbered_text_is_headed_by_its_place_and_first_words(tmp_path):
    """trial11 (session 10): the adoption line's change was headed 'unnumbered text ->
    unnumbered text: amended', naming nothing a reader could find it by. A note has no
    number: it is named by the heading it stands under and its first words."""
    title = "Standing Orders\n\n"
    adopted = "Adopted by Full Council on {} May 2026, minute 2026/33.\n\n"
    rules = "1. Meetings\n\nThe Clerk keeps the {}.\n\n1.1 Meetings are held monthly.\n"
    old_path, new_path = tmp_path / "2025.txt", tmp_path / "2026.txt"
    old_path.write_text(title + adopted.format(14) + rules.format("minutes"))
    new_path.write_text(title + adopted.format(21) + rules.format("minute book"))
    versions = order_versions(
        [(convert_file(p, "orders"), str(p), p.stem) for p in (old_path, new_path)]
    )
    pair = compare("orders", "Standing Orders", *versions)
    page = document_pages("orders", versions).pages[pair.path]
    # named once where it stood (the first words of the new version), polish12's trial
    assert 'unnumbered text ("Adopted by Full Council on 21 May 2026…"): amended' in page
    assert (
        'unnumbered text under "Meetings" ("The Clerk keeps the minute book."): amended'
    ) in page
    assert "unnumbered text → unnumbered text" not in page
    assert "→ unnumbered text (" not in page


def test_a_capitalised_title_is_named_on_the_diff_and_review_pages_as_in_the_menu(tmp_path):
    """'PETITIONS SCHEME' as printed heads the document's own page; the pages the site
    writes about it name it as the menu and the browser tab do: 'Petitions Scheme'."""
    rules = "1. Scope\n\n1.1 Anyone may sign a petition.\n"
    old_path, new_path = tmp_path / "2025.txt", tmp_path / "2026.txt"
    old_path.write_text("PETITIONS SCHEME\n\n" + rules)
    new_path.write_text("PETITIONS SCHEME\n\n" + rules.replace("Anyone", "Any resident"))
    versions = order_versions(
        [(convert_file(p, "petitions"), str(p), p.stem) for p in (old_path, new_path)]
    )
    pages = document_pages("petitions", versions)
    [diff] = [page for path, page in pages.pages.items() if "/changes/" in path]
    assert "# Petitions Scheme: changes from version 2025 to 2026" in diff
    assert "PETITIONS SCHEME" not in diff
    assert pages.pairs[0].title == "Petitions Scheme"  # the review page's heading too


def test_a_version_between_two_is_read_once_for_both_its_diffs(tmp_path, monkeypatch):
    """Reading a version's clauses for matching (each text's presentation form) is most
    of a diff's cost: the middle of three versions is read once for its two diffs, not
    once each (a quarter of the diffs' 1.2 CPU s at 10 times the example: speed11)."""
    from clausemark.versions import diff

    texts = {
        "2024": "1. Members attend.\n2. Officers advise members.\n",
        "2025": "1. Members attend meetings.\n2. Officers advise members.\n",
        "2026": "1. Members attend meetings.\n2. Officers advise.\n3. The clerk records.\n",
    }
    for stem, text in texts.items():
        (tmp_path / f"{stem}.txt").write_text(text, encoding="utf-8")
    versions = order_versions(
        [(convert_file(tmp_path / f"{s}.txt", "rules"), f"{s}.txt", s) for s in texts]
    )
    read: list[str] = []
    real = diff.presentation_form
    monkeypatch.setattr(diff, "presentation_form", lambda text: read.append(text) or real(text))
    pages = document_pages("rules", versions)
    assert len(pages.pairs) == 2
    assert len(read) == sum(len(version.records()) for version in versions)
    assert [pair.diff for pair in pages.pairs] == [
        compare("rules", "t", old, new).diff
        for old, new in zip(versions, versions[1:], strict=False)
    ]
