"""Broken and hostile files: exit 1, one line naming the file (and line), no traceback,
nothing written; for `mkdocs build` the last good site stays as it was."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from site_builds import build_site, make_project, run_clausemark

pytestmark = pytest.mark.build  # every test here runs `mkdocs build` or the CLI on a site

BODY = "1. Scope\n\n1.1 These rules apply to every member.\n"
LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


@dataclass
class Case:
    files: dict[str, str | bytes]
    where: str  # what the error line must name: "sources/a.txt:2"
    convert: str | None = None  # the source to give `clausemark convert`, if it reads it
    words: list[str] = field(default_factory=list)  # further words the line must hold


def front(text: str) -> str:
    return f"---\n{text}---\n{BODY}"


CASES = {
    "impossible date in front matter": Case(
        {"a.txt": front("title: A\nadopted: 2026-02-30\n")}, "sources/a.txt:3", "a.txt", ["date"]
    ),
    "impossible date in a sidecar": Case(
        {"a.txt": BODY, "a.yml": "title: A\nnext_review: 31/04/2027\n"}, "sources/a.yml:2"
    ),
    "impossible date in document.yml": Case(
        {"p/2024.txt": BODY, "p/2025.txt": BODY, "p/document.yml": "adopted: 2025-13-01\n"},
        "sources/p/document.yml:1",
    ),
    "impossible date in documents.yml": Case(
        {"a.txt": BODY, "documents.yml": "- id: x\n  title: X\n  adopted: 2026-02-30\n"},
        # `adopted` is no documents.yml key: named on its own line since trial11 (session 10)
        "sources/documents.yml:3",
    ),
    "glossary.yml not UTF-8": Case(
        {"a.txt": BODY, "glossary.yml": b"- term: Caf\xe9\n  definition: A room.\n"},
        "sources/glossary.yml:1",
        words=["UTF-8"],
    ),
    "documents.yml not UTF-8": Case(
        {"a.txt": BODY, "documents.yml": b"- id: x\n  title: Caf\xe9 Rules\n"},
        "sources/documents.yml:2",
        words=["UTF-8"],
    ),
    "documents.yml a list of strings": Case(
        {"a.txt": BODY, "documents.yml": "- Standing Orders\n- Financial Rules\n"},
        "sources/documents.yml:1",
    ),
    "a code id of ../index": Case(
        {"a.txt": BODY, "documents.yml": "- id: ../index\n  code: true\n  title: Code\n"},
        "sources/documents.yml:1",
    ),
    "a 200-character version label": Case(
        {"a.txt": front(f"version: {'v' * 200}\n")}, "sources/a.txt:2", "a.txt", ["version"]
    ),
    "a 251-character file name": Case({f"{'a' * 251}.txt": BODY}, f"sources/{'a' * 251}.txt"),
    "NUL in front matter": Case(
        {"a.txt": front('title: "Rules\\0 of procedure"\n')}, "sources/a.txt:2", "a.txt"
    ),
    "escape sequence in front matter": Case(
        {"a.txt": front('title: "Rules\\e]0;owned\\a"\n')}, "sources/a.txt:2", "a.txt"
    ),
    "raw control character in front matter": Case(
        {"a.txt": front("title: Rules\x1b[31m red\n")}, "sources/a.txt:2", "a.txt"
    ),
    "unclosed front matter": Case(
        {"a.txt": f"---\ntitle: A\n\n{BODY}"}, "sources/a.txt:1", "a.txt", ["never closed"]
    ),
    "a BOM-only file": Case({"a.txt": b"\xef\xbb\xbf"}, "sources/a.txt", "a.txt", ["empty"]),
    "a source named glossary": Case(
        {"glossary.txt": BODY, "glossary.yml": "- term: A\n  definition: B.\n"},
        "sources/glossary.txt",
    ),
    "billion laughs in front matter": Case(
        {"a.txt": front(LAUGHS)}, "sources/a.txt:2", "a.txt", ["aliases"]
    ),
    "an alias in a sidecar": Case(
        {"a.txt": BODY, "a.yml": "title: &t Rules\nlabel: *t\n"}, "sources/a.yml:1"
    ),
    "an alias in glossary.yml": Case(
        {"a.txt": BODY, "glossary.yml": "- term: A\n  definition: &d Text.\n- term: B\n"},
        "sources/glossary.yml:2",
    ),
    "an alias in documents.yml": Case(
        {"a.txt": BODY, "documents.yml": "- &x {id: x, title: X}\n- *x\n"},
        "sources/documents.yml:1",
    ),
    "a Word 97-2003 document": Case(
        {"old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504},
        "sources/old.doc",
        "old.doc",
        ["Word 97-2003", ".docx"],
    ),
    "a new version saved as OpenDocument": Case(
        {"p/2025.txt": BODY, "p/2026.odt": b"PK\x03\x04mimetypeapplication/vnd.oasis"},
        "sources/p/2026.odt",
        words=["OpenDocument", ".docx"],
    ),
    "clauses nested past clause_depth": Case(
        {"deep.txt": "Deep\n\n1 Top\n" + "\n".join("1." * n + "1 x" for n in range(1, 34))},
        "sources/deep.txt:36",
        "deep.txt",
        ["clauses nested (33 deep; at most 32 deep)"],
    ),
    "a mapping as a front matter value": Case(
        {"a.txt": front("title: A\ncouncil: {name: Oak}\n")}, "sources/a.txt:3", "a.txt"
    ),
}


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("ERROR")]


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_broken_file_fails_the_build_with_one_line_and_keeps_the_last_site(tmp_path, name):
    case = CASES[name]
    project = make_project(tmp_path, {"good.txt": BODY})
    assert build_site(project, strict=False).returncode == 0
    good_page = project / "site" / "good" / "index.html"
    before = good_page.read_bytes()
    make_project(tmp_path, case.files)
    result = build_site(project, strict=False, expect_failure=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = error_lines(result.stderr)
    assert len(lines) == 1, result.stderr
    assert f"{case.where}:" in lines[0] or lines[0].endswith(case.where), lines[0]
    assert all(word in lines[0] for word in case.words), lines[0]
    assert good_page.read_bytes() == before  # the last good site is still there


@pytest.mark.parametrize("name", sorted(n for n, c in CASES.items() if c.convert))
def test_a_broken_source_fails_convert_with_one_line_and_writes_nothing(tmp_path, name):
    case = CASES[name]
    project = make_project(tmp_path, case.files)
    result = run_clausemark("convert", f"sources/{case.convert}", "--out", "out", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"clausemark: error: {case.where}"), line
    assert "\x1b" not in line and "\x00" not in line
    assert not (project / "out").exists()


@pytest.mark.parametrize("target", ["existing-file", "/proc", "/proc/clausemark"])
def test_convert_out_at_a_file_or_an_unwritable_place_is_one_line(tmp_path, target):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "existing-file").write_text("keep me", encoding="utf-8")
    result = run_clausemark("convert", "a.txt", "--out", target, cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"clausemark: error: {target}"), line
    assert (tmp_path / "existing-file").read_text() == "keep me"


def test_utf16_without_a_byte_order_mark_is_read_not_called_binary(tmp_path):
    project = make_project(tmp_path, {"a.txt": BODY.encode("utf-16-le")})
    result = run_clausemark("convert", "sources/a.txt", "--out", "out", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "These rules apply to every member." in (project / "out" / "a.md").read_text()


def test_diff_prints_no_escape_sequence_from_a_source(tmp_path):
    old = tmp_path / "2024.txt"
    new = tmp_path / "2025.txt"
    old.write_text("1. Scope\n\n1.1 Members attend.\n", encoding="utf-8")
    new.write_text("1. Scope\n\n1.1 Members \x1b]0;owned\x07attend \x1b[2Kall.\n", encoding="utf-8")
    result = run_clausemark("diff", str(old), str(new), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "attend" in result.stdout
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout


def test_an_alias_in_the_plugins_documents_setting_is_one_line(tmp_path):
    settings = (
        "site_name: Test\ntheme: {name: material, font: false}\n"
        "plugins:\n  - search\n  - clausemark:\n      cache_dir: ''\n      documents:\n"
        "        - &doc {id: x, title: X Rules}\n        - *doc\n"
    )
    project = make_project(tmp_path, {"a.txt": BODY}, mkdocs_yml=settings)
    result = build_site(project, strict=False, expect_failure=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [line] = error_lines(result.stderr)
    assert "mkdocs.yml" in line and "alias" in line
