"""Which pages a `--dirty` build may leave alone: those whose signature is as last built.

A page's signature hashes its Markdown, what its links print (page_context), and what
every page shares: the menu (titles, Parts, pages), the settings and data files, and
every clause and section number a reference anywhere could resolve to (so renumbering
rebuilds every page; a change of wording does not).
"""

from __future__ import annotations

from ..disk_cache import cache_key
from ..metadata import constitution_part
from ..page_context import document_contexts, reference_targets
from ..site_index import nav_title
from ..urls import document_path
from .builder import SiteBuild, file_bytes


def page_signatures(build: SiteBuild) -> dict[str, str]:
    """Each generated page's path -> its signature."""
    settings = build.settings
    documents = build.current_documents
    menu = [
        (d.doc_id, nav_title(d, documents), constitution_part(d.metadata.label)) for d in documents
    ]
    shared = cache_key(
        "shared",
        settings.settings_text,
        file_bytes(settings.documents_file),
        file_bytes(settings.glossary_file),
        repr(menu),
        repr(sorted(page.path for page in build.pages)),
        reference_targets(build.index),
    )
    contexts = document_contexts(build.index)
    owners = {document_path(d.doc_id): d.doc_id for d in documents}
    return {
        page.path: cache_key(
            "page", shared, page.markdown, contexts.get(owners.get(page.path, ""), "")
        )
        for page in build.pages
    }


def signatures_key(site_dir: str) -> str:
    """Where the signatures of the pages in `site_dir` are kept in the disk cache."""
    return cache_key("page-signatures", site_dir)
