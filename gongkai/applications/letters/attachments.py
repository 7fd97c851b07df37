"""What may be attached to a letter: the disclosed material as PDF, image, Word or Excel file, recognised
by its content (never by its name or the browser's claim).

    sniff_attachment(upload) -> (content type, extension)     LetterError (Chinese) if not accepted
    DOWNLOAD_TYPES                                           extension -> content type, for downloads
"""

import zipfile

from ..models import LetterError

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOWNLOAD_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".docx": DOCX,
    ".xlsx": XLSX,
}
# Names people know the formats by, for messages.
KINDS = "PDF、JPEG、PNG、Word（.docx）或 Excel（.xlsx）"


def _office(upload) -> tuple[str, str] | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    finally:
        upload.seek(0)
    if "word/document.xml" in names:
        return DOCX, ".docx"
    if "xl/workbook.xml" in names:
        return XLSX, ".xlsx"
    return None


def sniff_attachment(upload) -> tuple[str, str]:
    if upload.size == 0:
        raise LetterError("附件文件是空的。")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return DOWNLOAD_TYPES[".pdf"], ".pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return DOWNLOAD_TYPES[".jpg"], ".jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return DOWNLOAD_TYPES[".png"], ".png"
    if head.startswith(b"PK\x03\x04"):
        found = _office(upload)
        if found:
            return found
    raise LetterError(f"附件只接受 {KINDS} 文件（按文件内容识别，与扩展名无关）。")
