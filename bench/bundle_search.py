"""How long the offline bundle makes a reader wait for their first search answer.

The bundle is opened from a USB stick or a download folder over file://, where Material's
search cannot fetch its index and loads `search/search_index.js` through the iframe-worker
shim instead; the whole index is parsed and indexed in the browser before the first answer.
That cost grows with the constitution, so it is measured on the real bundle, built with
`clausemark bundle`, unzipped and opened in headless Chromium (Debian's, never a download)
with a fresh browser context per run, so nothing is cached.

Per run, two waits end when the first search result is on screen: from `page.goto` of
index.html (what tests/browser/test_browser_bundle.py reports at 1x), and from the first key of the
query, typed as soon as the page has loaded and '/' has focused the search box. Over the same
span, the CPU seconds of the page's thread (the main thread of Chromium's renderer processes,
read from /proc), which other work on a shared machine barely moves, unlike the waits; and
those of all the renderer's threads (the search worker's own thread, where the browser
starts it from a blob: of its text, and V8's helpers: compiling, collecting garbage).
Every request is recorded; one that leaves the unzipped folder (anything but file: inside
it, data: or blob:) ends the benchmark.

    .venv/bin/python bench/bundle_search.py --config mkdocs.yml --query purdah --runs 3

Bundles already built (`--zip`, given more than once: before and after a change) are timed
in turn, run by run, and each one's medians printed beside the first's:

    .venv/bin/python bench/bundle_search.py --zip before.zip --zip after.zip --runs 3
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
from dataclasses import dataclass, field
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
    page_cpu: list[float] = field(default_factory=list)  # the page's thread, goto->result
    renderer_cpu: list[float] = field(default_factory=list)  # all the renderer's threads

    @property
    def median_goto(self) -> float:
        return statistics.median(self.goto_to_result)

    @property
    def median_typing(self) -> float:
        return statistics.median(self.typing_to_result)

    @property
    def median_page_cpu(self) -> float | None:
        return statistics.median(self.page_cpu) if self.page_cpu else None

    @property
    def median_renderer_cpu(self) -> float | None:
        return statistics.median(self.renderer_cpu) if self.renderer_cpu else None


@dataclass(frozen=True)
class Timing:
    goto_to_result: float
    typing_to_result: float
    page_cpu: float | None = None
    renderer_cpu: float | None = None


def _clock_ticks(path: Path) -> int:
    """utime + stime of a /proc stat file (fields 14 and 15, after the command's name)."""
    fields = path.read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def page_thread_cpu() -> float | None:
    """CPU seconds used so far by the main threads of the Chromium renderer processes under
    this process (a page's own thread), or None where /proc does not tell."""
    return renderer_cpu(main_only=True)


def renderer_cpu(main_only: bool = False) -> float | None:
    """CPU seconds used so far by the Chromium renderer processes under this process: all
    their threads, or (`main_only`) their main threads; None where /proc does not tell."""
    proc = Path("/proc")
    if not (proc / "self" / "stat").is_file():
        return None
    children: dict[int, list[int]] = {}
    for entry in proc.iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    ticks = 0
    todo = [os.getpid()]
    while todo:
        for pid in children.get(todo.pop(), []):
            todo.append(pid)
            try:
                if b"--type=renderer" in (proc / str(pid) / "cmdline").read_bytes():
                    tasks = (proc / str(pid) / "task").iterdir()
                    threads = [str(pid)] if main_only else [task.name for task in tasks]
                    for thread in threads:
                        ticks += _clock_ticks(proc / str(pid) / "task" / thread / "stat")
            except (OSError, IndexError, ValueError):
                continue  # gone meanwhile
    return ticks / os.sysconf("SC_CLK_TCK")


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
        cpu_before, all_before = page_thread_cpu(), renderer_cpu()
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
        cpu_after, all_after = page_thread_cpu(), renderer_cpu()
        check_requests(requests, root)
    finally:
        context.close()
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    every = None if all_before is None or all_after is None else all_after - all_before
    return Timing(shown - started, shown - typing, cpu, every)


def check_requests(urls: list[str], root: Path) -> None:
    if not urls:
        raise SystemExit("the page made no requests that were recorded")
    outside = [url for url in urls if not is_inside(url, root)]
    if outside:
        more = f" (and {len(outside) - 1} more)" if len(outside) > 1 else ""
        raise SystemExit(f"the bundle requested {outside[0]} outside {root}{more}")


def time_runs(root: Path, query: str, runs: int) -> list[Timing]:
    """`runs` cold runs in one headless Chromium (launching it is not part of the wait)."""
    return time_roots([root], query, runs)[0]


def time_roots(roots: list[Path], query: str, runs: int) -> list[list[Timing]]:
    """`runs` cold runs of each unzipped bundle in one headless Chromium, in turn (the order
    reversed every other run, so that a change of load falls on each alike)."""
    from playwright.sync_api import sync_playwright

    found: list[list[Timing]] = [[] for _ in roots]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
        )
        try:
            for run in range(runs):
                order = list(enumerate(roots))
                for number, root in order if run % 2 == 0 else order[::-1]:
                    found[number].append(time_first_search(browser, root, query))
        finally:
            browser.close()
    return found


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
    return _result(zip_path, root, time_runs(root, query, runs))


def _result(zip_path: Path, root: Path, timings: list[Timing]) -> BundleSearch:
    cpu = [t.page_cpu for t in timings]
    every = [t.renderer_cpu for t in timings]
    return BundleSearch(
        zip_bytes=zip_path.stat().st_size,
        pages=sum(1 for _ in root.rglob("*.html")),
        index_bytes=search_index_bytes(root),
        goto_to_result=[t.goto_to_result for t in timings],
        typing_to_result=[t.typing_to_result for t in timings],
        page_cpu=[c for c in cpu if c is not None] if None not in cpu else [],
        renderer_cpu=[c for c in every if c is not None] if None not in every else [],
    )


def compare_zips(zips: list[Path], workdir: Path, query: str, runs: int) -> list[BundleSearch]:
    """Time bundles already built, in turn (`time_roots`), each unzipped into `workdir`."""
    if runs < 1:
        raise SystemExit("runs must be at least 1")
    roots = []
    for number, zip_path in enumerate(zips):
        if not zip_path.is_file():
            raise SystemExit(f"{zip_path}: no such file")
        folder = workdir / str(number)
        folder.mkdir(parents=True)
        roots.append(unzip(zip_path, folder))
    timings = time_roots(roots, query, runs)
    return [_result(z, r, t) for z, r, t in zip(zips, roots, timings, strict=True)]


def _seconds(values: list[float]) -> str:
    return ", ".join(f"{value:.2f}" for value in values)


def summary(result: BundleSearch, query: str) -> str:
    cpu = result.median_page_cpu
    page_cpu = (
        f", page thread CPU goto->result median {cpu:.2f} s ({_seconds(result.page_cpu)})"
        if cpu is not None
        else ""
    )
    every = result.median_renderer_cpu
    if every is not None:
        page_cpu += (
            f", renderer CPU (all threads) median {every:.2f} s ({_seconds(result.renderer_cpu)})"
        )
    return (
        f"first search {query!r}: goto->result median {result.median_goto:.2f} s "
        f"({_seconds(result.goto_to_result)}), typing->result median "
        f"{result.median_typing:.2f} s ({_seconds(result.typing_to_result)}){page_cpu}; "
        f"zip {result.zip_bytes} bytes, {result.pages} pages, "
        f"search index {result.index_bytes} bytes"
    )


def ratios(result: BundleSearch, first: BundleSearch) -> str:
    """A bundle's medians over the first bundle's, side by side."""
    parts = [f"goto->result {result.median_goto / first.median_goto:.2f}x"]
    cpu, first_cpu = result.median_page_cpu, first.median_page_cpu
    if cpu is not None and first_cpu:
        parts.append(f"page thread CPU {cpu / first_cpu:.2f}x")
    every, first_every = result.median_renderer_cpu, first.median_renderer_cpu
    if every is not None and first_every:
        parts.append(f"renderer CPU {every / first_every:.2f}x")
    return ", ".join(parts)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default="mkdocs.yml", help="the MkDocs project's config")
    parser.add_argument("--query", default="purdah", help="a word the site contains")
    parser.add_argument("--runs", type=int, default=3, help="cold runs (medians)")
    parser.add_argument(
        "--zip",
        action="append",
        type=Path,
        help="time this bundle, already built, instead of building one (give it twice or "
        "more to compare them side by side, each beside the first)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="clausemark-bundle-search-") as workdir:
        if args.zip:
            results = compare_zips(args.zip, Path(workdir), args.query, args.runs)
            for zip_path, result in zip(args.zip, results, strict=True):
                print(f"{zip_path}: {summary(result, args.query)}")
                if result is not results[0]:
                    print(f"  beside {args.zip[0]}: {ratios(result, results[0])}")
            return 0
        result = first_search_seconds(Path(args.config), Path(workdir), args.query, args.runs)
    print(summary(result, args.query))
    return 0


if __name__ == "__main__":
    sys.exit(main())
