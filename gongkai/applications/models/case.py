"""依申请公开 cases. The events are the truth: status and due dates are computed from them by the pure
clock (gongkai.rules.clock) in gongkai.applications.clock, never stored.

Personal data stays on the Application row: the identity number only encrypted (with a keyed fingerprint
for matching and a mask for display); identity documents in private storage (models.files).
"""

from django.conf import settings
from django.db import models

from gongkai.agencies.models import Agency, Department
from gongkai.rules.channels import CHANNEL_CHOICES
from gongkai.rules.clock import EventType
from gongkai.rules.outcomes import APPLICANT_TYPE_CHOICES, ApplicantType

from ..fields import EncryptedTextField


def user_reference(verbose_name: str) -> models.ForeignKey:
    """Who did something: kept as empty if the account is deleted, so the record stays."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


# Things done to a case that are no part of the statutory clock: who handles it, and the office's own notes.
# They are events like the others (dated, audited, voidable) but the clock never sees them, and nothing the
# applicant receives (tracking page, letters, their personal-data export) shows them.
INTERNAL_KINDS = {"assigned": "分办", "note": "内部备注"}
EventKind = models.TextChoices(
    "EventKind",
    [(t.name, (t.value, t.label)) for t in EventType]
    + [(key.upper(), (key, label)) for key, label in INTERNAL_KINDS.items()],
)


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", "居民身份证"
    PASSPORT = "passport", "护照"
    HK_MACAO_PERMIT = "hk_macao_permit", "港澳居民来往内地通行证"
    TAIWAN_PERMIT = "taiwan_permit", "台湾居民来往大陆通行证"
    FOREIGN_RESIDENCE = "foreign_residence", "外国人永久居留身份证"
    OTHER = "other", "其他有效身份证件"


class Carrier(models.TextChoices):
    """所需信息的指定提供方式 (docs/law.md §7)."""

    PAPER = "paper", "纸质"
    EMAIL = "email", "电子邮件"
    CD = "cd", "光盘"
    DISK = "disk", "磁盘"


class Route(models.TextChoices):
    """获取信息的方式 (docs/law.md §7)."""

    POST = "post", "邮寄"
    EXPRESS = "express", "快递"
    EMAIL = "email", "电子邮件"
    FAX = "fax", "传真"
    PICKUP = "pickup", "自行领取"
    INSPECT = "inspect", "当场查阅抄录"


class ApplicationCounter(models.Model):
    """The last 受理编号 sequence of an agency in a year; allocation locks this row."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "受理编号计数"
        verbose_name_plural = "受理编号计数"
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="application_counter_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last}"


class Application(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="受理机关", on_delete=models.PROTECT, related_name="applications"
    )
    reference = models.CharField("受理编号", max_length=60, unique=True)
    year = models.PositiveIntegerField("年度")
    sequence = models.PositiveIntegerField("序号")
    channel = models.CharField("申请渠道", max_length=20, choices=CHANNEL_CHOICES)
    arrived_at = models.DateTimeField("到达时间")
    confirmed_on = models.DateField("签收/确认日期", null=True, blank=True)
    # The Art. 31 date, fixed at intake; it is also the date of the `received` event that starts the clock.
    received_on = models.DateField("收到申请之日")
    receipt_warnings = models.JSONField("收件提示", default=list, blank=True)

    applicant_type = models.CharField("申请人类型", max_length=20, choices=APPLICANT_TYPE_CHOICES)
    # Name and contact data are encrypted at rest (fields.EncryptedTextField); forms limit their length.
    applicant_name = EncryptedTextField("申请人姓名/名称")
    id_type = models.CharField("证件类型", max_length=30, choices=IdType.choices, blank=True)
    id_number_encrypted = models.TextField("证件号码（加密）", blank=True, editable=False)
    id_number_fingerprint = models.CharField(
        "证件号码指纹", max_length=64, blank=True, db_index=True, editable=False
    )
    id_number_masked = models.CharField("证件号码（脱敏）", max_length=40, blank=True, editable=False)
    uscc = models.CharField("统一社会信用代码", max_length=18, blank=True)
    legal_representative = EncryptedTextField("法定代表人", blank=True)
    contact_person = EncryptedTextField("联系人", blank=True)
    phone = EncryptedTextField("联系电话", blank=True)
    email = EncryptedTextField("电子邮箱", blank=True)
    address = EncryptedTextField("通信地址", blank=True)
    postcode = models.CharField("邮政编码", max_length=6, blank=True)

    request_description = models.TextField("所需信息内容描述")
    request_document_number = models.CharField("所需信息文号", max_length=100, blank=True)
    carriers = models.JSONField("指定提供方式", default=list)
    routes = models.JSONField("获取信息方式", default=list)
    note = models.TextField("备注", blank=True)

    # Matching keys for the Art. 36(6) and Art. 44 proposals (see services.matching_keys).
    applicant_key = models.CharField(max_length=80, db_index=True, editable=False)
    information_digest = models.CharField(max_length=64, db_index=True, editable=False)

    query_code_hash = models.CharField("查询码（散列）", max_length=128, blank=True, editable=False)
    submitted_online = models.BooleanField("网上提交", default=False)
    # Set when the applicant's personal data was erased after the agency's retention period (PIPL); the
    # case itself, its events and outcome stay, so the annual reports of past years do not change.
    personal_data_erased_at = models.DateTimeField("个人信息删除时间", null=True, blank=True, editable=False)
    department = models.ForeignKey(
        Department,
        verbose_name="承办科室",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Who handles the case now: kept in step with its live `assigned` events (services.assign), for lists.
    handler = user_reference("承办人")
    created_by = user_reference("登记人")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ["-received_on", "-sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "sequence"], name="application_sequence_unique"
            ),
        ]

    def __str__(self) -> str:
        # Never the applicant's name: this string goes into the audit trail and lists.
        return self.reference

    @property
    def is_organisation(self) -> bool:
        return ApplicantType(self.applicant_type).is_organisation

    def get_carriers_display(self) -> str:
        return "、".join(Carrier(c).label for c in self.carriers if c in Carrier.values)

    def get_routes_display(self) -> str:
        return "、".join(Route(r).label for r in self.routes if r in Route.values)


class LiveEvents(models.Manager):
    """The events that stand: a voided event stays in the table (and on the case page, struck through) but
    counts nowhere. As the default manager it is what `application.events` and its prefetch return."""

    def get_queryset(self):
        return super().get_queryset().filter(voided_at__isnull=True)


class ApplicationEvent(models.Model):
    """One thing that happened to a case, in the clock's vocabulary, or an internal step (INTERNAL_KINDS).
    `data` holds the type's fields (correction_deadline, workdays, party, deadline, method) and, for
    `decided`, the outcome key.

    A wrong event is never edited: it is voided with a reason (voided_at, voided_by, void_reason) and, if
    something else happened instead, re-entered as a new event that `replaces` it."""

    application = models.ForeignKey(
        Application, verbose_name="申请", on_delete=models.CASCADE, related_name="events"
    )
    type = models.CharField("事件", max_length=30, choices=EventKind.choices)
    date = models.DateField("日期")
    data = models.JSONField("内容", default=dict, blank=True)
    note = models.TextField("说明", blank=True)
    actor = user_reference("记录人")
    created_at = models.DateTimeField("记录时间", auto_now_add=True)
    voided_at = models.DateTimeField("作废时间", null=True, blank=True)
    voided_by = user_reference("作废人")
    void_reason = models.TextField("作废理由", blank=True)
    replaces = models.ForeignKey(
        "self",
        verbose_name="更正的事件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
    )

    with_voided = models.Manager()  # every record, voided ones too: the case page, the case file
    objects = LiveEvents()  # the default (Meta.default_manager_name)

    class Meta:
        verbose_name = "办理事件"
        verbose_name_plural = "办理事件"
        ordering = ["date", "id"]
        default_manager_name = "objects"
        constraints = [
            # One outcome per application, whatever the forms let through (rule: exactly one per decided case).
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(type="decided", voided_at__isnull=True),
                name="application_one_live_decision",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application.reference} {self.get_type_display()} {self.date.isoformat()}"

    @property
    def internal(self) -> bool:
        return self.type in INTERNAL_KINDS

    @property
    def voided(self) -> bool:
        return self.voided_at is not None
