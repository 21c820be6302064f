"""Check a built static site for broken internal links and stray external ones.

Citations are the product: a clause link whose file or ``#anchor`` is missing is a
silent failure in the browser, so this walks every built HTML page and resolves each
internal URL against the files on disk, the way a static server or ``file://`` would.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import posixpath
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import SplitResult, unquote, urlsplit

from lxml import etree

from ..support.html_tree import parse_html

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src"}
IGNORED_SCHEMES = frozenset({"mailto", "tel", "data", "javascript", "blob", "about"})


@dataclass(frozen=True)
class BrokenLink:
    """An internal URL on ``page`` (path relative to the site root) that does not resolve."""

    page: str
    href: str
    reason: str


@dataclass(frozen=True)
class ExternalLink:
    """A URL on ``page`` that leaves the site, which an offline bundle cannot follow."""

    page: str
    href: str


@dataclass
class ParsedPage:
    """The link targets a page offers (ids, ``<a name>``) and the URLs it references."""

    anchors: set[str] = field(default_factory=set)
    urls: list[str] = field(default_factory=list)


# What a link can land on, and what links (LINK_ATTRIBUTES), read in C by libxml2.
_TARGETS = etree.XPath("//@id | //a/@name")
_URLS = etree.XPath(" | ".join(f"//{tag}/@{name}" for tag, name in LINK_ATTRIBUTES.items()))


def parse_page(html: str) -> ParsedPage:
    """Collect the anchors and linked URLs of one HTML document."""
    root = parse_html(html)
    if root is None:
        return ParsedPage()
    return ParsedPage({str(value) for value in _TARGETS(root)}, [str(u) for u in _URLS(root)])


@dataclass
class CheckMemory:
    """What a check of one site keeps for the next (`mkdocs serve` checks after every
    rebuild): each page as read (by the digest of its bytes) and what was broken on it,
    with what that depended on: its bytes, the site's files, and the ids of each page
    its fragments pointed into."""

    pages: dict[str, tuple[str, ParsedPage]] = field(default_factory=dict)
    findings: dict[str, tuple[tuple[str, str], list[BrokenLink], dict[str, str]]] = field(
        default_factory=dict
    )


def is_external(href: str) -> bool:
    """True for URLs that leave the site: any other host, or a scheme other than a local one."""
    parts = urlsplit(href.strip())
    if parts.scheme.lower() in IGNORED_SCHEMES:
        return False
    return bool(parts.scheme or parts.netloc)


def is_ignored(href: str) -> bool:
    """True for URLs that are not files at all (mail, phone, inline data, scripts)."""
    return urlsplit(href.strip()).scheme.lower() in IGNORED_SCHEMES


class SiteChecker:
    """Resolves URLs against one built site directory, parsing each page at most once.

    The site's files are listed once; a URL is resolved against that list (a static
    server's answer), once per folder it is linked from, not once per link. Pages are
    named by their site-relative path throughout."""

    def __init__(
        self,
        site_dir: Path,
        *,
        allow_directory_urls: bool = True,
        memory: CheckMemory | None = None,
    ) -> None:
        self.site_dir = Path(site_dir).resolve()
        self.memory = memory
        self._digests: dict[str, str] = {}
        self._anchor_digests: dict[str, str] = {}
        self.allow_directory_urls = allow_directory_urls
        self._pages: dict[str, ParsedPage] = {}
        self._files: set[str] = set()
        self._folders: set[str] = {"."}
        for folder, folders, files in os.walk(self.site_dir):
            here = Path(folder).relative_to(self.site_dir).as_posix()
            prefix = "" if here == "." else f"{here}/"
            self._folders.update(prefix + name for name in folders)
            self._files.update(prefix + name for name in files)
        self._resolved: dict[tuple[str, str], tuple[str, str | None]] = {}
        # href -> (leaves the site or is not a file, its parts): a site links the same few
        # thousand URLs from every page (menu, tools), each split once
        self._splits: dict[str, tuple[bool, SplitResult]] = {}
        # (folder or page, href) -> (why broken or None, the page whose ids it read)
        self._checked: dict[tuple[str, str], tuple[str | None, str | None]] = {}

    def html_files(self) -> list[Path]:
        return [self.site_dir / name for name in self.page_names()]

    def page_names(self) -> list[str]:
        return sorted(name for name in self._files if name.endswith(".html"))

    def parsed(self, path: Path) -> ParsedPage:
        return self._parsed(self.relative_name(path))

    def _parsed(self, name: str) -> ParsedPage:
        if name not in self._pages:
            if self.memory is None:
                text = (self.site_dir / name).read_text(encoding="utf-8", errors="replace")
                self._pages[name] = parse_page(text)
                return self._pages[name]
            data = (self.site_dir / name).read_bytes()
            digest = self._digests[name] = hashlib.sha1(data).hexdigest()
            kept = self.memory.pages.get(name)
            if kept is None or kept[0] != digest:
                parsed = parse_page(data.decode("utf-8", errors="replace"))
                kept = self.memory.pages[name] = (digest, parsed)
            self._pages[name] = kept[1]
        return self._pages[name]

    def _anchors_digest(self, name: str) -> str:
        if name not in self._anchor_digests:
            anchors = "\n".join(sorted(self._parsed(name).anchors))
            self._anchor_digests[name] = hashlib.sha1(anchors.encode()).hexdigest()
        return self._anchor_digests[name]

    def relative_name(self, path: Path) -> str:
        return path.relative_to(self.site_dir).as_posix()

    def check_url(self, page: Path, href: str) -> str | None:
        """Return why ``href`` on ``page`` is broken, or None if it resolves."""
        return self._check(self.relative_name(page), href)

    def _check(self, page: str, href: str) -> str | None:
        return self._checked_with_target(page, href)[0]

    def _split(self, href: str) -> tuple[bool, SplitResult]:
        """(True when the URL leaves the site or is no file: is_external or is_ignored, its
        parts), once per URL."""
        known = self._splits.get(href)
        if known is None:
            parts = urlsplit(href.strip())
            # an ignored scheme is a scheme: either way the link is not checked here
            known = self._splits[href] = (bool(parts.scheme or parts.netloc), parts)
        return known

    def _checked_with_target(self, page: str, href: str) -> tuple[str | None, str | None]:
        return self._checked_in(page, posixpath.dirname(page), href, self._split(href)[1])

    def _checked_in(
        self, page: str, folder: str, href: str, parts: SplitResult
    ) -> tuple[str | None, str | None]:
        """(why broken or None, the page whose ids were read) for `href` on `page` in
        `folder`. A link with a path means the same from every page of one folder: found
        once; a link within the page is looked at where it stands."""
        if not parts.path:
            return self._reason(page, parts, href)
        key = (folder, href)
        found = self._checked.get(key)
        if found is None:
            found = self._checked[key] = self._reason(page, parts, href)
        return found

    def _reason(self, page: str, parts, href: str) -> tuple[str | None, str | None]:
        """Why the link is broken (None if not), and the page whose ids were read."""
        if href.strip() == "#":
            return "empty fragment", None
        target = page
        if parts.path:
            target, problem = self._resolve_in(posixpath.dirname(page), unquote(parts.path))
            if problem:
                return problem, None
            target = target or page
        if parts.fragment and target.endswith((".html", ".htm")):
            fragment = parts.fragment
            anchors = self._parsed(target).anchors
            if fragment not in anchors and unquote(fragment) not in anchors:
                return f"missing anchor #{unquote(fragment)} in {target}", target
            return None, target
        return None, None

    def resolve_path(self, page: Path, url_path: str) -> tuple[Path, str | None]:
        """Map a URL path to the file a static server would send, or explain the failure."""
        target, problem = self._resolve_in(posixpath.dirname(self.relative_name(page)), url_path)
        return (page if target == "" else self.site_dir / target), problem

    def _resolve_in(self, folder: str, url_path: str) -> tuple[str, str | None]:
        key = (folder, url_path)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(folder, url_path)
        return self._resolved[key]

    def _resolve(self, folder: str, url_path: str) -> tuple[str, str | None]:
        """(site-relative target, problem); target "" is the linking page itself."""
        if url_path.startswith("/"):
            joined = url_path.lstrip("/")
        else:
            joined = posixpath.join(folder, url_path)
        normalised = posixpath.normpath(joined) if joined else "."
        if normalised == ".." or normalised.startswith("../"):
            return "", "points outside the site"
        if normalised in self._folders:
            if not self.allow_directory_urls:
                return normalised, "directory URL (file:// shows a listing, not index.html)"
            index = "index.html" if normalised == "." else f"{normalised}/index.html"
            if index not in self._files:
                return normalised, "directory has no index.html"
            return index, None
        if url_path.endswith("/") or normalised not in self._files:
            return normalised, "missing file"
        return normalised, None

    def broken_links(self) -> Iterator[BrokenLink]:
        files = hashlib.sha1(repr((sorted(self._files), sorted(self._folders))).encode())
        for page in self.page_names():
            yield from self._page_broken_links(page, files.hexdigest())

    def _page_broken_links(self, page: str, files: str) -> list[BrokenLink]:
        """The page's broken links; as the last check found them when nothing they
        depend on changed (with a memory)."""
        parsed = self._parsed(page)
        key = (self._digests.get(page, ""), files)
        kept = self.memory.findings.get(page) if self.memory is not None else None
        if (
            kept is not None
            and kept[0] == key
            and all(self._anchors_digest(t) == digest for t, digest in kept[2].items())
        ):
            return kept[1]
        broken, read = [], {}
        folder = posixpath.dirname(page)
        for href in parsed.urls:
            leaves, parts = self._split(href)
            if leaves:  # is_external or is_ignored
                continue
            reason, target = self._checked_in(page, folder, href, parts)
            if target is not None and self.memory is not None:
                read[target] = self._anchors_digest(target)
            if reason:
                broken.append(BrokenLink(page, href, reason))
        if self.memory is not None:
            self.memory.findings[page] = (key, broken, read)
        return broken

    def external_links(self) -> Iterator[ExternalLink]:
        for page in self.page_names():
            for href in self._parsed(page).urls:
                if is_external(href):
                    yield ExternalLink(page, href)


def check_site(
    site_dir: Path | str,
    *,
    allow_directory_urls: bool = True,
    memory: CheckMemory | None = None,
) -> list[BrokenLink]:
    """List every internal link in the built site whose file or fragment is missing.

    Pass ``allow_directory_urls=False`` for a bundle opened over ``file://``, where a link
    to ``dir/`` shows a directory listing instead of ``dir/index.html``. `memory`: what
    the last check of the same site kept (CheckMemory), for checking it again.
    """
    checker = SiteChecker(Path(site_dir), allow_directory_urls=allow_directory_urls, memory=memory)
    return list(checker.broken_links())


def external_links(site_dir: Path | str) -> list[ExternalLink]:
    """List every link, stylesheet, script or image URL that leaves the site."""
    return list(SiteChecker(Path(site_dir)).external_links())


def format_findings(findings: Iterable[BrokenLink | ExternalLink]) -> list[str]:
    lines = []
    for finding in findings:
        reason = finding.reason if isinstance(finding, BrokenLink) else "external URL"
        lines.append(f"{finding.page}: {finding.href} -- {reason}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print one line per broken link; exit non-zero if any (or any external, if asked)."""
    parser = argparse.ArgumentParser(
        prog="python -m clausemark.site_builder.linkcheck", description=__doc__.splitlines()[0]
    )
    parser.add_argument("site_dir", type=Path, help="directory of the built site")
    parser.add_argument(
        "--no-directory-urls",
        action="store_true",
        help="treat links to directories as broken (for a bundle opened over file://)",
    )
    parser.add_argument(
        "--no-external", action="store_true", help="treat any external URL as a failure"
    )
    args = parser.parse_args(argv)
    if not args.site_dir.is_dir():
        print(f"{args.site_dir}: not a directory", file=sys.stderr)
        return 2
    findings: list[BrokenLink | ExternalLink] = list(
        check_site(args.site_dir, allow_directory_urls=not args.no_directory_urls)
    )
    if args.no_external:
        findings.extend(external_links(args.site_dir))
    for line in format_findings(findings):
        print(line)
    return 1 if findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
