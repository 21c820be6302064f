"""The example site as built by `mkdocs build --strict`: clause ids and numbers in the HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class Elements(HTMLParser):
    """Every element with an id: its tag, classes and text."""

    def __init__(self):
        super().__init__()
        self.by_id: dict[str, dict] = {}
        self._open: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        record = {"tag": tag, "class": attributes.get("class", ""), "text": ""}
        if "id" in attributes:
            self.by_id[attributes["id"]] = record
        if tag not in {"br", "img", "input", "meta", "link", "hr"}:
            self._open.append(record)

    def handle_endtag(self, tag):
        if self._open:
            self._open.pop()

    def handle_data(self, data):
        for record in self._open:
            record["text"] += data


def page(site, doc_id):
    parser = Elements()
    parser.feed((site / doc_id / "index.html").read_text(encoding="utf-8"))
    return parser.by_id


def test_numbered_clauses_are_headings_with_their_printed_number(built_site):
    part_e = page(built_site, "part-e-code-3-member-officer-relations")
    clause = part_e["sec_4-0__para_4-8"]
    assert clause["tag"] in {"h3", "h4"} and "cm-clause" in clause["class"]
    assert clause["text"].replace("¶", "").strip() == "4.8"
    assert part_e["sec_4-0__para_4-8__subpara_i"]["text"].startswith("i. avoid personal attacks")
    assert part_e["sec_11__para_12-2"]["text"].replace("¶", "").strip() == "12.2"
    emcca = page(built_site, "emcca-member-officer-protocol")
    assert emcca["para_46"]["text"].replace("¶", "").strip() == "46."
    assert "Political Activity" in emcca["crossheading_19"]["text"]


def test_unnumbered_paragraphs_get_a_labelled_heading_carrying_their_id(built_site):
    model = page(built_site, "model-member-officer-relations-protocol")
    heading = model["para_12"]
    assert re.fullmatch(r"h[2-6]", heading["tag"]) and "cm-unnumbered" in heading["class"]
    assert heading["text"].startswith("Paragraph 12 (unnumbered)")
    assert model["para_a"]["text"].startswith("a for the publication of material")


def test_sections_labels_and_footnotes_in_the_html(built_site):
    newcastle = page(built_site, "newcastle-under-lyme-member-officer-relations-protocol")
    assert newcastle["sec_3"]["text"].startswith("3. THE ROLE OF ELECTED MEMBERS")
    assert newcastle["fnref:1"]["text"] == "1"
    assert newcastle["fn:1"]["text"].startswith("1 This is not intended to prevent members")
    html = (built_site / "emcca-member-officer-protocol" / "index.html").read_text("utf-8")
    assert "Contents" not in html.split('id="title"')[1].split("</h1>")[0]
    assert "\t177" not in html and ">177<" not in html


def test_clause_headings_stay_out_of_the_table_of_contents(built_site):
    html = built_site / "newcastle-under-lyme-member-officer-relations-protocol" / "index.html"
    toc = html.read_text("utf-8").split('data-md-component="toc"')[1].split("</nav>")[0]
    assert 'href="#sec_3"' in toc
    assert 'href="#sec_3__para_3-5"' not in toc


def _primary_nav(html: str) -> str:
    """The site menu, without the page's own table of contents nested in it."""
    nav = html.split('class="md-nav md-nav--primary"')[1]
    depth, kept, position = 1, [], 0
    for tag in re.finditer(r"<nav\b[^>]*>|</nav>", nav):
        inner = tag.group(0) != "</nav>"
        if depth == 1:
            kept.append(nav[position : tag.start()])
        depth += 1 if inner else -1
        position = tag.end()
        if depth == 0:
            break
    return "".join(kept)


def test_navigation_groups_documents_by_part_of_the_constitution(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    nav = _primary_nav(html)
    order = [nav.index(name) for name in ("Part 5", "Part E", "Appendices", "Codes of Conduct")]
    assert order == sorted(order)
    assert "/versions/" not in nav and "/changes/" not in nav
    inside = (built_site / "model-member-officer-relations-protocol" / "index.html").read_text(
        encoding="utf-8"
    )
    part_5 = inside.split('class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    assert "Model Member/Officer Relations Protocol" in part_5
    assert "Member – Officer Protocol" in part_5
