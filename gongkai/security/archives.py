"""Limits for files that are zip archives underneath (Word .docx, Excel .xlsx), checked before a reader
inflates anything.

A few kilobytes of zip can inflate to gigabytes of XML (a decompression bomb), and a parser building a
tree of that keeps a server worker busy for minutes. `check_archive(data, what)` reads only the zip's
directory and the XML parts' raw bytes, and raises ArchiveRefused (a Chinese message) when

- the archive has more than MAX_MEMBERS parts;
- the parts together would inflate to more than MAX_TOTAL_BYTES;
- a part larger than RATIO_FLOOR_BYTES inflates more than MAX_RATIO times (real Office XML stays far below);
- the XML parts together hold more than MAX_XML_BYTES or more than MAX_XML_TAGS tags (counted while
  streaming, nothing kept).

The XML bounds are what keeps reading inside a request short: reading a Word report costs about half a
second per megabyte of text and some 10 µs per tag, so the worst file within the bounds takes under two
seconds, while a real annual report (a few hundred kilobytes, some 30,000 tags) takes a few hundredths.

The sizes the zip directory declares are upper bounds on what Python's zipfile will ever produce (it stops
at the declared size and fails the CRC check if the data goes on), so checking them is enough for
python-docx and openpyxl, which both read through zipfile. Their lxml parsers keep `huge_tree` off, so no
single text node may exceed libxml2's 10 MB either.
"""

import zipfile
import zlib
from io import BytesIO

MAX_MEMBERS = 2_000
MAX_TOTAL_BYTES = 100 * 1024 * 1024
MAX_XML_BYTES = 4 * 1024 * 1024
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 1024 * 1024
MAX_XML_TAGS = 200_000
XML_SUFFIXES = (".xml", ".rels", ".vml")
CHUNK = 1024 * 1024


class ArchiveRefused(ValueError):
    """An archive over the limits; the message is Chinese and says which limit."""


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def check_archive(data: bytes, what: str = "文件") -> None:
    """Raise ArchiveRefused unless `data` is a zip archive within every limit (see the module)."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ArchiveRefused(f"{what}已损坏，无法读取（{exc}）。") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise ArchiveRefused(f"{what}包含 {len(members)} 个部件，超过上限 {MAX_MEMBERS} 个，已拒绝读取。")
        total = sum(m.file_size for m in members)
        if total > MAX_TOTAL_BYTES:
            raise ArchiveRefused(
                f"{what}解压后将达 {_mb(total)}，超过上限 {_mb(MAX_TOTAL_BYTES)}，疑似“压缩炸弹”，已拒绝读取。"
            )
        for member in members:
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
                raise ArchiveRefused(
                    f"{what}中的“{member.filename[:60]}”压缩比达 {ratio:.0f} 倍（上限 {MAX_RATIO} 倍），"
                    "疑似“压缩炸弹”，已拒绝读取。"
                )
        xml = [m for m in members if m.filename.lower().endswith(XML_SUFFIXES)]
        xml_bytes = sum(m.file_size for m in xml)
        if xml_bytes > MAX_XML_BYTES:
            raise ArchiveRefused(
                f"{what}的 XML 内容解压后达 {xml_bytes / (1024 * 1024):.1f} MB，"
                f"超过上限 {_mb(MAX_XML_BYTES)}，已拒绝读取。"
            )
        _count_tags(archive, xml, what)


def _count_tags(archive: zipfile.ZipFile, members, what: str) -> None:
    tags = 0
    for member in members:
        try:
            with archive.open(member) as stream:
                while block := stream.read(CHUNK):
                    tags += block.count(b"<")
                    if tags > MAX_XML_TAGS:
                        raise ArchiveRefused(
                            f"{what}的 XML 标记超过 {MAX_XML_TAGS:,} 个，解析代价过大，已拒绝读取。"
                        )
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
            # A lying size (CRC mismatch), an unsupported method or an encrypted part.
            raise ArchiveRefused(f"{what}中的“{member.filename[:60]}”已损坏，无法读取（{exc}）。") from None
