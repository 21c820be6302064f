"""Find cross-references in clause text and resolve them to anchors.

Readers cite clauses by number ("para 4.8", "paragraphs 21 to 27", "Rule 4.2"),
sections by number or by title, other parts of the constitution by label or name
("Part 4 of the Constitution", "the Contracts Procedure Rules"), and the codes of
conduct in a dozen spellings. `find_references` finds those phrases in plain text and
gives character offsets, so a Markdown treeprocessor can wrap exactly that span in a
link; `resolve` turns one of them into links, through dict lookups that scale to
thousands of clauses. Nothing that cannot be resolved is linked: the `Resolution` says
why, for the person who maintains the text.

One module per job:

- model.py: the records finders and resolvers hand each other (RefMatch, Link, ...);
- finders.py: `FINDERS`, one entry per kind of reference (finder, priority, resolver),
  and `find_references` / `resolve`, which walk it;
- patterns.py: the phrases numbered, titled, labelled and named references are found by;
- codes.py: the codes-of-conduct vocabulary;
- resolve.py: how each kind resolves, outwards from the citing clause;
- clause_index.py: every clause and heading, keyed for those lookups;
- registry.py: the documents references can point at (documents.yml);
- keys.py: the keys numbers, titles and names are compared by;
- placeholders.py: a source's own '[employees](#)' links, resolved by their words.

A new kind of reference is one `Finder` entry in finders.py (its finder function, its
priority for overlaps, its resolver) plus its test: an example in `EXAMPLES` of
tests/test_reference_finders.py (which fails until there is one), its cases in
tests/test_references.py.
"""

from ..model.document import HeadingRecord
from ..numbering.styles import clean_number
from .clause_index import ClauseIndex
from .codes import EMPLOYEES_CODE, MEMBERS_CODE, UNSPECIFIED_CODE, canonical_code_names
from .finders import FINDERS, Finder, find_references, resolve
from .keys import name_key
from .model import Link, RefMatch, RefTarget, Resolution, match_shape
from .placeholders import resolve_placeholder
from .registry import DocumentEntry, Registry, registry_from_config

__all__ = [
    "FINDERS",
    "ClauseIndex",
    "DocumentEntry",
    "EMPLOYEES_CODE",
    "Finder",
    "HeadingRecord",
    "Link",
    "MEMBERS_CODE",
    "RefMatch",
    "RefTarget",
    "Registry",
    "Resolution",
    "UNSPECIFIED_CODE",
    "canonical_code_names",
    "clean_number",
    "find_references",
    "match_shape",
    "name_key",
    "registry_from_config",
    "resolve",
    "resolve_placeholder",
]
