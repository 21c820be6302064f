"""Paths and small helpers for tests over the example constitution in sources/."""

from __future__ import annotations

import functools
import pickle
from pathlib import Path

from clausemark.convert import convert_file
from clausemark.model.document import Document
from clausemark.model.records import clause_records
from site_builds import REPO_ROOT

SOURCES = REPO_ROOT / "sources"

MODEL = SOURCES / "model-member-officer-relations-protocol.txt"  # seed 000
EMCCA = SOURCES / "emcca-member-officer-protocol.txt"  # seed 001
TOWN = SOURCES / "town-council-member-officer-relations-protocol" / "2026.txt"  # seed 002
NEWCASTLE = SOURCES / "newcastle-under-lyme-member-officer-relations-protocol.txt"  # seed 003
PART_E = SOURCES / "part-e-code-3-member-officer-relations.txt"  # seed 004
ALL_SEEDS = (MODEL, EMCCA, TOWN, NEWCASTLE, PART_E)


@functools.cache
def _converted_once(path: Path) -> bytes:
    return pickle.dumps(convert_file(path))


def converted(path: Path) -> Document:
    """A seed as `convert_file` makes it, converted once a session: each call gets its own
    copy, so a test may change it (`test_anchors_are_identical_across_two_conversions`
    converts twice itself)."""
    return pickle.loads(_converted_once(path))


def records(path: Path):
    return clause_records(converted(path))


def top_level_numbers(path: Path) -> list[str]:
    return [r.number for r in records(path) if r.parent is None]
