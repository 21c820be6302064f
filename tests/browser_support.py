"""Helpers for browser tests: Debian chromium via Playwright, a local server, axe, request logs.

Chromium comes from Debian (``/usr/bin/chromium``) because Playwright's own browser
downloads are unreachable here; setup.sh installs it.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from site_builds import REPO_ROOT

# axe-core is a test tool: read from node_modules, never shipped with the site's assets.
AXE_SCRIPT = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_PATH = Path("/usr/bin/chromium")
# How long a browser test waits for what it waits for (an element, a hover, a page): a
# condition, never a time limit, so generous that a machine under heavy load still gets
# there (a test that fails fails late, not early). Playwright's own defaults are 30 s for
# actions and 5 s for expect(): the page fixture and the session set this instead.
WAIT_MS = 180_000
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def running_in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_file(path: Path, why: str) -> None:
    """Fail in CI (a missing install step must not pass silently); skip on a dev machine."""
    if path.is_file():
        return
    message = f"{path} is missing ({why}); run `bash scripts/setup.sh`"
    if running_in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def require_chromium() -> None:
    require_file(CHROMIUM_PATH, "Debian package 'chromium' is needed for browser tests")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep test output clean; failures show up as assertions instead."""


@contextlib.contextmanager
def serve_directory(path: Path | str) -> Iterator[str]:
    """Serve ``path`` over http on 127.0.0.1 (free port) and yield the base URL with '/'."""
    handler = functools.partial(_QuietHandler, directory=str(path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="serve_directory", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def run_axe(page, tags: list[str] | None = None) -> list[dict]:
    """Run axe-core (from node_modules) on the loaded page and return its WCAG violations."""
    require_file(AXE_SCRIPT, "setup.sh installs axe-core with npm ci")
    # Contrast is measured on what the reader ends up seeing: a fading-in element (search
    # results) measured mid-animation would fail for a moment it is not meant to be read.
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated by the test harness, not added as a <script>: the site's CSP forbids
        # inline script, and rightly refuses a script tag added to the page.
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8") + "\n;undefined")
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return results.violations;
        }""",
        tags or AXE_TAGS,
    )


def format_violations(violations: list[dict]) -> str:
    """One block per rule: id, impact, help text, and the first few offending selectors."""
    if not violations:
        return "no axe violations"
    lines = []
    for violation in violations:
        nodes = violation.get("nodes", [])
        lines.append(
            f"[{violation.get('impact')}] {violation['id']}: {violation.get('help')} "
            f"({len(nodes)} node(s)) {violation.get('helpUrl', '')}"
        )
        for node in nodes[:5]:
            lines.append(f"    {' '.join(map(str, node.get('target', [])))}")
    return "\n".join(lines)


@dataclass
class RequestLog:
    """Every URL a page requested, to prove nothing leaves the site (offline, no trackers)."""

    urls: list[str] = field(default_factory=list)

    def record(self, request) -> None:
        self.urls.append(request.url)

    def outside(self, *, origin: str | None = None, directory: Path | None = None) -> list[str]:
        """URLs that are neither on ``origin`` nor ``file://`` inside ``directory``."""
        allowed_dir = Path(directory).resolve() if directory else None
        return [url for url in self.urls if not _is_allowed(url, origin, allowed_dir)]


def record_requests(page) -> RequestLog:
    """Start logging every request ``page`` makes (attach before navigating)."""
    log = RequestLog()
    page.on("request", log.record)
    return log


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _is_allowed(url: str, origin: str | None, directory: Path | None) -> bool:
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob"}:
        return True
    if parts.scheme == "file":
        if directory is None:
            return False
        requested = Path(unquote(parts.path)).resolve()
        return requested == directory or directory in requested.parents
    return origin is not None and _origin_of(url) == _origin_of(origin)
