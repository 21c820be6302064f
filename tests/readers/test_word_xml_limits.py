"""A Word file that reaches a limit of the XML parser (elements nested hundreds deep,
entities that multiply the text, one huge attribute run) is refused in one line in words a
clerk can act on, not libxml's advice to programmers ("use XML_PARSE_HUGE") (trial4)."""

from __future__ import annotations

import io
import warnings
import zipfile

import pytest
from clausemark.convert import convert_file
from clausemark.readers.text import SourceError
from hostile_files import docx, para


def deep() -> str:
    return "<w:sdt><w:sdtContent>" * 300 + para("Deep text.") + "</w:sdtContent></w:sdt>" * 300


def huge_tag() -> str:
    """One tag of 1.2 million attributes (14 MB), past libxml's 10 MB for one piece of
    markup: made when the test runs (not at collection), and run with the builds."""
    return para("Rules") + "<w:p " + " ".join(f'a{i}="x"' for i in range(1_200_000)) + "/>"


@pytest.mark.parametrize(
    "body, words",
    [
        (deep, "nests its elements more than 256 deep"),
        pytest.param(huge_tag, "too large to read", marks=pytest.mark.build, id="huge-tag"),
    ],
)
def test_a_word_file_past_the_xml_parsers_limits_is_refused_in_plain_words(tmp_path, body, words):
    path = tmp_path / "rules.docx"
    path.write_bytes(docx(para("1. Scope") + body()))
    with pytest.raises(SourceError) as refused:
        convert_file(path)
    line = str(refused.value)
    assert words in line and "rules.docx" in line
    assert "XML_PARSE_HUGE" not in line and "\n" not in line


def test_a_part_that_is_not_xml_is_still_named_damaged(tmp_path):
    path = tmp_path / "rules.docx"
    path.write_bytes(docx(para("1. Scope") + "<w:p><w:r>"))
    with pytest.raises(SourceError, match=r"is damaged \(bad XML: ") as refused:
        convert_file(path)
    # the parser's own "(<string>, line 1)" is no place in the user's file (trial11)
    assert "<string>" not in str(refused.value)


@pytest.mark.parametrize("second", ["word/document.xml", "Word/Document.xml"])
def test_a_package_holding_one_part_twice_is_refused(tmp_path, second):
    """A zip may hold two entries of one name (or of names that differ in case, one part
    name in a package); a reader taking either would lose the other's words unsaid
    (trial5)."""
    original = zipfile.ZipFile(io.BytesIO(docx(para("1.1 The first copy says one thing."))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate it is asked to write
        for info in original.infolist():
            package.writestr(info.filename, original.read(info.filename))
        package.writestr(second, original.read("word/document.xml").replace(b"first", b"other"))
    path = tmp_path / "rules.docx"
    path.write_bytes(out.getvalue())
    with pytest.raises(SourceError) as refused:
        convert_file(path)
    line = str(refused.value)
    assert "rules.docx" in line and f"holds the part {second} twice" in line
    assert "\n" not in line
