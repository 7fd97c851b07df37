"""Identity documents: accepted by their content (PDF, JPEG, PNG), never by their name or the browser's
claim, and only up to settings.IDENTITY_DOCUMENT_MAX_BYTES."""

from django.conf import settings
from django.core.exceptions import ValidationError

SIGNATURES = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)


def sniff(upload) -> tuple[str, str]:
    """(content type, extension) of an uploaded file; ValidationError (Chinese) if not allowed."""
    limit = settings.IDENTITY_DOCUMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            f"文件过大：最大 {limit // (1024 * 1024)} MB，实际 {upload.size / (1024 * 1024):.1f} MB。"
        )
    if upload.size == 0:
        raise ValidationError("文件是空的。")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for magic, content_type, extension in SIGNATURES:
        if head.startswith(magic):
            return content_type, extension
    raise ValidationError("只接受 PDF、JPEG 或 PNG 格式的身份证明文件（按文件内容识别，与扩展名无关）。")
