"""Sources on disk: documents, versions, sidecar metadata, the conversion cache, navigation."""

from __future__ import annotations

import pytest
from clausemark.index.parts import constitution_part, part_order
from clausemark.readers.text import SourceError
from clausemark.site_builder.library import ConversionCache, discover


@pytest.mark.parametrize(
    ("label", "part"),
    [
        ("Part E Code 3", "Part E"),
        ("PART 4", "Part 4"),
        ("5.4", "Part 5"),
        ("Appendix 20", "Appendices"),
        ("Schedule 2", "Appendices"),
        (None, "Other documents"),
        ("Code 7", "Other documents"),
    ],
)
def test_constitution_part_from_label(label, part):
    assert constitution_part(label) == part


def test_a_lettered_part_sorts_after_its_number_not_after_part_10():
    """'Part 4A' was listed after Part 5 and Part 10 on the home page and in the menu
    (found by the session-9 trial)."""
    parts = ["Other documents", "Part 10", "Part 5", "Appendices", "Part 4A", "Part E", "Part 4"]
    assert sorted(parts, key=part_order) == [
        "Part 4",
        "Part 4A",
        "Part 5",
        "Part 10",
        "Part E",
        "Appendices",
        "Other documents",
    ]


def test_roman_parts_sort_by_their_value():
    """review9: 'Part IX' sorted before 'Part V' (alphabetical)."""
    parts = ["Part X", "Part IX", "Part V", "Part IVA", "Part IV", "Part VIII", "Part II"]
    assert sorted(parts, key=part_order) == [
        "Part II",
        "Part IV",
        "Part IVA",
        "Part V",
        "Part VIII",
        "Part IX",
        "Part X",
    ]


def test_sidecar_metadata_applies_and_front_matter_wins(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "rules.txt").write_text("1. Scope\n\n1.1 Text.\n", encoding="utf-8")
    (sources / "rules.yml").write_text("title: Standing Orders\nlabel: Part 4\n", encoding="utf-8")
    (sources / "code.txt").write_text(
        "---\ntitle: Own Title\n---\n1. Scope\n\n1.1 Text.\n", encoding="utf-8"
    )
    (sources / "code.yml").write_text("title: Sidecar Title\nversion: '3'\n", encoding="utf-8")
    entries = {entry.doc_id: entry for entry in discover(sources)}
    assert set(entries) == {"rules", "code"}  # the .yml files are not documents
    cache = ConversionCache()
    rules = cache.load(entries["rules"].versions[0], "rules").metadata
    assert (rules.title, rules.label) == ("Standing Orders", "Part 4")
    code = cache.load(entries["code"].versions[0], "code").metadata
    assert (code.title, code.version) == ("Own Title", "3")


def test_bad_sidecar_is_a_one_line_error_naming_it(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "rules.txt").write_text("1. Scope\n\n1.1 Text.\n", encoding="utf-8")
    (sources / "rules.yml").write_text("title: [broken\n", encoding="utf-8")
    (entry,) = discover(sources)
    with pytest.raises(SourceError) as caught:
        ConversionCache().load(entry.versions[0], "rules")
    assert str(caught.value).startswith("sources/rules.yml:")


@pytest.mark.parametrize(
    ("sidecar", "message"),
    [
        # a typo in a key was taken silently: the page went out without what it set
        (
            "title: Rules\nadoptd: 2025-05-14\n",
            "sources/rules.yml:2: unknown key 'adoptd' (did you mean 'adopted'?)",
        ),
        ("titel: Rules\n", "sources/rules.yml:1: unknown key 'titel' (did you mean 'title'?)"),
        # 'status: drafft' published a draft as adopted
        (
            "status: drafft\n",
            "sources/rules.yml:1: 'status' is 'drafft'; it must be adopted or draft",
        ),
        # a day that does not exist, written in words, was read as its month ('2025-09')
        (
            "title: Rules\nadopted: 31 September 2025\n",
            "sources/rules.yml:2: 'adopted' is not a real date: 31 September 2025",
        ),
        (
            "next_review: 30th February 2027\n",
            "sources/rules.yml:1: 'next_review' is not a real date: 30th February 2027",
        ),
    ],
)
def test_a_sidecar_typo_is_a_one_line_error_naming_its_line(tmp_path, sidecar, message):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "rules.txt").write_text("1. Scope\n\n1.1 Text.\n", encoding="utf-8")
    (sources / "rules.yml").write_text(sidecar, encoding="utf-8")
    (entry,) = discover(sources)
    with pytest.raises(SourceError) as caught:
        ConversionCache().load(entry.versions[0], "rules")
    assert str(caught.value).startswith(message)


def test_front_matter_with_a_typo_is_refused_too(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "rules.txt").write_text(
        "---\ntitle: Rules\nnext_reveiw: 2027-03\n---\n1. Scope\n\n1.1 Text.\n", encoding="utf-8"
    )
    (entry,) = discover(sources)
    with pytest.raises(SourceError) as caught:
        ConversionCache().load(entry.versions[0], "rules")
    assert "unknown key 'next_reveiw' (did you mean 'next_review'?)" in str(caught.value)


@pytest.mark.parametrize("written", ["Draft", " DRAFT ", "draft"])
def test_a_draft_status_is_a_draft_however_it_is_cased(tmp_path, written):
    """'status: Draft' was stored as written: the page said Draft (its template lowers
    the case) but the version order and the home page (which compare with 'draft') took
    the draft for the adopted, current version."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "rules.txt").write_text("1. Scope\n\n1.1 Text.\n", encoding="utf-8")
    (sources / "rules.yml").write_text(f"status: '{written}'\n", encoding="utf-8")
    (entry,) = discover(sources)
    assert ConversionCache().load(entry.versions[0], "rules").metadata.status == "draft"


def test_cache_reconverts_only_a_changed_source(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("1. A\n\n1.1 First.\n", encoding="utf-8")
    (sources / "b.txt").write_text("1. B\n\n1.1 Second.\n", encoding="utf-8")
    cache = ConversionCache()
    a, b = (cache.load(e.versions[0], e.doc_id) for e in discover(sources))
    (sources / "b.txt").write_text("1. B\n\n1.1 Second, edited.\n", encoding="utf-8")
    a2, b2 = (cache.load(e.versions[0], e.doc_id) for e in discover(sources))
    assert a2 is a and b2 is not b
    assert b2.blocks[0].blocks[0].text == "Second, edited."


def test_versions_folder_is_one_document(tmp_path):
    folder = tmp_path / "sources" / "protocol"
    folder.mkdir(parents=True)
    for name in ("2025.txt", "2026.txt", "document.yml"):
        (folder / name).write_text(
            "1. A\n\n1.1 Text.\n" if name.endswith("txt") else "label: Part 5\n"
        )
    (entry,) = discover(tmp_path / "sources")
    assert entry.doc_id == "protocol"
    assert [v.path.name for v in entry.versions] == ["2025.txt", "2026.txt"]
    assert ConversionCache().load(entry.versions[1], "protocol").metadata.label == "Part 5"


@pytest.mark.parametrize(
    ("place", "kind"),
    [("rules.doc", "Word 97-2003"), ("rules.RTF", "Rich Text"), ("code/2026.odt", "OpenDocument")],
)
def test_a_document_in_a_format_no_reader_takes_is_named_never_left_out(tmp_path, place, kind):
    """A .doc or .odt dropped into sources/ (or a new version saved so in its folder) is no
    page: the build stops naming it and what to do, rather than leaving it out unsaid."""
    sources = tmp_path / "sources"
    (sources / "code").mkdir(parents=True)
    (sources / "code" / "2025.txt").write_text("1. A\n\n1.1 Text.\n", encoding="utf-8")
    for lock in (".rules.doc", "~$rules.doc", "code/~$2026.odt"):  # hidden and lock files
        (sources / lock).write_bytes(b"\0")
    assert [entry.doc_id for entry in discover(sources)] == ["code"]
    (sources / place).write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(SourceError) as caught:
        discover(sources)
    assert str(caught.value).startswith(f"sources/{place}: "), caught.value
    assert kind in str(caught.value) and "(.docx)" in str(caught.value)


def test_menu_titles_tell_apart_documents_of_the_same_name():
    from clausemark.index.parts import nav_titles
    from clausemark.model.document import Document, Metadata

    town = Document("a", "a.txt", Metadata(title="PROTOCOL", council="Town Council"))
    city = Document("b", "b.txt", Metadata(title="Protocol", label="Part 5"))
    alone = Document("c", "c.txt", Metadata(title="Standing Orders", council="Town Council"))
    documents = [town, city, alone]
    assert nav_titles(documents) == {
        "a": "Protocol (Town Council)",
        "b": "Protocol (Part 5)",
        "c": "Standing Orders",
    }
