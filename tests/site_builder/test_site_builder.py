"""The site builder with no framework: pages, menu, warnings, errors and memory of a small site."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from clausemark.render.markdown_writer import MOVES_SCRIPT_ID
from clausemark.site_builder import (
    BuildError,
    BuildMemory,
    GeneratedPage,
    SiteBuilder,
    SiteSettings,
    library,
)
from clausemark.site_builder import builder as builder_module
from clausemark.site_builder import generators as pages_module
from clausemark.site_builder.menu import MenuPage, MenuSection, site_menu
from clausemark.site_builder.signatures import page_signatures
from site_builds import run_python

ALPHA = """\
---
label: Part 4 Rules
adopted: 2025-05-01
---
Meetings Procedure Rules

1. Meetings

1.1 The chair opens each meeting.

1.2 A motion under paragraph 1.1 needs a seconder.

2. Voting

2.1 Votes are taken by a show of hands.
"""

BETA_OLD = """\
---
version: "2025"
adopted: 2025-03-20
---
Room Booking Protocol

1. Bookings

1.1 Rooms are booked through the office.

1.2 A booking lapses after ten minutes.
"""

BETA_NEW = """\
---
version: "2026"
adopted: 2026-03-19
---
Room Booking Protocol

1. Bookings

1.1 Rooms are booked through the office or online.

1.2 A booking lapses after ten minutes.
"""


def make_site(root: Path) -> SiteSettings:
    sources = root / "sources"
    (sources / "beta").mkdir(parents=True)
    (sources / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (sources / "beta" / "2025.txt").write_text(BETA_OLD, encoding="utf-8")
    (sources / "beta" / "2026.txt").write_text(BETA_NEW, encoding="utf-8")
    (sources / "beta" / "document.yml").write_text("label: Part 5 Protocol 1\n", encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Our constitution\n\nWelcome.\n", encoding="utf-8")
    return SiteSettings.from_options(
        {"docs_dir": "docs", "cache_dir": "", "site_name": "Ours", "part_names": {}}, root
    )


def test_the_build_makes_every_page_of_the_site(tmp_path: Path) -> None:
    build = SiteBuilder(make_site(tmp_path)).build()
    assert sorted(page.path for page in build.pages) == [
        "alpha.md",
        "beta.md",
        "beta/changes/2025-to-2026.md",
        "beta/versions/2025.md",
        "beta/versions/2026.md",
        "build-report.md",
        "glossary.md",
        "index.md",
        "reviews/2026.md",
    ]
    alpha = build.page("alpha.md")
    assert alpha is not None
    assert '### 1.2 {: #sec_1__para_1-2 .cm-clause data-cm-number="1.2" }' in alpha.markdown
    home = build.page("index.md")
    assert home is not None
    assert home.markdown.startswith("# Our constitution\n\nWelcome.\n\n")
    assert "[Meetings Procedure Rules](alpha.md)" in home.markdown


def test_the_home_page_is_the_site_name_without_docs_index(tmp_path: Path) -> None:
    settings = make_site(tmp_path)
    (tmp_path / "docs" / "index.md").unlink()
    home = SiteBuilder(settings).build().page("index.md")
    assert home is not None and home.markdown.startswith("# Ours\n\n")


def test_a_docs_index_without_a_title_is_headed_by_the_site_name(tmp_path: Path) -> None:
    settings = make_site(tmp_path)
    (tmp_path / "docs" / "index.md").write_text("Welcome to the texts.\n", encoding="utf-8")
    home = SiteBuilder(settings).build().page("index.md")
    assert home is not None and home.markdown.startswith("# Ours\n\nWelcome to the texts.\n")


def test_a_docs_index_title_after_front_matter_is_kept(tmp_path: Path) -> None:
    settings = make_site(tmp_path)
    written = "---\nhide: [toc]\n---\n# Our texts\n\nWelcome.\n"
    (tmp_path / "docs" / "index.md").write_text(written, encoding="utf-8")
    home = SiteBuilder(settings).build().page("index.md")
    assert home is not None and home.markdown.startswith(written)
    assert "# Ours" not in home.markdown


def test_front_matter_of_a_docs_index_without_a_title_stays_first(tmp_path: Path) -> None:
    settings = make_site(tmp_path)
    written = "---\nhide: [toc]\n---\nWelcome.\n"
    (tmp_path / "docs" / "index.md").write_text(written, encoding="utf-8")
    home = SiteBuilder(settings).build().page("index.md")
    assert home is not None and home.markdown.startswith(
        "---\nhide: [toc]\n---\n# Ours\n\nWelcome.\n"
    )


def test_the_menu_groups_documents_by_part_and_keeps_versions_off_it(tmp_path: Path) -> None:
    build = SiteBuilder(make_site(tmp_path)).build()
    menu = site_menu(build)
    assert menu[0] == MenuPage("index.md")
    sections = {item.title: item for item in menu if isinstance(item, MenuSection)}
    assert sections["Part 4"].children == [MenuPage("alpha.md", "Meetings Procedure Rules")]
    assert sections["Part 5"].children == [MenuPage("beta.md", "Room Booking Protocol")]
    assert sections["Annual reviews"].children == [MenuPage("reviews/2026.md")]
    listed = {page.path for item in menu for page in getattr(item, "children", [item])}
    assert not any("/versions/" in path or "/changes/" in path for path in listed)


def test_each_page_showing_a_version_is_proved_against_its_own_source(tmp_path: Path) -> None:
    build = SiteBuilder(make_site(tmp_path)).build()
    shown = {path: version.path.name for path, (version, _doc) in build.proofs.items()}
    assert shown == {
        "alpha.md": "alpha.txt",
        "beta.md": "2026.txt",
        "beta/versions/2025.md": "2025.txt",
        "beta/versions/2026.md": "2026.txt",
    }


def test_a_citation_names_the_cited_versions_page(tmp_path: Path) -> None:
    settings = make_site(tmp_path)
    build = SiteBuilder(settings).build()
    assert build.cite_url("beta.md") == "versions/2026/"
    assert build.cite_url("alpha.md") == "./"
    public = SiteBuilder(replace(settings, site_url="https://example.org/c/")).build()
    assert public.cite_url("beta.md") == "https://example.org/c/beta/versions/2026/"
    bundle = replace(settings, use_directory_urls=False, canonical_directory_urls=True)
    assert SiteBuilder(bundle).build().cite_url("beta.md") == "beta/versions/2026.html"


def test_a_new_page_generator_is_one_entry(tmp_path: Path, monkeypatch) -> None:
    def contacts(build, memory):
        return [GeneratedPage("contacts.md", f"# Contacts\n\n{len(build.documents)} documents\n")]

    monkeypatch.setattr(pages_module, "PAGE_GENERATORS", (*pages_module.PAGE_GENERATORS, contacts))
    page = SiteBuilder(make_site(tmp_path)).build().page("contacts.md")
    assert page == GeneratedPage("contacts.md", "# Contacts\n\n2 documents\n")


def test_a_bad_source_is_one_line_naming_the_file(tmp_path: Path) -> None:
    settings = make_site(tmp_path)
    (tmp_path / "sources" / "Alpha!.txt").write_text(ALPHA, encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        SiteBuilder(settings).check_inputs()
    message = str(raised.value)
    assert "\n" not in message
    assert "sources/alpha.txt" in message and "same address 'alpha/'" in message


@pytest.mark.parametrize(
    ("name", "text", "shown"),
    [
        ("glossary.yml", "- term: X\n  definition: [a, {b: c}]\n", "sources/glossary.yml:1: "),
        ("documents.yml", "- &x {id: x, title: X}\n- *x\n", "sources/documents.yml:1: "),
        ("search_concepts.yml", "- ask: [x]\n", "sources/search_concepts.yml:1: "),
    ],
)
def test_a_bad_data_file_is_named_as_the_sources_are(tmp_path: Path, name, text, shown) -> None:
    """'sources/glossary.yml:2: ...', as every source is named, never the absolute path
    of the machine that built it."""
    settings = make_site(tmp_path)
    (tmp_path / "sources" / name).write_text(text, encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        SiteBuilder(settings).check_inputs()
    assert str(raised.value).startswith(shown), raised.value


def test_a_broken_anchor_registry_fails_the_build_in_one_line(tmp_path: Path) -> None:
    settings = make_site(tmp_path)
    (tmp_path / "sources" / "anchors.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        SiteBuilder(settings).build()
    assert "anchors.json" in str(raised.value) and "\n" not in str(raised.value)


def _moves(markdown: str) -> dict:
    """The page's moves script (old address -> where it lands), read as the browser reads it."""
    script = rf'<script type="application/json" id="{MOVES_SCRIPT_ID}">(.*?)</script>'
    found = re.search(script, markdown)
    return json.loads(found.group(1)) if found else {}


def test_an_anchor_correction_reaches_a_document_that_has_versions(tmp_path: Path) -> None:
    """sources/anchors.json says 1.2 of version 2026 was first published as #sec_1__para_1-9
    (a converter correction renamed it): that address lands on 1.2 on the document's page
    and on the page of version 2026, and nowhere on version 2025's, which never had it."""
    settings = make_site(tmp_path)
    same = {a: a for a in ("sec_1__para_1-1", "sec_1__para_1-2")}
    corrected = {**same, "sec_1__para_1-2": "sec_1__para_1-9"}
    registry = {
        "format": "clausemark-anchors",
        "version": 1,
        "documents": {
            "beta": {
                "versions": [
                    {"version": "2025", "anchors": same},
                    {"version": "2026", "anchors": corrected},
                ],
                "removed": {},
            }
        },
    }
    (tmp_path / "sources" / "anchors.json").write_text(json.dumps(registry), encoding="utf-8")
    build = SiteBuilder(settings).build()
    landing = {
        "sec_1__para_1-9": {
            "to": "sec_1__para_1-2",
            "note": "This link's earlier address (#sec_1__para_1-9) now leads here.",
            "diff": None,
        }
    }
    for path in ("beta.md", "beta/versions/2026.md"):
        page = build.page(path)
        assert page is not None and _moves(page.markdown) == landing, path
    earlier = build.page("beta/versions/2025.md")
    assert earlier is not None and "sec_1__para_1-9" not in earlier.markdown


def test_a_build_from_the_disk_cache_makes_the_same_pages(tmp_path: Path) -> None:
    """The cache keeps a document's pages without the versions' texts; put back with the
    versions, they make the same pages, review and home pages included."""
    settings = replace(make_site(tmp_path), cache_dir=tmp_path / "cache")
    first = SiteBuilder(settings).build()
    again = SiteBuilder(settings, BuildMemory()).build()
    assert [(p.path, p.markdown) for p in again.pages] == [
        (p.path, p.markdown) for p in first.pages
    ]
    assert [pair.path for pair in again.documents[1].pages.pairs] == [
        "beta/changes/2025-to-2026.md"
    ]


def test_a_second_build_with_the_same_memory_converts_nothing(tmp_path: Path, monkeypatch):
    settings = make_site(tmp_path)
    memory = BuildMemory()
    SiteBuilder(settings, memory).build()
    converted: list[str] = []
    real = library.convert_file

    def counting(path, *args, **kwargs):
        converted.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(library, "convert_file", counting)
    SiteBuilder(settings, memory).build()
    assert converted == []
    (tmp_path / "sources" / "alpha.txt").write_text(ALPHA + "\n2.2 Ties go to the chair.\n")
    SiteBuilder(settings, memory).build()
    assert converted == ["alpha.txt"]


def test_new_wording_changes_one_page_signature_and_renumbering_all(tmp_path: Path) -> None:
    settings = make_site(tmp_path)
    before = page_signatures(SiteBuilder(settings).build())
    alpha = tmp_path / "sources" / "alpha.txt"
    alpha.write_text(ALPHA.replace("show of hands", "roll call"), encoding="utf-8")
    reworded = page_signatures(SiteBuilder(settings).build())
    changed = {path for path in before if before[path] != reworded[path]}
    assert changed == {"alpha.md"}
    alpha.write_text(ALPHA.replace("2.1 Votes", "2.2 Votes"), encoding="utf-8")
    renumbered = page_signatures(SiteBuilder(settings).build())
    assert {path for path in before if before[path] != renumbered[path]} == set(before)


def test_the_builder_runs_without_mkdocs(tmp_path: Path) -> None:
    """Imported and run in a fresh interpreter, the build loads no MkDocs module."""
    make_site(tmp_path)
    script = (
        "import sys; from pathlib import Path\n"
        "from clausemark.site_builder import SiteBuilder, SiteSettings\n"
        "s = SiteSettings.from_options({'cache_dir': '', 'docs_dir': 'docs'}, Path('.'))\n"
        "build = SiteBuilder(s).build()\n"
        "names = {m.split('.')[0] for m in sys.modules}\n"
        "print(len(build.pages), bool(names & {'mkdocs', 'material'}))\n"
    )
    result = run_python(["-c", script], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["9", "False"]


def test_version_order_is_one_rule_for_the_site_and_the_commands(tmp_path: Path) -> None:
    settings = make_site(tmp_path)
    entry = library.source_entry(tmp_path / "sources" / "beta")
    assert entry is not None
    cli_order = [v.label for v in library.load_versions(entry, library.ConversionCache())]
    built = SiteBuilder(settings).build()
    site_order = [v.label for v in built.documents[1].versions]
    assert cli_order == site_order == ["2025", "2026"]
    assert builder_module.current_version(built.documents[1].versions).label == "2026"


def test_signatures_survive_a_finished_build_and_not_a_killed_one(tmp_path: Path) -> None:
    from clausemark.site_builder.signatures import PageSignatures
    from clausemark.support.disk_cache import DiskCache

    settings = make_site(tmp_path)
    disk, site_dir = DiskCache(tmp_path / "cache"), tmp_path / "site"
    build = SiteBuilder(settings).build()
    first = PageSignatures()
    first.begin(disk, site_dir, dirty=True)
    assert first.unchanged(build) == set()
    first.commit(disk, site_dir)
    finished = PageSignatures()  # a new process: what the cache holds
    finished.begin(disk, site_dir, dirty=True)
    assert finished.unchanged(build) == {page.path for page in build.pages}
    killed = PageSignatures()  # `finished` began, then died before its commit
    killed.begin(disk, site_dir, dirty=True)
    assert killed.unchanged(build) == set()


def test_pages_carry_their_dates_written_for_readers_and_the_verdict_at_build(tmp_path):
    settings = make_site(tmp_path)
    review = "---\nadopted: 2025-05-01\nnext_review: 2026-01\n---\nGifts Policy\n\n1. Gifts\n"
    (tmp_path / "sources" / "gifts.txt").write_text(review, encoding="utf-8")
    undated = SiteBuilder(settings).build().page("gifts.md")
    assert undated is not None
    assert "    adopted: 1 May 2025\n" in undated.markdown
    assert "    review_due: in January 2026\n    review_overdue: false\n" in undated.markdown
    dated = SiteBuilder(replace(settings, build_date="2026-02-01")).build().page("gifts.md")
    assert dated is not None and "    review_overdue: true\n" in dated.markdown


def test_a_misspelt_setting_is_refused_not_ignored(tmp_path: Path) -> None:
    from clausemark.support.yaml_data import DataError

    with pytest.raises(DataError) as raised:
        SiteSettings.from_options({"source_dir": "texts"}, tmp_path)
    assert "unknown clausemark setting 'source_dir'" in str(raised.value)
    with pytest.raises(DataError):
        SiteSettings.from_options({"settings_text": "x"}, tmp_path)  # filled in, not set


def test_only_the_current_version_says_its_review_is_due(tmp_path):
    """Version 1's review date passed because version 2 is that review: its page prints
    the date but no "Review overdue" notice; the current text's pages keep it."""
    settings = make_site(tmp_path)
    folder = tmp_path / "sources" / "gifts"
    folder.mkdir()
    for version, adopted, review in (
        ("1", "2025-05-01", "2026-05"),
        ("2", "2026-05-20", "2027-05"),
    ):
        (folder / f"{version}.txt").write_text(
            f"---\nversion: '{version}'\nadopted: {adopted}\nnext_review: {review}\n---\n"
            "Gifts Policy\n\n1. Gifts\n\n1.1 Gifts are registered.\n",
            encoding="utf-8",
        )
    build = SiteBuilder(replace(settings, build_date="2026-12-06")).build()
    old, current = build.page("gifts/versions/1.md"), build.page("gifts.md")
    assert old is not None and current is not None
    assert "    next_review: May 2026\n" in old.markdown
    assert "review_due" not in old.markdown and "review_overdue" not in old.markdown
    assert "    review_due: in May 2027\n    review_overdue: false\n" in current.markdown
    own = build.page("gifts/versions/2.md")  # the current text on its version page
    assert own is not None and "    review_due: in May 2027\n" in own.markdown


def test_a_councils_search_concepts_file_that_is_not_entries_fails_in_one_line(
    tmp_path: Path,
) -> None:
    settings = make_site(tmp_path)
    concepts = tmp_path / "sources" / "search_concepts.yml"
    concepts.write_text("- ask: [bins]\n  find: [waste]\n- ask: [parking]\n", encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        SiteBuilder(settings).check_inputs()
    message = str(raised.value)
    assert "\n" not in message
    assert message.endswith(
        "search_concepts.yml:3: an entry needs `ask` and `find`, each a list of words"
    )


def test_ids_recorded_for_the_current_version_and_no_longer_given_are_a_warning(
    tmp_path: Path,
) -> None:
    """A clausemark upgrade reads the current version into other ids: the build says so in
    one line (strict builds fail), so its old addresses are not lost unsaid."""
    from clausemark.versions.order import current_version

    settings = make_site(tmp_path)
    build = SiteBuilder(settings).build()
    beta = next(b for b in build.documents if b.entry.doc_id == "beta")
    current = current_version(beta.versions)
    recorded = {r.anchor: r.anchor for r in current.records() if r.kind == "clause"}
    assert not [w for w in build.warnings if w.code == "anchors"]
    stale = {**recorded, "sec_1__para_1-9": "sec_1__para_1-9"}
    registry = {
        "format": "clausemark-anchors",
        "version": 1,
        "documents": {
            "beta": {"versions": [{"version": current.label, "anchors": stale}], "removed": {}}
        },
    }
    (tmp_path / "sources" / "anchors.json").write_text(json.dumps(registry), encoding="utf-8")
    warned = [w for w in SiteBuilder(settings).build().warnings if w.code == "anchors"]
    assert [w.document for w in warned] == ["beta"]
    assert warned[0].message.startswith("beta: 1 clause id(s) recorded for version")
    assert "#sec_1__para_1-9" in warned[0].message and "\n" not in warned[0].message
