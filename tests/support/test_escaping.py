"""The one escaping rule and the link-scheme filter, as units, and where the parser uses them."""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from html.parser import HTMLParser

import markdown
import pytest
from clausemark.convert import convert_file
from clausemark.parse.inline import convert_html, convert_inline
from clausemark.support.escaping import (
    html_text,
    link_scheme,
    markdown_text,
    markdown_url,
    refused_link,
    safe_link,
    tooltip,
    tree_text,
)
from clausemark.support.markdown_text import plain_text
from hypothesis import given
from hypothesis import strategies as st
from markdown.serializers import to_html_string

EXTENSIONS = ["attr_list", "md_in_html", "footnotes", "tables", "abbr", "toc"]
PAYLOAD = "<img src=x onerror=alert(1)>"


def render(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(fragment: str) -> str:
    """What a browser shows of an HTML fragment: tags dropped, entities decoded once."""
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts).strip()


# --- html_text, tree_text, tooltip ----------------------------------------------------


def test_html_text_escapes_markup_and_both_quotes():
    assert html_text('"><svg onload=alert(1)>') == "&quot;&gt;&lt;svg onload=alert(1)&gt;"
    assert html_text("it's & <b>") == "it&#x27;s &amp; &lt;b&gt;"


def test_tree_text_survives_the_markdown_serializer_as_the_same_words():
    for text in (PAYLOAD, "&lt;img src=x&gt;", "Audit & Governance", "a &amp; b"):
        element = etree.Element("a", {"title": tree_text(text)})
        element.text = tree_text(text)
        serialized = to_html_string(element)
        assert "<img" not in serialized
        assert visible_text(serialized) == text
        attribute = serialized.split('title="', 1)[1].split('"', 1)[0]
        assert html.unescape(attribute) == text


def test_a_tooltip_title_is_html_that_shows_the_text():
    """Material puts the title into innerHTML: parsed once as an attribute, once as HTML."""
    for text in (PAYLOAD, "&lt;img src=x onerror=alert(1)&gt;", "Audit & Governance"):
        serialized = to_html_string(etree.Element("a", {"title": tooltip(text)}))
        attribute = html.unescape(serialized.split('title="', 1)[1].split('"', 1)[0])
        assert "<" not in attribute  # nothing for innerHTML to make into an element
        assert html.unescape(attribute) == text  # and the tooltip reads as written


def test_a_tooltip_title_reads_as_plain_text_where_it_can():
    """A screen reader and the browser's own tooltip read the title's value as it is:
    quotes and '>' are kept as written there, never as a reference such as '&#x27;'."""
    for text in ("a council's staff", 'the "Chair"', "more > less"):
        serialized = to_html_string(etree.Element("a", {"title": tooltip(text)}))
        attribute = html.unescape(serialized.split('title="', 1)[1].split('"', 1)[0])
        assert attribute == text
    serialized = to_html_string(etree.Element("a", {"title": tooltip("R&D <b>")}))
    attribute = html.unescape(serialized.split('title="', 1)[1].split('"', 1)[0])
    assert attribute == "R&amp;D &lt;b>"  # only what innerHTML would read as markup


# --- markdown_text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        PAYLOAD,
        "&lt;img src=x onerror=alert(1)&gt;",
        "[x](javascript:alert(1))",
        "![i](x) and <https://example.org>",
        "*emphasis* _under_ `code` {: #id .class } a|b \\ back",
        "1. a list?",
        "- a bullet?",
        "# a heading? ##",
        "> a quote?",
        "---",
        "*[HTML]: an abbreviation?",
        "[^1]: a footnote?",
        '<div markdown="1">*md in html*</div>',
        "Audit & Governance &amp; more",
    ],
)
def test_markdown_text_renders_as_exactly_the_words_given(text):
    for placed in (text, f"## {text}"):
        source = markdown_text(placed) if placed == text else f"## {markdown_text(text)}"
        rendered = render(source)
        assert rendered.count("<") == 2, rendered  # one element: <p> or <h2>, nothing inside
        assert visible_text(rendered) == text


@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_markdown_text_never_makes_markup(text):
    rendered = render(markdown_text(text))
    assert rendered.count("<") <= 2, rendered
    assert visible_text(rendered) == " ".join(text.split())


# --- the link-scheme filter ---------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "  javascript:alert(1)",
        "\x01javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java&#x09;script:alert(1)",
        "java&Tab;script:alert(1)",
        "&#106;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "java%0ascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://example.org/",
    ],
)
def test_other_schemes_are_refused_however_written(url):
    assert not safe_link(url)
    assert link_scheme(url) not in {"http", "https", "mailto", None}


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/rules",
        "HTTP://example.org",
        "mailto:clerk@example.org",
        "../glossary/#monitoring-officer",
        "other-page/",
        "#fn:1",
        "?h=purdah",
        "page.html#sec_4__para_4-8",
    ],
)
def test_web_mail_and_relative_targets_are_kept(url):
    assert safe_link(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1",
        "https://[::1/x",
        "http://::1]/x",
        "http://[not-an-ip]/",
        "http://a\uff03b/",
        "http://&#91;::1",
    ],
)
def test_a_target_no_url_parser_reads_is_refused_as_no_address(url):
    """urllib.parse.urlsplit raises on these, and MkDocs and the site's link checks split
    every href with it: one in a source ended the build in a traceback (attack14 A5)."""
    assert not safe_link(url)
    assert refused_link(url).endswith("is not a valid address")


@pytest.mark.parametrize("url", ["http://[::1]/x", "https://[2001:db8::1]:8080/a", "page[1].html"])
def test_a_bracketed_host_that_reads_is_kept(url):
    assert safe_link(url)


def test_a_refused_target_is_named_on_one_printable_line():
    message = refused_link("java\tscript:alert(1)" + "x" * 100)
    assert message.startswith("'java script:alert(1)xxx")
    assert "\t" not in message and len(message) < 120
    assert message.endswith("is not an http, https, mailto or relative address")


def test_a_target_holding_markdowns_escape_placeholder_is_read_as_its_character():
    """An href inside the page's Markdown holds '\x0292\x03' for an escaped backslash until
    Python-Markdown's last step: it was named 'java 92 script:...' and read as the scheme
    'java92script' (review9), where the page's address is the relative 'java\\script:...'."""
    href = "view\x0245\x03source:x"
    assert refused_link(href).startswith("'view-source:x' is not")
    assert link_scheme("java\x0292\x03script:alert(3)") is None  # a path, as it prints
    assert link_scheme("\x0292\x03\x0292\x03evil\x0292\x03share") == "//"


def test_markdown_url_cannot_end_the_link_early():
    url = markdown_url("https://example.org/a (b)<c>")
    assert render(f"[x]({url})") == (
        '<p><a href="https://example.org/a%20%28b%29%3Cc%3E">x</a></p>'
    )


# --- in the parser: source text ------------------------------------------------------------


def test_source_links_keep_only_safe_targets_and_say_which_were_refused():
    text, refused = convert_inline(
        'See <a href="javascript:alert(1)">this</a>, [that](JAVASCRIPT:alert(2)), '
        '<a href="java&#x09;script:alert(3)">tab</a>, [web](https://example.org/x_(y)) '
        'and <a href="../glossary/">the glossary</a>.'
    )
    assert text == (
        "See this, that, tab, [web](https://example.org/x_(y)) and [the glossary](../glossary/)."
    )
    assert refused == ["JAVASCRIPT:alert(2)", "javascript:alert(1)", "java&#x09;script:alert(3)"]


def test_any_other_html_in_a_source_is_text():
    converted = convert_html(f'{PAYLOAD} <b onmouseover="alert(1)">bold</b> <script>x</script>')
    rendered = render(converted)
    assert "<img" not in rendered and "<script" not in rendered and "onmouseover" not in rendered
    assert visible_text(rendered) == f"{PAYLOAD} bold <script>x</script>"


def test_a_markdown_image_in_a_source_is_shown_as_written():
    written = '![plan](x" onerror="alert(1)) and ![pixel](https://tracker.example/p.gif)'
    rendered = render(convert_html(written))
    assert "<img" not in rendered
    assert visible_text(rendered) == written


def test_entity_encoded_html_in_a_source_stays_text():
    rendered = render(convert_html("a &lt;img src=x onerror=alert(1)&gt; b"))
    assert "<img" not in rendered
    assert visible_text(rendered) == f"a {PAYLOAD} b"


def test_plain_text_reads_character_references_as_the_page_shows_them():
    """Titles and definitions are taken from the text as plain words, then escaped again."""
    text = "a &#60;img src=x&#x3E; &lt;b&gt; &amp;lt; R&D &notes"
    assert plain_text(convert_html(text)) == "a <img src=x> <b> &lt; R&D &notes"
    assert visible_text(render(convert_html(text))) == plain_text(convert_html(text))


def test_refused_links_are_warnings_naming_their_line(tmp_path):
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Protocol\n\n1. SCOPE\n\n1.1 Read [this](javascript:alert(1)) first.\n"
        '1.2 And <a href="data:text/html,x">that</a>.\n',
        encoding="utf-8",
    )
    document = convert_file(source, "protocol")
    warnings = [w.format("sources/protocol.txt") for w in document.warnings if w.code == "link"]
    assert warnings == [
        "sources/protocol.txt:5: link 'javascript:alert(1)' is not an http, https, mailto or "
        "relative address; shown as plain text",
        "sources/protocol.txt:6: link 'data:text/html,x' is not an http, https, mailto or "
        "relative address; shown as plain text",
    ]


def test_a_footnote_holding_html_as_text_is_not_reported_as_losing_words(tmp_path):
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Protocol\n\n1. SCOPE\n\n1.1 A clause¹ here.\n\n¹ A note about <script> & more.\n",
        encoding="utf-8",
    )
    document = convert_file(source, "protocol")
    assert [w.message for w in document.warnings if w.code == "lost-words"] == []
    assert plain_text(document.footnotes[0].text) == "A note about <script> & more."
