"""Untrusted data files (documents.yml, anchors.json, a sidecar's `dropped:`) and a line
of thousands of footnote markers: a value of the wrong kind, a file nested past Python's
stack or holding a number of thousands of digits is refused in one line naming the file,
never a traceback; a small file never makes the build hang. (Found by attacking them,
issue 22.)"""

from __future__ import annotations

from dataclasses import replace

import pytest
from clausemark.index.documents import ConfigError
from clausemark.index.documents import load_registry as load_documents
from clausemark.parse.shapes import is_heading_text, trailing_markers
from clausemark.support.limits import LIMITS, most
from clausemark.versions.anchor_registry import AnchorRegistryError, load_registry
from hostile_files import assert_linear_cpu


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


_MEMBERS = "- id: members-code\n  code: true\n  title: Members' Code\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        # a key misspelt: named on its own line, with the key it was meant for; the keys
        # listed are every key read, `code` and `description` (the file's header) included
        (
            "- id: rules\n  label: Part 4\n  titel: Rules\n",
            3,
            "unknown key 'titel' (did you mean 'title'?); the keys read are aliases, code, "
            "council, description, doc_id, id, label, title, url",
        ),
        # `code: ture` was read as true, `code: "no"` too: a hub made or lost unsaid
        ("- id: rules\n  title: Rules\n  code: ture\n", 3, "'code' must be true or false"),
        # an entry copied and its id left: the second replaced the first's code hub unsaid
        (
            _MEMBERS + "- id: members-code\n  code: true\n  title: Employees' Code\n",
            4,
            "document entry 2 has the id 'members-code' of entry 1; give each entry its own id",
        ),
        # `site: true` marks the site's own documents (the builder's entries): in
        # documents.yml it made a name the site's own unsaid (trial11, session 10)
        (
            "- id: rules\n  title: Rules\n  site: true\n",
            3,
            "'site' is set by clausemark for the site's own documents, never in documents.yml;"
            " the keys read are aliases, code, council, description, doc_id, id, label, title, url",
        ),
    ],
)
def test_a_documents_typo_is_refused_in_one_line_naming_its_line(tmp_path, text, line, message):
    """trial11 (session 10): each of these built silently or named the entry's first line."""
    path = tmp_path / "documents.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_documents(path, [])
    assert str(caught.value) == f"{path}:{line}: {message}"


def test_a_refused_documents_url_names_the_line_it_is_on(tmp_path):
    """trial11 (session 10): the refused-url warning named the file and the document but no
    line, where every refusal of documents.yml names its line."""
    path = tmp_path / "documents.yml"
    path.write_text(
        "- id: rules\n  title: Rules\n- id: gifts\n  title: Register of Gifts\n"
        "  url: htps://x.example/g\n",
        encoding="utf-8",
    )
    warnings: list[str] = []
    registry, _codes = load_documents(path, [], warnings)
    [refused] = warnings
    assert refused.startswith(f"{path}:5: document 'gifts': url 'htps:")
    assert registry.get("gifts") is not None and registry.get("gifts").url is None


# The fast loop lowers the limit to 20 (the same code path, a hundredth of the YAML read);
# the limit as shipped, 2,000, runs with the builds.
@pytest.mark.parametrize("limit", [20, pytest.param(None, marks=pytest.mark.build)])
def test_a_documents_file_past_its_limit_is_refused_in_one_line(tmp_path, limit, monkeypatch):
    """Every entry's names are matched on every page and kept in the site index: 20,000
    entries took 76 s of CPU and 950 MB for a one-page site (trial6), so a documents.yml
    past `registry_documents` is refused before any work, naming the file."""
    if limit is not None:
        monkeypatch.setitem(
            LIMITS, "registry_documents", replace(LIMITS["registry_documents"], most=limit)
        )
    allowed = most("registry_documents")
    path = tmp_path / "documents.yml"
    entries = [f"- id: doc-{i}\n  title: Policy Number {i}" for i in range(allowed + 1)]
    path.write_text("\n".join(entries) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        load_documents(path, [])
    assert str(refused.value) == (
        f"{path}: too large: documents in documents.yml ({allowed + 1:,}; at most {allowed:,})"
    )
    path.write_text("\n".join(entries[: allowed - 1]) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError):  # the settings' own entries count with the file's
        load_documents(path, [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}])


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


def test_footnote_markers_ending_a_line_are_found_from_its_end():
    assert trailing_markers("Site Visits[^3]") == len("Site Visits")
    assert trailing_markers("Fees[^1][^22]") == len("Fees")
    assert trailing_markers("Fees[^1].") == len("Fees[^1].")
    assert trailing_markers("[^" + "x" * 21 + "]") == 24  # longer than a marker


@pytest.mark.build  # a whole-size CPU ratio: runs with the builds
def test_footnote_markers_ending_a_line_are_found_from_its_end_in_linear_time():
    """'Text[^1][^2]...[^20000].' once took minutes: a pattern anchored at the end was
    tried from every marker."""
    small, large = ("Text" + "".join(f"[^{k}]" for k in range(n)) + "." for n in (50_000, 100_000))
    assert_linear_cpu(is_heading_text, small, large)


@pytest.mark.parametrize(
    "body",
    [
        {"versions": [{"version": "1.0", "anchors": {"para_1": 5}}]},
        {"versions": [{"version": "1.0", "anchors": {"para_1": None}}]},
        {"versions": [{"version": "1.0", "anchors": {"para_1": ["para_1"]}}]},
        {"versions": [{"version": "1.0", "anchors": {}}], "removed": {"para_2": 2027}},
        {"versions": [{"version": "1.0", "anchors": [["para_1", "para_1"]]}]},
    ],
    ids=["a number", "a null", "a list", "a removed year as a number", "pairs as a list"],
)
def test_an_anchors_file_with_an_id_that_is_no_string_is_refused_in_one_line(tmp_path, body):
    """An id map holding a number, a null or a list loaded as it was, for a later step to
    fail on; it is a damaged anchors file, named in one line."""
    import json

    path = tmp_path / "anchors.json"
    data = {"format": "clausemark-anchors", "version": 1, "documents": {"a": body}}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AnchorRegistryError) as caught:
        load_registry(path)
    assert str(caught.value) == f"{path}: the anchors file is damaged"
