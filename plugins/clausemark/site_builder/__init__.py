"""The site builder: the whole build with no framework (see builder.py).

- settings.py: what a build is made from (plain data);
- builder.py: discovery, conversion, versions, the anchor check, the site index;
- site_build.py: what a build makes, as plain records (warnings, pages, documents);
- generators.py: the page generators, registered in one list;
- menu.py: the menu as plain data;
- signatures.py: which pages a `--dirty` build may leave alone;
- proofs.py: each built page proved word for word against its source;
- outputs.py: the site index, clause search and problems, written after the pages;
- memory.py: what one build keeps for the next.
"""

from .builder import SiteBuilder
from .memory import BuildMemory
from .settings import SiteSettings
from .site_build import BuildError, BuildWarning, GeneratedPage, SiteBuild

__all__ = [
    "BuildError",
    "BuildMemory",
    "BuildWarning",
    "GeneratedPage",
    "SiteBuild",
    "SiteBuilder",
    "SiteSettings",
]
