"""A .docx package written from members that are already deflated: the parts a plain draft does
not change are copied from the cached base package as they are, never decompressed and
compressed again.

The bytes are exactly what `zipfile.ZipFile(stream, "w", ZIP_DEFLATED).writestr(name, data)`
writes, as python-docx saves (same headers, zlib's default level, the same member order), so
only the time stamps differ from a python-docx save, as they do from one render to the next.
Recompressing the untouched parts and zipfile's per-member bookkeeping cost more than the rest
of writing a short draft.
"""
from __future__ import annotations

import io
import struct
import sys
import time
import zipfile
import zlib
from typing import BinaryIO, List, Optional

_LOCAL, _CENTRAL, _END = "<4s2B4HL2L2H", "<4s4B4HL2L5H2L", "<4s4H2LH"  # zipfile's structs
_VERSION, _DEFLATED, _UTF8_NAME = 20, zipfile.ZIP_DEFLATED, 0x800
_PERMISSIONS = 0o600 << 16  # what zipfile gives a member written with writestr(name, …)
_SYSTEM = 0 if sys.platform == "win32" else 3  # zipfile's create_system
_LIMIT = (1 << 31) - 1  # zipfile.ZIP64_LIMIT: beyond it zipfile writes ZIP64 records


class Member:
    """One zip member: its name, content, deflated content and CRC-32."""

    __slots__ = ("name", "data", "deflated", "crc")

    def __init__(self, name: str, data: bytes, deflated: Optional[bytes] = None, crc: Optional[int] = None) -> None:
        if deflated is None:
            compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
            deflated = compressor.compress(data) + compressor.flush()
        self.name, self.data, self.deflated = name, data, deflated
        self.crc = zlib.crc32(data) if crc is None else crc


def read(package: bytes) -> List[Member]:
    """The members of a zip written by zipfile (deflated, no data descriptors), in order, with
    their deflated bytes as stored.  Each is inflated and checked against its size and CRC, so a
    damaged file raises `zipfile.BadZipFile` (or zlib.error) instead of being copied on."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        infos = archive.infolist()
    members = []
    for info in infos:
        at = info.header_offset
        if info.compress_type != _DEFLATED or info.flag_bits & ~_UTF8_NAME or package[at:at + 4] != b"PK\x03\x04":
            raise zipfile.BadZipFile(f"{info.filename}: not a plain deflated member")
        name_len, extra_len = struct.unpack("<2H", package[at + 26:at + 30])
        start = at + 30 + name_len + extra_len
        deflated = package[start:start + info.compress_size]
        data = zlib.decompress(deflated, -15)
        if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
            raise zipfile.BadZipFile(f"{info.filename}: size or CRC does not match")
        members.append(Member(info.filename, data, deflated, info.CRC))
    return members


def write(stream: BinaryIO, members: List[Member], when: Optional[time.struct_time] = None) -> None:
    """Write `members` as one zip to `stream` in a single write, stamped with `when` (local
    time, now by default) as zipfile stamps them."""
    if (sum(len(m.deflated) + len(m.name) + 30 for m in members) > _LIMIT
            or any(len(m.data) * 1.05 > _LIMIT for m in members)):
        _write_with_zipfile(stream, members, when)
        return
    t = when or time.localtime()
    dostime = t.tm_hour << 11 | t.tm_min << 5 | t.tm_sec // 2
    dosdate = (t.tm_year - 1980) << 9 | t.tm_mon << 5 | t.tm_mday
    local, central, offset = [], [], 0
    for m in members:
        name, flags = _encoded(m.name)
        header = struct.pack(_LOCAL, b"PK\x03\x04", _VERSION, 0, flags, _DEFLATED, dostime, dosdate, m.crc,
                             len(m.deflated), len(m.data), len(name), 0)
        local += (header, name, m.deflated)
        central.append(struct.pack(_CENTRAL, b"PK\x01\x02", _VERSION, _SYSTEM, _VERSION, 0, flags, _DEFLATED,
                                   dostime, dosdate, m.crc, len(m.deflated), len(m.data), len(name), 0, 0, 0, 0,
                                   _PERMISSIONS, offset) + name)
        offset += len(header) + len(name) + len(m.deflated)
    directory = b"".join(central)
    end = struct.pack(_END, b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), offset, 0)
    stream.write(b"".join(local) + directory + end)


def _encoded(name: str):
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), _UTF8_NAME


def _write_with_zipfile(stream: BinaryIO, members: List[Member], when: Optional[time.struct_time]) -> None:
    """A package too big for plain zip records: zipfile writes the ZIP64 ones."""
    stamp = tuple(when or time.localtime())[:6]
    with zipfile.ZipFile(stream, "w", compression=_DEFLATED) as archive:
        for m in members:
            info = zipfile.ZipInfo(m.name, date_time=stamp)
            info.compress_type, info.external_attr = _DEFLATED, _PERMISSIONS
            archive.writestr(info, m.data)
