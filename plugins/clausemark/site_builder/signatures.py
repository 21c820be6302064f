"""Which pages a `--dirty` build may leave alone: those whose signature is as last built.

A page's signature hashes its Markdown, what its links print (page_context), and what
every page shares: the menu (titles, Parts, pages), the settings and data files, and
every clause and section number a reference anywhere could resolve to (so renumbering
rebuilds every page; a change of wording does not).
"""

from __future__ import annotations

from pathlib import Path

from ..extension.page_context import document_contexts, reference_targets
from ..index.parts import constitution_part, nav_titles
from ..index.site_index import SiteIndex
from ..support.disk_cache import DiskCache, cache_key
from ..support.urls import document_path
from .builder import file_bytes
from .site_build import SiteBuild


def page_signatures(build: SiteBuild, *, targets: bool = True) -> dict[str, str]:
    """Each generated page's path -> its signature. `targets=False` leaves out what every
    reference could resolve to (`resolution_inputs`), for a caller that adds it to the
    pages that resolved a reference as they were rendered (adapters/serve_memory.py)."""
    settings = build.settings
    documents = build.current_documents
    titles = nav_titles(documents)
    menu = [(d.doc_id, titles[d.doc_id], constitution_part(d.metadata.label)) for d in documents]
    shared = cache_key(
        "shared",
        settings.settings_text,
        file_bytes(settings.documents_file),
        file_bytes(settings.glossary_file),
        repr(menu),
        repr(sorted(page.path for page in build.pages)),
        # every file of the site: a source's relative link is kept only if it leads to one
        _site_files(build),
        reference_targets(build.index) if targets else "",
    )
    contexts = document_contexts(build.index)
    # each page that shows a document's text (its own page, and each version's) -> the
    # document; a version's page links terms to the current text's definitions, so it
    # draws on the current page's Markdown too
    owners = {path: shown.doc_id for path, (_source, shown) in build.proofs.items()}
    markdown = {page.path: page.markdown for page in build.pages}
    overrides = build.index.overrides
    return {
        page.path: cache_key(
            "page",
            shared,
            page.markdown,
            *_owner_parts(page.path, owners, contexts, markdown, overrides),
        )
        for page in build.pages
    }


def _site_files(build: SiteBuild) -> str:
    files = build.linker.site_files
    return "" if files is None else repr(sorted(files.written.items()))


def _owner_parts(
    path: str,
    owners: dict[str, str],
    contexts: dict[str, str],
    markdown: dict[str, str],
    overrides: dict,
) -> tuple[str, str, str]:
    """What a page showing a document draws on besides its own Markdown: the document's
    links in the site index, and (on a version's page) the current page's Markdown."""
    owner = owners.get(path)
    if owner is None:
        return "", "", ""
    current = document_path(owner)
    own = "" if path == current else markdown.get(current, "")
    # the document's overrides (not_references, reference_targets) steer what it resolves
    return contexts.get(owner, ""), own, repr(overrides.get(owner))


def resolution_inputs(index: SiteIndex) -> dict[str, str]:
    """What a reference resolved on its page (not found in the index) reads, by what it
    reads (page_links.RESOLUTION_READS): every document the registry knows. One citing a
    number in another document is asked again instead (PageLinker.looks_up_alike)."""
    return {"own": "", "registry": cache_key("registry", repr(index.registry))}


def signatures_key(site_dir: str) -> str:
    """Where the signatures of the pages in `site_dir` are kept in the disk cache."""
    return cache_key("page-signatures", site_dir)


class PageSignatures:
    """The signatures of the pages written in one site folder, kept between builds, with
    the search index's entries those pages were written with (`search`).

    They describe the pages on disk only until a build writes one: taken at the start and
    dropped from the cache, they come back after the last page is written. A build
    killed in between leaves none, and the next one rebuilds every page. The entries are
    kept from memory, as the build made them: a dirty build takes the entries of the
    pages it leaves alone from here, never from the search_index.json it wrote.
    """

    def __init__(self) -> None:
        self.written: dict[str, str] = {}  # as the last finished build left the folder
        self.last: dict[str, str] = {}
        self.pending: dict[str, str] = {}
        self.search_written: list[dict] | None = None  # its search entries (None: unknown)
        self.search: list[dict] | None = None  # the entries of the build before this one

    def begin(self, disk: DiskCache, site_dir: Path, dirty: bool) -> None:
        key = signatures_key(str(site_dir.resolve()))
        stored = disk.get(key) if dirty and not self.written else None
        if self.written:
            self.last, self.search = self.written, self.search_written
        elif isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], dict):
            self.last, self.search = stored
        else:
            self.last, self.search = {}, None
        self.written, self.search_written = {}, None
        disk.forget(key)

    def unchanged(self, build: SiteBuild) -> set[str]:
        """The pages whose signature is as last written (whether still on disk is the
        caller's to check)."""
        self.pending = page_signatures(build)
        return {
            path for path, signature in self.pending.items() if self.last.get(path) == signature
        }

    def commit(self, disk: DiskCache, site_dir: Path, search: list[dict] | None = None) -> None:
        """Every page the signatures describe is written now, and `search` (the entries of
        the search index written, if the site has one) with them."""
        self.written, self.search_written = self.pending, search
        disk.put(signatures_key(str(site_dir.resolve())), (self.written, search))
