"""The offline bundle: the network-load scanner, naming, atomic zips, the CLI, link integrity.

`example_bundle` builds the repository's example bundle once per session (through the
real `clausemark bundle` command) and is shared with the browser and accessibility tests.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from clausemark.adapters import bundle as bundle_module
from clausemark.adapters.bundle import (
    BLOB_WORKER,
    SHIM_SITE_PATH,
    WORKER_SOURCE_GLOBAL,
    WORKER_SOURCE_SITE_PATH,
    ExternalLoad,
    bundle_stem,
    bundle_version,
    external_loads_in_css,
    external_loads_in_html,
    external_loads_in_js,
    file_slug,
    find_external_loads,
    offline_search_index,
    scan_site,
    zip_directory_atomically,
)
from clausemark.site_builder.linkcheck import check_site, external_links, format_findings
from site_builds import REPO_ROOT, clausemark_here, make_project, run_clausemark

PART_E = "part-e-code-3-member-officer-relations"


@dataclass(frozen=True)
class Bundle:
    zip_path: Path
    root: Path  # the unzipped folder holding index.html
    stdout: str


_BUNDLE_KEY = pytest.StashKey[Bundle]()


def build_example_bundle(request: pytest.FixtureRequest) -> Bundle:
    """Run `clausemark bundle` for the repository once per session and unzip the result."""
    stash = request.config.stash
    if _BUNDLE_KEY not in stash:
        factory = request.getfixturevalue("tmp_path_factory")
        out = factory.mktemp("dist")
        result = run_clausemark(
            "bundle", "--config", "mkdocs.yml", "--out", str(out), expect_failure=False
        )
        zips = sorted(out.glob("*.zip"))
        assert len(zips) == 1, zips
        unzipped = factory.mktemp("unzipped")
        with zipfile.ZipFile(zips[0]) as archive:
            archive.extractall(unzipped)
        stash[_BUNDLE_KEY] = Bundle(zips[0], unzipped / zips[0].stem, result.stdout)
    return stash[_BUNDLE_KEY]


@pytest.fixture
def example_bundle(request) -> Bundle:
    return build_example_bundle(request)


# --- what counts as a network load ---------------------------------------------------


def test_html_elements_that_fetch_by_themselves_are_found():
    html = """<!doctype html><html><head>
        <script src="https://unpkg.com/iframe-worker/shim"></script>
        <script src="assets/local.js"></script>
        <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
        <link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>
        <link rel="canonical" href="https://constitution.example.gov.uk/protocol/">
        <link rel="icon" href="assets/favicon.png">
        </head><body>
        <a href="https://www.legislation.gov.uk/ukpga/2011/20">Localism Act 2011</a>
        <img alt="" src="data:image/png;base64,AAAA" srcset="a.png 1x, //cdn.example/b.png 2x">
        <iframe title="map" src="https://maps.example/embed"></iframe>
        <p style="background: url('https://img.example/bg.png')">x</p>
        </body></html>"""
    assert [(load.how, load.url) for load in external_loads_in_html(html)] == [
        ("<script src>", "https://unpkg.com/iframe-worker/shim"),
        ("<link rel=stylesheet>", "https://fonts.googleapis.com/css?family=Roboto"),
        ("<link rel=preconnect>", "https://fonts.gstatic.com"),
        ("<img srcset>", "//cdn.example/b.png"),
        ("<iframe src>", "https://maps.example/embed"),
        ("url()", "https://img.example/bg.png"),
    ]


def test_inline_styles_and_scripts_are_scanned_but_their_text_urls_are_not():
    html = """<style>@import url("https://cdn.example/x.css"); .a{color:red}</style>
        <script>/* see https://example.org/docs */ fetch("https://api.example/v1");
        var home = "https://example.org/";</script>
        <script id="__config" type="application/json">{"base": "https://example.org"}</script>"""
    assert [(load.how, load.url) for load in external_loads_in_html(html)] == [
        ("@import", "https://cdn.example/x.css"),
        ("fetch()", "https://api.example/v1"),
    ]


def test_material_repository_widget_and_meta_refresh_count_as_loads():
    html = (
        '<a href="https://github.com/council/constitution" class="md-source" '
        'data-md-component="source">repo</a>'
        '<meta http-equiv="refresh" content="0; url=https://elsewhere.example/">'
    )
    assert [load.url for load in external_loads_in_html(html)] == [
        "https://github.com/council/constitution",
        "https://elsewhere.example/",
    ]


def test_css_comments_and_svg_data_urls_are_not_loads():
    css = (
        "/* Icons: https://fontawesome.com/license/free url(https://fontawesome.com/x) */"
        ".md-icon{mask-image:url(\"data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/"
        "2000/svg'></svg>\")}"
        "@import 'https://cdn.example/theme.css';"
        ".logo{background:url( //cdn.example/logo.svg )}"
        ".local{background:url(../images/seal.png)}"
    )
    assert external_loads_in_css(css) == [
        ExternalLoad("https://cdn.example/theme.css", "@import"),
        ExternalLoad("//cdn.example/logo.svg", "url()"),
    ]


def test_js_counts_only_urls_handed_to_something_that_fetches_them():
    js = """
        // Licence: http://www.mozilla.org/MPL/ and https://github.com/x/y/issues/167
        var message = "see https://squidfunk.github.io/mkdocs-material/";
        importScripts("https://cdn.example/lunr.js");
        import "https://cdn.example/module.js";
        import { a } from 'https://cdn.example/a.js';
        const w = new Worker(`https://cdn.example/worker.js`);
        xhr.open("GET", "https://api.example/data");
        img.src = "//pixel.example/p.gif";
        el.setAttribute("src", "https://cdn.example/x.js");
        fetch(relativeUrl);
    """
    assert [(load.how, load.url) for load in external_loads_in_js(js)] == [
        ("importScripts()", "https://cdn.example/lunr.js"),
        ("import statement", "https://cdn.example/module.js"),
        ("import statement", "https://cdn.example/a.js"),
        ("Worker()", "https://cdn.example/worker.js"),
        ("XMLHttpRequest", "https://api.example/data"),
        (".src =", "//pixel.example/p.gif"),
        ("setAttribute(src)", "https://cdn.example/x.js"),
    ]


def test_find_external_loads_scans_by_suffix_and_names_the_file():
    remote = '<script src="https://cdn.example/x.js"></script>'
    files = {
        "sitemap.xml": remote,
        "search/search_index.json": remote,
        "index.html": remote,
        "assets/app.css": "@import 'https://cdn.example/y.css';",
        "assets/app.js": "fetch('https://cdn.example/z.json')",
    }
    assert [load.describe() for load in find_external_loads(files)] == [
        "assets/app.css: @import https://cdn.example/y.css",
        "assets/app.js: fetch() https://cdn.example/z.json",
        "index.html: <script src> https://cdn.example/x.js",
    ]


# --- naming and zipping ---------------------------------------------------------------


def test_bundle_name_is_the_site_name_slug_and_version():
    assert (
        bundle_stem("Example Council Constitution", "2026") == "example-council-constitution-2026"
    )
    assert bundle_stem("Conseil Général: Règlement", "v2.1 draft") == (
        "conseil-general-reglement-v2.1-draft"
    )
    assert bundle_stem("???", "") == "site-unversioned"
    assert file_slug("  Borough Council of Newcastle-under-Lyme ", fallback="x") == (
        "borough-council-of-newcastle-under-lyme"
    )


def test_version_is_extra_version_else_the_build_date():
    today = date(2026, 3, 23)
    assert bundle_version(None, today) == "2026-03-23"
    assert bundle_version("  ", today) == "2026-03-23"
    assert bundle_version(2026, today) == "2026"
    assert bundle_version(date(2025, 1, 2), today) == "2025-01-02"


def test_zip_holds_the_site_under_one_folder(tmp_path):
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    (site / "search" / "search_index.js").write_text("var __index = {}", encoding="utf-8")
    zip_path = tmp_path / "out" / "council-2026.zip"
    size = zip_directory_atomically(site, zip_path, top_folder="council-2026")
    assert size == zip_path.stat().st_size > 0
    with zipfile.ZipFile(zip_path) as archive:
        assert sorted(archive.namelist()) == [
            "council-2026/index.html",
            "council-2026/search/search_index.js",
        ]
        assert archive.read("council-2026/index.html") == b"<h1>Home</h1>"
    assert zip_path.stat().st_mode & 0o044, "the zip should be readable like any other file"


def test_a_failed_zip_leaves_the_previous_zip_and_no_partial_file(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    for name in ("a.html", "b.html"):
        (site / name).write_text(name, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    zip_path = out / "council-2026.zip"
    zip_path.write_bytes(b"previous bundle")
    original_write = zipfile.ZipFile.write

    def write_then_fail(self, filename, arcname=None, *args, **kwargs):
        if str(arcname).endswith("b.html"):
            raise OSError(28, "No space left on device")
        return original_write(self, filename, arcname, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "write", write_then_fail)
    with pytest.raises(OSError):
        zip_directory_atomically(site, zip_path, top_folder="council-2026")
    assert sorted(path.name for path in out.iterdir()) == ["council-2026.zip"]
    assert zip_path.read_bytes() == b"previous bundle"


def test_file_url_settings_override_the_project_config(tmp_path):
    from mkdocs.config import load_config

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\nuse_directory_urls: true\n"
        "theme:\n  name: material\n  font:\n    text: Roboto\n"
        "  features: [navigation.instant, navigation.instant.prefetch, search.highlight]\n"
        "extra:\n  polyfills: [https://unpkg.com/iframe-worker/shim, polyfill.js]\n",
        encoding="utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    bundle_module.configure_for_file_urls(config)
    assert config.use_directory_urls is False
    assert config.theme["font"] is False
    assert config.theme["features"] == ["search.highlight"]
    [kept, shim, worker] = config.extra["polyfills"]
    assert kept == "polyfill.js" and shim.startswith(SHIM_SITE_PATH + "?v=")
    assert worker == WORKER_SOURCE_SITE_PATH  # versioned by the plugin, which writes it
    assert config.extra[BLOB_WORKER] is True
    assert "material/offline" in config.plugins
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8").count("navigation.instant") == 2


# --- the command ----------------------------------------------------------------------


def test_bundle_command_writes_a_named_zip_and_reports_its_size(example_bundle):
    from mkdocs.config import load_config

    config = load_config(str(REPO_ROOT / "mkdocs.yml"))
    version = bundle_version(config.extra.get("version"), date.today())
    assert example_bundle.zip_path.name == f"{bundle_stem(config.site_name, version)}.zip"
    assert example_bundle.zip_path.name.startswith("example-council-constitution-")
    size = example_bundle.zip_path.stat().st_size
    assert example_bundle.stdout.strip() == (
        f"wrote {example_bundle.zip_path} ({bundle_module.format_size(size)}, {size} bytes)"
    )
    print(f"\nbundle {example_bundle.zip_path.name}: {size} bytes")


def test_bundle_is_built_for_file_urls(example_bundle):
    root = example_bundle.root
    assert (root / "index.html").is_file()
    assert (root / f"{PART_E}.html").is_file(), "use_directory_urls must be false"
    assert not (root / PART_E).exists()
    page = (root / f"{PART_E}.html").read_text(encoding="utf-8")
    assert 'id="sec_4-0__para_4-8"' in page
    assert f'<script src="{SHIM_SITE_PATH}?v=' in page  # by its content's version
    assert (root / SHIM_SITE_PATH).read_bytes() == bundle_module.SHIM_SOURCE.read_bytes()
    assert (
        (root / "search" / "search_index.js")
        .read_text(encoding="utf-8")
        .startswith("var __index = window.__index || {")
    )
    # the search worker's text, for the shim to start it on a thread of its own
    assert f'<script src="{WORKER_SOURCE_SITE_PATH}?v=' in page
    assert "worker-src 'self' blob:;" in page
    carried = (root / WORKER_SOURCE_SITE_PATH).read_text(encoding="utf-8")
    (worker,) = (root / "assets" / "javascripts" / "workers").glob("search.*.js")
    prefix = f"var {WORKER_SOURCE_GLOBAL} = "
    assert carried.startswith(prefix)
    assert json.loads(carried.removeprefix(prefix).rstrip().removesuffix(";")) == (
        worker.read_text(encoding="utf-8")
    )
    for path in root.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "unpkg.com" not in text, path
        assert "fonts.googleapis.com" not in text, path


def test_the_offline_index_carries_the_clauses_as_text_for_the_worker():
    """search_index.js declares Material's `__index` with its clauses and clausemark's
    settings as JSON text (a worker on its own thread reads them, the page's thread does
    not), Material's own settings as they were, and keeps an index already read."""
    index = {
        "config": {"lang": ["en"], "separator": "[\\s]+", "clausemark": {"synonyms": [["a"]]}},
        "docs": [{"location": "p.html#para_1", "text": 'The "Chair" \u2019s </script>'}],
    }
    script = offline_search_index(json.dumps(index))
    prefix = "var __index = window.__index || "
    assert script.startswith(prefix)
    declared = json.loads(script.removeprefix(prefix))
    assert json.loads(declared["docs"]) == index["docs"]
    assert json.loads(declared["config"]["clausemark"]) == index["config"]["clausemark"]
    assert declared["config"]["separator"] == index["config"]["separator"]
    assert declared["config"]["lang"] == ["en"]


def test_bundle_loads_nothing_from_the_network(example_bundle):
    assert [load.describe() for load in scan_site(example_bundle.root)] == []


@pytest.mark.build  # `clausemark bundle` builds the site
def test_bundle_refuses_a_site_that_would_load_from_the_network(tmp_path):
    project = make_project(
        tmp_path / "project",
        mkdocs_yml="site_name: Leaky\ntheme:\n  name: material\n"
        "extra_javascript:\n  - https://cdn.example.invalid/tracker.js\n",
    )
    out = tmp_path / "dist"
    result = run_clausemark("bundle", "--out", str(out), cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "clausemark: error: the bundle would load from the network: "
        "index.html: <script src> https://cdn.example.invalid/tracker.js"
    )
    assert "Traceback" not in result.stderr
    assert not out.exists() or list(out.iterdir()) == []


@pytest.mark.build  # `clausemark bundle` builds the site
def test_bundle_fails_on_build_warnings_and_shows_them(tmp_path):
    project = make_project(
        tmp_path / "project",
        mkdocs_yml="site_name: Broken\ntheme:\n  name: material\n",
        docs={"index.md": "See [para 4.8](gone.md#para_4-8).\n"},
    )
    result = run_clausemark("bundle", "--out", str(tmp_path / "dist"), cwd=project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith("warning: ") and "gone.md" in line for line in lines), lines
    assert lines[-1] == (
        "clausemark: error: mkdocs build failed: Aborted with 1 warnings in strict mode!"
    )
    assert not (tmp_path / "dist").exists()


@pytest.mark.build  # `clausemark bundle` builds the site
def test_a_bad_source_is_the_bundles_one_error_line(tmp_path):
    """Found in the new-user trial: the file's error came out as 'warning: sources/...'
    and the error line said only 'mkdocs build failed: Aborted with a BuildError!'."""
    project = make_project(tmp_path / "project", {"rules.pdf": b"not a pdf at all"})
    result = run_clausemark("bundle", "--out", str(tmp_path / "dist"), cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1] == (
        "clausemark: error: mkdocs build failed: "
        "sources/rules.pdf: not a PDF file (it does not start with %PDF-)"
    )
    assert not [line for line in lines[:-1] if "rules.pdf" in line], lines
    assert not (tmp_path / "dist").exists()


def test_bundle_with_a_missing_config_is_a_one_line_error(tmp_path):
    result = clausemark_here("bundle", "--config", "nowhere.yml", "--out", "dist", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "clausemark: error: nowhere.yml: no such file\n"
    assert not (tmp_path / "dist").exists()


# --- link integrity of the site and the bundle ----------------------------------------


def test_built_site_has_no_broken_or_external_links(built_site):
    assert format_findings(check_site(built_site)) == []
    assert format_findings(external_links(built_site)) == []


def test_bundle_has_no_broken_directory_or_external_links(example_bundle):
    broken = check_site(example_bundle.root, allow_directory_urls=False)
    assert format_findings(broken) == []
    assert format_findings(external_links(example_bundle.root)) == []


def test_no_page_of_the_bundle_names_a_path_from_the_disk_root(example_bundle):
    """Found in the new-user trial: MkDocs writes 404.html (a page only a web server
    serves) with addresses from the site's root ('/assets/...', '/index.html'); opened
    from the unzipped bundle it asked for file:///assets/..., outside the bundle."""
    from clausemark.support.html_tree import parse_html

    rooted = []
    for path in sorted(example_bundle.root.rglob("*.html")):
        tree = parse_html(path.read_text(encoding="utf-8"))
        for value in tree.xpath("//@href | //@src") if tree is not None else ():
            if value.startswith("/") and not value.startswith("//"):
                rooted.append(f"{path.relative_to(example_bundle.root)}: {value}")
    assert rooted == []


def test_a_second_bundle_never_replaces_the_first(tmp_path):
    """Two bundles of one version (the same day, no extra.version): the second carries
    the time; a third in the same second is refused with one line, nothing replaced."""
    from datetime import datetime

    from clausemark.adapters.bundle import BundleError, bundle_path

    now = datetime(2026, 12, 6, 9, 30, 5)
    first, stem, kept = bundle_path(tmp_path, "site-2026-12-06", now)
    assert (first.name, stem, kept) == ("site-2026-12-06.zip", "site-2026-12-06", None)
    first.write_bytes(b"first")
    second, stem, kept = bundle_path(tmp_path, "site-2026-12-06", now)
    assert (second.name, stem, kept) == (
        "site-2026-12-06-093005.zip",
        "site-2026-12-06-093005",
        first,
    )
    second.write_bytes(b"second")
    with pytest.raises(BundleError, match=r"site-2026-12-06-093005\.zip already exists"):
        bundle_path(tmp_path, "site-2026-12-06", now)
    assert first.read_bytes() == b"first"
