"""A site's data files (documents.yml, anchors.json, a sidecar's `dropped:`) are untrusted
too: a value of the wrong kind, a file nested past Python's stack or holding a number of
thousands of digits is refused in one line naming the file, never a traceback; a small
sidecar never makes the build hang. (Found by attacking the data files, issue 22.)"""

from __future__ import annotations

import pytest
from clausemark.index.documents import ConfigError
from clausemark.index.documents import load_registry as load_documents
from clausemark.versions.anchor_registry import AnchorRegistryError, load_registry


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("- id: rules\n  title: Rules\n  aliases: 5\n", "'aliases' must be a name or a list"),
        ("- id: rules\n  title: [1, 2]\n", "'title' must be text"),
    ],
)
def test_a_documents_entry_of_the_wrong_kind_is_refused_in_one_line(tmp_path, entry, message):
    path = tmp_path / "documents.yml"
    path.write_text(entry, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_documents(path, [])
    text = str(caught.value)
    assert text.startswith(f"{path}:1: document entry 1: ") and message in text
    assert "\n" not in text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "the anchors file is nested too deep"),
        (
            '{"format": "clausemark-anchors", "version": ' + "9" * 5_000 + "}",
            "the anchors file holds a number too long",
        ),
    ],
    ids=["nested 100,000 deep", "a 5,000-digit number"],
)
def test_an_anchors_file_python_cannot_read_is_refused_in_one_line(tmp_path, text, message):
    path = tmp_path / "anchors.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AnchorRegistryError) as caught:
        load_registry(path)
    assert str(caught.value) == f"{path}: {message}"
