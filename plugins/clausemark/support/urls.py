"""One home for slugs, page URLs and the links between pages.

Pages are named by their docs-relative `.md` path ("doc.md", "doc/versions/v1.md");
MkDocs gives each a URL, and a link between two pages must work on any host and from
file:// (the offline bundle), so every such link is relative.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

_APOSTROPHES = re.compile(r"['’]")


def slugify(
    text: str,
    *,
    fallback: str = "",
    keep: str = "",
    max_length: int | None = None,
    ascii_fold: bool = False,
    drop_apostrophes: bool = False,
) -> str:
    """Lower case ASCII letters and digits (and the characters in `keep`), runs of
    anything else as one hyphen, no hyphen (or kept character) at either end.

    `ascii_fold` spells accented letters without their accent ('café' -> 'cafe');
    `drop_apostrophes` keeps a possessive one word ("Members'" -> 'members');
    `fallback` names what has no letters or digits at all.
    """
    if ascii_fold:
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower()
    if drop_apostrophes:
        text = _APOSTROPHES.sub("", text)
    slug = re.sub(f"[^a-z0-9{re.escape(keep)}]+", "-", text)[:max_length]
    return slug.strip("-" + keep) or fallback


GLOSSARY_PAGE = "glossary.md"
BUILD_REPORT_PAGE = "build-report.md"  # every warning, what was left out and repaired


def document_path(doc_id: str) -> str:
    """The page of a document's current text."""
    return f"{doc_id}.md"


def code_path(code_id: str) -> str:
    """The hub page of a code of conduct the site links to."""
    return f"codes/{code_id}.md"


def version_page(doc_id: str, version_slug: str) -> str:
    """The page of one version of a document (it stays when a later one is adopted)."""
    return f"{doc_id}/versions/{version_slug}.md"


def changes_page(doc_id: str, old_slug: str, new_slug: str) -> str:
    """The page of what changed between two versions."""
    return f"{doc_id}/changes/{old_slug}-to-{new_slug}.md"


def review_path(year: str) -> str:
    """The page of one year's annual review."""
    return f"reviews/{year}.md"


HOME_PAGE = "index.md"


def page_url(path: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a docs-relative page, relative to the site root."""
    stem = path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_path: str, to_path: str, directory_urls: bool = True) -> str:
    """A link from one page's URL to another's that works on any host and from file://."""
    source = page_url(from_path, directory_urls)
    target = page_url(to_path, directory_urls)
    base = source if source.endswith("/") else posixpath.dirname(source) + "/"
    relative = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if target.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return "./" if relative in (".", "./") else relative


@lru_cache(maxsize=1 << 15)  # each page links the same few pages many times
def relative_md(from_path: str, to_path: str) -> str:
    """A Markdown link target between two docs-relative pages; MkDocs rewrites it to
    the target's URL relative to the page, for the site and the bundle alike."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def top_page_named(href: str) -> tuple[str, str] | None:
    """(name, fragment) when a relative link's path names one page at the top of a site,
    however a source wrote it: for the site ('rules/', '/rules', '../rules/#x'), for the
    bundle ('rules.html') or for MkDocs ('rules.md', 'rules/index.html'); None for any
    other link (a scheme, a fragment alone, a page further down)."""
    if not href or href[0] in "#?" or href.startswith("//") or "\\" in href or _SCHEME.match(href):
        return None
    path, _, fragment = href.partition("#")
    parts = [part for part in path.split("?")[0].split("/") if part not in ("", ".", "..")]
    if parts and parts[-1] in ("index.html", "index.md"):
        parts.pop()
    if len(parts) != 1:
        return None
    name = parts[0]
    for suffix in (".html", ".md"):
        if name.endswith(suffix):
            return name[: -len(suffix)], fragment
    return name, fragment


def site_absolute(href: str) -> bool:
    """A path from the root of whatever host serves the page ('/council/meetings'): a
    saved web page's link into its own council's site. It leads nowhere from file://,
    and on a site served below a folder it leaves the site."""
    return href.startswith("/") and not href.startswith("//")


@dataclass(frozen=True)
class SiteFiles:
    """Every file of the site as the build lists it before writing any page (docs/ files,
    the theme's and the pages the build makes), each source path with the path it is
    written to. What a relative link in a source leads to is decided from this, not from
    the built site read back."""

    written: Mapping[str, str]  # source path -> written path
    sources: Mapping[str, str]  # written path -> source path

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> SiteFiles:
        """`sources` knows each page by where either URL style writes it ('rules/index.html'
        and 'rules.html'): a source's link written for the site's URL style leads to its
        page in the bundle's build too, and the other way round."""
        written = dict(pairs)
        sources = {output: source for source, output in written.items()}
        for source in written:
            for output in _page_outputs(source):
                sources.setdefault(output, source)
        return cls(written, sources)

    def leads_somewhere(self, page: str, href: str) -> bool:
        """Whether a relative link on `page` (its source path) leads to a file of the site,
        read either way a link is read: as MkDocs reads it (from the page's source path,
        the one file it names) or as a browser does on the built site (from the folder the
        page is written to: the file, or a folder's index.html, as the built-site check
        finds it). A link it cannot judge (another scheme or host, a fragment alone, a
        site-absolute path, a page it does not know) counts as leading somewhere."""
        return self._leads_to(page, href) != ""

    def site_source(self, page: str, href: str) -> str | None:
        """The source path of the file a relative link on `page` leads to when only the
        built site's reading finds it ('../forms/claim.pdf' from the page's folder): MkDocs
        reads it from the page's source, finds nothing and leaves it as written, so it
        would work in the site's URL style only. None when MkDocs finds it or nothing does."""
        return self._leads_to(page, href) or None

    def _leads_to(self, page: str, href: str) -> str | None:
        """None: MkDocs' reading finds the file, or the link is not judged here; "": no
        reading finds a file; else the source path the built site's reading finds."""
        written = self.written.get(page)
        parts = urlsplit(href)
        if written is None or parts.scheme or parts.netloc or not parts.path:
            return None
        path = unquote(parts.path)
        if path.startswith("/"):
            return None
        if posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) in self.written:
            return None
        for output in (written, *_page_outputs(page)):
            found = posixpath.normpath(posixpath.join(posixpath.dirname(output), path))
            if found == ".." or found.startswith("../"):
                continue
            index = "index.html" if found == "." else f"{found}/index.html"
            if index in self.sources:
                return self.sources[index]
            if not path.endswith("/") and found in self.sources:
                return self.sources[found]
        return ""


def _page_outputs(source: str) -> tuple[str, ...]:
    """Where MkDocs writes a Markdown page under either URL style ('rules.md':
    'rules/index.html', 'rules.html'); nothing for any other file."""
    if not source.endswith(".md"):
        return ()
    return (page_url(source) + "index.html", page_url(source, False))


def search_location(url: str) -> str:
    """A page's URL as Material's search index names it: the home page is '', not './'."""
    return "" if url in {".", "./"} else url.removeprefix("./")
