"""An uploaded report: accepted by its content (PDF, Word .doc/.docx, Excel .xls/.xlsx, OFD, web page, plain text, gongkai's
JSON), never by its name or the browser's claim, and only up to settings.REPORT_IMPORT_MAX_BYTES."""

from django.conf import settings
from django.core.exceptions import ValidationError

from gongkai.importer.parse import UnreadableReport, kind_of
from gongkai.security.archives import ArchiveRefused, check_archive

KINDS = {
    "txt": "文本",
    "md": "文本",
    "html": "网页",
    "pdf": "PDF",
    "ofd": "OFD 版式文件",
    "doc": "Word 97–2003（.doc）",
    "docx": "Word（.docx）",
    "xls": "Excel 97–2003（.xls）",
    "xlsx": "Excel（.xlsx）",
    "json": "gongkai 数据（JSON）",
}


# Kinds stored as zip archives, and what to call them in a refusal.
ARCHIVES = {"docx": "Word 文档", "xlsx": "Excel 文件", "ofd": "OFD 文件"}


def sniff_report(upload) -> tuple[bytes, str]:
    """(content, reader kind) of an uploaded report; ValidationError (Chinese) if it is not accepted."""
    limit = settings.REPORT_IMPORT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            f"文件过大：最大 {limit // (1024 * 1024)} MB，实际 {upload.size / (1024 * 1024):.1f} MB。"
        )
    upload.seek(0)
    data = upload.read()
    if not data.strip():
        raise ValidationError("文件是空的。")
    try:
        kind = kind_of(upload.name or "report", data)
    except UnreadableReport as e:
        raise ValidationError(str(e).split("：", 1)[-1] + "。") from None
    if kind in ARCHIVES:  # a compression bomb is refused at once, before anything is stored or inflated
        try:
            check_archive(data, ARCHIVES[kind])
        except ArchiveRefused as e:
            raise ValidationError(str(e)) from None
    return data, kind
