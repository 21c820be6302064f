"""Sources written by an attacker: every payload shows as text, and no script ever runs.

A small site (tests/hostile_corpus.py) carries script payloads in every place a council's
files reach the page: clause text (raw and entity-encoded), printed titles, headings,
term definitions, links, front matter, sidecars, glossary.yml, documents.yml and version
labels. It is built with --strict, bundled, and opened in Chromium over http (with and
without the Content-Security-Policy, so that the escaping is proven on its own) and from
the unzipped bundle over file://. Every titled element is hovered or focused, every link
clicked and search typed into; not one dialog may open.
"""

from __future__ import annotations

import html
import json
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit
from urllib.request import url2pathname

import pytest
from browser_support import WAIT_MS, serve_directory
from hostile_corpus import (
    IMG,
    JS_URL,
    NAME_IMG,
    SEARCH_WORDS,
    SVG,
    write_hostile_project,
)
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect
from site_builds import REPO_ROOT, build_site, run_clausemark

pytestmark = pytest.mark.build  # every test here runs `mkdocs build` or the CLI on a site

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')
# Anything a payload would leave in the page had its markup got through (the one iframe
# allowed is the empty one the bundle's search worker runs in: assets/iframe-worker.js).
INJECTED = (
    'img[src="x"], svg[onload], iframe:not(body > iframe[hidden]:not([src]):not([srcdoc])), '
    "[onerror], [onload], [onmouseover], [ontoggle], "
    '[onfocus], script:not([src]):not([type="application/json"]), '
    'a[href^="javascript:" i], a[href^="data:" i], a[href^="vbscript:" i]'
)
UNSAFE_URL = re.compile(r"^\s*(?:javascript|data|vbscript|file):", re.IGNORECASE)


@dataclass(frozen=True)
class HostileSite:
    project: Path
    site: Path
    bundle: Path
    build_output: str


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> HostileSite:
    root = tmp_path_factory.mktemp("hostile")
    project = write_hostile_project(root / "project", REPO_ROOT / "overrides")
    built = build_site(project, root / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    bundled = run_clausemark(
        "bundle", "--config", "mkdocs.yml", "--out", str(root / "dist"), cwd=project
    )
    assert bundled.returncode == 0, bundled.stderr
    (archive,) = sorted((root / "dist").glob("*.zip"))
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(root / "unzipped")
    return HostileSite(project, root / "site", root / "unzipped" / archive.stem, built.stderr)


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if needle in line)


# --- the build ----------------------------------------------------------------------------


@pytest.mark.smoke
def test_refused_links_are_reported_with_their_file_and_line(hostile):
    source = hostile.project / "sources" / "hostile-protocol.txt"
    anchor_line = _line_of(source, f'<a href="{JS_URL}">')
    vb_line = _line_of(source, "vbscript:")
    # allowed in its mkdocs.yml: counted in one line of the log, each listed on the report
    assert re.search(r"\d+ known warnings allowed by allow_warnings", hostile.build_output)
    report = (hostile.site / "build-report" / "index.html").read_text(encoding="utf-8")
    output = html.unescape(re.sub(r"<[^>]+>", "", report))
    assert (
        f"sources/hostile-protocol.txt:{anchor_line}: link '{JS_URL}' is not an http, https, "
        "mailto or relative address; shown as plain text"
    ) in output
    assert f"sources/hostile-protocol.txt:{anchor_line + 1}: link 'java script:alert(7)'" in output
    assert f"sources/hostile-protocol.txt:{vb_line}: link 'vbscript:msgbox(9)'" in output
    assert f"sources/hostile-protocol.txt:{vb_line}: link 'file:///etc/passwd'" in output
    assert re.search(
        r"documents\.yml:\d+: document 'evil-link': url 'javascript:alert\(5\)' is not an http",
        output,
    ), output


def test_a_refused_link_fails_a_strict_build(tmp_path):
    project = write_hostile_project(
        tmp_path / "project", REPO_ROOT / "overrides", ("Borough Rules",)
    )
    result = build_site(project, tmp_path / "site", expect_failure=True)
    assert result.returncode == 1
    assert re.search(r"WARNING .*hostile-protocol\.txt:\d+: link 'javascript:", result.stderr)
    assert re.search(r"WARNING .*documents\.yml:\d+: document 'evil-link': url", result.stderr)


class _Markup(HTMLParser):
    """Event-handler attributes, unsafe URLs, inline scripts and the visible text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.text: list[str] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in {"href", "src", "xlink:href", "action"} and UNSAFE_URL.match(value or ""):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in {"iframe", "object", "embed"} or (tag == "img" and values.get("src") == "x"):
            self.found.append(f"<{tag} {values}>")
        if tag == "script":
            self._script = values

    def handle_endtag(self, tag):
        self._script = None if tag == "script" else self._script

    def handle_data(self, data):
        if self._script is not None:
            if "src" not in self._script and self._script.get("type") != "application/json":
                self.found.append(f"inline script {data[:60]!r}")
        else:
            self.text.append(data)


def _read(path: Path) -> _Markup:
    parser = _Markup()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _pages(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.html") if "assets" not in p.relative_to(root).parts)


def test_no_page_of_the_site_or_bundle_carries_markup_from_the_sources(hostile):
    for root in (hostile.site, hostile.bundle):
        pages = _pages(root)
        assert len(pages) >= 10, pages
        for page in pages:
            markup = _read(page)
            assert markup.found == [], f"{page}: {markup.found}"
            assert CSP_META.search(page.read_text(encoding="utf-8")), f"{page}: no CSP"


def test_the_payloads_are_shown_as_the_words_written(hostile):
    glossary = " ".join(_read(hostile.site / "glossary" / "index.html").text)
    assert f"Gloss {IMG} Term" in glossary
    assert f"Chief {NAME_IMG} Officers" in glossary
    protocol = " ".join(_read(hostile.site / "hostile-protocol" / "index.html").text)
    assert f"Protocol {IMG}" in protocol  # the printed title, in the h1
    assert f"Hostile {IMG} Protocol {SVG} - Hostile Council" in protocol  # <title>
    assert "Read the anchor and the markdown" in protocol  # the refused links' words
    sidecar = " ".join(_read(hostile.site / "sidecar-rules" / "index.html").text)
    assert f"Sidecar {IMG} Rules {SVG} - Hostile Council" in sidecar
    assert f"Sidecar Council {SVG}" in sidecar
    (changes,) = (hostile.site / "folder-protocol" / "changes").iterdir()
    diff = " ".join(_read(changes / "index.html").text)
    assert f"Folder {IMG} Protocol: changes from version 2025 {IMG} to 2026 {SVG}" in diff
    hub = " ".join(_read(hostile.site / "codes" / "payload-book" / "index.html").text)
    assert f"Rule {IMG} Book" in hub and f"Its title carries {SVG}." in hub
    assert f"Alias {SVG}" in glossary


# --- in Chromium ----------------------------------------------------------------------------


class _WithoutCsp:
    """Serves each page with its CSP removed: the escaping alone must keep payloads inert."""

    def __init__(self) -> None:
        self.stripped: list[str] = []

    def __call__(self, route) -> None:
        response = route.fetch()
        body, count = CSP_META.subn("", response.text())
        if count:
            self.stripped.append(route.request.url)
        route.fulfill(response=response, body=body)


class _Visit:
    """One browser tab walking the site, collecting dialogs, CSP errors and what it tried."""

    def __init__(self, page):
        self.page = page
        self.dialogs: list[str] = []
        self.csp_errors: list[str] = []
        self.hovered: set[str] = set()
        self.clicked: set[str] = set()
        page.on("dialog", self._dialog)
        page.on("console", self._console)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{self.page.url}: {dialog.message}")
        dialog.dismiss()

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.csp_errors.append(f"{self.page.url}: {message.text}")

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_load_state("load")

    def assert_nothing_injected(self) -> None:
        found = self.page.eval_on_selector_all(INJECTED, "els => els.map(el => el.outerHTML)")
        assert found == [], f"{self.page.url}: {found}"

    def hover_titles(self) -> None:
        """Each distinct title once (digits aside): its tooltip is built, then it moves on."""
        # Handles, not a locator: Material takes a title off its element while it shows it.
        titled = self.page.query_selector_all("[title], a.cm-term")
        titles = [
            element.get_attribute("title") or element.get_attribute("href") or ""
            for element in titled
        ]
        for element, title in zip(titled, titles, strict=True):
            key = re.sub(r"\d+", "#", title)
            if key in self.hovered:
                continue
            self.hovered.add(key)
            try:
                if element.is_visible():
                    element.hover(timeout=2000)
                else:
                    element.focus(timeout=2000)
                self.page.wait_for_selector(".md-tooltip2", state="attached", timeout=600)
            except (PlaywrightTimeout, PlaywrightError):
                continue  # an element that cannot be hovered or shows no tooltip

    def click_links(self, here: str) -> None:
        """Every distinct link activated (a script URL would run here), then back to `here`.

        Links leaving this machine (aborted by the `page` fixture) and mailto: are left:
        neither can run script. A link within the page is clicked on the page itself.
        """
        links = self.page.eval_on_selector_all(
            "a[href]", "els => els.map(el => [el.getAttribute('href'), el.href])"
        )
        for href, target in dict.fromkeys(map(tuple, links)):
            if not target.startswith(("http://127.0.0.1", "file:")):
                continue
            # a fragment on this page scrolls; the page's own address without one reloads it
            same_page = "#" in target and urldefrag(target).url == urldefrag(here).url
            key = target if same_page else urldefrag(target).url
            if key in self.clicked:
                continue
            self.clicked.add(key)
            click = f"document.querySelector('a[href=' + {_js_string(_css_string(href))} + ']')"
            if same_page:
                self.page.evaluate(f"{click}.click()")
                continue
            if (
                target.startswith("file:")
                and not Path(url2pathname(urlsplit(target).path)).exists()
            ):
                continue  # a source's relative link to no file: Chromium shows an error page
            with self.page.expect_navigation(wait_until="load", timeout=WAIT_MS):
                self.page.evaluate(f"{click}.click()")
            self.assert_nothing_injected()
            self.open(here)

    def search(self, word: str) -> None:
        self.page.keyboard.press("/")
        expect(self.page.locator(".md-search__input")).to_be_focused()
        self.page.keyboard.type(word)
        self.page.wait_for_selector(".md-search-result__item", timeout=WAIT_MS)
        self.assert_nothing_injected()


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _js_string(text: str) -> str:
    return json.dumps(text)


@pytest.mark.parametrize("where", ["http", "http-without-csp", "file"])
def test_no_payload_runs_anywhere_in_chromium(page, hostile, where):
    if where == "file":
        # 404.html addresses everything from the server's root: it is for http only (and
        # the static check above reads it).
        pages = [p for p in _pages(hostile.bundle) if p.name != "404.html"]
        _walk(page, [p.as_uri() for p in pages], where)
        return
    without_csp = _WithoutCsp()
    if where == "http-without-csp":
        page.route(re.compile(r".*(/|\.html)$"), without_csp)
    with serve_directory(hostile.site) as base:
        urls = [base + p.relative_to(hostile.site).as_posix() for p in _pages(hostile.site)]
        _walk(page, urls, where)
    if where == "http-without-csp":
        assert len(set(without_csp.stripped)) >= len(urls), without_csp.stripped


def _walk(page, urls: list[str], where: str) -> None:
    assert 10 <= len(urls) <= 40, urls
    visit = _Visit(page)
    for url in urls:
        visit.open(url)
        visit.assert_nothing_injected()
        visit.hover_titles()
        visit.assert_nothing_injected()
        visit.click_links(url)
    visit.open(urls[0])
    for word in (*SEARCH_WORDS, IMG):
        visit.search(word)
        visit.open(urls[0])
    assert visit.dialogs == [], visit.dialogs
    assert len(visit.clicked) > 20 and len(visit.hovered) > 10, (visit.clicked, visit.hovered)
    if where != "http-without-csp":
        assert visit.csp_errors == [], visit.csp_errors


@pytest.mark.parametrize("where", ["http-without-csp", "file"])
def test_tooltips_show_the_payloads_as_text(page, hostile, where):
    if where == "file":
        _check_tooltips(page, (hostile.bundle / "hostile-protocol.html").as_uri())
        return
    page.route(re.compile(r".*(/|\.html)$"), _WithoutCsp())
    with serve_directory(hostile.site) as base:
        _check_tooltips(page, f"{base}hostile-protocol/")


def _check_tooltips(page, url: str) -> None:
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_viewport_size({"width": 700, "height": 800})
    page.goto(url)
    term = page.locator("a.cm-term", has_text="Zanzibar Panel").first
    term.focus()
    expect(term).to_have_attribute("aria-describedby", re.compile(r"\S"))
    tooltip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    expect(tooltip).to_contain_text(f"reads {IMG} and onerror")
    cite = page.locator("button.cm-cite").first
    cite.focus()
    expect(cite).to_have_attribute("aria-describedby", re.compile(r"\S"))
    tooltip = page.locator(f"#{cite.get_attribute('aria-describedby')}")
    expect(tooltip).to_contain_text(f"Borough {SVG}")
    page.screenshot(path="/tmp/clausemark-hostile-tooltip.png")
    # The narrow window truncates the page title in the header: Material then copies it
    # into a title of its own and shows that as a tooltip too.
    page.mouse.wheel(0, 800)
    topic = page.locator('[data-md-component="header-topic"] .md-ellipsis')
    expect(topic).to_have_attribute("title", re.compile("Hostile"))
    topic.hover()
    shown = page.get_by_role("tooltip", name=f"Hostile {IMG} Protocol {SVG}", exact=True)
    expect(shown).to_be_visible()
    assert dialogs == []
    assert page.locator(INJECTED).count() == 0


@pytest.mark.parametrize("where", ["http", "file"])
def test_the_csp_refuses_inline_handlers_and_scripts(page, hostile, where):
    """The policy itself: markup injected by any other route still cannot run script."""
    probe = """() => new Promise((done) => {
        document.body.insertAdjacentHTML('beforeend',
            '<img src="x" onerror="window.cmRan = (window.cmRan || 0) + 1">');
        const script = document.createElement('script');
        script.textContent = 'window.cmRan = (window.cmRan || 0) + 1';
        document.body.appendChild(script);
        setTimeout(() => done(window.cmRan || 0), 500);
    })"""
    if where == "file":
        page.goto((hostile.bundle / "index.html").as_uri())
        assert page.evaluate(probe) == 0
        return
    with serve_directory(hostile.site) as base:
        page.goto(base)
        assert page.evaluate(probe) == 0
