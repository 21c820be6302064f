"""review7 R10: a Windows-1252 text holding a pair of bytes that reads as UTF-8 by
chance ('CAFÉ’S': 0xC9 0x92 is UTF-8's 'ɒ') is read as Windows-1252 whole: the pair was
read as one wrong letter, silently (the warning named only the other lines)."""

from __future__ import annotations

from clausemark.readers.text import decode


def test_a_windows_1252_text_with_a_chance_utf8_pair_keeps_its_letters():
    text = (
        "Licensing Rules\n\n1. The CAFÉ’S licence is renewed each year.\n\n"
        "2. A fee of £50 is paid to the council’s clerk.\n\n"
        "3. Outdoor seating at the café is allowed until 10 pm.\n"
    )
    read, notes = decode(text.encode("cp1252"), "rules.txt")
    assert read == text
    assert notes == ["not UTF-8 (first odd byte on line 5); decoded as Windows-1252"]


def test_a_utf8_text_with_a_pasted_byte_is_still_read_as_utf8():
    raw = "Members’ Allowances\n\n1. The councillor’s allowance is £12.\n".encode()
    read, notes = decode(raw + b"2. The Leader\x92s allowance.\n", "allowances.txt")
    assert read.endswith("The councillor’s allowance is £12.\n2. The Leader’s allowance.\n")
    assert notes[0].startswith("not UTF-8 throughout")


def test_a_nul_byte_in_a_text_is_named_by_its_line():
    """Found in the new-user trial: 'this is a binary file' named no place, and a text
    with one stray NUL (a bad paste) is otherwise text: the line says where to look."""
    import pytest
    from clausemark.readers.text import SourceError

    raw = b"Rules\n\n1. Scope\n\n1.1 A\x00B text.\n"
    with pytest.raises(SourceError) as caught:
        decode(raw, "rules.txt")
    assert str(caught.value) == (
        "rules.txt:5: this is a binary file, not text (it contains NUL bytes, "
        "the first on this line)"
    )
