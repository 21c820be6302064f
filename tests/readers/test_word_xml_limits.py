"""A Word file that reaches a limit of the XML parser (elements nested hundreds deep,
entities that multiply the text, one huge attribute run) is refused in one line in words a
clerk can act on, not libxml's advice to programmers ("use XML_PARSE_HUGE") (trial4)."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.readers.text import SourceError
from hostile_files import docx, para

DEEP = "<w:sdt><w:sdtContent>" * 300 + para("Deep text.") + "</w:sdtContent></w:sdt>" * 300


@pytest.mark.parametrize(
    "body, words",
    [
        (DEEP, "nests its elements more than 256 deep"),
        (
            para("Rules") + "<w:p " + " ".join(f'a{i}="x"' for i in range(1_200_000)) + "/>",
            "too large to read",
        ),
    ],
)
def test_a_word_file_past_the_xml_parsers_limits_is_refused_in_plain_words(tmp_path, body, words):
    path = tmp_path / "rules.docx"
    path.write_bytes(docx(para("1. Scope") + body))
    with pytest.raises(SourceError) as refused:
        convert_file(path)
    line = str(refused.value)
    assert words in line and "rules.docx" in line
    assert "XML_PARSE_HUGE" not in line and "\n" not in line


def test_a_part_that_is_not_xml_is_still_named_damaged(tmp_path):
    path = tmp_path / "rules.docx"
    path.write_bytes(docx(para("1. Scope") + "<w:p><w:r>"))
    with pytest.raises(SourceError, match=r"is damaged \(bad XML: "):
        convert_file(path)
