"""How long the offline bundle makes a reader wait for their first search answer.

The bundle is opened from a USB stick or a download folder over file://, where Material's
search cannot fetch its index and loads `search/search_index.js` through the iframe-worker
shim instead; the whole index is parsed and indexed in the browser before the first answer.
That cost grows with the constitution, so it is measured on the real bundle, built with
`clausemark bundle`, unzipped and opened in headless Chromium (Debian's, never a download)
with a fresh browser context per run, so nothing is cached.

Per run, two waits end when the first search result is on screen: from `page.goto` of
index.html (what tests/browser/test_browser_bundle.py reports at 1x), and from the first key of the
query, typed as soon as the page has loaded and '/' has focused the search box. Every request
is recorded; one that leaves the unzipped folder (anything but file: inside it, data: or
blob:) ends the benchmark.

    .venv/bin/python bench/bundle_search.py --config mkdocs.yml --query purdah --runs 3
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

BIN = Path(sys.executable).parent
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser_support import CHROMIUM_ARGS, CHROMIUM_PATH  # noqa: E402  (the tests' browser)

VIEWPORT = {"width": 1280, "height": 900}
ALLOWED_SCHEMES = {"file", "data", "blob"}
# Aborted before it leaves the machine (still recorded, and then reported).
LEAVING_THE_FOLDER = re.compile(r"^(?!(?:file|data|blob):)", re.IGNORECASE)
SEARCH_TIMEOUT_MS = 60_000
INDEX_FILES = ("search/search_index.js", "search/search_index.json")
_WROTE = re.compile(r"^wrote (?P<path>.+\.zip) \(", re.MULTILINE)
# A result link for the query that is rendered on screen (tests/browser/test_browser_site.py's
# `search` waits for the same link; visibility is the reader's view of it).
_RESULT_SHOWN_JS = """(query) => Array.from(document.querySelectorAll('.md-search-result__item a'))
    .some((link) => new URL(link.href).searchParams.get('h') === query
                    && link.checkVisibility())"""


@dataclass(frozen=True)
class BundleSearch:
    zip_bytes: int
    pages: int
    index_bytes: int
    goto_to_result: list[float]
    typing_to_result: list[float]

    @property
    def median_goto(self) -> float:
        return statistics.median(self.goto_to_result)

    @property
    def median_typing(self) -> float:
        return statistics.median(self.typing_to_result)


@dataclass(frozen=True)
class Timing:
    goto_to_result: float
    typing_to_result: float


def _env() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def build_bundle_zip(config_file: Path, out_dir: Path) -> Path:
    """Run `clausemark bundle` as a reader's maintainer would; the zip it says it wrote."""
    result = subprocess.run(
        [str(BIN / "clausemark"), "bundle", "--config", str(config_file), "--out", str(out_dir)],
        cwd=config_file.parent,
        env=_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    lines = result.stderr.strip().splitlines() or ["(no output)"]
    if result.returncode != 0:
        raise SystemExit(f"clausemark bundle failed ({result.returncode}): {lines[-1]}")
    wrote = _WROTE.search(result.stdout)
    if not wrote or not Path(wrote["path"]).is_file():
        raise SystemExit(f"clausemark bundle did not report a zip: {result.stdout.strip()!r}")
    return Path(wrote["path"])


def unzip(zip_path: Path, workdir: Path) -> Path:
    """Extract into `workdir`; the folder the bundle unzips into (named like the zip)."""
    root = workdir / zip_path.stem
    if root.exists():
        raise SystemExit(f"{root} already exists; give an empty workdir")
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(workdir)
    if not (root / "index.html").is_file():
        raise SystemExit(f"{zip_path.name} has no {root.name}/index.html")
    return root


def search_index_bytes(root: Path) -> int:
    for name in INDEX_FILES:
        if (root / name).is_file():
            return (root / name).stat().st_size
    raise SystemExit(f"the bundle has no {' or '.join(INDEX_FILES)}")


def is_inside(url: str, root: Path) -> bool:
    """file: inside `root`, data: or blob:; anything else would leave the bundle."""
    parts = urlsplit(url)
    if parts.scheme not in ALLOWED_SCHEMES:
        return False
    if parts.scheme != "file":
        return True
    requested = Path(unquote(parts.path)).resolve()
    return requested == root or root in requested.parents


def time_first_search(browser, root: Path, query: str) -> Timing:
    """One cold run: goto index.html, press '/', type the query, wait for a result shown."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import expect

    context = browser.new_context(viewport=VIEWPORT)
    try:
        context.route(LEAVING_THE_FOLDER, lambda route: route.abort())
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        started = time.perf_counter()
        page.goto((root / "index.html").as_uri())
        page.keyboard.press("/")
        expect(page.locator(".md-search__input")).to_be_focused()
        typing = time.perf_counter()
        page.keyboard.type(query)
        try:
            page.wait_for_function(_RESULT_SHOWN_JS, arg=query, timeout=SEARCH_TIMEOUT_MS)
        except PlaywrightError:
            raise SystemExit(
                f"no search result for {query!r} within {SEARCH_TIMEOUT_MS / 1000:.0f} s"
            ) from None
        shown = time.perf_counter()
        check_requests(requests, root)
    finally:
        context.close()
    return Timing(shown - started, shown - typing)


def check_requests(urls: list[str], root: Path) -> None:
    if not urls:
        raise SystemExit("the page made no requests that were recorded")
    outside = [url for url in urls if not is_inside(url, root)]
    if outside:
        more = f" (and {len(outside) - 1} more)" if len(outside) > 1 else ""
        raise SystemExit(f"the bundle requested {outside[0]} outside {root}{more}")


def time_runs(root: Path, query: str, runs: int) -> list[Timing]:
    """`runs` cold runs in one headless Chromium (launching it is not part of the wait)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
        )
        try:
            return [time_first_search(browser, root, query) for _ in range(runs)]
        finally:
            browser.close()


def first_search_seconds(
    config_file: Path, workdir: Path, query: str, runs: int = 3
) -> BundleSearch:
    """Build the bundle of `config_file` into `workdir`, unzip it there, time `runs` searches."""
    if not CHROMIUM_PATH.is_file():
        raise SystemExit(f"{CHROMIUM_PATH} is missing; run scripts/setup.sh (Debian chromium)")
    if runs < 1:
        raise SystemExit("runs must be at least 1")
    if not config_file.is_file():
        raise SystemExit(f"{config_file}: no such file")
    config_file = config_file.resolve()
    workdir = workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    zip_path = build_bundle_zip(config_file, workdir / "dist")
    root = unzip(zip_path, workdir)
    timings = time_runs(root, query, runs)
    return BundleSearch(
        zip_bytes=zip_path.stat().st_size,
        pages=sum(1 for _ in root.rglob("*.html")),
        index_bytes=search_index_bytes(root),
        goto_to_result=[t.goto_to_result for t in timings],
        typing_to_result=[t.typing_to_result for t in timings],
    )


def _seconds(values: list[float]) -> str:
    return ", ".join(f"{value:.2f}" for value in values)


def summary(result: BundleSearch, query: str) -> str:
    return (
        f"first search {query!r}: goto->result median {result.median_goto:.2f} s "
        f"({_seconds(result.goto_to_result)}), typing->result median "
        f"{result.median_typing:.2f} s ({_seconds(result.typing_to_result)}); "
        f"zip {result.zip_bytes} bytes, {result.pages} pages, "
        f"search index {result.index_bytes} bytes"
    )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default="mkdocs.yml", help="the MkDocs project's config")
    parser.add_argument("--query", default="purdah", help="a word the site contains")
    parser.add_argument("--runs", type=int, default=3, help="cold runs (medians)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="clausemark-bundle-search-") as workdir:
        result = first_search_seconds(Path(args.config), Path(workdir), args.query, args.runs)
    print(summary(result, args.query))
    return 0


if __name__ == "__main__":
    sys.exit(main())
