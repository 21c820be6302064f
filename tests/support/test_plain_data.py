"""The disk cache's format: clausemark's own objects as JSON and back, and nothing else."""

from __future__ import annotations

import json

import pytest
from clausemark.convert import convert_file
from clausemark.support.plain_data import NotPlainData, decode, encode, loads

TEXT = """Standing Orders

1. Scope

1.1 These rules apply to every meeting of the council.

1.2 The chair decides on points of order, see paragraph 1.1.
"""


def test_a_document_and_every_container_kind_come_back_equal(tmp_path):
    (tmp_path / "rules.txt").write_text(TEXT, encoding="utf-8")
    document = convert_file(tmp_path / "rules.txt")
    value = {
        ("a", 1): [document, {"b", "c"}, frozenset({2}), (None, True, 1.5)],
        "nested": {"x": [(1, 2), {"y": set()}]},
    }
    text = json.dumps(encode(value))
    assert loads(text) == value
    assert decode(json.loads(text)) == value  # the same restoring, from data json read
    # a dataclass's fields are stored in its constructor's order, as a list
    stored = encode(document)
    assert stored["c"] == "clausemark.model.document:Document" and isinstance(stored["v"], list)


@pytest.mark.parametrize(
    "entry",
    [
        '{"c": "os:system", "v": ["echo ran"]}',  # not a clausemark class: never imported
        '{"o": "subprocess:Popen", "v": {"d": []}}',
        '{"c": "clausemark.model.document:Footnote", "v": ["1"]}',  # fields missing
        '{"c": "clausemark.model.document:Footnote", "v": {"label": "1"}}',  # not a list
        '{"c": "clausemark.support.plain_data:loads", "v": []}',  # not a dataclass
        '{"z": [1]}',
        '{"t": [1], "s": [2]}',
        '{"d": 5}',
    ],
)
def test_anything_it_did_not_write_is_refused(entry):
    with pytest.raises(NotPlainData):
        loads(entry)
