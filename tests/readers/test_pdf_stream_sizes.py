"""A PDF whose compressed stream unpacks past its limit is refused in one line before the
PDF library opens it (readers/pdf_streams.py): pdfium unpacks a page's stream whole in
memory, so a 306 KB file asked for 656 MB (attack11, session 10). The limit is lowered
here so the files stay small; the shipped one is checked by its size alone."""

from __future__ import annotations

import zlib
from dataclasses import replace

import pytest
from clausemark.readers import read_source
from clausemark.readers.text import SourceError
from clausemark.support.limits import LIMITS
from format_fixtures import pdf_from_objects

MB = 1024 * 1024


def _pdf(content: bytes, image: bytes | None = None) -> bytes:
    """A one-page PDF whose page text is `content` (Flate), with a correct xref."""
    packed = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if image is not None:
        picture = zlib.compress(image, 9)
        objects.append(
            b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray"
            b" /BitsPerComponent 8 /Length %d /Filter /FlateDecode >>\nstream\n"
            % len(picture)
            + picture
            + b"\nendstream"
        )
    return pdf_from_objects(objects)


TEXT = b"BT /F1 12 Tf 72 720 Td (1. Scope of these rules) Tj ET"


@pytest.fixture
def one_mb_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(LIMITS, "pdf_stream_bytes", replace(LIMITS["pdf_stream_bytes"], most=MB))


def _read(tmp_path, raw: bytes):
    path = tmp_path / "rules.pdf"
    path.write_bytes(raw)
    return read_source(path)


def test_a_stream_that_unpacks_past_its_limit_is_refused_in_one_line(tmp_path, one_mb_streams):
    bomb = _pdf(b" " * (2 * MB) + TEXT)  # about 2 KB of file
    assert len(bomb) < 10_000
    with pytest.raises(SourceError) as refused:
        _read(tmp_path, bomb)
    line = str(refused.value)
    assert "\n" not in line and "rules.pdf" in line
    assert "the stream at byte" in line and "a compressed stream of the PDF" in line


def test_a_page_within_the_limit_is_read_with_its_words(tmp_path, one_mb_streams):
    text = _read(tmp_path, _pdf(b" " * (MB // 2) + TEXT))
    assert "Scope of these rules" in str(text)


def test_an_image_is_not_counted_it_is_never_decoded(tmp_path, one_mb_streams):
    text = _read(tmp_path, _pdf(TEXT, image=b"\0" * (2 * MB)))
    assert "Scope of these rules" in str(text)


def test_the_shipped_limit_is_far_above_a_page_and_far_below_harm() -> None:
    assert 16 * MB <= LIMITS["pdf_stream_bytes"].most <= 128 * MB
