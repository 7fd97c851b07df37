"""Letters of a case (notices and decisions), their per-agency settings and numbering, and delivery proof.

A letter is drafted from its template, may be edited while a draft, is signed by the head of the handling
department (科室负责人签字) and issued by a leader (领导签发). Issuing gives it its 文号 and stores the DOCX
and PDF with their SHA-256; from then on the row refuses every change (LetterLocked), here and in the
services — Art. 45 asks for the file as it was sent.
"""

import hashlib
import uuid
from pathlib import Path

from django.conf import settings
from django.db import models

from gongkai.agencies.models import Agency

from .file_storage import encrypted_private_storage
from .models import Application


class LetterLocked(Exception):
    """An issued letter cannot change; the message says so in Chinese."""


class LetterKind(models.TextChoices):
    RECEIPT = "receipt", "受理回执"
    CORRECTION = "correction", "补正告知书"
    EXTENSION = "extension", "延期答复告知书"
    CONSULTATION_THIRD_PARTY = "consultation_third_party", "征求意见书（第三方）"
    CONSULTATION_AGENCY = "consultation_agency", "征求意见书（其他机关）"
    REASONS = "reasons", "说明理由告知书"
    FEE_NOTICE = "fee_notice", "收费通知书"
    REPLY_GRANTED = "reply_granted", "答复书（予以公开）"
    REPLY_PARTIALLY_GRANTED = "reply_partially_granted", "答复书（部分公开）"
    REPLY_DENIED = "reply_denied", "答复书（不予公开）"
    REPLY_ADMIN_QUERY = "reply_admin_query", "答复书（行政查询事项）"
    REPLY_NOT_HELD = "reply_not_held", "答复书（信息不存在或非本机关负责公开）"
    REPLY_NEEDS_CREATION = "reply_needs_creation", "答复书（需另行制作或加工分析）"
    REPLY_STILL_UNCLEAR = "reply_still_unclear", "答复书（补正后申请内容仍不明确）"
    REPLY_NOT_PROCESSED = "reply_not_processed", "答复书（不予处理）"
    NOTICE_ABANDONED_NO_CORRECTION = "notice_abandoned_no_correction", "告知书（逾期未补正视为放弃）"
    NOTICE_ABANDONED_UNPAID_FEE = "notice_abandoned_unpaid_fee", "告知书（逾期未缴费视为放弃）"
    REPLY_OTHER = "reply_other", "答复书（其他处理）"


class LetterStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    HEAD_SIGNED = "head_signed", "科室负责人已签字"
    ISSUED = "issued", "已签发"


class LetterSettings(models.Model):
    """Per agency: the 文号 prefix of its letters and the remedy clause's bodies and periods (data, not
    template text, because the 行政复议法 and an agency's reviewing body change)."""

    agency = models.OneToOneField(
        Agency, verbose_name="机关", on_delete=models.CASCADE, related_name="letter_settings"
    )
    number_prefix = models.CharField(
        "文书编号代字", max_length=40, help_text="例如：乐退役军人依复。编号为 代字〔年份〕序号号。"
    )
    review_body = models.CharField(
        "行政复议机关", max_length=100, blank=True, help_text="例如：乐清市人民政府。"
    )
    review_days = models.PositiveSmallIntegerField("申请行政复议期限（日）", default=60)
    court = models.CharField(
        "管辖法院", max_length=100, blank=True, help_text="留空则写“有管辖权的人民法院”。"
    )
    litigation_months = models.PositiveSmallIntegerField("提起行政诉讼期限（月）", default=6)

    class Meta:
        verbose_name = "文书设置"
        verbose_name_plural = "文书设置"

    def __str__(self) -> str:
        return f"{self.agency} 文书设置"


class LetterCounter(models.Model):
    """The last letter number of an agency in a year; issuing locks this row."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "文书编号计数"
        verbose_name_plural = "文书编号计数"
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="letter_counter_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last}"


def _user_fk(verbose_name):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class Letter(models.Model):
    application = models.ForeignKey(
        Application, verbose_name="申请", on_delete=models.PROTECT, related_name="letters"
    )
    kind = models.CharField("文书种类", max_length=40, choices=LetterKind.choices)
    status = models.CharField("状态", max_length=20, choices=LetterStatus.choices, default=LetterStatus.DRAFT)
    addressee = models.CharField("主送", max_length=200)
    body = models.TextField("正文")
    # Figures the template used (due dates, fee, outcome), kept for the archive's record.
    context = models.JSONField("生成依据", default=dict, blank=True)
    number = models.CharField("文书编号", max_length=60, unique=True, null=True, blank=True)
    year = models.PositiveIntegerField("编号年度", null=True, blank=True)
    sequence = models.PositiveIntegerField("编号序号", null=True, blank=True)
    issued_on = models.DateField("成文日期", null=True, blank=True)

    drafted_by = _user_fk("拟稿人")
    drafted_at = models.DateTimeField("拟稿时间", auto_now_add=True)
    head_signed_by = _user_fk("科室负责人")
    head_signed_at = models.DateTimeField("科室负责人签字时间", null=True, blank=True)
    leader_signed_by = _user_fk("签发人")
    leader_signed_at = models.DateTimeField("签发时间", null=True, blank=True)

    docx = models.BinaryField("DOCX", null=True, blank=True, editable=False)
    docx_sha256 = models.CharField("DOCX SHA-256", max_length=64, blank=True, editable=False)
    pdf = models.BinaryField("PDF", null=True, blank=True, editable=False)
    pdf_sha256 = models.CharField("PDF SHA-256", max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "文书"
        verbose_name_plural = "文书"
        ordering = ["drafted_at", "id"]

    def __str__(self) -> str:
        # No applicant name: this string goes into the audit trail.
        return f"{self.application.reference} {self.get_kind_display()} {self.number or '（草稿）'}"

    def save(self, *args, **kwargs):
        if self._stored_status() == LetterStatus.ISSUED:
            raise LetterLocked("文书已签发，不能修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._stored_status() == LetterStatus.ISSUED:
            raise LetterLocked("文书已签发，不能删除。")
        return super().delete(*args, **kwargs)

    @property
    def is_issued(self) -> bool:
        return self.status == LetterStatus.ISSUED

    def _stored_status(self):
        if self.pk is None:
            return None
        return type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()


def delivery_proof_path(instance, filename) -> str:
    return f"delivery/{instance.application.agency_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class DeliveryProof(models.Model):
    """送达回证, 邮寄凭证 and the like: kept privately with the case for its archive."""

    application = models.ForeignKey(
        Application, verbose_name="申请", on_delete=models.PROTECT, related_name="delivery_proofs"
    )
    file = models.FileField(
        "文件", upload_to=delivery_proof_path, storage=encrypted_private_storage, max_length=200
    )
    content_type = models.CharField("文件类型", max_length=40)
    size = models.PositiveIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)
    description = models.CharField("说明", max_length=200, blank=True)
    uploaded_by = _user_fk("上传人")
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "送达凭证"
        verbose_name_plural = "送达凭证"
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return f"{self.application.reference} 送达凭证 {self.pk}"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
