"""Zero-width characters a web copy carries ('1\u200b.1'): removed by the text reader, as
they print nothing, and told once per file as an INFO repair with the count and first line."""

from __future__ import annotations

from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses
from clausemark.readers.text import read_source

ZW = "ZW Rules\n\n1. A\n\n1\u200b.1 B\u2060 text.\n\n1.2 C\ufefftext.\n"


def test_a_zero_width_character_in_a_printed_number_leaves_the_number_printed(tmp_path):
    path = tmp_path / "zw.txt"
    path.write_text(ZW, encoding="utf-8")
    document = convert_file(path)
    clauses = [(c.number, c.text) for c, *_ in iter_clauses(document.blocks)]
    assert clauses == [("1.", "A"), ("1.1", "B text."), ("1.2", "Ctext.")]
    [repair] = [w for w in document.warnings if w.code == "zero-width"]
    assert repair.message.startswith("3 zero-width characters ")
    assert repair.message.endswith("the first on line 5")
    assert [w.code for w in document.warnings] == ["zero-width"]  # no lost words
    # the nothing-lost proof (convert_file's) passed: no 'lost-words' above


def test_a_joiner_between_letters_of_a_script_that_joins_stays(tmp_path):
    path = tmp_path / "fa.txt"
    path.write_text("Rules\n\n1. \u0645\u06cc\u200c\u0634\u0648\u062f here\u200d.\n", "utf-8")
    source = read_source(path)
    assert "\u0645\u06cc\u200c\u0634" in source.text and "here." in source.text
    assert source.warnings == [
        (
            "zero-width",
            "1 zero-width character (U+200B, U+FEFF ...; they print nothing) "
            "removed, the first on line 3",
        )
    ]
