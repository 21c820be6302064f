"""Nothing lost, nothing added: each built page proved against its source, word for word.

The same source and the same page give the same proof, so it is made once, then kept
(in memory for `mkdocs serve`, on disk between builds).
"""

from __future__ import annotations

from ..render.fidelity import added_words, lost_words
from ..support.disk_cache import cache_key
from .builder import SiteBuilder, file_bytes
from .memory import PROOFS_KEPT
from .site_build import BuildWarning, SiteBuild


def prove_page(build: SiteBuild, builder: SiteBuilder, path: str, html: str) -> list[BuildWarning]:
    """Warnings for the words the built page `path` lost or added; none for other pages."""
    proof = build.proofs.get(path)
    if proof is None:
        return []
    version, document = proof
    inputs = [version.path, version.sidecar] if version.sidecar else [version.path]
    key = cache_key("page-words-both", str(version.path), *map(file_bytes, inputs), html)
    memory = builder.memory.proofs
    if key not in memory:
        if len(memory) > PROOFS_KEPT:
            memory.clear()
        found = builder.disk.get(key)
        if not isinstance(found, tuple):
            source = builder.memory.conversions.source(version)
            found = (lost_words(source, document, html), added_words(source, document, html))
            builder.disk.put(key, found)
        memory[key] = found
    lost, added = memory[key]
    return [
        *(
            BuildWarning(f"{version.display}: conversion lost text: {problem}", "lost-words")
            for problem in lost
        ),
        *(
            BuildWarning(f"{version.display}: the page adds words: {problem}", "added-words")
            for problem in added
        ),
    ]
