"""The annual report of an agency and a year, and its published versions.

`AnnualReport` is the working report: its format (chosen by year), its narrative as staff edit it — with
numbers from the data held as placeholders such as {{documents_issued}} or
{{section3.new_received.total}}, rendered with the current value every time — its state in the workflow
(草稿 → 已校验 → 待审定 (提请审定) → 已审定 or back to 草稿 with the leader's 退回意见 → 发布中 → 已发布; the
steps offered in each state are gongkai.rules.report_review.next_steps) and whether its year is locked.

`ReportVersion` is one publication: the cells, the rendered text, the facts and findings, the contact block
and the files (PDF, DOCX, HTML) with their SHA-256, frozen. A correction after publication is a new version
with its reason; older versions stay downloadable. A version may also hold a report published elsewhere and
imported (origin 导入): its source file, its provenance, and cells that may be null (blank in the source).
"""

from django.conf import settings
from django.db import models

from gongkai.agencies.models import Agency


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    CHECKED = "checked", "已校验"
    SUBMITTED = "submitted", "待审定"
    APPROVED = "approved", "已审定"
    PUBLISHING = "publishing", "发布中"
    PUBLISHED = "published", "已发布"


class Origin(models.TextChoices):
    GENERATED = "generated", "本系统生成"
    IMPORTED = "imported", "导入"


class FileKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word（DOCX）"
    HTML = "html", "网页（HTML）"
    SOURCE = "source", "原始文件"


class Immutable(models.Model):
    """Rows written once: a published version is evidence, so neither its row nor its files change."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and type(self).objects.filter(pk=self.pk).exists():
            raise ValueError(f"已发布的{self._meta.verbose_name}不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError(f"已发布的{self._meta.verbose_name}不能删除")


class AnnualReport(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="annual_reports"
    )
    year = models.PositiveIntegerField("报告年度")
    format_version = models.CharField("报告格式", max_length=8)
    # Section number (一 … 六) → the text as staff wrote it, placeholders included.
    sections = models.JSONField("正文", default=dict, blank=True)
    status = models.CharField("状态", max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    # The findings of the last check, and what the report contained then (SHA-256): approval and publication
    # are refused when the content has changed since.
    findings = models.JSONField("校验结果", default=list, blank=True)
    checked_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    checked_at = models.DateTimeField("校验时间", null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="校验人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField("审定时间", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审定人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField("提请审定时间", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="提请人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The leader's opinion when the report was last returned (退回); kept until the next approval.
    return_opinion = models.TextField("退回意见", blank=True)
    returned_at = models.DateTimeField("退回时间", null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="退回人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Why the report may be published before its year ends (提前发布): without it, the check blocks.
    early_reason = models.TextField("提前发布理由", blank=True)
    # Publication runs in the background: the correction reason it was asked with, and why it failed.
    publish_reason = models.TextField("待发布的更正理由", blank=True)
    publish_error = models.TextField("发布失败原因", blank=True)
    # Set when a version is published; only an administrator's unlock (with a reason) clears it.
    locked = models.BooleanField("年度已锁定", default=False)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "年度报告"
        verbose_name_plural = "年度报告"
        ordering = ["agency", "-year"]
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="annual_report_unique")]

    def __str__(self) -> str:
        return f"{self.agency.name}{self.year}年政府信息公开工作年度报告"

    def latest_version(self):
        return self.versions.order_by("-number").first()


class ReportVersion(Immutable):
    report = models.ForeignKey(
        AnnualReport, verbose_name="年度报告", on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField("版本")
    origin = models.CharField("来源", max_length=12, choices=Origin.choices, default=Origin.GENERATED)
    format_version = models.CharField("报告格式", max_length=8)
    # The shape of docs/report-format.md; an imported report may hold null cells (blank in the source).
    cells = models.JSONField("单元格")
    sections = models.JSONField("正文（已代入数据）", default=dict)
    sections_template = models.JSONField("正文（含数据占位）", default=dict, blank=True)
    facts = models.JSONField("第一部分数据", default=dict, blank=True)
    findings = models.JSONField("校验结果", default=list, blank=True)
    contact = models.JSONField("联系信息", default=dict, blank=True)
    charts = models.JSONField("图表数据", default=list, blank=True)
    reason = models.TextField("更正理由", blank=True)
    content_sha256 = models.CharField("内容校验和", max_length=64)
    source_name = models.CharField("原始文件名", max_length=300, blank=True)
    provenance = models.JSONField(
        "出处", default=dict, blank=True, help_text="导入报告的来源网址、抓取时间、解析说明等"
    )
    published_at = models.DateTimeField("发布时间")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="发布人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "报告发布版本"
        verbose_name_plural = "报告发布版本"
        ordering = ["report", "number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="report_version_unique")]

    def __str__(self) -> str:
        return f"{self.report} 第{self.number}版"


class ReportFile(Immutable):
    version = models.ForeignKey(
        ReportVersion, verbose_name="版本", on_delete=models.PROTECT, related_name="files"
    )
    kind = models.CharField("文件类型", max_length=8, choices=FileKind.choices)
    # Kept in the database: a version and its files are written in one transaction, or not at all.
    content = models.BinaryField("内容")
    size = models.PositiveIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)

    class Meta:
        verbose_name = "报告文件"
        verbose_name_plural = "报告文件"
        ordering = ["version", "kind"]
        constraints = [models.UniqueConstraint(fields=["version", "kind"], name="report_file_unique")]

    def __str__(self) -> str:
        return f"{self.version} {self.get_kind_display()}"


class YearUnlock(models.Model):
    """An administrator opened a published year for correction; closed again by the next publication."""

    report = models.ForeignKey(
        AnnualReport, verbose_name="年度报告", on_delete=models.PROTECT, related_name="unlocks"
    )
    reason = models.TextField("解锁理由")
    unlocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="解锁人", on_delete=models.PROTECT, related_name="+"
    )
    unlocked_at = models.DateTimeField("解锁时间", auto_now_add=True)
    relocked_at = models.DateTimeField("重新锁定时间", null=True, blank=True)

    class Meta:
        verbose_name = "年度解锁记录"
        verbose_name_plural = "年度解锁记录"
        ordering = ["report", "-unlocked_at"]

    def __str__(self) -> str:
        return f"{self.report} 解锁于 {self.unlocked_at:%Y-%m-%d}"
