"""What the build writes beside the pages once they are rendered: the machine-readable
site index, the clause search index, and the problems found on the way."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from ..index.search import (
    EVERYDAY_CONCEPTS,
    EVERYDAY_SYNONYMS,
    VECTORS_MISSING,
    WORD_VECTORS,
    build_search_index,
    merge_search_index,
    site_concepts,
)
from ..index.thesaurus import WORDNET_DIRS, find_wordnet, thesaurus_stamps
from ..pages.hubs import site_data
from ..support.atomic import write_atomically
from ..support.disk_cache import DiskCache, cache_key
from .builder import INDEXES_KEPT, SiteBuilder, file_bytes
from .report import index_warnings, page_link_warnings, reference_warnings
from .site_build import BuildWarning, SiteBuild

SITE_DATA = "clausemark-index.json"


def build_problems(build: SiteBuild) -> list[BuildWarning]:
    """References that did not resolve, links a page could not make, unsafe data."""
    warnings = reference_warnings(build) + page_link_warnings(build)
    return warnings + index_warnings(build)


def keep_index(build: SiteBuild, builder: SiteBuilder) -> None:
    """The pages' own texts (split by inline markup) are read once, then kept too."""
    saved = builder.memory.index_saved
    if build.index.texts_read() > saved.get(build.index_key, -1):
        kept = replace(build.index, documents={})
        builder.disk.put(build.index_key, kept, keep=INDEXES_KEPT)
        saved[build.index_key] = build.index.texts_read()


def write_site_data(build: SiteBuild, builder: SiteBuilder, site_dir: Path) -> None:
    """The machine-readable index says what the site index holds: made once per index."""
    key = cache_key("site-data", build.index_key)
    text = builder.disk.get(key)
    if not isinstance(text, str):
        # Compact: only the C encoder is fast, and it does not indent.
        text = json.dumps(site_data(build.index), ensure_ascii=False, separators=(",", ":"))
        builder.disk.put(key, text, keep=INDEXES_KEPT)
    write_atomically(site_dir / SITE_DATA, text)


@dataclass(frozen=True)
class DirtyPages:
    """A dirty build's search state: the earlier build's index (`before`), the pages just
    built with the ids each still has (`built`), and every page the site has (`pages`)."""

    before: dict | None
    built: dict[str, set[str]]
    pages: set[str]


WITHOUT_WORDNET = (
    "WordNet is missing: search works without its lemmas and thesaurus (fewer questions "
    "in everyday words find their clause); run scripts/setup.sh to vendor it"
)


def search_notes(wordnet: Path | None, vectors_file: Path) -> list[BuildWarning]:
    """What the build says about the search index's data: WordNet missing (told), the
    word vectors missing (a warning naming the file: search is worse without them, and
    not silently). A vectors file there but damaged is refused when read (word_vectors)."""
    notes = [] if wordnet is not None else [BuildWarning(WITHOUT_WORDNET, "search", "info")]
    if not vectors_file.is_file():
        notes.append(BuildWarning(VECTORS_MISSING.format(path=vectors_file), "search"))
    return notes


def clause_search_index(
    build: SiteBuild,
    page_urls: dict[str, str],
    material: dict,
    mark: str,
    dirty: DirtyPages | None = None,
    wordnet_dirs: tuple[Path, ...] = WORDNET_DIRS,
    disk: DiskCache | None = None,
    vectors_file: Path = WORD_VECTORS,
) -> tuple[dict, list[BuildWarning]]:
    """The search index, in memory, and notes for the log: clause entries from the model
    for the documents' pages, the theme's entries (`material`: {config, docs}, as the
    theme made them in memory) for the other pages, WordNet's lemmas and thesaurus cut to
    their words (without WordNet, a note says so). `page_urls`: each document's page URL,
    as the search index names pages. A dirty build keeps the earlier build's entries of
    the pages it did not rebuild. `disk` keeps the thesaurus of the pages' words;
    `vectors_file`, the word vectors (a damaged one: DataError, one line)."""
    wordnet = find_wordnet(wordnet_dirs)
    notes = search_notes(wordnet, vectors_file)
    documents = build.current_documents
    terms = build.index.terms
    concepts = site_concepts(build.settings.search_concepts_file)
    index = build_search_index(
        documents, page_urls, terms, material, mark, wordnet, concepts, disk, vectors_file
    )
    if dirty is not None:
        index = merge_search_index(dirty.before, index, dirty.built, dirty.pages)
    return index, notes


def search_index_text(index: dict) -> str:
    """The index as it is written (compact JSON, the only form the browser reads)."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


# Written search indexes kept on disk: the current one and the one before.
SEARCH_INDEXES_KEPT = 2


def written_search_index(
    build: SiteBuild,
    page_urls: dict[str, str],
    material: dict,
    mark: str,
    disk: DiskCache,
    wordnet_dirs: tuple[Path, ...] = WORDNET_DIRS,
) -> tuple[str, list[BuildWarning]]:
    """`clause_search_index` as it is written (search_index_text), and its notes: kept
    in `disk` under a hash of everything it is made from, so a rebuild of an unchanged
    site writes the index it wrote before instead of making it again (7% of a warm
    build's CPU at 1x). Not for a dirty build, which merges with the earlier index."""
    wordnet = find_wordnet(wordnet_dirs)
    settings = build.settings
    concepts = settings.search_concepts_file
    key = cache_key(
        "search-index",
        build.index_key,  # the current documents, documents.yml, the glossary, options
        file_bytes(settings.sources_dir / "anchors.json"),
        json.dumps(page_urls, sort_keys=True),
        json.dumps(material, ensure_ascii=False, sort_keys=True),
        mark,
        str(wordnet),
        repr(thesaurus_stamps(wordnet)) if wordnet is not None else "",
        file_bytes(EVERYDAY_SYNONYMS),  # package data: not in the code's fingerprint
        file_bytes(EVERYDAY_CONCEPTS),
        file_bytes(concepts) if concepts is not None else b"",
        file_bytes(WORD_VECTORS),
    )
    notes = search_notes(wordnet, WORD_VECTORS)
    text = disk.get(key)
    if not isinstance(text, str):
        index, notes = clause_search_index(
            build, page_urls, material, mark, wordnet_dirs=wordnet_dirs, disk=disk
        )
        text = search_index_text(index)
        disk.put(key, text, keep=SEARCH_INDEXES_KEPT)
    return text, notes
