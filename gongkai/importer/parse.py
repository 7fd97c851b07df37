"""The importer's entry point: a file (txt, md, html, doc, docx, xls, xlsx, pdf, ofd, json) in, a ParsedReport out.

`parse_file(path)` is what storage, the CLI and the benchmarks call; `parse_bytes` serves uploads.
"""

import importlib
from dataclasses import replace
from pathlib import Path

from gongkai.formats.cells import ReportCells
from gongkai.formats.checks import WARNING, Finding
from gongkai.importer import sniff
from gongkai.importer.detect import detect_format, identify
from gongkai.importer.ocr import RecognitionUnavailable
from gongkai.importer.report import ParsedReport
from gongkai.importer.sections import find_headings, split_sections
from gongkai.importer.source import ReaderRefused, Source
from gongkai.importer.tables import read_tables
from gongkai.security.archives import ArchiveRefused

# kind → (module, function); readers are imported only when a file of their kind comes along.
READERS = {
    "txt": ("gongkai.importer.readers.text", "read_txt"),
    "md": ("gongkai.importer.readers.text", "read_markdown"),
    "html": ("gongkai.importer.readers.html", "read_html"),
    "doc": ("gongkai.importer.readers.word97", "read_doc"),
    "docx": ("gongkai.importer.readers.word", "read_docx"),
    "pdf": ("gongkai.importer.readers.pdf", "read_pdf"),
    "ofd": ("gongkai.importer.readers.ofd", "read_ofd"),
    "xls": ("gongkai.importer.readers.excel97", "read_xls"),
    "xlsx": ("gongkai.importer.readers.excel", "read_xlsx"),
    "json": ("gongkai.importer.readers.json_cells", "read_json"),
}


class UnreadableReport(ValueError):
    """A file that cannot be read as a report at all; the message is Chinese and names the file."""


def kind_of(name: str, data: bytes) -> str:
    """The reader for a file, by its content (a .txt that is really a web page is read as HTML)."""
    try:
        return sniff.kind_of(name, data)
    except sniff.NotAReport as e:
        raise UnreadableReport(str(e)) from None


def read_source(kind: str, data: bytes, name: str) -> Source:
    module, function = READERS[kind]
    try:
        return getattr(importlib.import_module(module), function)(data)
    except UnreadableReport:
        raise
    except (ArchiveRefused, RecognitionUnavailable, ReaderRefused) as e:
        raise UnreadableReport(f"{name}：{e}") from None
    except Exception as e:  # a damaged PDF or Word file: say so, with the library's words
        raise UnreadableReport(f"{name}：无法读取 {kind.upper()} 文件（{type(e).__name__}：{e}）") from None


def parse_file(path: str | Path) -> ParsedReport:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableReport(f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise UnreadableReport(f"{path} 是文件夹，不是文件") from None
    except OSError as e:
        raise UnreadableReport(f"无法读取文件 {path}：{e}") from None
    return parse_bytes(data, path.name)


def parse_bytes(data: bytes, name: str, kind: str | None = None) -> ParsedReport:
    if not data.strip():
        raise UnreadableReport(f"{name}：文件是空的")
    kind = kind or kind_of(name, data)
    return parse_source(read_source(kind, data, name), name)


def parse_source(source: Source, name: str, *, year: int | None = None, fmt=None) -> ParsedReport:
    """`year` and `fmt` (a ReportFormat) override what the file is judged to be: a person's correction."""
    lines = source.lines
    if not any(line.text.strip() for line in lines):  # an empty page, or a scan with no text layer
        raise UnreadableReport(f"{name}：文件中没有文字（扫描件须先做文字识别）")
    identity = identify(lines, source.metadata)
    if year is not None:
        identity = replace(identity, year=year)
    detection = detect_format(lines, identity.year)
    if fmt is not None:
        detection = replace(detection, format=fmt)
    fmt = detection.format
    tables = read_tables(lines, fmt)
    headings = find_headings(lines, fmt)
    skip = {identity.title_line} if identity.title_line is not None else set()
    preamble, sections = split_sections(lines, headings, tables.table_lines, skip)
    if not tables.read and not sections:
        raise UnreadableReport(f"{name}：没有找到年度报告的表格或各部分标题，不像是政府信息公开工作年度报告")

    cells = ReportCells.blank(fmt, identity.agency, identity.year or 0)
    for address, read in tables.read.items():
        cells.values[address] = read.value
        if read.value is None and read.text:
            cells.cell_text[address] = read.text
    cells.sections = sections

    findings = []
    if detection.mismatch:
        expected = detection.expected
        findings.append(
            Finding(
                "import.template",
                WARNING,
                [],
                f"{identity.year} 年度报告应使用 {expected.version} 年格式（{expected.notice}），"
                f"表格却是按 {fmt.version} 年格式（{fmt.notice}）填写的；已按 {fmt.version} 年格式读取",
            )
        )
    findings += [Finding(rule, WARNING, [], message) for rule, message in identity.notes]
    if not identity.agency and not any(rule == "import.agency" for rule, _ in identity.notes):
        findings.append(Finding("import.agency", WARNING, [], "未能从文件中识别机关名称"))
    if identity.year is None:
        findings.append(Finding("import.year", WARNING, [], "未能从文件中识别报告年度"))
    findings += tables.findings
    if source.ocr_pages:
        from gongkai.importer.ocr import ENGINE, MIN_CONFIDENCE

        pages = "、".join(str(n) for n in source.ocr_pages)
        findings.append(
            Finding(
                "import.ocr",
                WARNING,
                [],
                f"第 {pages} 页是扫描图像，没有文字层，已用文字识别（{ENGINE}）读取；置信度低于 {MIN_CONFIDENCE} 的数字"
                "和没有识别出文字的格子未读入，读入的数字请对照原件核对",
            )
        )
    return ParsedReport(
        source=name,
        kind=source.kind,
        cells=cells,
        provenance=tables.read,
        unread=tables.unread,
        findings=findings,
        extra_rows=tables.extra_rows,
        preamble=preamble,
        metadata=source.metadata,
        format_scores=detection.scores,
        ocr_pages=list(source.ocr_pages),
        encoding=source.encoding,
    )
