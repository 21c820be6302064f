"""The example site and its bundle under their Content-Security-Policy: everything still works,
and the browser reports no violation (the theme's scripts are files; search runs over http
in a Worker and over file:// in a Worker started from a blob: of its text, which the bundle
alone allows)."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from browser_support import serve_directory
from hostile_corpus import write_hostile_project
from playwright.sync_api import expect
from site_builds import MKDOCS_ENV, REPO_ROOT
from test_browser_site import CLAUSE_4_8, PART_E, assert_in_view, search
from test_bundle import build_example_bundle

pytestmark = pytest.mark.build  # every test here runs `mkdocs build` or the CLI on a site

TOWN = "town-council-member-officer-relations-protocol"
POLICY = (
    "default-src 'self'; script-src 'self'; script-src-attr 'none'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "frame-src 'none'; media-src 'none'; object-src 'none'; form-action 'none'; "
    "base-uri 'self'"
)
# (page under http, page in the bundle): a document, an old version (anchor map), a diff,
# the glossary and a code hub
PAGES = [
    (f"{PART_E}/", f"{PART_E}.html"),
    (f"{TOWN}/versions/2026/", f"{TOWN}/versions/2026.html"),
    (f"{TOWN}/changes/2026-to-2027/", f"{TOWN}/changes/2026-to-2027.html"),
    ("glossary/", "glossary.html"),
    ("codes/members-code/", "codes/members-code.html"),
    ("", "index.html"),
    ("reviews/2027/", "reviews/2027.html"),
    ("build-report/", "build-report.html"),
]
# The bundle alone lets a worker start from a blob: (its search worker's own text, carried
# by one of its scripts: a browser starts no worker from a file:// URL).
BUNDLE_POLICY = POLICY.replace("worker-src 'self';", "worker-src 'self' blob:;")
FOOTNOTED = "emcca-member-officer-protocol"


def _violations(page) -> list[str]:
    found: list[str] = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: found.append(f"page error: {error}"))
    return found


def _check_pages(page, urls: list[str], violations: list[str], policy: str = POLICY) -> None:
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        meta = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert meta.get_attribute("content") == policy
        # clausemark.js ran (it marks the page and titles the citation buttons)
        if page.locator(".cm-cite").count():
            title = page.locator(".cm-cite").first.get_attribute("title") or ""
            assert title.startswith("Copy citation: "), title
        assert page.evaluate("typeof window.__md_get") == "function"  # the theme's own script
    assert violations == [], violations


@pytest.mark.parametrize("where", ["http", "file"])
def test_every_kind_of_page_works_with_no_csp_violation(page, built_site, request, where):
    violations = _violations(page)
    if where == "file":
        root = build_example_bundle(request).root
        bundled_pages = [(root / bundled).as_uri() for _, bundled in PAGES]
        _check_pages(page, bundled_pages, violations, BUNDLE_POLICY)
        footnoted = (root / f"{FOOTNOTED}.html").as_uri()
        page.goto((root / "index.html").as_uri())
    else:
        context = serve_directory(built_site)
        base = context.__enter__()
        request.addfinalizer(lambda: context.__exit__(None, None, None))
        _check_pages(page, [base + served for served, _ in PAGES] + [base + "404.html"], violations)
        footnoted = f"{base}{FOOTNOTED}/"
        page.goto(base)
    hrefs = search(page, "purdah")
    assert any(re.search(r"[?&]h=purdah", href) for href in hrefs), hrefs
    assert violations == [], violations
    # a glossary term's tooltip and a footnote's round trip work under the policy too
    page.goto(footnoted)
    term = page.locator("a.cm-term").first
    term.focus()
    expect(term).to_have_attribute("aria-describedby", re.compile(r"\S"))
    expect(page.locator(f"#{term.get_attribute('aria-describedby')}")).to_be_visible()
    marker = page.locator("sup.cm-fnref a").first
    label = marker.get_attribute("href") or ""
    marker.click()
    expect(page.locator(f"[id='{label.lstrip('#')}']")).to_be_in_viewport()
    assert violations == [], violations


def test_an_old_anchor_still_lands_under_the_csp(page, built_site):
    """The anchor map is a JSON data block read by a script file: no inline script needed."""
    violations = _violations(page)
    with serve_directory(built_site) as base:
        page.goto(f"{base}{PART_E}/#{CLAUSE_4_8}")
        assert_in_view(page, CLAUSE_4_8)
        # para 5.3 of version 2026 was removed in 2027: the 2027 page says so, and links on
        page.goto(f"{base}{TOWN}/versions/2027/#sec_5__para_5-3")
        notice = page.locator("#cm-anchor-notice")
        expect(notice).to_contain_text("para 5.3 of version 2026 was removed in version 2027")
        href = notice.locator("a").get_attribute("href")
        assert href == "../../changes/2026-to-2027/#removed-sec_5__para_5-3"
    assert violations == [], violations


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_serve_preview_keeps_the_policy_and_live_reload_runs(page, tmp_path):
    """`mkdocs serve` writes an inline live-reload script into each page: the page's policy
    lets in that one script by its hash; it runs, and an edit reloads the page."""
    project = write_hostile_project(tmp_path / "project", REPO_ROOT / "overrides")
    violations = _violations(page)
    reloads: list[str] = []
    page.on("console", lambda m: reloads.append(m.text) if "live reload" in m.text else None)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, **MKDOCS_ENV},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        served = _fetch_when_up(f"http://127.0.0.1:{port}/sidecar-rules/")
        script = served.rsplit("<script>", 1)[1].split("</script>", 1)[0]
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        allowed = POLICY.replace("script-src 'self'", f"script-src 'self' 'sha256-{digest}'")
        assert f'content="{allowed}"' in served
        page.goto(f"http://127.0.0.1:{port}/sidecar-rules/")
        expect(page.locator("h1")).to_contain_text("Sidecar Rules")
        assert any("Enabled live reload" in text for text in reloads), reloads
        source = project / "sources" / "sidecar-rules.txt"
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("shown as text.", "shown as text again."), encoding="utf-8")
        expect(page.get_by_text("shown as text again.")).to_be_visible(timeout=120_000)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert violations == [], violations


def _fetch_when_up(url: str, within: float = 60.0) -> str:
    deadline = time.monotonic() + within
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
