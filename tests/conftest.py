"""Shared fixtures: a headless Debian chromium and the example site built once per session."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from urllib.parse import urlsplit

import fast_loop
import pytest
from browser_support import CHROMIUM_ARGS, CHROMIUM_PATH, WAIT_MS, require_chromium
from hypothesis import settings
from site_builds import MKDOCS_YML, REPO_ROOT, BuildResult, build_site, make_project
from slow_tests import listed

# Keep Python's bytecode and pytest's rewritten test modules between runs, as Python does
# by default: where PYTHONDONTWRITEBYTECODE is set, compiling the package and rewriting
# the asserts of every test module again costs the fast loop 2-3 CPU seconds each run.
sys.dont_write_bytecode = False


def pytest_configure(config: pytest.Config) -> None:
    """The fast loop (builds and browsers left out) runs fewer property examples
    (fast_loop.py); a run that includes builds runs them all."""
    if "not build" in (config.getoption("markexpr") or ""):
        fast_loop.FAST["on"] = True
        settings.register_profile("fast-loop", max_examples=fast_loop.FLOOR)
        settings.load_profile("fast-loop")


def _stays_on_this_machine(url: str) -> bool:
    """Only loopback http(s) may be fetched, so no browser test ever reaches the network."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https", "ws", "wss"}:
        return True
    return parts.hostname in {"127.0.0.1", "localhost", "::1"}


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless chromium for the whole session (launching costs about a second)."""
    require_chromium()
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=WAIT_MS)  # expect() waits for its condition, generously

    playwright = sync_playwright().start()
    try:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            launched.close()
    finally:
        playwright.stop()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh page in its own context; requests leaving loopback are aborted (still logged)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(lambda url: not _stays_on_this_machine(url), lambda route: route.abort())
    context.set_default_timeout(WAIT_MS)  # actions and waits: see WAIT_MS
    context.set_default_navigation_timeout(WAIT_MS)
    new_page = context.new_page()
    try:
        yield new_page
    finally:
        context.close()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory):
    """The example site (repo mkdocs.yml) built once per session with --strict; its path."""
    if not (REPO_ROOT / "mkdocs.yml").is_file():
        pytest.fail(f"{REPO_ROOT / 'mkdocs.yml'} does not exist", pytrace=False)
    return build_site(REPO_ROOT, tmp_path_factory.mktemp("built_site") / "site").site_dir


@pytest.fixture
def new_site(tmp_path: Path) -> Callable[..., BuildResult]:
    """A factory: lay out a small project in tmp_path/project and build it, e.g.
    `new_site({"rules.txt": "1. Scope..."}, expect_failure=True)` (see site_builds.py)."""

    def make_and_build(
        sources: Mapping[str, str | bytes] | None = None,
        *,
        mkdocs_yml: str | Mapping = MKDOCS_YML,
        docs: Mapping[str, str] | None = None,
        **build,
    ) -> BuildResult:
        project = make_project(tmp_path / "project", sources, mkdocs_yml=mkdocs_yml, docs=docs)
        return build_site(project, **build)

    return make_and_build


BROWSER_FIXTURES = {"browser", "page"}


def _builds_a_site(fixture_names: set[str]) -> bool:
    return any(name.endswith(("site", "site_url", "bundle")) for name in fixture_names)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests by what they start, and by what they cost, so that
    `pytest -m "not build and not browser and not slow"` is a fast loop.

    A test module that runs `mkdocs build` in its own body says so with `pytestmark`.
    `slow`: the test cost over 30 ms of CPU in the loop when last measured
    (tests/slow_tests.txt, made by tests/slow_tests.py).
    """
    slow = listed()
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if _builds_a_site(names):
            item.add_marker(pytest.mark.build)
        if item.nodeid in slow:
            item.add_marker(pytest.mark.slow)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Move what collection made (every module, test item and fixture definition) out of
    the garbage collector's reach: it lives as long as the session, and scanning it again
    in each full collection cost the fast loop about 2 CPU seconds. The tests' own
    objects are collected as before (a CPU-ratio test collects and pauses the collector
    itself, hostile_files.cpu_times). The young generation is collected every 10,000
    allocations rather than Python's 700: the tests make and drop millions of small
    objects, and the collector's runs cost the fast loop 2 CPU seconds at 700, 1.3 at
    10,000 (side by side in one session each, load 8-9); nothing a test checks depends
    on when a cycle is freed."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
