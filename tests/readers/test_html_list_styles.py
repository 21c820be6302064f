"""List numbers a web page draws only by its stylesheet: `list-style-type` in a <style>
block or a `style` attribute gives the marker a browser shows, for ordinary selectors
(element, .class, #id, 'ol ol', 'ol > li', 'ol.x li'). Before, every such list was read
as decimals (a page printing (a), (b) under 1 gave clauses 1, 2 under 1)."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.model.records import clause_records
from clausemark.readers import html as html_reader
from clausemark.readers.html_css import read_stylesheet
from clausemark.support.limits import most

STYLED = """<html><head><style>
/* the site's sheet */
ol { list-style-type: decimal }
ol ol { list-style-type: lower-alpha; }
ol ol ol { list-style: lower-roman inside; }
ol.annex > li { list-style-type: upper-alpha }
#fees li { list-style-type: upper-roman }
.bare { list-style: none }
li:first-child { list-style-type: square }
@media print { ol ol { list-style-type: decimal } }
</style></head><body><main><h1>Hall Rules</h1>
<ol><li>Bookings are made with the clerk:<ol><li>in writing;<ol><li>by post, or</li>
<li>by email;</li></ol></li><li>at least a week ahead.</li></ol></li>
<li>Keys are returned the next day.</li></ol>
<ol class="annex"><li>Fire exits are kept clear.</li><li>Music stops at eleven.</li></ol>
<div id="fees"><ol start="3"><li>A deposit is paid.</li>
<li value="7">Damage is charged.</li></ol></div>
<ol class="bare"><li>Thank you for hiring the hall.</li></ol>
</main></body></html>"""


def text_of(page: str) -> str:
    return html_reader.read(page.encode("utf-8"), "page.html").text


def test_stylesheet_list_styles_give_the_markers_a_browser_shows():
    lines = [line.strip() for line in text_of(STYLED).split("\n") if line.strip()]
    assert lines == [
        "# Hall Rules",
        "1. Bookings are made with the clerk:",
        "a. in writing;",  # ol ol
        "i. by post, or",  # ol ol ol, the shorthand with 'inside'
        "ii. by email;",
        "b. at least a week ahead.",
        "2. Keys are returned the next day.",
        "A. Fire exits are kept clear.",  # ol.annex > li
        "B. Music stops at eleven.",
        "III. A deposit is paid.",  # #fees li, with <ol start>
        "VII. Damage is charged.",  # and <li value>
        "Thank you for hiring the hall.",  # list-style: none: no marker
    ]  # li:first-child (not read) and the print sheet change nothing


def test_lettered_items_from_a_stylesheet_are_the_clauses_items(tmp_path):
    page = """<html><head><style>.sub { list-style-type: lower-alpha }</style></head>
    <body><main><h1>Grants Scheme</h1><h2>1. Who may apply</h2>
    <p>1.1 A group may apply when it:</p>
    <ol class="sub"><li>works in the parish;</li><li>has a bank account.</li></ol>
    <p>1.2 Grants are paid once a year.</p></main></body></html>"""
    path = tmp_path / "grants.html"
    path.write_text(page, encoding="utf-8")
    records = clause_records(convert_file(path))
    by_anchor = {r.anchor: r.number for r in records}
    assert [(r.number, by_anchor.get(r.parent)) for r in records] == [
        ("1.1", None),
        ("a.", "1.1"),
        ("b.", "1.1"),
        ("1.2", None),
    ]


def test_the_cascade_important_style_attribute_specificity_order_type_hint():
    page = """<html><head><style>
    ol { list-style-type: upper-roman }
    ol.x { list-style-type: lower-roman }
    ol.y { list-style-type: upper-alpha !important }
    ol { list-style-type: lower-alpha }
    </style></head><body>
    <ol type="1"><li>rule over the type hint</li></ol>
    <ol class="x"><li>class over element</li></ol>
    <ol class="x" style="list-style-type: decimal"><li>style attribute over class</li></ol>
    <ol class="y" style="list-style-type: decimal"><li>important over style attribute</li></ol>
    <ul><li>a bullet list stays bullets</li></ul>
    </body></html>"""
    lines = [line.strip() for line in text_of(page).split("\n") if line.strip()]
    assert lines == [
        "a. rule over the type hint",  # the later of two equal rules
        "i. class over element",
        "1. style attribute over class",
        "A. important over style attribute",
        "- a bullet list stays bullets",
    ]


def test_html_numbering_still_behaves_without_a_stylesheet():
    page = """<html><body><ol start="4" type="a"><li>d</li><li value="9">i</li></ol>
    <ol reversed><li>three</li><li>two</li><li>one</li></ol>
    <ol type="I"><li style="list-style: inside lower-alpha">first</li><li>second</li></ol>
    </body></html>"""
    lines = [line.strip() for line in text_of(page).split("\n") if line.strip()]
    assert lines == ["d. d", "i. i", "3. three", "2. two", "1. one", "a. first", "II. second"]


def test_selectors_past_what_is_read_are_left_out_not_guessed():
    sheet = read_stylesheet(
        "li:nth-child(2) { list-style-type: upper-alpha } ol + ol { list-style: none }"
        " li::marker { list-style-type: lower-alpha } ol { color: red }"
        " ol ]] { list-style-type: lower-alpha } ol.z li { list-style-type: lower-roman }"
    )
    assert [(rule.prop, rule.value) for rule in sheet.rules] == [("list-style", "lowerRoman")]


def test_a_huge_stylesheet_is_read_up_to_its_limit_with_a_warning():
    rules = "".join(f".c{n} li {{ list-style-type: lower-alpha }}\n" for n in range(600))
    page = f"<html><head><style>{rules}</style></head><body><ol class='c1'><li>x</li></ol>"
    source = html_reader.read(page.encode(), "page.html")
    assert source.text.strip() == "a. x"
    assert [code for code, _ in source.warnings] == ["stylesheet"]


_SHEET = (
    "<style>div div li { list-style: upper-alpha } div > div > ol { list-style: none }"
    + "".join(f" .k{n} div li {{ list-style: lower-roman }}" for n in range(200))
    + "</style>"
)


def _nested_page(depth: int) -> str:
    return _SHEET + "<div class='k1 k2'>" * depth + "<ol><li>x</li></ol>" + "</div>" * depth


def test_descendant_rules_match_a_deeply_nested_list():
    assert "i. x" in text_of(_nested_page(50))


@pytest.mark.build  # whole-size CPU ratio (seconds): with the builds, as CI runs every marker
def test_styles_are_matched_in_linear_time():
    """Each element's matches come from its parent's: twice the nesting under descendant
    and child rules costs about twice the CPU time (measured in this process)."""
    from hostile_files import assert_linear_cpu

    assert_linear_cpu(text_of, _nested_page(5_000), _nested_page(10_000))


def test_a_list_numbered_from_1_under_a_numbered_heading_is_shown_as_printed(tmp_path):
    """Trial L9: <ol> under "<h2>2. General principles" shows 1., 2., 3.; the page cites
    "paragraph 2.3". Decision: the numbers stay as the browser shows them (nothing
    invented), and the citation links the third item of section 2."""
    from clausemark.model.records import heading_records
    from clausemark.references import ClauseIndex, Registry
    from reference_support import find_and_resolve

    page = """<html><body><main><h1>Complaints Scheme</h1><h2>1. Definitions</h2>
    <p>1.1 A complaint is dealt with under paragraph 2.3.</p>
    <h2>2. General principles</h2><ol><li>Complaints are acknowledged.</li>
    <li>They are answered.</li><li>An appeal goes to the panel.</li></ol></main></body></html>"""
    path = tmp_path / "complaints.html"
    path.write_text(page, encoding="utf-8")
    document = convert_file(path)
    records = clause_records(document)
    assert [(r.number, r.anchor) for r in records] == [
        ("1.1", "sec_1__para_1-1"),
        ("1.", "sec_2__para_1"),
        ("2.", "sec_2__para_2"),
        ("3.", "sec_2__para_3"),
    ]
    index = ClauseIndex.build(records, heading_records(document))
    [found] = find_and_resolve(records[0].text, records[0], index, Registry())
    assert (found.status, [link.anchor for link in found.links]) == ("resolved", ["sec_2__para_3"])


# The fast loop reads each at a size past what it tests (a selector past
# css_selector_characters, nesting five times Python's recursion limit, more classes
# than are read); the whole sizes (a 600 KB selector: a second of tinycss2's tokens,
# within css_characters) run with the builds.
@pytest.mark.parametrize(
    "depth, classes, selectors",
    [(5_000, 2_000, 2_000), pytest.param(50_000, 200_000, 200_000, marks=pytest.mark.build)],
    ids=["quick", "whole"],
)
def test_hostile_stylesheets_are_read_in_bounded_time_with_a_warning(depth, classes, selectors):
    """A selector past its limit, braces and brackets nested 50,000 deep, 200,000 classes
    on one list: the page is read, each list as its rules allow, never a traceback (its
    time: `test_a_stylesheet_is_read_in_time_linear_in_its_rules`)."""
    nested = "<style>ol{list-style:lower-alpha}" + "a{" * depth + "</style><ol><li>x</li></ol>"
    assert text_of(nested).strip() == "a. x"
    names = " ".join(f"c{n}" for n in range(classes))
    many = f"<style>.c1 li{{list-style:upper-roman}}</style><ol class='{names}'><li>x</li></ol>"
    assert text_of(many).strip() == "I. x"
    long = "<style>" + "ol " * selectors + "{list-style:lower-alpha}</style><ol><li>x</li></ol>"
    assert len("ol " * selectors) > most("css_selector_characters")
    source = html_reader.read(long.encode(), "page.html")
    assert source.text.strip() == "1. x" and [c for c, _ in source.warnings] == ["stylesheet"]


@pytest.mark.build  # a CPU ratio (n and 2n): with the whole-size checks, not in the fast loop
def test_a_stylesheet_is_read_in_time_linear_in_its_rules():
    from hostile_files import assert_linear_cpu

    def sheet(rules: int) -> str:
        body = "".join(f"ol.c{n} > li {{ list-style: lower-alpha }}\n" for n in range(rules))
        return f"<style>{body}</style><ol class='c3'><li>x</li></ol>"

    assert text_of(sheet(200)).strip() == "a. x"
    assert_linear_cpu(text_of, sheet(200), sheet(400))


COUNTED = """<html><head><style>
body { counter-reset: part }
h2 { counter-increment: part }
h2::before { content: "Part " counter(part, upper-roman) ": " }
ol.legal { list-style: none; counter-reset: item }
ol.legal > li { counter-increment: item }
ol.legal > li::before { content: counters(item, ".") ". " }
ol.sub { list-style-type: none; counter-reset: sub 2 }
ol.sub > li { counter-increment: sub }
ol.sub > li:before { content: "(" counter(sub, lower-alpha) ") " }
ol.plain li::before { content: counter(list-item) ") " }
ol.plain { list-style: none }
</style></head><body><main><h1>Allotment Rules</h1>
<h2>Plots</h2>
<ol class="legal"><li>Plots are let yearly.<ol class="legal"><li>Rent is due in October.</li>
<li>Late rent costs extra.</li></ol></li><li>Plots are kept tidy:<ol class="sub">
<li>paths are kept clear;</li><li>bonfires are not lit.</li></ol></li></ol>
<h2>Sheds</h2>
<ol class="legal"><li><p>A shed needs consent.</p><p>Consent is given in writing.</p></li></ol>
<ol class="plain" start="4"><li>Hoses are allowed.</li></ol>
</main></body></html>"""


def test_numbers_drawn_by_css_counters_are_shown_as_the_browser_shows_them():
    """`list-style: none` with `li::before { content: counters(item, ".") }`: the
    numbers a council site draws with counters are the numbers read (before, such a
    list read as decimals by luck; with list-style alone it would show none)."""
    lines = [line.strip() for line in text_of(COUNTED).split("\n") if line.strip()]
    assert lines == [
        "# Allotment Rules",
        "## Part I: Plots",
        "1. Plots are let yearly.",
        "1.1. Rent is due in October.",
        "1.2. Late rent costs extra.",
        "2. Plots are kept tidy:",
        "(c) paths are kept clear;",  # counter-reset: sub 2, then incremented
        "(d) bonfires are not lit.",
        "## Part II: Sheds",
        "1. A shed needs consent.",  # a loose item: the number with its first paragraph
        "Consent is given in writing.",
        "4) Hoses are allowed.",  # counter(list-item): the item's own number
    ]


def test_counters_changed_in_the_before_rule_count_as_the_browser_counts_them():
    """`li::before { counter-increment: item; content: counters(item, ".") }`: the
    increment in the ::before counts (Chromium shows 1, 1.1, 1.2, 2, 2.1); it was left
    out and every item showed 0 or 0.0, so the page had sections 0 and clauses 0.0 the
    page never prints (trial5). A ::before that finds no counter in scope makes its own."""
    page = """<html><head><style>ol{list-style:none;counter-reset:item}
    li::before{content:counters(item, ".") " ";counter-increment:item}
    p.n::before{counter-increment:loose 2;content:"[" counter(loose) "] "}
    </style></head><body><h1>Counter Rules</h1><ol><li>Scope<ol><li>These rules
    apply.</li><li>They apply to all.</li></ol></li><li>Meetings<ol><li>Monthly.</li>
    </ol></li></ol><p class="n">first loose</p><p class="n">second loose</p></body></html>"""
    lines = [" ".join(line.split()) for line in text_of(page).split("\n") if line.strip()]
    assert lines == [
        "# Counter Rules",
        "1 Scope",
        "1.1 These rules apply.",
        "1.2 They apply to all.",
        "2 Meetings",
        "2.1 Monthly.",
        "[2] first loose",
        "[2] second loose",
    ]


def test_roman_numbers_past_3999_fall_back_to_decimal_as_css_draws_them():
    """CSS's roman counter styles run from 1 to 3,999: Chromium draws "4000." after
    "MMMCMXCIX." (and 0, -1 in decimal); the reader wrote "MMMM." (trial5)."""
    page = """<html><body><h1>Roman Rules</h1><ol type="I" start="3998"><li>a</li>
    <li>b</li><li>c</li></ol><ol type="i" start="-1"><li>d</li><li>e</li><li>f</li></ol>
    <style>ol.c{list-style:none;counter-reset:n 3998} ol.c li{counter-increment:n}
    ol.c li::before{content:counter(n, upper-roman) ") "}</style>
    <ol class="c"><li>g</li><li>h</li></ol></body></html>"""
    lines = [line.strip() for line in text_of(page).split("\n") if line.strip()]
    assert lines[1:] == [
        "MMMCMXCVIII. a",
        "MMMCMXCIX. b",
        "4000. c",
        "-1. d",
        "0. e",
        "i. f",
        "MMMCMXCIX) g",
        "4000) h",
    ]


def test_start_and_value_are_read_as_a_browser_parses_integers():
    """HTML's rules for parsing integers: leading digits after white space and a sign, the
    rest ignored. Chromium's printed page shows 1, 0, 7, 12, 13, 3, 4 and 5 for these; the
    reader counted on past "0x10" and " 5x" (trial5)."""
    page = (
        '<ol><li value="1e9">a</li><li value="0x10">b</li><li value=" 7 ">c</li>'
        '<li value="12th">d</li><li value="abc">e</li><li value="+3">f</li><li>g</li></ol>'
        '<ol start=" 5x"><li>h</li></ol>'
    )
    lines = [line.strip() for line in text_of(page).split("\n") if line.strip()]
    assert lines == ["1. a", "0. b", "7. c", "12. d", "13. e", "3. f", "4. g", "5. h"]


def test_counters_numbers_make_the_clauses(tmp_path):
    path = tmp_path / "allotments.html"
    path.write_text(COUNTED, encoding="utf-8")
    records = clause_records(convert_file(path))
    assert [r.number for r in records][:5] == ["1.", "1.1.", "1.2.", "2.", "(c)"]


def test_hostile_counters_are_bounded_and_linear(tmp_path):
    """Sixty-four counters reset on every element of a page 3,000 deep, a 1 MB ::before
    on every paragraph, a counter set past the list-number limit: bounded, warned or
    refused in one line, never a traceback (in linear time:
    `test_nested_counters_are_read_in_linear_time`)."""
    from clausemark.readers.text import SourceError

    names = " ".join(f"k{n}" for n in range(64))
    deep = f"<style>* {{ counter-reset: {names} }}</style>" + "<div>" * 3_000 + "x"
    source = html_reader.read(deep.encode(), "page.html")
    assert source.text.strip() == "x" and ("stylesheet" in dict(source.warnings))
    huge = "p::before { content: counter(p) '" + "w" * 500_000 + "' }"
    source = html_reader.read(f"<style>{huge}</style>{'<p>x</p>' * 50}".encode(), "page.html")
    assert source.text.split() == ["x"] * 50 and "stylesheet" in dict(source.warnings)
    past = "<style>li{counter-set: n 99999999} li::before{content: counter(n)}</style>"
    path = tmp_path / "past.html"
    path.write_text(f"{past}<ol><li>x</li></ol>", encoding="utf-8")
    with pytest.raises(SourceError) as refused:
        convert_file(path)
    assert str(refused.value).endswith(
        "past.html: line 1: too large: a list number (99,999,999; at most 10,000)"
    )


@pytest.mark.build  # a CPU ratio (n and 2n): with the whole-size checks, not in the fast loop
def test_nested_counters_are_read_in_linear_time():
    from hostile_files import assert_linear_cpu

    def page(depth: int) -> str:
        rules = "ol { counter-reset: i } li { counter-increment: i }"
        rules += ' li::before { content: counters(i, ".") " " }'
        return f"<style>{rules}</style>" + "<ol><li>x" * depth + "</li></ol>" * depth

    assert_linear_cpu(text_of, page(1_000), page(2_000))


def test_attribute_selectors_match_as_chromium_does():
    """ol[type="a"] matches <ol type="A"> (a browser matches `type` in any case); other
    attributes match as written; [start] matches a list that has one."""
    page = """<style>ol[type="a"] { list-style-type: upper-roman } ol[start] {
    list-style-type: lower-roman } ol[class="p q"] { list-style: upper-alpha }
    ol[title="Fees"] { list-style: lower-alpha }</style>
    <ol type="A"><li>one</li></ol><ol start="2"><li>two</li></ol>
    <ol class="p q"><li>three</li></ol><ol title="fees"><li>four</li></ol>"""
    lines = [line.strip() for line in text_of(page).split("\n") if line.strip()]
    assert lines == ["I. one", "ii. two", "A. three", "1. four"]
