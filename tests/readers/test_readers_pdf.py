"""PDF: Chromium-printed files read back into the paragraphs and numbers they were printed from."""

from __future__ import annotations

import re

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses
from clausemark.model.records import clause_records
from clausemark.readers import pdf as pdf_reader
from clausemark.readers.pdf import Line, join_lines
from format_fixtures import Spec, long_spec, print_html, spec_print_html

HEADER = "Example Council Planning Committee Protocol"


def numbers_and_parents(path):
    records = clause_records(convert_file(path))
    by_anchor = {r.anchor: r.number for r in records}
    return [(r.number, by_anchor.get(r.parent)) for r in records]


def oracle(spec: Spec) -> list[tuple[str, str | None]]:
    """Printed numbers with their parents, from the spec's levels."""
    out, open_levels = [], {}
    for item in spec.items:
        if item.kind == "heading":
            open_levels = {}
            continue
        open_levels[item.level] = item.number
        open_levels = {k: v for k, v in open_levels.items() if k <= item.level}
        parent = open_levels.get(item.level - 1) if item.level > 1 else None
        out.append((item.number, parent))
    return out


@pytest.fixture(scope="module")
def printed(browser, tmp_path_factory):
    """PDFs Chromium printed: contents + header/footer, two columns, hyphenation."""
    folder = tmp_path_factory.mktemp("pdfs")
    spec = long_spec(6)
    files = {
        "contents": spec_print_html(spec, contents=True),
        "flush-contents": spec_print_html(spec, contents=True, leaders=False),
        "columns": spec_print_html(spec, columns=2),
    }
    paths = {}
    for name, page in files.items():
        paths[name] = folder / f"{name}.pdf"
        paths[name].write_bytes(print_html(browser, page, header=HEADER))
    # 'co-<br>opted': a real hyphen that falls at a line end, as a narrower page would set it
    words = ["co-<br>opted", "arrange&shy;ments", "rep&shy;re&shy;sen&shy;ta&shy;tives"]
    sentence = " ".join(
        f"The {words[i % 3]} members keep {['minutes', 'records', 'notes'][i % 3]}."
        for i in range(40)
    )
    narrow = (
        "<html lang=en><body style='width:130px;font-size:12pt'><h1>Hyphens</h1>"
        f"<p>{sentence}</p><p>The ﬁnal eﬀect of the oﬃce is clear.</p></body></html>"
    )
    paths["hyphens"] = folder / "hyphens.pdf"
    paths["hyphens"].write_bytes(print_html(browser, narrow, header=HEADER))
    return spec, paths


def test_header_footer_and_contents_page_dropped(printed):
    spec, paths = printed
    source = pdf_reader.read(paths["contents"].read_bytes(), "contents.pdf")
    assert "Example Council" not in source.text
    assert not re.search(r"Page \d+ of \d+", source.text)
    assert "Contents" not in source.text and "......" not in source.text
    reasons = {reason for reason, _ in source.dropped}
    assert reasons == {"running header, footer or page number", "printed contents list"}
    assert ("running header, footer or page number", HEADER) in source.dropped
    assert ("printed contents list", "Contents") in source.dropped
    assert numbers_and_parents(paths["contents"]) == oracle(spec)
    document = convert_file(paths["contents"])
    assert document.metadata.title == "Planning Committee Protocol"
    assert document.source_format == "pdf"
    assert not document.warnings
    assert HEADER in [d.text for d in document.dropped if d.line == 0]


def test_contents_page_without_leaders_dropped(printed):
    spec, paths = printed
    source = pdf_reader.read(paths["flush-contents"].read_bytes(), "flush.pdf")
    contents = [text for reason, text in source.dropped if reason == "printed contents list"]
    headings = [i for i in spec.items if i.kind == "heading"]
    assert len(contents) == len(headings) + 1  # the entries and the 'Contents' title
    assert numbers_and_parents(paths["flush-contents"]) == oracle(spec)


def test_every_word_of_the_body_in_order(printed):
    spec, paths = printed
    source = pdf_reader.read(paths["contents"].read_bytes(), "contents.pdf")
    expected = " ".join(f"{i.number} {i.text}" for i in spec.items)
    got = " ".join(line for line in source.text.splitlines() if line and line[0] != "#")
    assert got.split() == expected.split()


def test_two_columns_read_column_by_column(printed):
    spec, paths = printed
    pages = pdf_reader._extract(paths["columns"].read_bytes(), "columns.pdf")
    assert any(len([ln for ln in p.lines if ln.x0 > p.width / 2]) > 5 for p in pages), (
        "the fixture must really be in two columns"
    )
    assert numbers_and_parents(paths["columns"]) == oracle(spec)


def test_line_end_hyphens_rejoined_real_hyphens_kept_ligatures_normalised(printed):
    _spec, paths = printed
    pages = pdf_reader._extract(paths["hyphens"].read_bytes(), "hyphens.pdf")
    line_ends = [ln.text.rstrip() for p in pages for ln in p.lines]
    assert sum(end[-1] in pdf_reader.HYPHENS for end in line_ends) >= 6, "no line-end hyphens"
    assert any(end.endswith("co-") for end in line_ends), "no 'co-' at a line end"
    text = pdf_reader.read(paths["hyphens"].read_bytes(), "hyphens.pdf").text
    assert text.count("co-opted") == 14
    assert text.count("arrangements") == 13 and text.count("representatives") == 13
    assert not re.search(r"\w- \w|co- opted|coopted", text)
    assert "The final effect of the office is clear." in text


def test_join_lines_keeps_typed_hyphens_and_drops_added_ones():
    vocabulary = {"co-opted", "arrangements"}
    assert join_lines(["the co-", "opted member"], vocabulary) == "the co-opted member"
    assert join_lines(["the co-", "opted member"], set()) == "the co-opted member"
    assert join_lines(["the arrange-", "ments made"], vocabulary) == "the arrangements made"
    assert join_lines(["the arrange\u2010", "ments made"], set()) == "the arrangements made"
    assert join_lines(["the arrange\u00ad", "ments made"], set()) == "the arrangements made"
    assert join_lines(["the Anglo-", "Saxon"], set()) == "the Anglo-Saxon"
    assert join_lines(["pages 3 -", "5 apply"], set()) == "pages 3 - 5 apply"


def test_running_lines_need_repetition_at_the_same_height():
    def page(*texts_and_heights):
        p = pdf_reader.Page(600, 800)
        p.lines = [Line(t, 50, 300, h - 10, h, 10) for t, h in texts_and_heights]
        return p

    bodies = ["Members attend", "Officers advise", "The chair rules", "Minutes record"]
    pages = [
        page(("Example Council protocol", 20), (f"{n}.1 {bodies[n - 1]}", 100), (f"{n}", 780))
        for n in range(1, 5)
    ]
    pages.append(page(("Example Council protocol", 500), ("Closing words", 520)))
    running = pdf_reader.running_lines(pages)
    kept = [pdf_reader.body_lines(p, running, 10)[0] for p in pages]
    assert [[ln.text for ln in k] for k in kept][0] == ["1.1 Members attend"]
    assert [ln.text for ln in kept[-1]] == ["Example Council protocol", "Closing words"]


CODE_PAGE = """<html lang=en><body><h1>Code of Conduct for Members</h1>
<p>This code applies to every member of Example Council.</p>
<h2>1. General obligations</h2>
<p>1.1 A member must treat others with respect.</p>
<p>1.2 A member must not:</p>
<ol type="a"><li>bully any person;</li><li>disclose confidential information, unless:
<ol type="i"><li>the member has consent; or</li><li>the law requires it.</li></ol></li></ol>
<h2>2. Interests</h2><p>2.1 A member must register interests within 28 days.<sup>1</sup></p>
<table style="border-spacing:24px 4px"><tr><th>Interest</th><th>Where</th></tr>
<tr><td>Employment</td><td>Register</td></tr></table>
<p><small><sup>1</sup> Days run from election.</small></p>
</body></html>"""


def test_a_web_page_and_its_chromium_print_give_the_same_document(browser, tmp_path):
    """List markers, superscript footnote marks and table cells survive printing."""
    page = tmp_path / "code.html"
    page.write_text(CODE_PAGE, encoding="utf-8")
    printed = tmp_path / "code.pdf"
    printed.write_bytes(print_html(browser, CODE_PAGE, header="Example Council"))
    text = pdf_reader.read(printed.read_bytes(), "code.pdf").text
    assert "within 28 days.¹" in text
    assert "Interest\tWhere\nEmployment\tRegister" in text

    def shape(path):
        document = convert_file(path)
        records = [(r.number, r.parent, r.anchor, r.text) for r in clause_records(document)]
        blocks = [inner for b in document.blocks for inner in [b, *getattr(b, "blocks", [])]]
        tables = [b.rows for b in blocks if hasattr(b, "rows")] + [
            t.rows for clause, *_ in iter_clauses(document.blocks) for t in clause.tables
        ]
        return document.metadata.title, records, tables

    assert shape(printed) == shape(page)
    title, records, tables = shape(printed)
    assert title == "Code of Conduct for Members"
    assert [(n, p) for n, p, _a, _t in records][:6] == [
        ("1.1", None),
        ("1.2", None),
        ("a.", "sec_1__para_1-2"),
        ("b.", "sec_1__para_1-2"),
        ("i.", "sec_1__para_1-2__subpara_b"),
        ("ii.", "sec_1__para_1-2__subpara_b"),
    ]
    assert tables == [[["Employment", "Register"]]]


def test_a_footnote_at_the_foot_of_a_page_moves_to_the_end_and_the_paragraph_runs_on():
    def line(text, bottom, size=12.0):
        return Line(text, 50, 400, bottom - size, bottom, size)

    first = pdf_reader.Page(600, 800)
    first.lines = [
        line("1.1 Members must register every interest within twenty-eight days¹ of", 100),
        line("their election, and keep the register up to date, and", 115),
        line("¹ Days run from the declaration of the result.", 700, 8.0),
    ]
    second = pdf_reader.Page(600, 800)
    second.lines = [line("must tell the monitoring officer of any change.", 100)]
    text, _dropped = pdf_reader.assemble([first, second])
    assert text.split("\n\n") == [
        "1.1 Members must register every interest within twenty-eight days¹ of their "
        "election, and keep the register up to date, and must tell the monitoring officer "
        "of any change.",
        "[^1]: Days run from the declaration of the result.\n",
    ]


def test_a_table_row_at_the_top_of_each_page_is_no_running_header():
    """A long register table runs over pages, its first row on each page at the same
    height: 'Power 15: ...' and 'Power 37: ...' differ in numbers that do not follow the
    page, so they are text, kept; 'Version 3 – page 2' follows the page: a footer."""

    def page(*texts_and_heights):
        p = pdf_reader.Page(600, 800)
        p.lines = [Line(t, 50, 300, h - 10, h, 10) for t, h in texts_and_heights]
        return p

    firsts = {2: 15, 3: 37, 4: 59}
    officers = {2: "Head of Highways", 3: "Director of Place", 4: "Chief Executive"}
    pages = [page(("1.1 The register lists every power.", 100), ("Version 3 – page 1", 780))]
    for n in (2, 3, 4):
        row = f"Power {firsts[n]}: to approve item {firsts[n]} of the programme"
        footer = f"Version 3 – page {n}"
        pages.append(page((row, 100), (officers[n], 120), (footer, 780)))
    running = pdf_reader.running_lines(pages)
    kept = [[ln.text for ln in pdf_reader.body_lines(p, running, 10)[0]] for p in pages]
    assert kept[1][0] == "Power 15: to approve item 15 of the programme"
    assert kept[3][0] == "Power 59: to approve item 59 of the programme"
    assert not any("Version 3" in text for texts in kept for text in texts)
