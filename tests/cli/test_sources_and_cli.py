"""Bad input: one clear line naming the file (and line), non-zero exit, no partial output."""

from __future__ import annotations

import codecs
import json

import pytest
from clausemark.convert import convert_file
from clausemark.readers.text import SourceError, read_source
from seeds import EMCCA, REPO_ROOT
from site_builds import BuildResult, clausemark_here


def run_cli(*args: str) -> BuildResult:
    return clausemark_here(*args, cwd=REPO_ROOT)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n\t\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"---\ntitle: [unclosed\n---\n1.1 Text.\n", "front matter is not valid YAML"),
    ],
    ids=["empty", "blank", "binary", "bad-front-matter"],
)
def test_bad_file_gives_one_line_error_and_no_output(tmp_path, content, message):
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    out = tmp_path / "out"
    result = run_cli("convert", str(source), "--out", str(out))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"clausemark: error: {source}") and message in lines[0]
    assert not out.exists()


def test_one_bad_file_among_good_ones_writes_nothing(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out"
    result = run_cli("convert", str(EMCCA), str(bad), "--out", str(out))
    assert result.returncode == 1 and not out.exists()


def test_front_matter_error_names_the_line(tmp_path):
    source = tmp_path / "fm.txt"
    source.write_text("---\ntitle: ok\nversion: [1\n---\n1.1 Text.\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_source(source)
    assert str(caught.value).startswith(f"{source}:")
    assert caught.value.line is not None


def test_cp1252_smart_quotes_are_decoded_and_reported(tmp_path):
    source = tmp_path / "cp.txt"
    source.write_bytes(
        "1. Scope\r\n\r\n1.1 The \u201cMembers\u2019\u201d code.\r\n".encode("cp1252")
    )
    document = convert_file(source)
    assert "The \u201cMembers\u2019\u201d code." in document.blocks[0].blocks[0].text
    assert any("decoded as Windows-1252" in w.message for w in document.warnings)


def test_a_utf8_text_with_a_pasted_windows_1252_line_keeps_its_utf8(tmp_path):
    """One '£' pasted from an old file (byte 0xA3) made the whole UTF-8 file Windows-1252:
    every smart quote and '£' of the rest showed as mojibake ("councillorâ€™s", "Â£12")."""
    source = tmp_path / "mixed.txt"
    source.write_bytes(
        "Members\u2019 Allowances\n\n".encode()
        + "1.1 The councillor\u2019s allowance is \u00a312,000.\n\n".encode()
        + b"1.2 The Leader\x92s allowance is \xa38,000.\n"
    )
    document = convert_file(source)
    texts = [clause.text for clause in document.blocks]
    assert texts == [
        "The councillor\u2019s allowance is \u00a312,000.",
        "The Leader\u2019s allowance is \u00a38,000.",
    ]
    assert document.metadata.title == "Members\u2019 Allowances"
    [note] = [w.message for w in document.warnings if w.code == "encoding"]
    assert note == (
        "not UTF-8 throughout: the bytes that are not, on line 5, read as Windows-1252, "
        "the rest as UTF-8"
    )
    source.write_bytes("1.1 \u201dq\u201d\n".encode() + b"1.2 \x81\n")
    with pytest.raises(SourceError) as caught:  # 0x81: Windows-1252 has no such character
        convert_file(source)
    assert str(caught.value).startswith(f"{source}:2: not UTF-8 (byte 0x81)")


def test_bom_crlf_and_utf16_are_read(tmp_path):
    text = "1. Scope\r\n\r\n1.1 First.\r\n\r\n1.2 Second.\r\n"
    for name, data in {
        "bom.txt": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf16.txt": text.encode("utf-16"),
        "cr.txt": text.replace("\r\n", "\r").encode("utf-8"),
    }.items():
        source = tmp_path / name
        source.write_bytes(data)
        section = convert_file(source).blocks[0]
        assert [c.number for c in section.blocks] == ["1.1", "1.2"], name
        assert section.blocks[0].text == "First."


def test_a_byte_order_mark_is_no_warning(tmp_path):
    """Word's 'Plain Text' export as UTF-8 or as Unicode writes a byte-order mark, which
    says the encoding for certain: reading it repairs nothing, so it warns of nothing (in
    the new-user trial every such file failed `mkdocs build --strict`). A guessed
    encoding still warns."""
    text = "Rules\n\n1. Scope\n\n1.1 The council\u2019s fee is \u00a35.\n"
    for name, data in {
        "bom.txt": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf16.txt": text.encode("utf-16"),
        "utf16be.txt": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    }.items():
        source = tmp_path / name
        source.write_bytes(data)
        document = convert_file(source)
        assert document.warnings == [], (name, document.warnings)
        assert document.blocks[0].blocks[0].text == "The council\u2019s fee is \u00a35."
    guessed = tmp_path / "guessed.txt"
    guessed.write_bytes(text.encode("cp1252"))
    assert [w.code for w in convert_file(guessed).warnings] == ["encoding"]


def test_front_matter_overrides_what_the_text_says(tmp_path):
    source = tmp_path / "fm.txt"
    source.write_text(
        "---\ntitle: Code of Conduct for Members\nversion: 2027\nadopted: 2027-03-22\n"
        "minute: C/27/14\nstatus: draft\n---\n1. Scope\n\n1.1 Text.\n",
        encoding="utf-8",
    )
    document = convert_file(source)
    meta = document.metadata
    assert (meta.title, meta.version, meta.adopted, meta.minute, meta.status) == (
        "Code of Conduct for Members",
        "2027",
        "2027-03-22",
        "C/27/14",
        "draft",
    )
    assert meta.document_type == "Code of Conduct"
    assert document.blocks[0].heading.line == 8  # line numbers count the front matter


def test_out_of_order_numbers_warn_but_convert(tmp_path):
    source = tmp_path / "order.txt"
    source.write_text("1. Scope\n\n1.2 Second.\n\n1.1 First.\n", encoding="utf-8")
    result = run_cli("convert", str(source), "--out", str(tmp_path / "out"))
    assert result.returncode == 0
    assert f"warning: {source}:5: clause 1.1 comes after 1.2 (out of order)" in result.stderr
    assert (tmp_path / "out" / "order.md").is_file()


def test_json_export_shape():
    result = run_cli("convert", "--json", str(EMCCA.relative_to(REPO_ROOT)))
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["format"] == "clausemark-document"
    assert set(data) >= {"metadata", "clauses", "headings", "footnotes", "warnings"}
    first = data["clauses"][0]
    assert first == {
        "anchor": "para_1",
        "number": "1.",
        "parent": None,
        "heading": "Introduction",
        "text": first["text"],
        "tables": [],
    }
    assert first["text"].startswith("This Protocol applies to Combined County Authority Members")
    item = next(c for c in data["clauses"] if c["parent"] == "para_9")
    assert item["anchor"] == "para_9__subpara_1" and item["number"] is None
    assert data["footnotes"][0] == {"label": "1", "text": "", "missing": True, "line": 25}


def test_convert_help_says_it_needs_out_or_json(capsys, tmp_path):
    from clausemark.cli import main

    with pytest.raises(SystemExit):
        main(["convert", "--help"])
    usage = capsys.readouterr().out.splitlines()[0]
    assert usage == "usage: clausemark convert SOURCE [SOURCE ...] (--out DIR | --json)"
    source = tmp_path / "rules.txt"
    source.write_text("Rules\n\n1.1 Text.\n", encoding="utf-8")
    assert main(["convert", str(source)]) == 1
    assert "convert needs --out DIR (or --json for one file)" in capsys.readouterr().err


def test_convert_names_the_first_warnings_of_a_kind_and_counts_the_rest(capsys, tmp_path):
    """One number printed 100,000 times printed 99,999 warning lines (trial9)."""
    from clausemark.cli import main

    source = tmp_path / "rules.txt"
    source.write_text("Rules\n\n" + "1.1 The same words.\n\n" * 100, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(source), "--out", str(out)]) == 0
    said = capsys.readouterr().err.splitlines()
    assert len([line for line in said if "is printed" in line]) == 20
    assert said[-1] == (
        f"warning: {source}:201: and 79 more like this (duplicate-number), the last at line 201"
    )
    assert (out / "rules.md").read_text(encoding="utf-8").count("is printed") >= 99


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("rules.yml", "the sidecar of"),
        ("glossary.yml", "a data file of the site"),
        ("anchors.json", "a data file of the site"),
        ("notes.yaml", "a data file"),
    ],
)
def test_convert_refuses_a_sidecar_or_data_file_in_one_line(capsys, tmp_path, name, says):
    """`clausemark convert sources/*` published rules.yml as a document 'rules' and then
    stopped on 'would be written to out/rules.md, as rules.txt is; rename one of them'
    (advice that breaks the sidecar); `convert sources/glossary.yml` wrote glossary.md
    (trial17). A sidecar or data file is read with its document, never as one."""
    from clausemark.cli import main

    (tmp_path / "rules.txt").write_text("Rules\n\n1.1 Text.\n", encoding="utf-8")
    data = tmp_path / name
    data.write_text("title: Rules\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(data), "--out", str(out)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"clausemark: error: {data}: ")
    assert says in lines[0] and not out.exists()


def test_convert_of_a_whole_sources_folder_leaves_out_its_sidecars_and_converts_the_rest(
    capsys, tmp_path
):
    """attack17 A17-17: `clausemark convert sources/* --out DIR`, the glob every user
    types, names each sidecar and data file beside the texts, and the first one stopped
    the whole command: nothing was converted. Each is left out with one line saying what
    it is; the documents are converted."""
    from clausemark.cli import main

    (tmp_path / "grants.txt").write_text("Grants Policy\n\n1. Scope\n\nSmall grants.\n")
    (tmp_path / "grants.yml").write_text("title: Grants Policy\n")
    (tmp_path / "glossary.yml").write_text("- term: Clerk\n  definition: The officer.\n")
    out = tmp_path / "out"
    named = [str(p) for p in sorted(tmp_path.iterdir()) if p.is_file()]
    assert main(["convert", *named, "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"{tmp_path / 'grants.yml'}: the sidecar of {tmp_path / 'grants.txt'}" in said
    assert f"{tmp_path / 'glossary.yml'}: a data file of the site" in said
    assert [p.name for p in out.iterdir()] == ["grants.md"]
