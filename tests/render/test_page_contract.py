"""The page contract: what `PageAnnotations` asks for is what the rendered page carries.

Rendered in-process with Python-Markdown and the clausemark extension, as the site
renders them (no MkDocs build): the writer emits every annotation in the first place.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import frontmatter
import markdown
import pytest
from clausemark.convert import convert_file
from clausemark.extension.markdown_extension import ClausemarkExtension
from clausemark.pages.document import corrected_landings, document_pages
from clausemark.render.markdown_writer import MOVES_SCRIPT_ID, render_document
from clausemark.render.page_contract import ChangedClauses, PageAnnotations, VersionOf
from clausemark.versions.order import order_versions

TOWN = (
    Path(__file__).resolve().parents[2]
    / "sources"
    / ("town-council-member-officer-relations-protocol")
)
DOC = "town-council-member-officer-relations-protocol"
DRAFT_PAGE = f"{DOC}/versions/2027.md"


def to_html(page: str) -> str:
    """The page's body as the site renders it (the site's Markdown extensions)."""
    md = markdown.Markdown(
        extensions=[
            "attr_list",
            "md_in_html",
            "footnotes",
            "tables",
            "abbr",
            "toc",
            ClausemarkExtension(),
        ],
        extension_configs={"toc": {"permalink": "¶"}},
    )
    return md.convert(frontmatter.loads(page).content)


@pytest.fixture(scope="module")
def town():
    files = sorted(TOWN.glob("*.txt"))
    versions = order_versions([(convert_file(p, DOC), str(p), p.stem) for p in files])
    return document_pages(DOC, versions)


@pytest.fixture(scope="module")
def draft_html(town) -> str:
    return to_html(town.pages[DRAFT_PAGE])


def _document(tmp_path: Path, text: str, doc_id: str = "rules"):
    path = tmp_path / f"{doc_id}.txt"
    path.write_text(text, encoding="utf-8")
    return convert_file(path, doc_id)


RULES = (
    "Rules of Debate\n\n"
    "1. Scope\n\n"
    "1.1 Members must:\n\n"
    "(a) attend meetings;\n\n"
    "(b) declare interests.\n\n"
    "1.2 The chair decides.\n"
)


def test_an_earlier_versions_title_says_whose_version_it_is_and_is_not_the_current_text(
    draft_html,
):
    title = re.search(r"<h1 [^>]*>", draft_html).group(0)
    assert f'data-cm-version-of="{DOC}"' in title
    assert f'data-cm-page="{DRAFT_PAGE}"' in title
    assert "data-cm-document" not in draft_html


def test_an_earlier_version_opens_with_a_banner_linking_to_the_current_version(draft_html):
    assert draft_html.startswith(
        '<p class="cm-version-banner" data-search-exclude>This is version 2027 (draft). '
        '<a href="../../">The current version is 2026</a>.</p>'
    )


def test_a_changed_clause_carries_cm_changed_and_a_mark_linking_to_its_change(draft_html):
    heading = re.search(r'<h3 [^>]*id="sec_5__para_5-2"[^>]*>', draft_html).group(0)
    assert 'class="cm-clause cm-changed"' in heading
    assert (
        '<p class="cm-change-mark cm-changed-amended" data-search-exclude>Amended in the review '
        'since version 2026 (<a href="../../changes/2026-to-2027/#change-sec_5__para_5-2">'
        "see the change</a>)</p>"
    ) in draft_html


def test_an_anchor_that_now_names_another_clause_gets_a_note_under_that_clause(draft_html):
    note = (
        '<p class="cm-anchor-note cm-anchor-note--reused" data-search-exclude>para 2.2 of '
        "version 2026 is now "
        'para 2.3. <a href="#sec_2__para_2-3">Go to it</a>.</p>'
    )
    assert draft_html.index('id="sec_2__para_2-2"') < draft_html.index(note)
    assert draft_html.index(note) < draft_html.index('id="sec_2__para_2-3"')


def test_renumbering_is_said_once_at_the_top_and_by_a_small_mark_beside_each_clause(draft_html):
    """Not two boxes under every renumbered clause: one line under the title, a "was"
    mark beside each, and the note under a reused id only for a link that names it."""
    summary = re.findall(r'<p class="cm-renumbered-summary"[^>]*>(.*?)</p>', draft_html)
    assert summary == [
        "6 clauses were renumbered in the review since version 2026; each shows the number "
        'it had. <a href="../../changes/2026-to-2027/">See the changes</a>.'
    ]
    assert draft_html.index("cm-renumbered-summary") < draft_html.index('id="sec_1__para_1-1"')
    # para 2.3 was 2.2: a small mark, linking to its change, instead of a box
    assert (
        '<p class="cm-change-mark cm-changed-renumbered cm-was" data-search-exclude>'
        '<a href="../../changes/2026-to-2027/#change-sec_2__para_2-3">was para 2.2</a></p>'
    ) in draft_html
    assert "Renumbered in the review" not in draft_html
    # moved and renumbered: the one mark names the old number
    assert "Moved in the review since version 2026, was para 1.4 (" in draft_html


def test_the_moves_script_maps_removed_anchors_and_leaves_reused_ones_to_their_notes(
    draft_html,
):
    script = re.search(
        rf'<script type="application/json" id="{MOVES_SCRIPT_ID}">(.*?)</script>', draft_html
    )
    moves = json.loads(script.group(1))
    assert moves["sec_5__para_5-3"]["to"] is None
    assert moves["sec_5__para_5-3"]["diff"] == "../../changes/2026-to-2027/#removed-sec_5__para_5-3"
    assert "sec_2__para_2-2" not in moves  # reused: told by the note on the page


def test_the_version_pages_front_matter_keeps_it_out_of_search_and_lists_its_versions(town):
    meta = frontmatter.loads(town.pages[DRAFT_PAGE]).metadata
    assert meta["search"] == {"exclude": True}
    assert meta["title"].endswith(" (version 2027)")
    facts = meta["clausemark"]
    assert facts["version_page"] is True
    assert [v["label"] for v in facts["versions"]] == ["2026", "2027"]
    assert facts["changed"]["since"] == "2026"
    assert facts["changed"]["diff"] == "../../changes/2026-to-2027/"
    assert facts["changes"] == [
        {"label": "Changes from 2026 to 2027", "url": "../../changes/2026-to-2027/"}
    ]


def test_the_current_page_is_the_document_cross_linked_with_no_banner(town):
    html = to_html(town.current)
    assert f'data-cm-document="{DOC}"' in html
    assert "cm-version-banner" not in html and "data-cm-version-of" not in html
    assert "search" not in frontmatter.loads(town.current).metadata


def test_no_annotations_and_empty_annotations_write_the_same_page(tmp_path):
    document = _document(tmp_path, RULES)
    assert render_document(document, PageAnnotations()) == render_document(document)


def test_a_changed_item_keeps_its_mark_inside_the_item(tmp_path):
    document = _document(tmp_path, RULES)
    item = "sec_1__para_1-1__subpara_a"
    changed = ChangedClauses("2025", "d/", {item: "added"})
    html = to_html(render_document(document, PageAnnotations(changed=changed)))
    found = re.search(rf'<li>\s*<p class="cm-item cm-changed" id="{item}">(.*?)</li>', html, re.S)
    assert found, html
    assert (
        '<span class="cm-change-mark cm-changed-added" data-search-exclude>Added in the review '
        f'since version 2025 (<a href="d/#change-{item}">see the change</a>)</span>'
    ) in found.group(1)
    assert "{:" not in html


def test_version_labels_stay_words_in_the_marks_even_inside_an_item(tmp_path):
    """A label is untrusted: in an item's inline mark it must not become emphasis or a link."""
    document = _document(tmp_path, RULES)
    item = "sec_1__para_1-1__subpara_b"
    label = "*2025* [x](https://example.org)"
    changed = ChangedClauses(label, "d/", {item: "amended"})
    version_of = VersionOf("rules/versions/x.md", label, False, "2026", "../../")
    html = to_html(render_document(document, PageAnnotations(version_of, changed)))
    assert "<em>" not in html and '<a href="https://example.org"' not in html
    assert "since version &#42;2025&#42; &#91;x&#93;(https://example.org)" in html
    assert "This is version &#42;2025&#42;" in html


def test_corrected_landings_add_only_the_moves_script_to_the_current_page(tmp_path):
    document = _document(tmp_path, RULES)
    plain = render_document(document)
    moved = render_document(
        document,
        PageAnnotations(landings=corrected_landings({"sec_1__para_1-3": "sec_1__para_1-2"})),
    )
    script = moved[len(plain.rstrip()) :].strip()
    assert moved.startswith(plain.rstrip())
    assert script.startswith(f'<script type="application/json" id="{MOVES_SCRIPT_ID}">')
    data = json.loads(re.search(r">(.*)</script>", script).group(1))
    assert data == {
        "sec_1__para_1-3": {
            "to": "sec_1__para_1-2",
            "note": "This link's earlier address (#sec_1__para_1-3) now leads here.",
            "diff": None,
        }
    }


def test_the_citation_button_reads_the_number_the_writer_gave_not_the_heading_text():
    html = to_html('### Rule 4.8 {: #para_4-8 .cm-clause data-cm-number="4.8" }\n\nText.\n')
    heading = re.search(r"<h3 [^>]*>", html).group(0)
    assert "data-cm-number" not in heading  # read by the extension, not left on the page
    assert 'data-cm-number="4.8"' in html
    assert 'aria-label="Copy citation for paragraph 4.8"' in html


def test_a_counted_paragraph_is_labelled_by_the_count_the_writer_gave(tmp_path):
    document = _document(tmp_path, "Guidance\n\nFirst paragraph.\n\nSecond paragraph.\n")
    page = render_document(document)
    assert '{: #para_2 .cm-clause .cm-unnumbered data-cm-number="2" }' in page
    html = to_html(page)
    assert '<span class="cm-sr">Paragraph 2 (unnumbered)</span>' in html
    assert "[2]</span>" in html
    assert 'data-cm-number="2"' not in html


def test_each_version_page_carries_the_address_its_citations_name(tmp_path):
    files = sorted(TOWN.glob("*.txt"))
    versions = order_versions([(convert_file(p, DOC), str(p), p.stem) for p in files])
    pages = document_pages(DOC, versions, cite_url=lambda page: f"https://example.org/{page}")
    draft = frontmatter.loads(pages.pages[DRAFT_PAGE]).metadata["clausemark"]
    assert draft["cite_url"] == f"https://example.org/{DRAFT_PAGE}"
    current = frontmatter.loads(pages.current).metadata["clausemark"]
    assert current["cite_url"] == f"https://example.org/{DOC}.md"
    document = _document(tmp_path, RULES)
    page = render_document(document, PageAnnotations(cite_url="../rules/"))
    assert frontmatter.loads(page).metadata["clausemark"]["cite_url"] == "../rules/"
    assert "cite_url" not in frontmatter.loads(render_document(document)).metadata["clausemark"]


def _current_of_two_versions(tmp_path, doc_id: str, suffix: str, texts: dict[str, str]) -> str:
    """The current page's HTML of a document given as versions {year: source text}."""
    paths = []
    for year, text in texts.items():
        paths.append(tmp_path / f"{year}.{suffix}")
        paths[-1].write_text(text, encoding="utf-8")
    versions = order_versions([(convert_file(p, doc_id), str(p), p.stem) for p in paths])
    return to_html(document_pages(doc_id, versions).current)


def test_a_changed_heading_is_marked_on_the_document_page_itself(tmp_path):
    """A section renamed and a cross-heading reworded (trial4 L7): the changes page listed
    them, the document page showed them unmarked. Marked now as a changed clause is: its
    class and the words 'Amended in the review ...' under it, linked to its change; an
    unchanged heading carries neither."""
    text = (
        "Churchyard Rules\n\n1. Scope\n\n1.1 These rules apply to the churchyard.\n\n"
        "Graves and {}\n\n1.2 Each grave is kept by its family.\n\n"
        "2. Memorials in {}\n\n2.1 A memorial must be of local stone.\n"
    )
    texts = {"2025": text.format("plots", "stone"), "2026": text.format("headstones", "the yard")}
    html = _current_of_two_versions(tmp_path, "yard", "txt", texts)
    marks = re.findall(
        r'<h(\d) class="cm-changed" id="([^"]+)">(.*?)</h\1>\s*'
        r'<p class="cm-change-mark cm-changed-(\w+)" data-search-exclude>(.*?)</p>',
        html,
        re.S,
    )
    found = {(anchor, status): (title, mark) for _level, anchor, title, status, mark in marks}
    assert set(found) == {("sec_2", "amended"), ("sec_1__crossheading_1", "amended")}, html
    title, mark = found["sec_2", "amended"]
    assert "Memorials in the yard" in title
    assert mark.startswith("Amended in the review since version 2025")
    assert '#change-sec_2">see the change</a>' in mark
    assert "Graves and headstones" in found["sec_1__crossheading_1", "amended"][0]
    assert '<h2 id="sec_1">' in html  # "1. Scope" did not change: no mark
    assert html.count("cm-change-mark") == 2


def test_a_changed_table_in_no_clause_is_marked_under_it(tmp_path):
    """A fees table under a heading is a record of its own: a new fee amends it, and the
    page says so under the table, as under a changed clause."""
    page = (
        "<html><body><main><h1>Pavilion Charges</h1><h2>1. Charges</h2><p>The charges are:</p>"
        "<table><tr><th>Booking</th><th>Charge</th></tr><tr><td>Changing rooms</td>"
        "<td>£{}</td></tr><tr><td>Tea bar</td><td>£15</td></tr></table>"
        "<h2>2. Paying</h2><p>2.1 Charges are paid when booking.</p></main></body></html>"
    )
    texts = {"2025": page.format(30), "2026": page.format(35)}
    html = _current_of_two_versions(tmp_path, "fees", "html", texts)
    found = re.search(
        r'<span id="sec_1__table_1"></span></p>\s*'
        r'<p class="cm-change-mark cm-changed-amended" data-search-exclude>(.*?)</p>',
        html,
        re.S,
    )
    assert found, html
    assert found.group(1).startswith("Amended in the review since version 2025")
    assert html.count("cm-change-mark") == 1


def test_a_changed_closing_note_is_marked_as_the_note_not_as_the_clause_above(tmp_path):
    """R48 (trial17 F8): a closing line outside every clause reworded in the review is
    marked with words naming it; before, the bare 'Amended in the review ...' stood under
    it with nothing to tell it from the clause printed just above, so a reader took the
    clause (only renumbered) for amended."""
    text = (
        "Allotment Rules\n\n1. Plots\n\n1.1 Each plot is let for one year.\n\n"
        "{}1.{} A tenant keeps the plot free of weeds.\n\nAdopted by the Parish Council on {}.\n"
    )
    texts = {
        "2025": text.format("", 2, "2 May 2025"),
        "2026": text.format("1.2 Bonfires are not lit after dusk.\n\n", 3, "7 May 2026"),
    }
    html = _current_of_two_versions(tmp_path, "plots", "txt", texts)
    found = re.search(
        r'<p class="cm-note cm-changed" id="([^"]+)">Adopted by the Parish Council on 7 May '
        r'2026.</p>\s*<p class="cm-change-mark cm-changed-amended" data-search-exclude>(.*?)</p>',
        html,
        re.S,
    )
    assert found, html
    assert found.group(2).startswith(
        "Amended in the review since version 2025: the unnumbered text "
        "“Adopted by the Parish Council on 7 May…” ("
    )
    # the clause above, only renumbered, carries its own small mark and no other
    clause = html.split('id="sec_1__para_1-3"', 1)[1].split('class="cm-note', 1)[0]
    assert "was para 1.2" in clause and "Amended in the review" not in clause
