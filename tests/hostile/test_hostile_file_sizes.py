"""A file is read no further than its limit: a source past `source_bytes`, a sidecar, a
data file or anchors.json past `data_file_bytes` is refused in one line naming it, before
the rest is read (attack12, session 11: every file was read whole into memory first, so a
sparse file claiming 100 GB in no disk space, or a 3 GB file, took the machine's memory
or ended in a MemoryError traceback). The limits are lowered here to 1 MB so that the
files stay small; the code path is the one the shipped limits take."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest
from clausemark.convert import convert_file
from clausemark.readers import read_source
from clausemark.readers.text import SourceError, read_sidecar
from clausemark.support.limits import LIMITS
from clausemark.support.yaml_data import DataError, load_yaml_file
from clausemark.versions.anchor_registry import AnchorRegistryError, load_registry

TOO_LARGE = "too large: the data file (more than 1 MB; at most 1 MB)"


@pytest.fixture(autouse=True)
def one_megabyte(monkeypatch):
    for name in ("source_bytes", "data_file_bytes"):
        monkeypatch.setitem(LIMITS, name, replace(LIMITS[name], most=1))


def sparse(path, start: bytes, size: int = 3 * 1024 * 1024):
    """A file of `size` bytes that begins with `start` (the rest a hole: no disk used)."""
    path.write_bytes(start)
    os.truncate(path, size)
    return path


def assert_refused_in_one_line(error: type[Exception], read, path) -> None:
    """`read(path)` stops with `error`, its line the file's name and the data file limit."""
    with pytest.raises(error) as raised:
        read(path)
    assert str(raised.value) == f"{path}: {TOO_LARGE}"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".pdf", ".docx", ".html"])
def test_a_source_past_its_size_is_refused_in_one_line_before_it_is_read(tmp_path, suffix):
    path = sparse(tmp_path / f"rules{suffix}", b"Rules\n\n1. Scope\n\n1.1 Members attend.\n")
    with pytest.raises(SourceError) as raised:
        convert_file(path)
    message = str(raised.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert "too large: the file (more than 1 MB; at most 1 MB)" in message


def test_a_file_at_its_limit_is_read(tmp_path):
    text = b"Rules\n\n1. Scope\n\n1.1 Members attend.\n"
    path = tmp_path / "rules.txt"
    path.write_bytes(text + b" " * (1024 * 1024 - len(text)))
    assert "Members attend." in read_source(path).text


def test_a_data_file_past_its_size_is_refused_in_one_line(tmp_path):
    glossary = sparse(tmp_path / "glossary.yml", b"- term: Clerk\n")
    assert_refused_in_one_line(DataError, load_yaml_file, glossary)
    sidecar = sparse(tmp_path / "rules.yml", b"title: Rules\n")
    with pytest.raises(SourceError, match="too large: the data file"):
        read_sidecar(sidecar, "sources/rules.yml")


def test_an_anchors_file_past_its_size_is_refused_in_one_line(tmp_path):
    anchors = sparse(tmp_path / "anchors.json", b"{}")
    assert_refused_in_one_line(AnchorRegistryError, load_registry, anchors)
