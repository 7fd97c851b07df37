"""An uploaded report: accepted by its content (PDF, Word .docx, web page, plain text), never by its name or
the browser's claim, and only up to settings.REPORT_IMPORT_MAX_BYTES."""

from django.conf import settings
from django.core.exceptions import ValidationError

from gongkai.importer.parse import UnreadableReport, kind_of

# Files that are certainly not a report gongkai reads, with what to tell the person.
NOT_REPORTS = (
    (
        b"\xd0\xcf\x11\xe0",
        "这是 Word 97–2003（.doc）、WPS 或旧版 Excel 文件，请另存为 .docx 或 PDF 后再上传。",
    ),
    (b"\x89PNG", "这是图片（PNG），不是报告文件；请上传报告的 PDF、Word（.docx）、网页或文本文件。"),
    (b"\xff\xd8\xff", "这是图片（JPEG），不是报告文件；请上传报告的 PDF、Word（.docx）、网页或文本文件。"),
    (b"GIF8", "这是图片（GIF），不是报告文件；请上传报告的 PDF、Word（.docx）、网页或文本文件。"),
    (b"Rar!", "这是 RAR 压缩包；请解压后上传其中的报告文件。"),
    (b"7z\xbc\xaf", "这是 7z 压缩包；请解压后上传其中的报告文件。"),
    (b"\x1f\x8b", "这是 gzip 压缩文件；请解压后上传其中的报告文件。"),
    (b"MZ", "这是程序文件，不是报告文件。"),
    (b"\x7fELF", "这是程序文件，不是报告文件。"),
)
KINDS = {"txt": "文本", "md": "文本", "html": "网页", "pdf": "PDF", "docx": "Word（.docx）"}


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
    head = data[:16]
    for magic, message in NOT_REPORTS:
        if head.startswith(magic):
            raise ValidationError(message)
    try:
        kind = kind_of(upload.name or "report", data)
    except UnreadableReport as e:
        raise ValidationError(str(e).split("：", 1)[-1] + "。") from None
    if kind in ("txt", "md", "html") and b"\x00" in data[:65536]:
        raise ValidationError(
            "文件含有二进制内容，不是文本或网页文件；请上传报告的 PDF、Word（.docx）、网页或文本文件。"
        )
    return data, kind
