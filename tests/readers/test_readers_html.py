"""Web pages: a council site's frame dropped, Word's web export read, <ol> numbered as shown."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.model.records import clause_records
from clausemark.readers import html as html_reader
from clausemark.render.markdown_writer import render_document
from format_fixtures import Item, Spec, word_export_html

SPEC = Spec(
    "Planning Committee Protocol",
    [
        Item("heading", "Introduction", "1."),
        Item("clause", "This protocol guides members of the planning committee.", "1.1", 1),
        Item("clause", "Members must:", "1.2", 1),
        Item("clause", "declare any interest;", "(a)", 2),
        Item("clause", "before the item is discussed; and", "(i)", 3),
        Item("clause", "leave the room when the item is discussed.", "(b)", 2),
        Item("heading", "Site visits", "2."),
        Item("clause", "Site visits are arranged by the planning officer.", "2.1", 1),
    ],
)


def text_of(page: str) -> str:
    return html_reader.read(page.encode("utf-8"), "page.html").text


def test_word_export_in_a_council_site_frame(tmp_path):
    path = tmp_path / "protocol.html"
    path.write_text(word_export_html(SPEC), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    read = text_of(text)
    for chrome in ("cookies", "Bins and recycling", "Home", "Council tax", "Copyright", "Menu"):
        assert chrome not in read
    assert "1.1 This protocol guides members of the planning committee." in read
    assert "(i) before the item is discussed; and" in read  # the tab span's &nbsp; run
    records = clause_records(convert_file(path))
    by_anchor = {r.anchor: r.number for r in records}
    assert [(r.number, by_anchor.get(r.parent)) for r in records] == [
        ("1.1", None),
        ("1.2", None),
        ("(a)", "1.2"),
        ("(i)", "(a)"),
        ("(b)", "1.2"),
        ("2.1", None),
    ]
    document = convert_file(path)
    assert document.source_format == "html"
    assert document.metadata.title == "Planning Committee Protocol"
    assert not [w for w in document.warnings if w.code == "lost-words"]


def test_ordered_lists_numbered_as_a_browser_shows_them():
    page = """<html><body><main><h1>Standing Orders</h1>
    <ol><li>Meetings are held monthly.</li>
      <li>The chair may call extra meetings:
        <ol type="a"><li>on request of three members;</li>
          <li>in an emergency:<ol type="i" start="2"><li>by telephone;</li><li>by email.</li></ol>
          </li></ol></li>
      <li value="7">Numbered seven.</li><li>Then eight.</li></ol>
    <ol type="A" start="3"><li>Capital C</li></ol>
    <ol style="list-style-type: upper-roman"><li>Roman one</li><li>Roman two</li></ol>
    <ol reversed start="3"><li>Three</li><li>Two</li></ol>
    <ul><li>A bullet</li></ul></main></body></html>"""
    lines = [line.strip() for line in text_of(page).splitlines() if line.strip()]
    assert lines == [
        "# Standing Orders",
        "1. Meetings are held monthly.",
        "2. The chair may call extra meetings:",
        "a. on request of three members;",
        "b. in an emergency:",
        "ii. by telephone;",
        "iii. by email.",
        "7. Numbered seven.",
        "8. Then eight.",
        "C. Capital C",
        "I. Roman one",
        "II. Roman two",
        "3. Three",
        "2. Two",
        "- A bullet",
    ]


def test_tables_links_emphasis_and_footnotes_kept():
    page = """<html><body><p class=MsoNormal><b>Members</b> must read the
    <a href="https://example.org/code">code of&nbsp;conduct</a> and <i>declare</i>
    interests<a href="#_ftn1" name="_ftnref1"><span class=MsoFootnoteReference>[1]</span></a>.</p>
    <table><tr><th>Meeting</th><th>Deadline</th></tr>
    <tr><td><p>Planning</p><p>committee</p></td><td>Noon</td></tr></table>
    <div id=ftn1><p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1">[1]</a>
    See the register of interests.</p></div>
    <script>document.write("tracking")</script><style>p {color: red}</style></body></html>"""
    text = text_of(page)
    assert (
        "**Members** must read the [code of conduct](https://example.org/code) and *declare* "
        "interests[^1]." in text
    )
    assert "Meeting\tDeadline\nPlanning committee\tNoon" in text
    assert "[^1]: See the register of interests." in text
    assert "tracking" not in text and "color" not in text


def test_quotations_show_the_marks_a_browser_draws_around_them():
    """<q> is drawn with quotation marks, ‘single’ inside “double” (Chromium's default
    for English); they were dropped, and with them the quotes that make 'In these rules
    "the Panel" means ...' a definition."""
    page = (
        "<h1>Rules</h1><p>1.1 In these rules <q>the Panel</q> means the panel; the clerk "
        "says <q>no, <q>never</q></q>.</p>"
    )
    assert "In these rules “the Panel” means the panel; the clerk says “no, ‘never’”." in text_of(
        page
    )


def test_header_inside_the_main_content_is_kept():
    page = """<html><body><header>Example Council</header><main><article>
    <header><h1>Code of Conduct</h1></header><p>1.1 Members treat others with respect.</p>
    </article></main><footer>Contact us</footer></body></html>"""
    text = text_of(page)
    assert text.startswith("# Code of Conduct")
    assert "Example Council" not in text and "Contact us" not in text


def test_a_page_of_nothing_but_chrome_is_an_error(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav>Home</nav><footer>Contact</footer></body></html>")
    import pytest
    from clausemark.readers.text import SourceError

    with pytest.raises(SourceError, match="menu.html: the web page has no text"):
        convert_file(path)


@pytest.mark.build  # a whole-size CPU ratio: runs with the builds
def test_deeply_nested_markup_is_read_in_linear_time():
    """No event looks down the element stack: twice the nesting costs about twice the CPU
    time, measured in this process (a quadratic reader costs four times; minutes at
    100,000 levels). A busy machine slows both readings alike."""
    from hostile_files import assert_linear_cpu

    def page(depth: int) -> str:
        return "<div><b>" * depth + "Members attend." + "</b></div>" * depth

    assert "Members attend." in text_of(page(2_000))  # warm up: imports and caches
    assert_linear_cpu(text_of, page(10_000), page(20_000))


def test_a_page_laid_out_with_a_table_reads_as_text():
    """Older council sites put the whole page in a layout table: its cells are the text,
    paragraph by paragraph, not one table cell each."""
    page = """<html><body><table width="100%"><tr>
    <td class="leftmenu"><a href="/">Home</a></td>
    <td><h1>Contract Procedure Rules</h1>
    <p>1.1 These rules apply to every contract.</p>
    <p>1.2 Officers must follow them.</p>
    <table border=1><tr><td>Value</td><td>Quotes</td></tr><tr><td>Up to 5,000</td><td>One</td></tr>
    </table></td></tr></table></body></html>"""
    lines = text_of(page).rstrip("\n").split("\n\n")
    assert lines[1:5] == [
        "# Contract Procedure Rules",
        "1.1 These rules apply to every contract.",
        "1.2 Officers must follow them.",
        "Value\tQuotes\nUp to 5,000\tOne",
    ]


def test_lists_as_a_browser_shows_them_loose_reversed_value_nested():
    """A loose item keeps its marker with its first paragraph, a later paragraph stays
    under it; reversed lists count down from their own item count; value resets."""
    page = """<html><body><main><h1>Meeting Rules</h1>
    <ol><li><p>Members arrive on time.</p><p>Late members wait at the door.</p></li>
      <li><p>The chair opens the meeting:</p>
        <ul><li><p>at the hour fixed;</p></li><li><p>with a quorum.</p></li></ul>
        <p>The clerk notes the time.</p></li></ol>
    <ol reversed><li>Third from last</li><li>Second from last<ol><li>inner</li></ol></li>
      <li><p>Last</p></li></ol>
    <ol reversed type="a"><li>c item</li><li value="9">i item</li><li>h item</li></ol>
    <ol><li></li><li>Second shown</li></ol>
    <ul><li><p>A loose bullet</p></li></ul></main></body></html>"""
    lines = [line.rstrip() for line in text_of(page).splitlines() if line.strip()]
    assert lines == [
        "# Meeting Rules",
        "1. Members arrive on time.",
        "    Late members wait at the door.",
        "2. The chair opens the meeting:",
        "    - at the hour fixed;",
        "    - with a quorum.",
        "    The clerk notes the time.",
        "3. Third from last",
        "2. Second from last",
        "    1. inner",
        "1. Last",
        "c. c item",
        "i. i item",
        "h. h item",
        "2. Second shown",
        "- A loose bullet",
    ]


def test_loose_bullets_stay_list_items_in_the_document(tmp_path):
    path = tmp_path / "rules.html"
    path.write_text(
        "<html><body><h1>Rules</h1><p>Members must:</p><ul><li><p>attend meetings</p></li>"
        "<li><p>declare interests</p></li></ul><p>The clerk keeps a record.</p></body></html>",
        encoding="utf-8",
    )
    document = convert_file(path)
    from clausemark.model.document import Clause, Heading, Section

    assert not [b for b in document.blocks if isinstance(b, Heading | Section)]

    def clauses(blocks):
        for block in blocks:
            if isinstance(block, Clause):
                yield block
                yield from clauses(block.children)

    texts = [clause.text for clause in clauses(document.blocks)]
    assert texts == [
        "Members must:",
        "attend meetings",
        "declare interests",
        "The clerk keeps a record.",
    ]


DEFINITIONS_PAGE = """<html><body><main><h1>Petitions Scheme</h1>
<h2>1. Meanings</h2>
<dl><dt>Petition</dt><dd>A request signed by at least ten residents of the district.</dd>
<dt><b>E-petition</b></dt><dd>A petition signed online.</dd><dd>Or by text message.</dd></dl>
<p>1.1 Each petition is acknowledged within ten working days.</p>
<dl><dd>A definition list with no terms is indented text.</dd></dl>
<h2>2. Thresholds</h2><p>2.1 A petition of 500 names is debated.</p>
</main></body></html>"""


def test_a_definitions_list_is_a_table_in_its_section(tmp_path):
    """Each <dt> read as a paragraph was taken for a heading: the second closed section 1,
    so clause 1.1 lost its parent. A browser shows term and definition side by side."""
    path = tmp_path / "petitions.html"
    path.write_text(DEFINITIONS_PAGE, encoding="utf-8")
    read = text_of(DEFINITIONS_PAGE)
    assert "\nPetition\tA request signed by at least ten residents of the district.\n" in read
    assert "\n**E-petition**\tA petition signed online.\n" in read
    assert "\n\xa0\tOr by text message.\n" in read  # a second definition: a row of its own
    assert "\n\nA definition list with no terms is indented text.\n" in read
    page = render_document(convert_file(path))
    assert "| Petition | A request signed by at least ten residents of the district. |" in page
    records = clause_records(convert_file(path))
    assert {r.number: r.anchor for r in records if r.number} == {
        "1.1": "sec_1__para_1-1",
        "2.1": "sec_2__para_2-1",
    }
