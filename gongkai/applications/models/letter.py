"""Letters of a case (notices and decisions), their per-agency settings and numbering.

A letter is drafted from its template, may be edited while a draft, is signed by the head of the handling
department (科室负责人签字) and issued by a leader (领导签发). Issuing gives it its 文号 and stores the DOCX
and PDF with their SHA-256; from then on the row refuses every change (LetterLocked), here and in the
services — Art. 45 asks for the file as it was sent.
"""

from django.db import models

from gongkai.agencies.models import Agency

from ..fields import EncryptedTextField
from ..file_storage import encrypted_private_storage
from .case import Application, user_reference
from .files import case_file_name


class LetterLocked(Exception):
    """An issued letter cannot change; the message says so in Chinese."""


class LetterError(Exception):
    """A step with a letter that is refused: the message says why, in Chinese."""


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
    RETURNED = "returned", "已退回修改"
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
    receipt_issued_by_registrar = models.BooleanField(
        "受理回执由登记人直接出具",
        default=True,
        help_text="勾选后，受理回执不经科室负责人签字和领导签发，由登记人核对后直接出具；不勾选则与其他文书相同。",
    )

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

    drafted_by = user_reference("拟稿人")
    drafted_at = models.DateTimeField("拟稿时间", auto_now_add=True)
    head_signed_by = user_reference("科室负责人")
    head_signed_at = models.DateTimeField("科室负责人签字时间", null=True, blank=True)
    leader_signed_by = user_reference("签发人")
    leader_signed_at = models.DateTimeField("签发时间", null=True, blank=True)

    docx = models.BinaryField("DOCX", null=True, blank=True, editable=False)
    docx_sha256 = models.CharField("DOCX SHA-256", max_length=64, blank=True, editable=False)
    pdf = models.BinaryField("PDF", null=True, blank=True, editable=False)
    pdf_sha256 = models.CharField("PDF SHA-256", max_length=64, blank=True, editable=False)
    # The certificate that signed the stored PDF (PAdES), as its subject and SHA-256 fingerprint.
    pdf_signer = models.CharField("PDF 签名证书", max_length=300, blank=True, editable=False)
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


class LetterReview(models.Model):
    """One step of a letter's sign-off as it happened: signed, issued or 退回 with the signer's 意见. The
    history of the letter; a returned letter goes back to its drafter."""

    class Step(models.TextChoices):
        HEAD = "head", "科室负责人"
        LEADER = "leader", "领导"

    class Action(models.TextChoices):
        SIGNED = "signed", "签字"
        ISSUED = "issued", "签发"
        RETURNED = "returned", "退回修改"

    letter = models.ForeignKey(Letter, verbose_name="文书", on_delete=models.CASCADE, related_name="reviews")
    step = models.CharField("环节", max_length=10, choices=Step.choices)
    action = models.CharField("处理", max_length=10, choices=Action.choices)
    comment = models.TextField("意见", blank=True)
    actor = user_reference("处理人")
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "文书审签记录"
        verbose_name_plural = "文书审签记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.letter} {self.get_step_display()}{self.get_action_display()}"


def letter_attachment_path(instance, filename) -> str:
    return case_file_name("letters", instance.letter.application.agency_id, filename)


class LetterAttachment(models.Model):
    """A file sent with a letter (the disclosed material); listed in the letter's 附件 line by its title."""

    letter = models.ForeignKey(
        Letter, verbose_name="文书", on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField("附件名称", max_length=100)
    file = models.FileField(
        "文件", upload_to=letter_attachment_path, storage=encrypted_private_storage, max_length=200
    )
    content_type = models.CharField("文件类型", max_length=80)
    extension = models.CharField("扩展名", max_length=10)
    size = models.PositiveIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)
    added_by = user_reference("添加人")
    added_at = models.DateTimeField("添加时间", auto_now_add=True)

    class Meta:
        verbose_name = "文书附件"
        verbose_name_plural = "文书附件"
        ordering = ["added_at", "id"]

    def __str__(self) -> str:
        return f"{self.letter} 附件 {self.pk}"


class SigningCertificate(models.Model):
    """An agency's certificate for signing its issued letters (PAdES). The private key is kept encrypted
    with the field key, like the applicants' data; only the certificate itself is stored in clear."""

    agency = models.OneToOneField(
        Agency, verbose_name="机关", on_delete=models.CASCADE, related_name="signing_certificate"
    )
    certificate_pem = models.TextField("证书（PEM）")
    chain_pem = models.TextField("证书链（PEM）", blank=True)
    key_encrypted = models.TextField("私钥（加密）", editable=False)
    subject = models.CharField("证书主体", max_length=300)
    fingerprint = models.CharField("证书 SHA-256 指纹", max_length=64)
    not_after = models.DateTimeField("有效期至")
    self_signed = models.BooleanField("自签名证书", default=False)
    installed_by = user_reference("设置人")
    installed_at = models.DateTimeField("设置时间", auto_now=True)

    class Meta:
        verbose_name = "文书签名证书"
        verbose_name_plural = "文书签名证书"

    def __str__(self) -> str:
        return f"{self.agency} 签名证书"


class LetterDelivery(models.Model):
    """An issued letter sent to the applicant by e-mail: the 电子送达 record, with the message id the mail
    server accepted and the time it did (the 送达 date of an electronic delivery)."""

    class Status(models.TextChoices):
        QUEUED = "queued", "待发送"
        SENT = "sent", "已发送"
        FAILED = "failed", "发送失败"

    letter = models.ForeignKey(
        Letter, verbose_name="文书", on_delete=models.PROTECT, related_name="deliveries"
    )
    address = EncryptedTextField("电子邮箱")
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    message_id = models.CharField("邮件标识（Message-ID）", max_length=300, blank=True)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)
    error = models.TextField("最近一次错误", blank=True)
    created_by = user_reference("发起人")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "电子送达记录"
        verbose_name_plural = "电子送达记录"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.letter} 电子送达 {self.get_status_display()}"
