"""The search's word vectors file (index/word_vectors.json.gz) as the build meets it: there
and whole, it is read; missing, the build warns in one line naming it (search by the words
alone is worse, and must not be so silently); there but damaged, it is refused in one line
naming it (DataError), never a traceback, and never passed on for the worker to drop in
silence (attack13's F7)."""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

import pytest
from clausemark.index.search import VECTORS_FORMAT, word_vectors
from clausemark.site_builder.outputs import clause_search_index
from clausemark.support.yaml_data import DataError


def _table(**changes) -> dict:
    table = {
        "format": VECTORS_FORMAT,
        "dims": 2,
        "words": "courtesy respect",
        "vectors": base64.b64encode(bytes([1, 2, 3, 4])).decode(),
    }
    table.update(changes)
    return {key: value for key, value in table.items() if value is not None}


def _packed(table: object) -> bytes:
    return gzip.compress(json.dumps(table).encode())


DAMAGED = {
    "not gzip": b"hello, not a gzip file",
    "cut short": _packed(_table())[:-12],
    "not JSON": gzip.compress(b"{'dims': 2"),
    "not UTF-8": gzip.compress(b'{"format": "\xff\xfe"}'),
    "a list": _packed([]),
    "another format": _packed(_table(format="something-else")),
    "no dims": _packed(_table(dims=None)),
    "dims as text": _packed(_table(dims="2")),
    "dims out of bounds": _packed(_table(dims=100000)),
    "words not text": _packed(_table(words=["courtesy", "respect"])),
    "vectors not base64": _packed(_table(vectors="@@@@")),
    "rows not words x dims": _packed(_table(words="a b", vectors="AAAA")),
    "common as text": _packed(_table(common="many")),
    # nested past Python's stack: json.loads raises RecursionError, not ValueError
    "nested arrays": gzip.compress(b"[" * 200_000),
    "nested objects": gzip.compress(b'{"a":' * 200_000),
}


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_a_damaged_vectors_file_is_refused_in_one_line_naming_it(case, tmp_path):
    path = tmp_path / "word_vectors.json.gz"
    path.write_bytes(DAMAGED[case])
    with pytest.raises(DataError) as caught:
        word_vectors.__wrapped__(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message


def test_a_whole_vectors_file_is_read(tmp_path):
    path = tmp_path / "word_vectors.json.gz"
    path.write_bytes(_packed(_table()))
    read = word_vectors.__wrapped__(path)
    assert read["dims"] == 2 and read["words"] == "courtesy respect"


class _Build:  # what the index is made from: no documents, no terms
    current_documents: list = []

    class index:  # noqa: N801
        terms: list = []

    class settings:  # noqa: N801
        search_concepts_file = None


MATERIAL = {"config": {}, "docs": [{"location": "", "title": "Home", "text": "Hello"}]}


@pytest.mark.parametrize("missing", ["vectors-file", "wordnet"])
def test_search_is_built_without_a_missing_resource_saying_so_in_one_line(missing, tmp_path):
    """The word vectors file or WordNet (test_thesaurus.py) missing: the index is built
    without it (no 'vectors' / 'thesaurus' in its config), and one line says so: the
    vectors file named, or how to get WordNet (run scripts/setup.sh)."""
    from clausemark.site_builder.outputs import WITHOUT_WORDNET

    vectors = tmp_path / "word_vectors.json.gz"
    given, left_out, said = {
        "vectors-file": ({"vectors_file": vectors}, "vectors", f"{vectors}: "),
        "wordnet": ({"wordnet_dirs": (tmp_path,)}, "thesaurus", WITHOUT_WORDNET),
    }[missing]
    index, notes = clause_search_index(_Build(), {}, MATERIAL, "", **given)  # type: ignore[arg-type]
    [message] = [note.message for note in notes]
    assert message.startswith(said) and "\n" not in message
    assert ("missing" if missing == "vectors-file" else "run scripts/setup.sh") in message
    assert left_out not in index["config"]["clausemark"]
    assert [doc["location"] for doc in index["docs"]] == [""]


def test_the_package_vectors_file_gives_no_warning():
    _, notes = clause_search_index(_Build(), {}, MATERIAL, "")  # type: ignore[arg-type]
    assert [note.message for note in notes if note.level != "info"] == []


def test_a_damaged_vectors_file_stops_the_index_in_one_line(tmp_path):
    damaged = tmp_path / "word_vectors.json.gz"
    damaged.write_bytes(DAMAGED["cut short"])
    with pytest.raises(DataError, match=f"^{damaged}: "):
        clause_search_index(_Build(), {}, MATERIAL, "", vectors_file=Path(damaged))  # type: ignore[arg-type]
