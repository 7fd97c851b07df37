"""What a file is and how its text is encoded: judged from its bytes, never from its name alone.

Reports reach a supervisor as whatever the publisher's site or a colleague's disk produced: a web page
saved as .txt, a PDF named .doc, GBK pages without a charset, UTF-8 with or without a BOM. The name's
extension only decides between plain text and Markdown, which their bytes cannot tell apart.

    kind_of(name, data) -> "txt" | "md" | "html" | "doc" | "docx" | "xls" | "xlsx" | "ofd" | "pdf" | "json"
    decode_text(data)   -> Decoded(text, encoding, how)
"""

import codecs
import re
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import olefile
from charset_normalizer import from_bytes


class NotAReport(ValueError):
    """A file that no reader takes; the message says in Chinese what the file is and what to do."""


OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the first half of the OLE signature: enough, and a cut file still has it
SAVE_AS = "请用 WPS 或 Office 打开后另存为 .docx、.xlsx 或 PDF 再导入"
# Files that are certainly not a report gongkai reads, with what to tell the person.
NOT_REPORTS = (
    (b"\x89PNG", "这是图片（PNG），不是报告文件；扫描的报告请先合成 PDF"),
    (b"\xff\xd8\xff", "这是图片（JPEG），不是报告文件；扫描的报告请先合成 PDF"),
    (b"GIF8", "这是图片（GIF），不是报告文件"),
    (b"II*\x00", "这是图片（TIFF），不是报告文件；扫描的报告请先合成 PDF"),
    (b"MM\x00*", "这是图片（TIFF），不是报告文件；扫描的报告请先合成 PDF"),
    (b"Rar!", "这是 RAR 压缩包；请解压后导入其中的报告文件"),
    (b"7z\xbc\xaf", "这是 7z 压缩包；请解压后导入其中的报告文件"),
    (b"\x1f\x8b", "这是 gzip 压缩文件；请解压后导入其中的报告文件"),
    (b"MZ", "这是程序文件，不是报告文件"),
    (b"\x7fELF", "这是程序文件，不是报告文件"),
)

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""",
    re.IGNORECASE,
)
# GB2312 and GBK pages decode as GB18030, which contains both; Big5 pages as Big5-HKSCS likewise.
WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "big5": "big5hkscs"}
# When a file is neither declared nor UTF-8, the encodings Chinese reports come in.
GUESSES = ["gb18030", "big5hkscs"]


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec used, e.g. utf-8, gb18030
    how: str  # bom, declared, utf-8, guessed, lossy


def _codec(name: str) -> str | None:
    name = WIDER.get(name.lower(), name.lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_encoding(data: bytes) -> str | None:
    """The charset a web page or XML file declares in its first 4 KB, as a Python codec name."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    return _codec((match[1] or match[2]).decode("ascii", "replace"))


def decode_text(data: bytes) -> Decoded:
    """The text of a text or HTML file: BOM, then the declared charset, then UTF-8, then a guess."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec.replace("-sig", ""), "bom")
            except UnicodeDecodeError:
                break
    declared = declared_encoding(data)
    tried = []
    if declared:
        try:  # a page may declare one charset and be saved in another: a strict decode tells
            return Decoded(data.decode(declared), declared, "declared")
        except UnicodeDecodeError:
            tried.append(declared)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000], cp_isolation=GUESSES).best()
    if best is not None:
        codec = _codec(best.encoding) or best.encoding
        try:
            return Decoded(data.decode(codec), codec, "guessed")
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("gb18030"), "gb18030", "guessed")
    except UnicodeDecodeError:
        return Decoded(data.decode("utf-8", errors="replace"), "utf-8", "lossy")


_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
_HTML_TAG = re.compile(r"<(?:table|tr|td|p|div|span|br|h[1-6])\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """A web page, whatever it is named: it starts as one, or its markup is the bulk of its tags."""
    head = text[:65536].lstrip("\ufeff")
    if _HTML_START.match(head) or re.match(r"^\s*<\?xml[^>]*>\s*(?:<!doctype\s+html|<html)", head, re.I):
        return True
    tags = len(_HTML_TAG.findall(head))
    return tags >= 5 and ("<td" in head.lower() or "<p" in head.lower())


def _zip_kind(name: str, data: bytes) -> str:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise NotAReport(
            f"{name}：这是损坏或不完整的 ZIP 压缩文件，不是 Word（.docx）或 Excel（.xlsx）文件；请重新下载或另存后再导入"
        ) from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if any(n.lower() == "ofd.xml" or n.lower().endswith("/ofd.xml") for n in names):
        return "ofd"
    if "ppt/presentation.xml" in names:
        raise NotAReport(f"{name}：这是 PowerPoint 演示文稿，不是报告文件")
    raise NotAReport(
        f"{name}：这是 ZIP 压缩包，不是 Word（.docx）或 Excel（.xlsx）文件；请解压后导入其中的报告文件"
    )


def _ole_kind(name: str, data: bytes) -> str:
    """Word 97–2003 (.doc) or Excel 97–2003 (.xls), WPS's included: the OLE container names its main stream."""
    try:
        with olefile.OleFileIO(BytesIO(data)) as ole:
            streams = {"/".join(path) for path in ole.listdir()}
    except OSError:  # a cut or damaged container: say what it was meant to be, by what is left, or its name
        suffix = Path(name).suffix.lower()
        if "WordDocument".encode("utf-16-le") in data or suffix in (".doc", ".wps", ".dot"):
            what = "Word 97–2003（.doc）或 WPS 文字文件"
        elif "Workbook".encode("utf-16-le") in data or suffix in (".xls", ".et", ".xlt"):
            what = "Excel 97–2003（.xls）或 WPS 表格文件"
        else:
            what = "Office 97–2003 或 WPS 文件"
        raise NotAReport(f"{name}：这是 {what}，但文件已损坏或不完整，无法读取；{SAVE_AS}") from None
    if "WordDocument" in streams:
        return "doc"
    if "Workbook" in streams or "Book" in streams:
        return "xls"
    if "PowerPoint Document" in streams:
        raise NotAReport(f"{name}：这是 PowerPoint 演示文稿，不是报告文件")
    raise NotAReport(f"{name}：这是 Office 97–2003 或 WPS 文件，但不是文字文档或表格；{SAVE_AS}")


def kind_of(name: str, data: bytes) -> str:
    """The reader for a file, by its content; the name's extension only tells Markdown from plain text."""
    head = data[:1024].lstrip()
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK"):
        return _zip_kind(name, data)
    if data.startswith(OLE_MAGIC):
        return _ole_kind(name, data)
    for magic, message in NOT_REPORTS:
        if data.startswith(magic):
            raise NotAReport(f"{name}：{message}")
    if b"\x00" in data[:65536] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise NotAReport(f"{name}：文件含有二进制内容，不是文本、网页、PDF、Word 或 Excel 文件")
    text = decode_text(data[:65536]).text
    if looks_like_html(text):
        return "html"
    if text.lstrip("\ufeff \r\n\t").startswith("{") and '"format_version"' in text[:4096]:
        return "json"
    return "md" if Path(name).suffix.lower() in (".md", ".markdown") else "txt"
