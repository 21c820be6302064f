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
