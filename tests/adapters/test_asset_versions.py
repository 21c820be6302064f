"""clausemark's own files a page loads carry their content's hash in the address they are
loaded by (`?v=...`), the search worker too: a browser that cached an earlier clausemark's
script (the worker that ranks search answers, above all) asks for the new one after an
upgrade instead of keeping the old ranking. Checked on the built example site and the
unzipped offline bundle: each address names the file the build wrote, by its bytes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from clausemark.support.html_tree import parse_html
from test_bundle import build_example_bundle

pytestmark = pytest.mark.build

WORKERS = "assets/javascripts/workers/"


def _version(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


def _loaded(page: Path, root: Path) -> list[tuple[str, Path, str]]:
    """(address, the file it names, its `v`) for each script and stylesheet the page loads
    from clausemark's assets or the search worker the page's settings name."""
    tree = parse_html(page.read_text(encoding="utf-8"))
    assert tree is not None
    base = page.relative_to(root).as_posix()
    addresses = [str(a) for a in tree.xpath("//script/@src | //link[@rel='stylesheet']/@href")]
    worker = None
    for script in tree.xpath("//script[@data-cm-search-worker]"):
        worker = script.get("data-cm-search-worker")
    settings = json.loads(tree.xpath("//script[@id='__config']")[0].text)
    found = []
    for address in addresses + [settings["search"]]:
        path = urlsplit(urljoin(base, address)).path
        if not (path.startswith("assets/clausemark/") or path.startswith(WORKERS)):
            continue
        query = urlsplit(address).query
        if path.startswith(WORKERS):  # Material's name, the version said beside it
            query = worker or ""
        found.append((address, root / path, parse_qs(query).get("v", [""])[0]))
    return found


def _check(root: Path, pages: list[Path]) -> None:
    seen = set()
    for page in pages:
        loaded = _loaded(page, root)
        assert any(path.parts[-2] == "workers" for _a, path, _v in loaded), page
        for address, path, version in loaded:
            assert path.is_file(), (page, address)
            assert version == _version(path), (page, address, version)
            seen.add(path.name)
    assert {"clausemark.css", "clausemark.js", "material-inline.js"} <= seen, seen


def test_the_sites_own_files_are_loaded_by_their_contents_hash(built_site):
    pages = [built_site / "index.html", built_site / "glossary" / "index.html"]
    _check(built_site, pages)


@pytest.mark.smoke
def test_the_offline_bundles_own_files_are_loaded_by_their_contents_hash(request):
    root = build_example_bundle(request).root
    _check(root, [root / "index.html", root / "glossary.html"])
