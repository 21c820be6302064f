from pathlib import Path

import pytest
from clausemark.site_builder.linkcheck import (
    BrokenLink,
    CheckMemory,
    ExternalLink,
    check_site,
    external_links,
    main,
    parse_page,
)


def write_site(root: Path, pages: dict[str, str]) -> Path:
    for name, body in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")
    return root


def test_missing_file_is_reported(tmp_path):
    write_site(tmp_path, {"index.html": '<a href="protocol/">x</a><a href="gone.html">y</a>'})
    assert check_site(tmp_path) == [
        BrokenLink("index.html", "protocol/", "missing file"),
        BrokenLink("index.html", "gone.html", "missing file"),
    ]


def test_missing_fragment_is_reported_and_existing_one_passes(tmp_path):
    write_site(
        tmp_path,
        {
            "index.html": (
                '<a href="protocol.html#sec_3__para_3-5">ok</a>'
                '<a href="protocol.html#sec_3__para_3-6">bad</a>'
            ),
            "protocol.html": '<p id="sec_3__para_3-5">3.5 Members shall...</p>',
        },
    )
    assert check_site(tmp_path) == [
        BrokenLink(
            "index.html",
            "protocol.html#sec_3__para_3-6",
            "missing anchor #sec_3__para_3-6 in protocol.html",
        )
    ]


def test_a_check_again_with_its_memory_finds_what_a_fresh_check_finds(tmp_path):
    """`mkdocs serve` checks after each rebuild, keeping what an unchanged page gave: a
    page whose bytes are the same still breaks when a page it points into loses the id,
    or a file it links to goes."""
    pages = {
        "index.html": '<a href="protocol.html#p3">3</a><a href="codes.html">codes</a>',
        "protocol.html": '<p id="p3">3. Members shall...</p><a href="#p3">here</a>',
        "codes.html": '<a href="protocol.html#p3">3</a>',
    }
    memory = CheckMemory()
    write_site(tmp_path, pages)
    assert check_site(tmp_path, memory=memory) == []
    assert set(memory.findings) == set(pages)
    write_site(tmp_path, {"protocol.html": '<p id="p4">4. Members shall...</p>'})
    missing = "missing anchor #p3 in protocol.html"
    expected = [
        BrokenLink("codes.html", "protocol.html#p3", missing),
        BrokenLink("index.html", "protocol.html#p3", missing),
    ]
    assert check_site(tmp_path, memory=memory) == expected == check_site(tmp_path)
    (tmp_path / "codes.html").unlink()
    broken = check_site(tmp_path, memory=memory)
    assert broken == check_site(tmp_path)
    assert BrokenLink("index.html", "codes.html", "missing file") in broken


def test_same_page_fragment_and_a_name_targets(tmp_path):
    write_site(
        tmp_path,
        {
            "index.html": '<a name="top"></a><h2 id="para_4">4.</h2><a href="#para_4">4</a>'
            '<a href="#top">top</a><a href="#para_5">5</a>'
        },
    )
    assert check_site(tmp_path) == [
        BrokenLink("index.html", "#para_5", "missing anchor #para_5 in index.html")
    ]


def test_bare_hash_is_an_empty_fragment(tmp_path):
    write_site(tmp_path, {"index.html": '<a href="#">back</a>'})
    assert check_site(tmp_path) == [BrokenLink("index.html", "#", "empty fragment")]


def test_directory_urls_resolve_to_index_html(tmp_path):
    write_site(
        tmp_path,
        {
            "index.html": '<a href="protocol/#para_2">p</a><a href="empty/">e</a>',
            "protocol/index.html": '<p id="para_2">2.</p><a href="../">home</a>'
            '<a href="..">home</a><link href="../style.css"><script src="/app.js"></script>',
            "empty/notes.txt": "",
            "style.css": "",
            "app.js": "",
        },
    )
    assert check_site(tmp_path) == [
        BrokenLink("index.html", "empty/", "directory has no index.html")
    ]


def test_directory_urls_can_be_forbidden_for_file_bundles(tmp_path):
    write_site(
        tmp_path,
        {
            "index.html": '<a href="protocol/">dir</a><a href="protocol/index.html">file</a>',
            "protocol/index.html": "",
        },
    )
    assert check_site(tmp_path, allow_directory_urls=False) == [
        BrokenLink(
            "index.html", "protocol/", "directory URL (file:// shows a listing, not index.html)"
        )
    ]


def test_use_directory_urls_false_layout(tmp_path):
    write_site(
        tmp_path,
        {
            "index.html": '<a href="protocol.html">p</a><a href="sub/page.html#x">s</a>',
            "protocol.html": '<a href="index.html">home</a><a href="sub/page.html#y">bad</a>',
            "sub/page.html": '<h1 id="x">X</h1><a href="../protocol.html">up</a>',
        },
    )
    assert check_site(tmp_path) == [
        BrokenLink("protocol.html", "sub/page.html#y", "missing anchor #y in sub/page.html")
    ]


def test_query_strings_are_ignored_when_resolving(tmp_path):
    write_site(
        tmp_path,
        {
            "index.html": '<link href="style.css?v=123"><a href="search.html?q=gifts#results">'
            'q</a><a href="missing.html?q=1">m</a><a href="?page=2">self</a>',
            "search.html": '<div id="results"></div>',
            "style.css": "",
        },
    )
    assert check_site(tmp_path) == [BrokenLink("index.html", "missing.html?q=1", "missing file")]


def test_percent_encoded_paths_and_fragments_are_decoded(tmp_path):
    write_site(
        tmp_path,
        {
            "index.html": '<a href="member%20officer%20protocol.html#caf%C3%A9">ok</a>'
            '<img src="images/logo%20wide.png"><img src="images/logo%2Bsmall.png">',
            "member officer protocol.html": '<p id="café">x</p>',
        },
    )
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo wide.png").write_bytes(b"")
    assert check_site(tmp_path) == [
        BrokenLink("index.html", "images/logo%2Bsmall.png", "missing file")
    ]


def test_links_escaping_the_site_are_broken(tmp_path):
    site = write_site(tmp_path / "site", {"index.html": '<a href="../secret.html">x</a>'})
    (tmp_path / "secret.html").write_text("", encoding="utf-8")
    assert check_site(site) == [
        BrokenLink("index.html", "../secret.html", "points outside the site")
    ]


def test_external_and_non_file_urls_are_kept_apart(tmp_path):
    write_site(
        tmp_path,
        {
            "index.html": '<a href="https://example.org/x">ext</a>'
            '<script src="//cdn.example.org/a.js"></script>'
            '<a href="mailto:monitoring.officer@example.gov.uk">mail</a><a href="tel:+44">t</a>'
            '<img src="data:image/png;base64,AAAA"><a href="javascript:void(0)">js</a>'
        },
    )
    assert check_site(tmp_path) == []
    assert external_links(tmp_path) == [
        ExternalLink("index.html", "https://example.org/x"),
        ExternalLink("index.html", "//cdn.example.org/a.js"),
    ]


def test_parse_page_collects_ids_names_and_urls():
    parsed = parse_page(
        '<h2 id="a">A</h2><a name="b"></a><img src="x.png"/><link rel="stylesheet" href="s.css">'
        '<span name="not-an-anchor"></span><a>no href</a>'
    )
    assert parsed.anchors == {"a", "b"}
    assert parsed.urls == ["x.png", "s.css"]


@pytest.mark.parametrize(
    ("flags", "expected_code", "expected_lines"),
    [
        ([], 1, ["index.html: gone.html -- missing file"]),
        (
            ["--no-external"],
            1,
            ["index.html: gone.html -- missing file", "index.html: https://x.org -- external URL"],
        ),
    ],
)
def test_main_prints_one_line_per_problem(tmp_path, capsys, flags, expected_code, expected_lines):
    write_site(tmp_path, {"index.html": '<a href="gone.html">g</a><a href="https://x.org">x</a>'})
    assert main([str(tmp_path), *flags]) == expected_code
    assert capsys.readouterr().out.splitlines() == expected_lines


def test_main_returns_zero_for_a_clean_site(tmp_path, capsys):
    write_site(tmp_path, {"index.html": '<a href="#x" id="x">self</a>'})
    assert main([str(tmp_path)]) == 0
    assert capsys.readouterr().out == ""
