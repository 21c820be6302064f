"""Results kept between builds: read back only for the same inputs, never half-written,
and a build from the cache is the same site as a build without it."""

from __future__ import annotations

import gc
import os
import re
import shutil
import time
from pathlib import Path

import pytest
import yaml
from clausemark.model.document import Clause
from clausemark.site_builder import library
from clausemark.site_builder.library import ConversionCache, discover
from clausemark.support.disk_cache import KEEP_DAYS, DiskCache, cache_key, pack, unpack
from site_builds import BuildResult, build_site, make_project


def test_a_value_comes_back_only_under_its_own_key(tmp_path):
    cache = DiskCache(tmp_path / "cache")
    key = cache_key("document", "rules.txt", b"1. Scope\n")
    cache.put(key, {"clauses": ["1.1"]})
    assert cache.get(key) == {"clauses": ["1.1"]}
    assert cache.get(cache_key("document", "rules.txt", b"1. Scope!\n")) is None
    assert cache_key("document", "ab", "c") != cache_key("document", "a", "bc")
    assert [p.suffix for p in (tmp_path / "cache").iterdir()] == [".json"]  # no .tmp left


def test_a_change_to_the_numbering_package_empties_the_cache(monkeypatch):
    from clausemark.support import disk_cache

    styles = Path(disk_cache.__file__).parent.parent / "numbering" / "styles.py"
    before = disk_cache.code_fingerprint()
    original = Path.read_bytes

    def edited(path):
        data = original(path)
        return data + b"# edited" if path == styles else data

    disk_cache.code_fingerprint.cache_clear()
    monkeypatch.setattr(Path, "read_bytes", edited)
    try:
        assert disk_cache.code_fingerprint() != before
    finally:
        disk_cache.code_fingerprint.cache_clear()


def test_an_unreadable_entry_is_made_again_not_an_error(tmp_path):
    cache = DiskCache(tmp_path)
    key = cache_key("document", "x")
    cache.put(key, [1, 2, 3])
    entry = tmp_path / f"{key}.json"
    whole = entry.read_bytes()
    for damaged in (whole[:-3], whole.replace(b"[1,2,3]", b"[1,2,4]"), b"\x80\x05garbage"):
        entry.write_bytes(damaged)
        assert cache.get(key) is None
    other = cache_key("document", "y")
    cache.put(other, [4, 5, 6])
    entry.write_bytes((tmp_path / f"{other}.json").read_bytes())  # copied under another key
    assert cache.get(key) is None


def test_no_folder_keeps_nothing(tmp_path):
    cache = DiskCache(None)
    cache.put("document-x", 1)
    assert cache.get("document-x") is None


def test_entries_unused_for_a_month_are_removed(tmp_path):
    old = tmp_path / "document-old.json"
    old.write_bytes(b"x")
    stale = time.time() - (KEEP_DAYS + 1) * 86400
    os.utime(old, (stale, stale))
    fresh = tmp_path / "document-fresh.json"
    fresh.write_bytes(b"x")
    DiskCache(tmp_path).put("document-new", 1)
    assert not old.exists() and fresh.exists()


def test_a_second_build_reads_the_converted_document_back(tmp_path, monkeypatch):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "rules.txt").write_text("1. Scope\n\n1.1 First rule.\n", encoding="utf-8")
    (entry,) = discover(sources)
    disk = DiskCache(tmp_path / "cache")
    first = ConversionCache(disk).load(entry.versions[0], "rules", check_fidelity=False)

    def no_conversion(*args, **kwargs):
        raise AssertionError("converted again although the source did not change")

    monkeypatch.setattr(library, "convert_file", no_conversion)
    again = ConversionCache(disk).load(entry.versions[0], "rules", check_fidelity=False)
    assert again is not first and again.blocks[0].blocks[0].text == "First rule."
    assert [w.message for w in again.warnings] == [w.message for w in first.warnings]
    (sources / "rules.txt").write_text("1. Scope\n\n1.1 Edited rule.\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="converted again"):
        ConversionCache(disk).load(entry.versions[0], "rules", check_fidelity=False)


RULES = (
    "1. Scope\n\n1.1 The Monitoring Officer keeps these rules.\n\n"
    "1.2 See paragraph 1.1 above.\n\n1.3 See paragraph 9.9 below.\n"
)


def _build(project: Path, site: str) -> BuildResult:
    return build_site(project, project / site, expect_failure=None)


def _pages(site: Path) -> dict[str, str]:
    return {
        str(path.relative_to(site)): path.read_text(encoding="utf-8")
        for path in site.rglob("*.html")
    }


@pytest.fixture
def project(tmp_path):
    glossary = [{"term": "Monitoring Officer", "definition": "The officer who keeps watch."}]
    config = {
        "site_name": "Test",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"clausemark": {"allow_warnings": []}}],
    }
    sources = {"rules.txt": RULES, "glossary.yml": yaml.safe_dump(glossary)}
    return make_project(tmp_path, sources, mkdocs_yml=config)


@pytest.mark.build
def test_a_build_from_the_cache_is_the_same_site_and_reports_the_same_gaps(project):
    cold = _build(project, "site-cold")
    assert (project / ".cache" / "clausemark").is_dir()
    warm = _build(project, "site-warm")
    for result in (cold, warm):
        assert result.returncode != 0  # --strict: the unresolved reference, every time
        assert re.search(
            r"sources/rules\.txt:\d+: unresolved reference 'paragraph 9\.9'", result.stderr
        )
    config = yaml.safe_load((project / "mkdocs.yml").read_text())
    config["plugins"][1]["clausemark"]["allow_warnings"] = ["reference 'paragraph 9.9'"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config))
    shutil.rmtree(project / ".cache")
    assert _build(project, "site-cold").returncode == 0
    assert (project / ".cache" / "clausemark").is_dir()
    assert _build(project, "site-warm").returncode == 0
    cold_pages, warm_pages = _pages(project / "site-cold"), _pages(project / "site-warm")
    assert cold_pages == warm_pages
    assert 'href="#sec_1__para_1-1"' in warm_pages["rules/index.html"]


@pytest.mark.build
def test_an_edited_data_file_is_seen_by_the_next_build(project):
    (project / "mkdocs.yml").write_text(
        (project / "mkdocs.yml")
        .read_text()
        .replace("allow_warnings: []", "allow_warnings: [\"reference 'paragraph 9.9'\"]")
    )
    assert _build(project, "site").returncode == 0
    glossary = [{"term": "Monitoring Officer", "definition": "A new definition of the role."}]
    (project / "sources" / "glossary.yml").write_text(yaml.safe_dump(glossary))
    assert _build(project, "site").returncode == 0
    page = (project / "site" / "rules" / "index.html").read_text(encoding="utf-8")
    assert 'title="A new definition of the role."' in page


def test_a_value_that_cannot_be_stored_leaves_nothing_behind(tmp_path):
    cache = DiskCache(tmp_path)
    cache.put("document-x", lambda: None)  # functions are not plain data
    assert cache.get("document-x") is None
    assert list(tmp_path.iterdir()) == []


def test_a_kind_kept_to_its_newest_entries(tmp_path):
    cache = DiskCache(tmp_path)
    for number in range(4):
        cache.put(f"site-index-{number}", number, keep=2)
        os.utime(tmp_path / f"site-index-{number}.json", ns=(number, number * 10**9))
    cache.put("document-a", "a document is not a site index")
    cache.put("site-index-4", 4, keep=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "document-a.json",
        "site-index-3.json",
        "site-index-4.json",
    ]


class _Payload:
    """Unpickling this would run code: it writes a file where the test can see it."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "ran"))


@pytest.mark.build
def test_a_poisoned_cache_runs_nothing_and_the_build_is_the_same(project):
    """Pickles, garbage and entries of other keys in the cache folder: never trusted."""
    import pickle

    clean_config = (
        (project / "mkdocs.yml")
        .read_text()
        .replace("allow_warnings: []", "allow_warnings: [\"reference 'paragraph 9.9'\"]")
    )
    (project / "mkdocs.yml").write_text(clean_config)
    assert _build(project, "site-cold").returncode == 0
    folder = project / ".cache" / "clausemark"
    entries = sorted(folder.iterdir())
    assert entries and all(p.suffix == ".json" for p in entries)
    marker = project / "code-ran.txt"
    poison = pickle.dumps(_Payload(marker))
    originals = [entry.read_bytes() for entry in entries]
    for position, entry in enumerate(entries):
        entry.with_suffix(".pickle").write_bytes(poison)
        if position % 3 == 0:
            entry.write_bytes(poison)
        elif position % 3 == 1:
            entry.write_bytes(b"not json at all")
        else:  # a well-formed entry, but another one's: its key does not match
            entry.write_bytes(originals[position - 1])
    assert _build(project, "site-warm").returncode == 0
    assert not marker.exists()
    assert _pages(project / "site-cold") == _pages(project / "site-warm")
    assert not list(folder.glob("*.pickle"))  # a foreign format is removed


def test_packing_and_unpacking_an_entry_walk_no_collection():
    """An entry's JSON is a tree of new containers with no cycle: a collection while it is
    made or read walks them all (and the build's heap) and frees nothing. At 10 times the
    example that was a second of a cold build's 24 CPU seconds (speed11). The one
    collection due when collecting resumes may follow each."""
    value = {"clauses": [Clause(str(n), f"text {n}", n, "para", f"p_{n}") for n in range(30_000)]}
    started: list[int] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(seen)
    try:
        data = pack(value, "kind-key")
        back = unpack(data, "kind-key")
    finally:
        gc.callbacks.remove(seen)
    assert len(started) <= 2 and 2 not in started, started
    assert back == value
    assert gc.isenabled()
