"""Issue 22, items 2-4: every hostile file bounded, linear, and refused in one line.

The files are made in code (`hostile_files.py`). Each is converted as a page is built
(read, parse, nothing-lost proof, site index, Markdown, Python-Markdown with the site's
extensions: `bench/bench_hostile.py` is the same pipeline). Speed is a ratio of CPU time
(`time.process_time`, least of two interleaved windows of equal work:
hostile_files.cpu_times) at n and 2n, never a wall clock;
memory is the peak RSS of a fresh process.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from clausemark.cli import main as clausemark_main
from clausemark.convert import convert_file
from clausemark.readers import docx as docx_reader
from clausemark.readers import read_source
from clausemark.readers.text import SourceError
from clausemark.readers.word_numbering import format_number, letters, roman
from clausemark.support.limits import LIMITS, LimitError, bounded_int
from hostile_files import CASES, assert_linear_cpu, txt_line
from site_builds import REPO_ROOT, build_site, make_project, run_clausemark, run_python

BENCH = REPO_ROOT / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from bench_hostile import LINE_CASES, _markdown_pipeline  # noqa: E402

# Cases that take seconds (large files made, or many parts parsed) run with the builds.
HEAVY = {
    "docx 10^6 empty paragraphs",
    "docx false zip sizes",
    "docx numbering definitions",
    "docx numbering levels",
    "txt 1. Same clause. lines",
    "txt 1. Same clause. paragraphs",
    "txt large page",
}


def params(names):
    return [pytest.param(n, marks=[pytest.mark.build] if n in HEAVY else []) for n in names]


REFUSED = params(sorted(name for name, case in CASES.items() if case.refused))
TINY = sorted(name for name, case in CASES.items() if case.tiny)
# n for the ratio test: each a few hundred ms of CPU at n (well above the timer and the
# noise of a shared machine), small enough to stay quick; pages of tens of thousands of
# blocks for the cases Python-Markdown itself reads (render/long_text.py keeps it linear).
RATIO_N = {
    "docx text boxes 8 deep": 150,
    "docx bad sym/ilvl/outline": 400,
    "docx footnote in footnote": 100,
    "docx numbering levels": 5_000,
    "docx numbering definitions": 5_000,
    "txt 1. Same clause. lines": 5_000,  # 10,000 blocks at 2n, an aside each
    "txt 1. Same clause. paragraphs": 5_000,
    "txt large page": 10_000,
    "txt footnote markers": 2_000,
    "txt mistyped numbers": 5_000,
    "txt lines of one paragraph": 10_000,
    "txt letters of one paragraph": 40_000,
    "docx runs in one paragraph": 20_000,
    "docx alternating bold": 20_000,
    "docx style chain": 4_000,  # 20,000 clauses at 2n, with sections, notes and tables
    "docx list style chain": 1_000,  # 3.6 at 1,000 before (each paragraph walked the chain)
    "html ul/li nested": 1_000,
    "html a nested": 2_000,
    "html unclosed inline": 5_000,
    "html text chunks": 10_000,
    "txt abbreviations": 5_000,
    "txt adoption minute run": 8_000,  # ratio 4 before the minute's words were bounded
    "line: emphasis": 40_000,
    "line: unclosed links": 10_000,
    "line: open brackets": 20_000,
    "line: unclosed autolinks": 5_000,
    "line: inline matches": 5_000,
    "line: sentences": 6_000,
    "line: markup characters": 1_500,
    "line: initials": 40_000,
}
ALL = {**CASES, **LINE_CASES}
MEMORY_LIMIT_MB = 500
# PDFium's amplifications are stopped by the ceiling on its child process's memory
# (support/child_process.py): the peak is that ceiling and the process it was forked from.
CEILING_MB = {
    name: LIMITS["pdf_memory"].most + MEMORY_LIMIT_MB
    for name in ("pdf form drawn 60,000 times", "pdf ToUnicode 10,000 a glyph")
}
# The fast loop converts these at a fiftieth to a half of their ratio size (each past any
# limit its whole size reaches, and still holding its kept words: those of item 77 where
# the whole size keeps item 777's, `QUICK_KEPT`); the whole size runs with the builds.
QUICK_N = {
    "docx alternating bold": 500,
    "docx style chain": 100,  # past style_depth (32)
    "docx list style chain": 100,
    "docx bad sym/ilvl/outline": 20,
    "docx footnote in footnote": 10,
    "txt mistyped numbers": 100,
    "txt lines of one paragraph": 2_500,  # past paragraph_lines: the warning and its words
    "txt letters of one paragraph": 2_000,
    "txt footnote markers": 100,
    "txt abbreviations": 1_000,
    "html a nested": 100,
    "docx text boxes 8 deep": 10,
    "docx runs in one paragraph": 2_000,
    "html ul/li nested": 100,  # past list_depth (16)
    "html unclosed inline": 1_000,
    "html text chunks": 1_000,
}
QUICK_KEPT = {
    "docx style chain": "Styled paragraph 77.",
    "docx list style chain": "Clause 77 of the rules.",
    "txt mistyped numbers": "Clause 77 again.",
    "txt footnote markers": "Note 77.",
    "html a nested": "Link text 77",
    "html ul/li nested": "Item 77 text.",
}


def converted_params():
    """(name, n) for each case converted: its ratio size (with the builds when it is heavy
    or has a quick size), and its quick size in the fast loop."""
    found = []
    for name in sorted(name for name, case in CASES.items() if not case.refused):
        whole = RATIO_N.get(name, CASES[name].n)
        heavy = name in HEAVY or name in QUICK_N
        found.append(pytest.param(name, whole, marks=[pytest.mark.build] if heavy else []))
        if name in QUICK_N:
            found.append(pytest.param(name, QUICK_N[name]))
    return found


def write(tmp_path: Path, name: str, n: int | None = None) -> Path:
    case = ALL[name]
    path = tmp_path / f"hostile-{n or case.n}{case.suffix}"
    path.write_bytes(case.make(n or case.n))
    return path


# --- the limits themselves --------------------------------------------------------


def test_roman_numerals_and_letters_are_computed_and_bounded():
    assert [roman(v) for v in (1, 4, 9, 14, 40, 90, 400, 1994, 3999)] == [
        "I", "IV", "IX", "XIV", "XL", "XC", "CD", "MCMXCIV", "MMMCMXCIX",
    ]  # fmt: skip
    assert roman(10_000) == "M" * 10
    assert [letters(v) for v in (1, 26, 27, 52, 53)] == ["a", "z", "aa", "zz", "aaa"]
    for fmt in ("upperRoman", "lowerLetter", "decimal"):  # at once, and short
        assert len(format_number(10**18, fmt)) <= 40


def test_a_list_start_past_the_limit_is_refused_before_it_is_counted():
    most = LIMITS["list_number"].most
    assert bounded_int(str(most)) == most and bounded_int(str(-most)) == -most
    with pytest.raises(LimitError, match=r"a list number \(20,000; at most 10,000\)"):
        bounded_int("20000")
    with pytest.raises(LimitError, match=r"a list number \(13 digits; at most 6 digits\)"):
        bounded_int("1000000000000")
    with pytest.raises(LimitError, match="a Word list's number template"):
        docx_reader.read(CASES["docx 1 MB lvlText x 2,000"].make(1), "hostile.docx")


def test_a_number_is_bounded_by_its_digits_before_it_is_converted():
    assert bounded_int(" 12 ") == 12 and bounded_int("-3") == -3 and bounded_int("0007") == 7
    assert bounded_int("1e17") is None and bounded_int("") is None and bounded_int("١٢") is None
    with pytest.raises(LimitError, match=r"5,000 digits; at most 6 digits"):
        bounded_int("9" * 5_000)  # int() itself would raise ValueError past 4,300 digits


# --- every case: refused in one line, or converted whole ------------------------


@pytest.mark.parametrize("name", REFUSED)
def test_a_file_past_a_limit_is_refused_in_one_line_naming_it(tmp_path, name):
    path = write(tmp_path, name)
    with pytest.raises(SourceError) as raised:
        convert_file(path)
    message = str(raised.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert ALL[name].refused in message


@pytest.mark.parametrize(("name", "n"), converted_params())
def test_a_hostile_file_within_the_limits_converts_whole(tmp_path, name, n):
    case = ALL[name]
    html = _markdown_pipeline()(write(tmp_path, name, n))
    assert not html.startswith("refused"), html
    kept = QUICK_KEPT.get(name, case.kept) if n == QUICK_N.get(name) else case.kept
    assert kept is not None and kept in html


def test_bad_word_values_are_read_as_absent_with_a_warning_naming_the_paragraph(tmp_path):
    """Each kind of bad value is named with its paragraph, and read as absent."""
    source = read_source(write(tmp_path, "docx bad sym/ilvl/outline", 2))
    messages = [message for code, message in source.warnings if code == "malformed"]
    assert messages[:4] == [
        'paragraph 1: w:sym w:char="ZZ" is not a character code; read as absent',
        'paragraph 2: w:sym w:char="D800" is not a character code; read as absent',
        'paragraph 3: w:ilvl w:val="one" is not a level (0 to 8); read as absent',
        'paragraph 4: w:outlineLvl w:val="x" is not a level (0 to 9); read as absent',
    ]
    assert "Symbol 1 here" in source.text and "\ud800" not in source.text
    assert "Outline 1 is odd." in source.text and "Level 1 is odd." in source.text


def test_a_footnote_citing_another_is_read_once_with_the_other_after_it(tmp_path):
    source = read_source(write(tmp_path, "docx footnote in footnote", 2))
    notes = [line for line in source.text.splitlines() if line.startswith("[^")]
    assert notes == [
        "[^1]: First note 0 cites[^3]",
        "[^2]: First note 1 cites[^4]",
        "[^3]: Second note 0.",
        "[^4]: Second note 1.",
    ]


def test_a_style_chain_past_the_limit_is_read_to_it_with_one_warning(tmp_path):
    source = read_source(write(tmp_path, "docx style chain", 100))
    assert "Styled paragraph 99." in source.text
    assert ("nesting", "68 styles are based on others more than 32 deep; read to that depth") in (
        source.warnings
    )


def test_text_boxes_nested_to_the_limit_are_each_read_once(tmp_path):
    text = read_source(write(tmp_path, "docx text boxes 8 deep", 2)).text
    for name in ("paragraph 0", "paragraph 1"):
        assert text.count(f"The innermost box of {name}.") == 1
        assert all(text.count(f"Box {level} of {name} says this.") == 1 for level in range(8))


@pytest.mark.build
def test_a_forged_zip_size_is_never_trusted(tmp_path):
    """Headers claiming 4 KB for 50 MB: read 4 KB at most, then refused as damaged."""
    with pytest.raises(SourceError, match="damaged or truncated"):
        read_source(write(tmp_path, "docx false zip sizes"))


def test_deep_web_page_nesting_keeps_every_word_and_says_so(tmp_path):
    for name, warned in (
        ("html ul/li nested", "lists nested more than 16 deep"),
        ("html unclosed inline", "bold, italic and links nested more than 32 deep"),
    ):
        source = read_source(write(tmp_path, name, 100))
        assert [message for code, message in source.warnings if code == "nesting"] == [
            f"{warned} are read at that depth"
            if "lists" in warned
            else f"{warned} are read as plain words"
        ]
        assert all(re.search(rf"\b{i}\b", source.text) for i in range(100))
    deepest = max(len(line) - len(line.lstrip()) for line in source.text.splitlines())
    assert deepest < 200


def test_a_link_inside_a_link_is_text_as_a_browser_reads_it(tmp_path):
    text = read_source(write(tmp_path, "html a nested", 3)).text
    assert text.count("](https://council.example/rules)") == 3
    assert "[Link text 0](" in text and "[[" not in text


# --- linear: the CPU ratio at n and 2n --------------------------------------------


@pytest.mark.build  # about a minute in all: run with the builds
@pytest.mark.parametrize("name", sorted(RATIO_N))
def test_a_hostile_file_converts_in_linear_time(tmp_path, name):
    run = _markdown_pipeline()
    n = RATIO_N[name]
    small, large = write(tmp_path, name, n), write(tmp_path, name, 2 * n)
    assert_linear_cpu(run, small, large, what=name)


# --- memory, and the command line and the build -----------------------------------


@pytest.mark.build
@pytest.mark.parametrize("name", TINY)
def test_a_tiny_hostile_file_stays_under_500_mb(tmp_path, name):
    """The peak RSS of a fresh process that converts it (bench_hostile.py --peak)."""
    path = write(tmp_path, name)
    result = run_python([str(BENCH / "bench_hostile.py"), "--peak", str(path)], REPO_ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    peak = float(result.stdout.strip().splitlines()[-1])
    assert peak < CEILING_MB.get(name, MEMORY_LIMIT_MB), f"{name}: {peak:.0f} MB"


@pytest.mark.parametrize("name", REFUSED)
def test_convert_refuses_with_one_line_and_exit_1(tmp_path, name, capsys):
    path = write(tmp_path, name)
    assert clausemark_main(["convert", str(path), "--out", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert captured.err.startswith(f"clausemark: error: {path}: ")
    assert not (tmp_path / "out").exists()


@pytest.mark.build
def test_the_command_and_the_build_refuse_a_hostile_file_in_one_line(tmp_path):
    long_template = CASES["docx 1 MB lvlText x 2,000"].make(1)
    html_start = CASES["html roman start 10^12"].make(1)
    project = make_project(tmp_path / "site", {"rules.docx": long_template})
    result = run_clausemark("convert", "sources/rules.docx", "--out", "out", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.output
    assert result.stderr.strip().splitlines() == [
        "clausemark: error: sources/rules.docx: numbering.xml: too large: a Word list's "
        "number template (lvlText) (1,000,002 characters; at most 200 characters)"
    ]
    built = build_site(project, expect_failure=True)
    assert "Traceback" not in built.output
    assert "rules.docx: numbering.xml: too large: a Word list's number template" in built.output
    (project / "sources" / "rules.docx").unlink()
    (project / "sources" / "page.html").write_bytes(html_start)
    built = build_site(project, expect_failure=True)
    assert "Traceback" not in built.output
    assert "page.html: line 1: too large: a list number (13 digits" in built.output


def test_the_hang_guards_of_issue_13_are_ratios_too():
    """The lines of test_hostile_inputs.py are measured by the ratio test above."""
    assert set(LINE_CASES) <= set(RATIO_N)
    assert txt_line("ab")(2) == b"1. Scope\n\n1.1 abab\n"
