"""The offline bundle, unzipped and opened over file:// with no network: everything still works.

Every request the page makes is recorded; anything but file:// inside the unzipped
folder, data: or blob: fails the test.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_support import record_requests
from clausemark.adapters.bundle import SHIM_SITE_PATH, WORKER_SOURCE_SITE_PATH
from playwright.sync_api import expect
from test_browser_site import (
    CLAUSE_4_8,
    PART_E,
    assert_in_view,
    clause_text,
    click_first_clause_result,
    search,
    term_links,
)
from test_bundle import build_example_bundle

SCREENSHOT = Path("/tmp/clausemark-bundle-search.png")
NEWCASTLE = "newcastle-under-lyme-member-officer-relations-protocol"


@pytest.fixture
def bundle(request):
    return build_example_bundle(request)


def assert_stayed_inside(log, root: Path) -> None:
    assert log.urls, "no requests were recorded"
    assert log.outside(directory=root) == []
    assert {url.split(":", 1)[0] for url in log.urls} <= {"file", "data", "blob"}, log.urls


def test_search_works_offline_and_reaches_the_clause(page, bundle, capsys):
    log = record_requests(page)
    started = time.perf_counter()
    page.goto((bundle.root / "index.html").as_uri())
    hrefs = search(page, "purdah")
    first_result_after = time.perf_counter() - started
    page.screenshot(path=str(SCREENSHOT))
    anchor = click_first_clause_result(page, hrefs)
    assert page.url.startswith(bundle.root.as_uri() + "/")
    assert re.search(r"/[\w-]+\.html\?h=purdah#", page.url), page.url
    assert "purdah" in clause_text(page, anchor).lower()
    assert_in_view(page, anchor)
    assert any(url.endswith("/search/search_index.js") for url in log.urls), log.urls
    # the shim and the worker by their contents' versions (?v=...), read from file:// too:
    # the worker's text, which the shim starts on a thread of its own from a blob:
    loaded = [urlsplit(url) for url in log.urls]
    assert any(u.path.endswith("/" + SHIM_SITE_PATH) and "v=" in u.query for u in loaded), log.urls
    worker_text = "/" + WORKER_SOURCE_SITE_PATH
    assert any(u.path.endswith(worker_text) and "v=" in u.query for u in loaded), log.urls
    assert_stayed_inside(log, bundle.root)
    with capsys.disabled():
        print(
            f"\n[bundle] first search result over file:// {first_result_after:.2f} s after "
            f"page.goto(index.html); {bundle.zip_path.name} is "
            f"{bundle.zip_path.stat().st_size} bytes; screenshot {SCREENSHOT}"
        )


# Withholds the search worker's text (adapters/bundle.py): the shim then runs the worker in
# its iframe, on the page's thread, as in a browser that starts no worker from a blob:.
NO_THREAD = """
Object.defineProperty(window, '__clausemarkSearchWorker', {
  get: () => undefined, set: () => {}, configurable: false });
"""


def test_the_search_index_is_handed_to_the_worker_not_copied(page, bundle):
    """Where the worker runs on the page's thread (assets/iframe-worker.js's iframe), a copy
    of the index (megabytes at 10x) would delay the first answer; the worker gets the
    page's own index, and the same results as over http (tests/browser: search)."""
    page.add_init_script(NO_THREAD)
    page.goto((bundle.root / "index.html").as_uri())
    page.wait_for_function("() => window.__index && document.querySelector('iframe[hidden]')")
    page.evaluate(
        """() => document.querySelector('iframe[hidden]').contentWindow.addEventListener(
            'message', (event) => { if (event.data.type === 0) window.__handed = event.data; })"""
    )
    hrefs = search(page, "purdah")
    assert any("purdah" in href for href in hrefs), hrefs
    assert page.evaluate("() => window.__handed.data.docs === window.__index.docs")
    assert page.evaluate("() => window.__handed.data.config === window.__index.config")


# Records the messages the search worker gets (its iframe's window), from the page's start.
MESSAGES_SEEN = """
window.__workerMessages = [];
new MutationObserver(() => {
  const frame = document.querySelector('iframe[hidden]');
  if (frame && !frame.__recorded) {
    frame.__recorded = true;
    frame.contentWindow.addEventListener(
      'message', (event) => window.__workerMessages.push(event.data.type));
  }
}).observe(document, { subtree: true, childList: true });
"""


def test_the_worker_sets_the_index_up_before_search_is_opened(page, bundle):
    """Material posts the index (SETUP, 0) when search is first opened; over file:// the
    shim hands it to the worker in the iframe once the page has loaded
    ("clausemark-prepare"), to be set up in slices while the reader reads or types, and the
    same results come back."""
    page.add_init_script(NO_THREAD)
    page.add_init_script(MESSAGES_SEEN)
    page.goto((bundle.root / "index.html").as_uri())
    hrefs = search(page, "purdah")
    assert any("purdah" in href for href in hrefs), hrefs
    seen = page.evaluate("window.__workerMessages")
    assert "clausemark-prepare" in seen, seen
    assert seen.count("clausemark-prepare") == 1 and seen.count(0) == 1, seen


# Records the workers the page starts (their URLs) and what is posted to them, with when.
WORKERS_SEEN = """
window.__workers = [];
window.__posted = [];
const Native = window.Worker;
window.Worker = function (url, options) {
  window.__workers.push(String(url));
  return new Native(url, options);
};
const post = Native.prototype.postMessage;
Native.prototype.postMessage = function (data) {
  window.__posted.push([data && data.type, performance.now()]);
  return post.apply(this, arguments);
};
"""


def test_the_search_worker_runs_on_a_thread_of_its_own(page, bundle):
    """Over file:// the browser starts no worker from a file, but does from a blob: of the
    worker's text, which the bundle carries (assets/clausemark/search-worker-source.js): the
    index is set up there, off the page's thread, and is handed over before the page has
    finished loading (the shim asks for the index script when the page starts); no iframe
    is needed, and the answers are the same (tests/browser: search, over http and file)."""
    page.add_init_script(WORKERS_SEEN)
    page.goto((bundle.root / "index.html").as_uri())
    hrefs = search(page, "purdah")
    assert any("purdah" in href for href in hrefs), hrefs
    workers = page.evaluate("window.__workers")
    assert len(workers) == 1 and workers[0].startswith("blob:"), workers
    assert page.locator("iframe[hidden]").count() == 0
    posted = page.evaluate("window.__posted")
    kinds = [kind for kind, _ in posted]
    assert kinds[:2] == ["clausemark-prepare", 0] and set(kinds[2:]) == {2}, kinds
    loaded = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventStart")
    assert posted[0][1] < loaded, (posted, loaded)


# A browser that refuses the worker (its policy or its rules), saying so by an error
# event after the worker was made, as Chromium does for a worker-src that forbids blob:.
REFUSED = """
window.__refused = [];
window.Worker = function (url) {
  window.__refused.push(String(url));
  const worker = new EventTarget();
  worker.postMessage = () => {};
  worker.terminate = () => {};
  setTimeout(() => {
    const event = new Event('error', { cancelable: true });
    if (worker.onerror) worker.onerror(event);
  });
  return worker;
};
"""


def test_a_refused_threaded_worker_leaves_search_to_the_iframe(page, bundle):
    page.add_init_script(REFUSED)
    page.goto((bundle.root / "index.html").as_uri())
    hrefs = search(page, "purdah")
    assert any("purdah" in href for href in hrefs), hrefs
    refused = page.evaluate("window.__refused")
    assert len(refused) == 1 and refused[0].startswith("blob:"), refused
    assert page.locator("iframe[hidden]").count() == 1


def test_clause_anchor_and_footnotes_work_offline(page, bundle):
    log = record_requests(page)
    page.goto(f"{(bundle.root / f'{PART_E}.html').as_uri()}#{CLAUSE_4_8}")
    assert_in_view(page, CLAUSE_4_8)
    page.goto((bundle.root / f"{NEWCASTLE}.html").as_uri())
    marker = page.locator("sup.cm-fnref a").first
    footnote = marker.get_attribute("href").lstrip("#")
    marker.click()
    assert page.evaluate("location.hash") == f"#{footnote}"
    assert_in_view(page, footnote)
    page.locator(f'[id="{footnote}"] a.footnote-backref').click()
    back = page.evaluate("location.hash").lstrip("#")
    assert back.startswith("fnref"), back
    assert_in_view(page, back)
    assert_stayed_inside(log, bundle.root)


def test_navigation_and_glossary_tooltips_work_offline(page, bundle):
    log = record_requests(page)
    page.goto((bundle.root / "index.html").as_uri())
    page.locator('.md-nav__link[href="glossary.html"]').first.click()
    page.wait_for_url(re.compile(r"/glossary\.html$"))
    expect(page.locator("article h1")).to_be_visible()
    definition = term_links(bundle.root / f"{PART_E}.html")[0]["title"]
    page.goto((bundle.root / f"{PART_E}.html").as_uri())
    term = page.locator("a.cm-term").first
    term.focus()
    expect(term).to_have_attribute("aria-describedby", re.compile(r"\S"))
    tooltip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(definition)
    term.click()
    page.wait_for_url(re.compile(r"/glossary\.html#[\w-]+$"))
    assert_stayed_inside(log, bundle.root)
