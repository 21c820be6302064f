"""Word as Word counts and opens it: list counters per definition, every number format a
constitution may use, packages found by relationship, Strict Open XML, ruby, encrypted
files, runs merged before emphasis, malformed values named, and a reader whose memory
does not grow with the document."""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile

import pytest
from clausemark.readers import docx as docx_reader
from clausemark.readers.text import SourceError
from clausemark.readers.word_numbering import format_number
from format_fixtures import (
    CLAUSE_LEVELS,
    WordParts,
    abstract,
    build_docx,
    lvl,
    num,
    para,
    run,
    start_override,
    style,
)
from site_builds import clausemark_here

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def lines(data: bytes) -> list[str]:
    text = docx_reader.read(data, "test.docx").text
    return [line for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize(
    ("value", "fmt", "printed"),
    [
        (1, "ordinal", "1st"),
        (2, "ordinal", "2nd"),
        (3, "ordinal", "3rd"),
        (11, "ordinal", "11th"),
        (12, "ordinal", "12th"),
        (23, "ordinal", "23rd"),
        (101, "ordinal", "101st"),
        (1, "cardinalText", "One"),
        (21, "cardinalText", "Twenty-one"),
        (140, "cardinalText", "One hundred forty"),
        (1, "ordinalText", "First"),
        (2, "ordinalText", "Second"),
        (12, "ordinalText", "Twelfth"),
        (20, "ordinalText", "Twentieth"),
        (23, "ordinalText", "Twenty-third"),
        (9, "decimalZero", "09"),
        (27, "lowerLetter", "aa"),
        (53, "upperLetter", "AAA"),
        (1994, "upperRoman", "MCMXCIV"),
        (3, "decimalEnclosedCircle", "\u2462"),
        (21, "decimalEnclosedCircle", "21"),
        (4, "chicago", "\u00a7"),
        (2, "numberInDash", "- 2 -"),
        (7, "none", ""),
    ],
)
def test_every_format_a_constitution_may_use(value, fmt, printed):
    assert format_number(value, fmt) == printed


def test_huge_start_values_print_in_bounded_time_and_length():
    """The largest value Word allows costs what a small one does (arithmetic, no loop or
    string as long as the value): CPU time compared in this process, not a time limit."""
    formats = ("upperRoman", "lowerLetter", "cardinalText", "ordinalText", "chicago")
    for fmt in formats:
        assert len(format_number(2**31 - 1, fmt)) <= 40

    def cost(value: int) -> float:
        before = time.process_time()
        for _ in range(200):
            for fmt in formats:
                format_number(value, fmt)
        return time.process_time() - before

    small = min(cost(7) for _ in range(3))
    huge = min(cost(2**31 - 1) for _ in range(3))
    assert huge < 50 * small + 0.01, (small, huge)  # a loop to the value: 10^8 times more


def test_counters_belong_to_the_definition_a_start_override_restarts_once():
    """pandoc's issue 8367 and POI's NumberingWOverrides.docx, in invented words: a
    second instance with a startOverride restarts the count once, where it is first
    used; the list style's own instance then goes on from there; a whole-level override
    prints its own format but keeps the count."""
    override_format = (
        '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:lvlOverride>'
    )
    parts = WordParts(
        numbering=[
            abstract(0, lvl(0, "decimal", "%1.")),
            num(1, 0),
            num(2, 0, start_override(0, 1)),
            num(3, 0, override_format),
        ],
        styles=[style("ListNumber", "List Number", num_id=1)],
    )
    parts.body = [
        para("Members attend.", "ListNumber"),
        para("Members vote.", "ListNumber"),
        para("Officers advise.", "ListNumber", 2, 0),
        para("Officers record.", "ListNumber"),
        para("Officers publish.", "ListNumber"),
        para("Lettered now.", None, 3, 0),
        para("Decimal again.", "ListNumber"),
    ]
    assert lines(build_docx(parts)) == [
        "1. Members attend.",
        "2. Members vote.",
        "1. Officers advise.",
        "2. Officers record.",
        "3. Officers publish.",
        "D. Lettered now.",
        "5. Decimal again.",
    ]


def test_a_start_override_clears_the_levels_below_it():
    parts = WordParts(
        numbering=[abstract(0, *CLAUSE_LEVELS), num(1, 0), num(2, 0, start_override(1, 5))]
    )
    parts.body = [
        para("Meetings", None, 1, 0),
        para("Notice is given.", None, 1, 1),
        para("Agendas are sent.", None, 1, 2),
        para("Papers follow.", None, 2, 1),  # restarted at 5 where num 2 is first used
        para("Its item.", None, 2, 2),  # the level below starts again
        para("Minutes are kept.", None, 1, 1),  # num 1 goes on from the restart
    ]
    assert lines(build_docx(parts)) == [
        "1. Meetings",
        "1.1 Notice is given.",
        "(a) Agendas are sent.",
        "1.5 Papers follow.",
        "(a) Its item.",
        "1.6 Minutes are kept.",
    ]


def test_a_placeholder_of_a_bullet_level_prints_nothing():
    """Word prints '1.1.1.' where the text names a bullet level ('%1.%2.%3%4.')."""
    parts = WordParts(
        numbering=[
            abstract(
                0,
                lvl(0, "decimal", "%1."),
                lvl(1, "decimal", "%1.%2."),
                lvl(2, "bullet", "\u2022"),
                lvl(3, "decimal", "%1.%2.%4%3."),
            ),
            num(1, 0),
        ]
    )
    parts.body = [
        para("Part", None, 1, 0),
        para("Section", None, 1, 1),
        para("Point", None, 1, 2),
        para("Clause", None, 1, 3),
    ]
    expected = ["1. Part", "1.1. Section", "        - Point", "1.1.1. Clause"]
    assert lines(build_docx(parts)) == expected


def test_text_formats_print_in_english():
    parts = WordParts(
        numbering=[
            abstract(0, lvl(0, "ordinalText", "%1 Schedule")),
            abstract(1, lvl(0, "cardinalText", "Article %1:")),
            abstract(2, lvl(0, "ordinal", "%1 reading")),
            num(1, 0),
            num(2, 1),
            num(3, 2),
        ]
    )
    parts.body = [
        para("Fees", None, 1, 0),
        para("Charges", None, 1, 0),
        para("Members", None, 2, 0),
        para("First debate", None, 3, 0),
        para("Second debate", None, 3, 0),
    ]
    assert lines(build_docx(parts)) == [
        "First Schedule Fees",
        "Second Schedule Charges",
        "Article One: Members",
        "1st reading First debate",
        "2nd reading Second debate",
    ]


MALFORMED = {
    "ilvl": (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="one"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        + run("Members attend.")
        + "</w:p>",
        'paragraph 2: w:ilvl w:val="one" is not a level (0 to 8); read as absent',
        ["1. Officers advise.", "2. Members attend."],
    ),
    "outlineLvl": (
        '<w:p><w:pPr><w:outlineLvl w:val="one"/></w:pPr>' + run("Members attend.") + "</w:p>",
        'paragraph 2: w:outlineLvl w:val="one" is not a level (0 to 9); read as absent',
        ["1. Officers advise.", "Members attend."],
    ),
    "sym": (
        "<w:p>" + run("Members attend") + '<w:r><w:sym w:font="Wingdings" w:char="zz"/></w:r>'
        "</w:p>",
        'paragraph 2: w:sym w:char="zz" is not a character code; read as absent',
        ["1. Officers advise.", "Members attend"],
    ),
}


def malformed_docx(kind: str) -> bytes:
    parts = WordParts(numbering=[abstract(0, lvl(0, "decimal", "%1.")), num(1, 0)])
    parts.body = [para("Officers advise.", None, 1, 0), MALFORMED[kind][0]]
    return build_docx(parts)


@pytest.mark.parametrize("kind", sorted(MALFORMED))
def test_a_malformed_value_is_read_as_absent_and_named_with_its_paragraph(kind):
    source = docx_reader.read(malformed_docx(kind), "sources/bad.docx")
    _xml, message, expected = MALFORMED[kind]
    assert [line for line in source.text.split("\n") if line.strip()] == expected
    assert ("malformed", message) in source.warnings


@pytest.mark.parametrize("kind", sorted(MALFORMED))
def test_convert_refuses_a_malformed_file_with_one_line(kind, tmp_path):
    path = tmp_path / "bad.docx"
    path.write_bytes(malformed_docx(kind))
    out = tmp_path / "out"
    result = clausemark_here("convert", str(path), "--out", str(out), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"clausemark: error: {path}: {MALFORMED[kind][1]}")
    assert not out.exists()  # nothing half-written


def _rezip(data: bytes, change) -> bytes:
    """The same package with its parts changed: change(name, bytes) -> (name, bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            name, content = change(info.filename, old.read(info.filename))
            new.writestr(name, content)
    return out.getvalue()


def _numbered_package() -> bytes:
    parts = WordParts(numbering=[abstract(0, *CLAUSE_LEVELS), num(1, 0)])
    parts.body = [
        para("Standing Orders", "Title"),
        para("Meetings", None, 1, 0),
        para(run("Notice is ") + run("always", bold=True) + run(" given."), None, 1, 1),
    ]
    return build_docx(parts)


EXPECTED = ["# Standing Orders", "1. Meetings", "1.1 Notice is **always** given."]


def test_the_main_part_is_found_by_its_relationship():
    def move(name: str, content: bytes):
        if name == "word/document.xml":
            return "content/main.xml", content
        if name == "word/_rels/document.xml.rels":
            content = content.replace(b'Target="', b'Target="../word/')
            return "content/_rels/main.xml.rels", content
        if name == "_rels/.rels":
            return name, content.replace(b"word/document.xml", b"content/main.xml")
        if name == "[Content_Types].xml":
            return name, content.replace(b"/word/document.xml", b"/content/main.xml")
        return name, content

    moved = _rezip(_numbered_package(), move)
    assert "word/document.xml" not in zipfile.ZipFile(io.BytesIO(moved)).namelist()
    assert lines(moved) == EXPECTED


def test_strict_open_xml_reads_as_transitional():
    def strict(name: str, content: bytes):
        content = content.replace(
            W_NS.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main"
        ).replace(
            b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        )
        return name, content

    assert lines(_rezip(_numbered_package(), strict)) == EXPECTED


def test_a_part_that_declares_a_dtd_is_refused_in_one_line():
    def doctype(name: str, content: bytes):
        if name == "word/document.xml":
            declaration = b'<!DOCTYPE w:document [<!ENTITY e "Quorum">]>'
            content = content.replace(b"?>", b"?>" + declaration, 1)
        return name, content

    with pytest.raises(SourceError) as caught:
        docx_reader.read(_rezip(_numbered_package(), doctype), "sources/dtd.docx")
    assert str(caught.value).startswith("sources/dtd.docx: ") and "DTD" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_ruby_keeps_its_base_and_its_reading():
    ruby = (
        "<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>Ealdormann</w:t></w:r></w:rt>"
        "<w:rubyBase><w:r><w:t>Alderman</w:t></w:r></w:rubyBase></w:ruby></w:r>"
    )
    parts = WordParts()
    parts.body = [para(run("The ") + ruby + run(" presides."))]
    assert lines(build_docx(parts)) == ["The Alderman(Ealdormann) presides."]


def test_an_encrypted_file_is_named_as_password_protected():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500
    encrypted = ole + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100
    with pytest.raises(SourceError) as caught:
        docx_reader.read(encrypted, "sources/locked.docx")
    message = str(caught.value)
    assert message.startswith("sources/locked.docx: ") and "password-protected" in message
    assert "old-format" not in message and "\n" not in message


def test_a_package_locked_by_an_archiver_is_named_as_password_protected():
    """A .docx whose zip entries carry the encrypted flag (`zip -e`, 7-Zip with a password)
    was 'damaged or truncated (File ... is encrypted ...)': nothing is damaged, and the
    reader is told what to do instead (found by the session-9 trial)."""
    parts = WordParts()
    parts.body = [para(run("1.1 The chair presides."))]
    locked = bytearray(build_docx(parts))
    for signature, flags in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = locked.find(signature)
        while at >= 0:
            locked[at + flags] |= 1  # general purpose bit 0: the entry is encrypted
            at = locked.find(signature, at + 4)
    with pytest.raises(SourceError) as caught:
        docx_reader.read(bytes(locked), "sources/locked.docx")
    message = str(caught.value)
    assert message.startswith("sources/locked.docx: the Word document is password-protected")
    assert "damaged" not in message and "cannot be read" not in message and "\n" not in message


def test_runs_with_the_same_emphasis_are_one_emphasised_span():
    letters = "".join(run(ch, bold=True, italic=True) for ch in "this")
    parts = WordParts()
    parts.body = [
        para(run("Say ") + letters + run(" twice.")),
        para(run("A", bold=True) + run(" ") + run("B", bold=True) + run(" and C.")),
    ]
    assert lines(build_docx(parts)) == ["Say ***this*** twice.", "**A B** and C."]


@pytest.mark.build  # a whole-size memory check in a fresh process: runs with the builds
def test_reader_memory_does_not_grow_with_the_document():
    """The body is parsed as a stream: 20 times the paragraphs, about the same peak (a
    whole tree of the larger one, as the old reader built, takes over 100 MB more)."""
    code = (
        "import sys\n"
        "from clausemark.readers import docx\n"
        "def peak():\n"
        "    # VmHWM: this process's own peak (ru_maxrss carries the parent's over exec)\n"
        "    line = [x for x in open('/proc/self/status') if x.startswith('VmHWM')][0]\n"
        "    return int(line.split()[1])\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "before = peak()\n"
        "docx.read(data, 'big.docx')\n"
        "print(peak() - before)\n"
    )

    def growth(paragraphs: int, tmp) -> int:
        parts = WordParts()
        clause = para(run("Members must declare an interest before the item is discussed."))
        parts.body = [clause] * paragraphs
        path = tmp / f"{paragraphs}.docx"
        path.write_bytes(build_docx(parts))
        result = subprocess.run(
            [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
        )
        return int(result.stdout)

    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        small, large = growth(2000, Path(tmp)), growth(40000, Path(tmp))
    # the text itself grows (40000 short lines, a few MB; about 18 MB here), the XML
    # tree must not be kept (the old reader's whole tree: 45 MB more)
    assert large < small + 30_000, (small, large)  # KB


@pytest.mark.build  # a whole-size CPU ratio: runs with the builds
def test_reading_stays_linear_in_footnotes_and_unclosed_fields():
    """Many footnote marks and fields that never close: CPU at n and 2n (a label counted
    per kind, fields open at once bounded)."""
    from format_fixtures import footnote_ref
    from hostile_files import assert_linear_cpu

    def package(count: int) -> bytes:
        opened = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        result = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        parts = WordParts(footnotes={i: f"Note {i}." for i in range(1, count + 1)})
        parts.body = [
            para(opened + result + run(f"Clause {i} applies.") + footnote_ref(i))
            for i in range(1, count + 1)
        ]
        return build_docx(parts)

    def work(data: object) -> None:
        assert isinstance(data, bytes)
        assert "Clause 1 applies.[^1]" in docx_reader.read(data, "notes.docx").text

    assert_linear_cpu(work, package(1500), package(3000), limit=3.0)


@pytest.mark.build  # a whole-size CPU ratio: runs with the builds
def test_a_chunk_of_many_empty_paragraphs_is_handed_over_in_linear_time():
    """A megabyte chunk of the body holds 170,000 empty paragraphs (within the
    `paragraphs` limit): each is handed over as the body's children are walked. Found by
    index, each cost a walk from the first (80,000: 12 s, 160,000: 93 s)."""
    from hostile_files import assert_linear_cpu

    def package(count: int) -> bytes:
        return build_docx(WordParts(body=[para(run("The only words.")), "<w:p/>" * count]))

    def work(data: object) -> None:
        assert isinstance(data, bytes)
        assert docx_reader.read(data, "empty.docx").text.strip() == "The only words."

    assert_linear_cpu(work, package(15_000), package(30_000))


def test_a_note_that_marks_another_note_reads_both_once():
    parts = WordParts(footnotes={1: "See the register.", 2: "Kept by the clerk."})
    parts.body = [
        para(run("Members declare interests.") + '<w:r><w:footnoteReference w:id="1"/></w:r>')
    ]
    data = build_docx(parts)

    def mark_second(name: str, content: bytes):
        if name == "word/footnotes.xml":  # the first note's text marks the second note
            content = content.replace(
                b"See the register.</w:t></w:r>",
                b'See the register.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r>',
            )
        return name, content

    text = docx_reader.read(_rezip(data, mark_second), "notes.docx").text
    assert "[^1]: See the register.[^2]" in text
    assert text.count("Kept by the clerk.") == 1


def test_strict_namespaces_are_translated_in_tags_only_across_chunk_boundaries(monkeypatch):
    from clausemark.readers import word_package

    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    xml = (
        f'<w:document xmlns:w="{strict}"><w:body><w:p><w:r><w:t>The schema is '
        f'xmlns:w="{strict}" in Strict files.</w:t></w:r></w:p>'
        f'<w:p xmlns:v="{strict}"><w:r><w:t>Second.</w:t></w:r></w:p></w:body></w:document>'
    ).encode()
    for size in (7, 64, 1 << 20):  # a declaration cut anywhere between two chunks
        monkeypatch.setattr(word_package, "CHUNK", size)
        out = b"".join(word_package._chunks(io.BytesIO(xml))).decode()
        assert out.count(W_NS) == 2  # the two declarations
        assert f'The schema is xmlns:w="{strict}" in Strict files.' in out  # text as written


def test_a_numbered_paragraph_in_a_text_box_keeps_its_number_after_its_holder():
    box = (
        "<w:r><w:drawing><w:txbxContent>"
        + para("Quorum is three.", None, 1, 0)
        + "</w:txbxContent></w:drawing></w:r>"
    )
    parts = WordParts(numbering=[abstract(0, lvl(0, "decimal", "%1.")), num(1, 0)])
    parts.body = [
        para(run("Meetings are monthly.") + box, None, 1, 0),
        para("Minutes are kept.", None, 1, 0),
    ]
    assert lines(build_docx(parts)) == [
        "1. Meetings are monthly.",
        "2. Quorum is three.",
        "3. Minutes are kept.",
    ]


def test_a_symbol_that_is_half_a_surrogate_pair_is_malformed_not_a_character():
    parts = WordParts()
    sym = '<w:r><w:sym w:font="Symbol" w:char="D800"/></w:r>'
    parts.body = [para(run("A symbol ") + sym + run(" follows."))]
    source = docx_reader.read(build_docx(parts), "symbol.docx")
    assert "A symbol  follows." in source.text or "A symbol follows." in source.text
    assert (
        "malformed",
        'paragraph 1: w:sym w:char="D800" is not a character code; read as absent',
    ) in source.warnings


def test_layout_elements_cut_before_parsing_are_ones_the_reader_never_reads():
    """The empty tags cut from the body's bytes (fonts, sizes, borders ...) are named
    nowhere in the reader: reading one later means taking it off that list."""
    import re
    from pathlib import Path

    from clausemark.readers import word_package

    code = Path(docx_reader.__file__).read_text()  # the body's reader (numbering.xml is not cut)
    named = set(re.findall(r"\{W\}(\w+)", code))  # f"{W}name"
    for group in re.findall(r"for n in \(([^)]*)\)", code):  # (f"{W}{n}" for n in ("p", ..))
        named |= set(re.findall(r'"(\w+)"', group))
    skipped = {tag.rsplit("}", 1)[1] for tag in docx_reader.NOT_CONTENT}  # named to skip
    assert {"p", "tbl", "t", "numId", "sym", "pStyle"} <= named  # the check sees the names
    # read only when a style sets a symbol font; the package then keeps them
    kept = word_package.KEPT_FOR_SYMBOL_STYLES
    assert not (set(word_package.UNREAD_EMPTY) - skipped - kept) & named
    assert b"rStyle" in word_package._UNREAD.pattern
    assert b"rStyle" not in word_package._UNREAD_FONTS_KEPT.pattern
    assert b"rFonts" not in word_package._UNREAD_FONTS_KEPT.pattern


def test_cutting_layout_tags_keeps_every_word_even_in_cdata(monkeypatch):
    """Formatting between and inside runs goes; text stays, and a CDATA section (which
    may hold '<w:sz/>' as text) stops the cutting from there on, across chunk ends."""
    from clausemark.readers import word_package

    rpr = '<w:rPr><w:rFonts w:ascii="Arial"/><w:b/><w:sz w:val="24"/></w:rPr>'
    xml = (
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:pPr><w:jc w:val="left"/></w:pPr>'
        f"<w:r>{rpr}<w:t>Bold words.</w:t></w:r></w:p>"
        f'<w:p><w:r><w:t>Between <w:sz w:val="2"/></w:t></w:r></w:p>'
    )
    cdata = '<w:p><w:r><w:t><![CDATA[Keep <w:sz w:val="9"/> as written]]></w:t></w:r></w:p>'
    end = "</w:body></w:document>"
    for size in (5, 64, 1 << 20):
        monkeypatch.setattr(word_package, "CHUNK", size)
        out = b"".join(word_package._chunks(io.BytesIO((xml + end).encode()))).decode()
        assert "rFonts" not in out and "w:jc" not in out and "w:sz" not in out
        assert "<w:b/>" in out and "Bold words." in out
        out = b"".join(word_package._chunks(io.BytesIO((xml + cdata + end).encode()))).decode()
        assert 'Keep <w:sz w:val="9"/> as written' in out

    parts = WordParts()
    parts.body = [para(run("Notice is ") + run("always", bold=True) + run(" given."))]
    data = _rezip(
        build_docx(parts),
        lambda name, content: (
            name,
            content.replace(b"<w:t", b'<w:lastRenderedPageBreak/><w:proofErr w:type="x"/><w:t')
            if name == "word/document.xml"
            else content,
        ),
    )
    assert lines(data) == ["Notice is **always** given."]
