"""zipcopy writes the bytes zipfile writes (as python-docx saves) without recompressing copied members."""
from __future__ import annotations

import io
import time
import zipfile
import zlib

import pytest

from drafter.writers import zipcopy

WHEN = time.struct_time((2025, 1, 6, 9, 30, 17, 0, 6, -1))
CONTENT = [("[Content_Types].xml", b"<Types/>" * 40), ("word/document.xml", "<w:t>全年开展集中学习18次</w:t>".encode() * 300),
           ("word/media/空.bin", b""), ("docProps/core.xml", b"<cp:coreProperties/>")]


def _by_zipfile(content) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in content:
            info = zipfile.ZipInfo(name, date_time=tuple(WHEN)[:6])
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o600 << 16  # as writestr(name, …)
            archive.writestr(info, data)
    return out.getvalue()


def _by_zipcopy(members) -> bytes:
    out = io.BytesIO()
    zipcopy.write(out, members, WHEN)
    return out.getvalue()


def test_fresh_members_are_the_bytes_zipfile_writes() -> None:
    assert _by_zipcopy([zipcopy.Member(n, d) for n, d in CONTENT]) == _by_zipfile(CONTENT)


def test_members_read_back_are_copied_as_they_were_stored() -> None:
    members = zipcopy.read(_by_zipfile(CONTENT))
    assert [(m.name, m.data) for m in members] == CONTENT
    assert _by_zipcopy(members) == _by_zipfile(CONTENT)
    changed = [zipcopy.Member(m.name, b"<w:document/>") if m.name == "word/document.xml" else m for m in members]
    with zipfile.ZipFile(io.BytesIO(_by_zipcopy(changed))) as archive:
        assert archive.testzip() is None
        assert archive.read("word/document.xml") == b"<w:document/>"
        assert archive.read("[Content_Types].xml") == CONTENT[0][1]


def test_a_damaged_member_is_refused_not_copied() -> None:
    package = bytearray(_by_zipfile(CONTENT))
    info = zipfile.ZipFile(io.BytesIO(bytes(package))).getinfo("word/document.xml")
    package[info.header_offset + 30 + len(info.filename) + info.compress_size // 2] ^= 0x55  # inside its data
    with pytest.raises((zipfile.BadZipFile, zlib.error)):
        zipcopy.read(bytes(package))


def test_a_stored_member_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:  # ZIP_STORED
        archive.writestr("word/document.xml", b"<w:document/>")
    with pytest.raises(zipfile.BadZipFile):
        zipcopy.read(out.getvalue())


def test_a_package_past_the_zip64_limit_is_left_to_zipfile(monkeypatch) -> None:
    monkeypatch.setattr(zipcopy, "_LIMIT", 100)
    assert _by_zipcopy([zipcopy.Member(n, d) for n, d in CONTENT]) == _by_zipfile(CONTENT)

