"""support/yaml_data.load_yaml: anchors and aliases refused, each text parsed once where
it can hold neither."""

from __future__ import annotations

import pytest
import yaml
from clausemark.support import yaml_data
from clausemark.support.yaml_data import DataError, load_yaml


def _counted_parses(monkeypatch) -> list[str]:
    parses: list[str] = []
    real = yaml.parse

    def counted(stream, Loader):  # noqa: N803 (PyYAML's name)
        parses.append(stream)
        return real(stream, Loader=Loader)

    monkeypatch.setattr(yaml_data.yaml, "parse", counted)
    return parses


def test_a_text_with_no_anchor_or_alias_sign_is_parsed_once(monkeypatch):
    """Every build reads the package's search_concepts.yml (180 KB): the events pass that
    looks for anchors runs only where an '&' or '*' is in the text."""
    parses = _counted_parses(monkeypatch)
    text = "- ask: [rude, nasty]\n  find: [respect, courtesy]\n"
    assert load_yaml(text, "concepts.yml").value == [
        {"ask": ["rude", "nasty"], "find": ["respect", "courtesy"]}
    ]
    assert parses == []


@pytest.mark.parametrize(
    "text, line",
    [
        ("- term: A\n  definition: &d Text.\n", 2),  # an anchor alone
        ("title: &t Rules\nlabel: *t\n", 1),
        ("a: [1, 2]\nb: *missing\n", 2),  # an alias to nothing
    ],
)
def test_anchors_and_aliases_are_still_refused_with_their_line(monkeypatch, text, line):
    parses = _counted_parses(monkeypatch)
    with pytest.raises(DataError) as raised:
        load_yaml(text, "sources/glossary.yml")
    assert str(raised.value).startswith(f"sources/glossary.yml:{line}: YAML anchors")
    assert parses == [text]


def test_an_ampersand_or_asterisk_in_a_value_is_text():
    text = "- term: Audit & Governance\n  definition: '*Chair* of the committee'\n"
    assert load_yaml(text, "glossary.yml").value == [
        {"term": "Audit & Governance", "definition": "*Chair* of the committee"}
    ]


@pytest.mark.parametrize(
    ("text", "line", "key", "first"),
    [
        # documents.yml: an entry given a second url (an old address left above the new):
        # the last one was linked, unsaid (trial16, session 14)
        ("- id: policy\n  url: https://a.example/new\n  url: https://a.example/old\n", 3, "url", 2),
        # a sidecar or front matter: a second 'adopted' under the first
        ("title: Rules\nadopted: 2026-05-14\nversion: '2'\nadopted: 2025-05-14\n", 4, "adopted", 2),
    ],
)
def test_a_key_given_twice_in_one_mapping_is_refused_naming_both_lines(text, line, key, first):
    """YAML libraries keep the last of two equal keys: a hand-written file saying two
    things for one key is refused in one line naming both lines, as two entries with one
    id in documents.yml are."""
    with pytest.raises(DataError) as raised:
        load_yaml(text, "sources/documents.yml")
    assert str(raised.value) == (
        f"sources/documents.yml:{line}: the key '{key}' is given twice (lines {first} and"
        f" {line}); keep one"
    )


def test_equal_keys_in_different_entries_are_each_entry_s_own():
    text = "- id: a\n  url: https://a.example/\n- id: b\n  url: https://b.example/\n"
    assert [entry["url"] for entry in load_yaml(text, "documents.yml").value] == [
        "https://a.example/",
        "https://b.example/",
    ]
