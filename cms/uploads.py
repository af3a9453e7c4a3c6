"""Checks every upload passes before anything parses it.

An upload is refused, with a message a user can act on, when it is too large, when its
extension and its first bytes disagree, or when it is an archive (.xlsx, .docx) whose
entries expand too far when decompressed or are too many (a zip bomb), or whose XML declares
entities (a "billion laughs").
"""

import copy
import zipfile
import zlib
from typing import NoReturn
from xml.etree.ElementTree import ParseError

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

ZIP_MAGIC = b"PK\x03\x04"
MAGIC = {
    "xlsx": (ZIP_MAGIC,),
    "docx": (ZIP_MAGIC,),
    "pptx": (ZIP_MAGIC,),
    "odt": (ZIP_MAGIC,),
    "ods": (ZIP_MAGIC,),
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
}
TEXT_KINDS = {"csv", "txt"}
ARCHIVE_KINDS = {"xlsx", "docx", "pptx", "odt", "ods"}
MAX_ENTRIES = 2_000
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # a realistic 100k-row return expands to ~40 MB
MAX_RATIO = 100  # real Office files compress ~10:1; bombs compress thousands to one
CHUNK = 64 * 1024


class UploadRefused(ValidationError):
    pass


def upload_check(upload: UploadedFile, *, kinds: set[str], max_bytes: int) -> str:
    """Refuse `upload` unless it is one of `kinds` (extensions, lower case) and no larger
    than `max_bytes`. Returns the kind. Leaves the file positioned at its start."""
    name = upload.name or ""
    kind = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = ", ".join(f".{k}" for k in sorted(kinds))
    if kind not in kinds:
        raise UploadRefused(f"“{name}” is not an accepted file type. Upload one of: {allowed}.")
    if upload.size > max_bytes:
        raise UploadRefused(
            f"“{name}” is {filesizeformat(upload.size)}; the limit is {filesizeformat(max_bytes)}."
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if kind in TEXT_KINDS:
        if b"\0" in head or head.startswith(ZIP_MAGIC):
            raise UploadRefused(f"“{name}” is not a plain-text .{kind} file.")
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character may be cut at the end of the sample.
            if error.start < len(head) - 4:
                raise UploadRefused(f"“{name}” is not UTF-8 text. Save it as CSV UTF-8.") from None
    elif not head.startswith(MAGIC[kind]):
        raise UploadRefused(f"“{name}” is not really a .{kind} file: its contents do not match.")
    if kind in ARCHIVE_KINDS:
        archive_check(upload, name)
    return kind


def archive_check(upload: UploadedFile, name: str) -> None:
    """Refuse an archive whose entries are too many or expand too far, or which holds XML
    declaring a DTD (entity expansion, "billion laughs"), before anything parses it.

    Every entry is decompressed and measured, whatever the archive declares about it, and
    every entry's content is looked at, whatever it is called: readers follow the
    archive's own references, not our idea of what a name should end with."""
    cap = min(MAX_UNCOMPRESSED, MAX_RATIO * max(upload.size, 1))
    allowance = cap
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES:
                raise UploadRefused(
                    f"“{name}” holds too many parts ({len(entries)}) to be opened safely."
                )
            for entry in entries:
                allowance -= entry_check(archive, entry, allowance, name)
                if allowance < 0:
                    raise UploadRefused(
                        f"“{name}” would expand to more than {filesizeformat(cap)} when opened, "
                        "which is too large to be a genuine file. It has been refused."
                    )
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, zlib.error):
        # RuntimeError: encrypted; NotImplementedError: a compression Office never uses.
        raise UploadRefused(f"“{name}” is damaged or not a valid file.") from None
    finally:
        upload.seek(0)


def entry_check(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, allowance: int, name: str) -> int:
    """Decompress `entry` in chunks; refuse it when it is XML with a DTD. Returns the bytes
    it expanded to, or `allowance` + 1 when it expands further: decompression stops there."""
    # zipfile stops reading an entry at its declared size, which a bomb understates, and
    # checks the declared checksum there. Both are the sender's word: this copy declares one
    # byte more than the allowance and no checksum, so decompression runs to the entry's real
    # end or stops just past the cap.
    measured = copy.copy(entry)
    measured.file_size, measured.CRC = allowance + 1, None
    sniffer = DefusedXMLParser(target=_RootStart(), forbid_dtd=True)
    sniffing, expanded = True, 0
    with archive.open(measured) as part:
        while chunk := part.read(CHUNK):
            expanded += len(chunk)
            if expanded > allowance:
                return expanded
            if sniffing:
                sniffing = xml_head_check(sniffer, chunk, name)
    return expanded


class _RootStarted(Exception):
    pass


class _RootStart:
    """An XML parser's target that stops the parse at the root element's start."""

    def start(self, tag: str, attrib: dict[str, str]) -> NoReturn:
        raise _RootStarted

    def close(self) -> None:
        pass


def xml_head_check(parser: DefusedXMLParser, chunk: bytes, name: str) -> bool:
    """Feed `chunk` to `parser`; refuse a DTD. Office formats never declare one; one that
    does is an entity-expansion attack. A DTD can only come before the root element, so
    returns False (stop looking) at the root's start, or when the content is not XML.
    The parser detects the encoding itself (a UTF-16 part is XML too)."""
    try:
        parser.feed(chunk)
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden):
        raise UploadRefused(
            f"“{name}” contains XML entity declarations, which genuine files do not. "
            "It has been refused."
        ) from None
    except (_RootStarted, ParseError):
        return False
    return True
