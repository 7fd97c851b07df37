"""A published report uploaded through the workspace and waiting for a person's review (待审核的导入).

The upload is stored at once and read by the background worker (`READING`; a scan's text recognition
takes seconds a page), then waits for review (`PENDING`) or says why it could not be read (`UNREADABLE`).
The reading (`result`: cells, provenance, unread cells with reasons, the sections' text) and the file's
text as read (`source_lines`) are kept, so the review screen never reads the file again. What a person corrects is kept apart from what was read (`corrections`), so the screen
can show both and the stored version can say which cells were typed rather than read.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models

from gongkai.agencies.models import Agency
from gongkai.applications.models import private_storage


class ImportStatus(models.TextChoices):
    READING = "reading", "正在读取"
    UNREADABLE = "unreadable", "无法读取"
    PENDING = "pending", "待审核"
    SAVED = "saved", "已保存为发布报告"
    DISCARDED = "discarded", "已放弃"


def import_source_path(instance, filename) -> str:
    return f"imports/{instance.agency_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()[:10]}"


class PendingImport(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="pending_imports"
    )
    year = models.PositiveIntegerField("报告年度", null=True, blank=True)
    format_version = models.CharField("报告格式", max_length=8)
    kind = models.CharField("文件类型", max_length=8)  # txt, md, html, docx, pdf: the reader used
    source_name = models.CharField("原始文件名", max_length=300)
    source = models.FileField(
        "原始文件", upload_to=import_source_path, storage=private_storage, max_length=200
    )
    source_size = models.PositiveIntegerField("大小（字节）")
    source_sha256 = models.CharField("SHA-256", max_length=64)
    # [{"text", "where"}]: the file's lines as the reader saw them (for PDF and Word, the extracted text).
    source_lines = models.JSONField("原文", default=list)
    # ParsedReport.to_dict() for the current year and format, plus "line_of": address → index in source_lines.
    result = models.JSONField("读取结果", default=dict)
    # address → the value a person typed (null: left blank); applied over the cells read.
    corrections = models.JSONField("更正", default=dict, blank=True)
    status = models.CharField(
        "状态", max_length=12, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    # While reading: what the worker is doing (识别第 2/5 页); once unreadable: why, for the person.
    stage = models.CharField("读取进度", max_length=200, blank=True)
    problem = models.TextField("无法读取的原因", blank=True)
    read_at = models.DateTimeField("读取完成时间", null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="处理人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField("处理时间", null=True, blank=True)
    saved_version = models.ForeignKey(
        "reports.ReportVersion",
        verbose_name="保存的发布版本",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "待审核的导入报告"
        verbose_name_plural = "待审核的导入报告"
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.agency.name}{self.year or '（年度不明）'}年报告（{self.source_name}）"

    @property
    def is_pending(self) -> bool:
        return self.status == ImportStatus.PENDING

    @property
    def is_reading(self) -> bool:
        return self.status == ImportStatus.READING

    @property
    def may_discard(self) -> bool:
        return self.status in (ImportStatus.PENDING, ImportStatus.READING, ImportStatus.UNREADABLE)
