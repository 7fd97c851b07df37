"""Attachments of an item: accepted by what the bytes are, and only when the file name agrees.

A file is recognised by its magic bytes (PDF, JPEG, PNG, OLE for DOC/XLS, ZIP for DOCX/XLSX/OFD, the
ZIP members telling those three apart); its extension must name the same kind. Anything else — an
executable renamed .pdf, a DOCX renamed .xlsx — is refused with a Chinese reason.
"""

import hashlib
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai import audit
from gongkai.disclosure.models import Attachment, Item

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
DOC, XLS = "application/msword", "application/vnd.ms-excel"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OFD = "application/ofd"

EXTENSIONS = {
    PDF: {".pdf"},
    JPEG: {".jpg", ".jpeg"},
    PNG: {".png"},
    DOC: {".doc"},
    XLS: {".xls"},
    DOCX: {".docx"},
    XLSX: {".xlsx"},
    OFD: {".ofd"},
}
ACCEPTED = "PDF、OFD、DOC、DOCX、XLS、XLSX、JPEG、PNG"
# What a reader is told a file is (the portal and the API say this, never the MIME type alone).
KIND_LABELS = {
    PDF: "PDF 文档",
    OFD: "OFD 版式文档",
    DOC: "Word 文档（DOC）",
    DOCX: "Word 文档（DOCX）",
    XLS: "Excel 表格（XLS）",
    XLSX: "Excel 表格（XLSX）",
    JPEG: "JPEG 图片",
    PNG: "PNG 图片",
}
IMAGES = {JPEG, PNG}


def kind_label(content_type: str) -> str:
    return KIND_LABELS.get(content_type, "文件")


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def max_bytes() -> int:
    return getattr(settings, "DISCLOSURE_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def _zip_kind(upload) -> str | None:
    try:
        names = zipfile.ZipFile(upload).namelist()
    except (zipfile.BadZipFile, OSError):
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    if "OFD.xml" in names:
        return OFD
    return None


def sniff(upload, name: str) -> str:
    """The content type of `upload`, or ValidationError (Chinese) when it is not accepted."""
    limit = max_bytes()
    if upload.size > limit:
        raise ValidationError(
            f"附件过大：最大 {limit / (1024 * 1024):g} MB，实际 {upload.size / (1024 * 1024):.1f} MB。"
        )
    if upload.size == 0:
        raise ValidationError("附件是空文件。")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    extension = PurePath(name).suffix.lower()
    if head.startswith(b"%PDF-"):
        kind = PDF
    elif head.startswith(b"\xff\xd8\xff"):
        kind = JPEG
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = PNG
    elif head.startswith(OLE_MAGIC):
        # DOC and XLS share the OLE container; the name says which, and both are accepted.
        kind = XLS if extension == ".xls" else DOC
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(upload)
        upload.seek(0)
    else:
        kind = None
    if kind is None:
        raise ValidationError(f"不支持该附件的格式。只接受 {ACCEPTED} 文件（按文件内容识别）。")
    if extension not in EXTENSIONS[kind]:
        expected = "、".join(sorted(EXTENSIONS[kind]))
        raise ValidationError(
            f"附件“{name}”的扩展名与内容不符：内容是 {expected.upper().replace('.', '')} 文件，扩展名应为 {expected}。"
        )
    return kind


def add_attachment(item: Item, upload, actor) -> Attachment:
    """Store an uploaded file on a draft; raises ValidationError if the file is not accepted."""
    name = PurePath(upload.name or "附件").name[:200]
    content_type = sniff(upload, name)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    with transaction.atomic():
        attachment = Attachment(
            item=item,
            original_name=name,
            content_type=content_type,
            size=upload.size,
            sha256=digest.hexdigest(),
        )
        attachment.file.save(name, upload, save=False)
        attachment.save()
        audit.record(
            "disclosure.attachment.add",
            actor=actor,
            agency=item.agency,
            target=item,
            details={"name": name, "sha256": attachment.sha256, "size": attachment.size},
        )
    return attachment


def remove_attachment(attachment: Attachment, actor) -> None:
    item = attachment.item
    with transaction.atomic():
        audit.record(
            "disclosure.attachment.remove",
            actor=actor,
            agency=item.agency,
            target=item,
            details={"name": attachment.original_name, "sha256": attachment.sha256},
        )
        attachment.delete()
