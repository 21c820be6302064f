"""Fixtures of the index tests."""

from __future__ import annotations

import pytest
from search_worker_queries import Asker, texts_asker


@pytest.fixture(scope="module")
def ask_texts(tmp_path_factory: pytest.TempPathFactory) -> Asker:
    """The search worker in Node over small invented texts (search_worker_queries)."""
    return texts_asker(tmp_path_factory)
