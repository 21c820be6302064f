"""Every format: the same text gives the same clauses; bad files stop with one line."""

from __future__ import annotations

import io
import json
import shutil

import pytest
from clausemark.convert import convert_file
from clausemark.model.records import clause_records
from clausemark.readers import pdf as pdf_reader
from clausemark.readers import read_source
from clausemark.readers.text import SourceError
from clausemark.render.fidelity import lost_words
from clausemark.site_builder.library import discover
from format_fixtures import (
    Item,
    Spec,
    print_html,
    spec_docx,
    spec_print_html,
    spec_text,
    word_export_html,
    write,
)
from site_builds import BuildResult, build_site, run_clausemark

SPEC = Spec(
    "Planning Committee Protocol",
    [
        Item("heading", "Introduction", "1."),
        Item("clause", "This protocol guides members of the planning committee.", "1.1", 1),
        Item("clause", "Members must:", "1.2", 1),
        Item("clause", "declare any interest in an application;", "(a)", 2),
        Item("clause", "before the item is discussed; and", "(i)", 3),
        Item("clause", "in the register of interests;", "(ii)", 3),
        Item("clause", "leave the room while the item is discussed.", "(b)", 2),
        Item("clause", "Co-opted members follow the same rules.", "1.3", 1),
        Item("heading", "Site visits", "2."),
        Item("clause", "Site visits are arranged by the planning officer.", "2.1", 1),
        Item("clause", "No discussion of the merits takes place on site.", "2.2", 1),
    ],
)


def run_cli(*args: str) -> BuildResult:
    return run_clausemark(*args, timeout=120)


@pytest.fixture(scope="module")
def four_formats(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    return {
        "txt": write(folder / "protocol.txt", spec_text(SPEC)),
        "docx": write(folder / "protocol.docx", spec_docx(SPEC)),
        "html": write(folder / "protocol.html", word_export_html(SPEC)),
        "pdf": write(
            folder / "protocol.pdf",
            print_html(browser, spec_print_html(SPEC), header="Example Council"),
        ),
    }


def outline(path):
    document = convert_file(path)
    records = clause_records(document)
    return document.metadata.title, [(r.number, r.parent, r.anchor) for r in records]


def test_same_text_same_clauses_in_every_format(four_formats):
    title, expected = outline(four_formats["txt"])
    assert title == "Planning Committee Protocol"
    assert [number for number, _parent, _anchor in expected] == [
        i.number for i in SPEC.items if i.kind == "clause"
    ]
    for kind in ("docx", "html", "pdf"):
        assert outline(four_formats[kind]) == (title, expected), kind


@pytest.mark.parametrize("kind", ["txt", "docx", "html", "pdf"])
def test_nothing_lost_proof_reads_the_extracted_text(four_formats, kind):
    """The proof runs on each format's text, and it does catch a lost word."""
    path = four_formats[kind]
    source = read_source(path)
    document = convert_file(path)
    assert document.source_format == {"txt": "text"}.get(kind, kind)
    assert lost_words(source, document) == []
    source.text = source.text.replace("planning officer", "planning officer eloquently")
    assert "eloquently" in lost_words(source, document)[0]


@pytest.mark.parametrize("kind", ["docx", "html", "pdf"])
def test_convert_json_names_the_format(four_formats, kind):
    result = run_cli("convert", "--json", str(four_formats[kind]))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source_format"] == kind
    assert [c["number"] for c in data["clauses"]][:3] == ["1.1", "1.2", "(a)"]


def test_discovery_takes_every_format(tmp_path, four_formats):
    sources = tmp_path / "sources"
    sources.mkdir()
    for kind, path in four_formats.items():
        shutil.copy(path, sources / f"protocol-{kind}{path.suffix}")
    (sources / "notes.yml").write_text("title: x\n")
    (sources / "~$protocol.docx").write_bytes(b"lock file")
    assert sorted(e.doc_id for e in discover(sources)) == [
        "protocol-docx",
        "protocol-html",
        "protocol-pdf",
        "protocol-txt",
    ]


# --- bad files ---------------------------------------------------------------------


def scanned_pdf(browser) -> bytes:
    """Text drawn on a canvas prints as an image: a PDF with no text layer."""
    page = (
        "<canvas id=c width=600 height=200></canvas><script>"
        "const x = document.getElementById('c').getContext('2d');"
        "x.font = '30px serif'; x.fillText('1.1 Members must declare interests.', 10, 50);"
        "</script>"
    )
    return print_html(browser, page, header=None, footer=False)


def encrypted_pdf(browser) -> bytes:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(print_html(browser, spec_print_html(SPEC))))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt("council-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def bad_files(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    good_docx = spec_docx(SPEC)
    return {
        "scanned": (write(folder / "scan.pdf", scanned_pdf(browser)), "no text layer"),
        "encrypted": (write(folder / "locked.pdf", encrypted_pdf(browser)), "encrypted"),
        "truncated-pdf": (
            write(folder / "cut.pdf", print_html(browser, spec_print_html(SPEC))[:3000]),
            "damaged or truncated",
        ),
        "truncated-docx": (
            write(folder / "cut.docx", good_docx[: len(good_docx) // 2]),
            "damaged or truncated",
        ),
        "renamed-doc": (
            write(folder / "old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048)),
            "old-format Word .doc",
        ),
    }


@pytest.mark.parametrize(
    "name", ["scanned", "encrypted", "truncated-pdf", "truncated-docx", "renamed-doc"]
)
def test_bad_file_one_line_error_exit_1_nothing_written(bad_files, tmp_path, name):
    path, message = bad_files[name]
    out = tmp_path / "out"
    result = run_cli("convert", str(path), "--out", str(out))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith(f"clausemark: error: {path}: ") and message in lines[0]
    assert not out.exists()


@pytest.mark.build
def test_mkdocs_build_names_the_bad_file_and_stops(bad_files, tmp_path):
    site = tmp_path / "project"
    assert run_cli("init", str(site)).returncode == 0
    sources = site / "sources"
    shutil.copy(bad_files["scanned"][0], sources / "scanned-protocol.pdf")
    result = build_site(site, tmp_path / "out", expect_failure=True, timeout=300)
    assert result.returncode == 1
    assert "sources/scanned-protocol.pdf: this PDF has no text layer" in result.stderr
    assert not (tmp_path / "out" / "scanned-protocol").exists()


def test_a_scanned_page_among_typed_ones_is_reported(browser):
    """Words on an image-only page cannot be read: the conversion says which page."""
    import pypdf

    typed = pypdf.PdfReader(io.BytesIO(print_html(browser, spec_print_html(SPEC))))
    scanned = pypdf.PdfReader(io.BytesIO(scanned_pdf(browser)))
    writer = pypdf.PdfWriter()
    writer.add_page(typed.pages[0])
    writer.add_page(scanned.pages[0])
    out = io.BytesIO()
    writer.write(out)
    source = pdf_reader.read(out.getvalue(), "mixed.pdf")
    assert source.warnings == [
        ("pdf-no-text", "page 2 has no text layer (a scanned image?); not read")
    ]


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".pdf", ".html"])
def test_an_empty_file_of_any_format_says_it_is_empty(tmp_path, suffix):
    source = tmp_path / f"rules{suffix}"
    source.write_bytes(b"")
    with pytest.raises(SourceError) as raised:
        read_source(source)
    assert str(raised.value) == f"{source}: the file is empty (0 bytes)"
