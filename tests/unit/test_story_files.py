"""A story's recording or photo is recognised by its first bytes, never by its name."""

from __future__ import annotations

import pytest

from advocate_app.interchange.errors import UnreadableFileError
from advocate_app.interchange.story_files import read_attachment, sniff, stored_path


@pytest.mark.parametrize(("head", "found"), [
    (b"ID3\x03\x00\x00\x00\x00\x00\x00", "mp3"),
    (b"\xff\xfb\x90\x64" + bytes(8), "mp3"),  # MPEG-1 layer III, 128 kbit/s, 44.1 kHz
    (b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00", "m4a"),
    (b"RIFF\x24\x08\x00\x00WAVEfmt ", "wav"),
    (b"OggS\x00\x02" + bytes(8), "ogg"),
    (b"fLaC\x00\x00\x00\x22", "flac"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpg"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "png"),
    (b"RIFF\x24\x08\x00\x00WEBPVP8 ", "webp"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "heic"),
    (b"\x00\x00\x00\x18ftypqt  \x00\x00\x00\x00", None),  # a QuickTime film
    (b"\xff\xf1\x50\x80", None),  # ADTS AAC: sync bits but layer 00
    (b"\xff\xff\xff\xff", None),  # sync bits, impossible bit rate
    (b"%PDF-1.7\n", None),
    (b"PK\x03\x04", None),
    (b"", None),
])
def test_formats_are_read_from_the_first_bytes(head, found):
    assert sniff(head) == found


def test_the_attachment_is_named_by_the_app(tmp_path):
    source = tmp_path / "my photo; rm -rf.png"
    source.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(50))
    found = read_attachment(source)
    assert found.stored_name.endswith(".png") and "photo" not in found.stored_name
    assert found.data == source.read_bytes() and found.size == len(found.data)
    for name in ("../../etc/passwd", "a/b.png", "..", ""):
        with pytest.raises(ValueError):
            stored_path(tmp_path, name)


def test_a_file_named_as_another_format_is_refused(tmp_path):
    source = tmp_path / "song.flac"
    source.write_bytes(b"ID3\x04" + bytes(60))  # an MP3 named as FLAC
    with pytest.raises(UnreadableFileError, match="named as a FLAC file but holds MP3"):
        read_attachment(source)
