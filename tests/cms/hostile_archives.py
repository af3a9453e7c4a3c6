"""Hostile Office files, built byte by byte, for the upload refusal tests of documents
(tests/cms) and returns (tests/pilots)."""

import io
import struct
import zipfile
import zlib

LOCAL_HEADER = b"PK\x03\x04"
CENTRAL_HEADER = b"PK\x01\x02"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<document>&lol4;</document>"""
# The same attack in UTF-16: nothing in its bytes reads "<!DOCTYPE" to a byte search.
BILLION_LAUGHS_UTF16 = BILLION_LAUGHS.replace(
    '<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>'
).encode("utf-16")


def office_file(parts: dict[str, str | bytes], base: bytes | None = None) -> bytes:
    """A zip of `parts`, after the entries of the archive `base` when given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if base is not None:
            with zipfile.ZipFile(io.BytesIO(base)) as source:
                for item in source.infolist():
                    archive.writestr(item, source.read(item.filename))
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def sizes_understated(archive: bytes, member: str, declared: int = 1024) -> bytes:
    """`archive` with `member` claiming to expand to `declared` bytes in both its local and
    its central header, with the checksum of those first bytes: Python's zipfile then reads
    a small, valid file, while the deflate stream still expands to its real size."""
    with zipfile.ZipFile(io.BytesIO(archive)) as source:
        info = source.getinfo(member)
        crc = zlib.crc32(source.read(member)[:declared])
        central = source.start_dir
    data = bytearray(archive)
    local = info.header_offset
    assert data[local : local + 4] == LOCAL_HEADER
    struct.pack_into("<I", data, local + 14, crc)
    struct.pack_into("<I", data, local + 22, declared)
    position = central
    while data[position : position + 4] == CENTRAL_HEADER:
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, position + 28)
        name = bytes(data[position + 46 : position + 46 + name_length]).decode()
        if name == member:
            struct.pack_into("<I", data, position + 16, crc)
            struct.pack_into("<I", data, position + 24, declared)
        position += 46 + name_length + extra_length + comment_length
    lying = bytes(data)
    with zipfile.ZipFile(io.BytesIO(lying)) as check:
        assert check.getinfo(member).file_size == declared
        assert len(check.read(member)) == declared, "zipfile believes the lie"
    return lying
