"""主动公开: the catalogue, the items published in it, the 公文 register and where items went out.

An item's 索引号 is allocated once, at publication, from a per-agency-per-year counter, and never
changes or returns: a withdrawn item keeps it (目录系统实施指引: the identifier is permanent).
"""

from django.conf import settings
from django.db import models

from gongkai.agencies.models import Agency, Department
from gongkai.formats import section2_row_label


class UpdateFrequency(models.TextChoices):
    WITHIN_20_WORKDAYS = "within_20_workdays", "信息形成或变更之日起20个工作日内"
    MONTHLY = "monthly", "每月"
    QUARTERLY = "quarterly", "每季度"
    YEARLY = "yearly", "每年"
    LONG_TERM = "long_term", "长期"


class ItemKind(models.TextChoices):
    GENERAL = "general", "一般信息"
    # Counted in the §二 rows of 第二十条第（一）项, whose labels name them.
    REGULATION = "regulation", section2_row_label("regulations")
    NORMATIVE = "normative", section2_row_label("normative_documents")
    INTERPRETATION = "interpretation", "政策解读"


class Validity(models.TextChoices):
    VALID = "valid", "有效"
    EXPIRED = "expired", "失效"
    REPEALED = "repealed", "废止"


class DisclosureAttribute(models.TextChoices):
    PROACTIVE = "proactive", "主动公开"
    ON_REQUEST = "on_request", "依申请公开"
    WITHHELD = "withheld", "不予公开"


class WithheldBasis(models.TextChoices):
    """Grounds of 条例 Art. 14–16 for not disclosing; 不予公开 must name one."""

    STATE_SECRET = "state_secret", "属于国家秘密（第十四条）"
    LAW_FORBIDDEN = "law_forbidden", "法律、行政法规禁止公开（第十四条）"
    SECURITY_STABILITY = "security_stability", "危及国家安全、公共安全、经济安全、社会稳定（第十四条）"
    THIRD_PARTY = "third_party", "涉及商业秘密、个人隐私等第三方合法权益（第十五条）"
    INTERNAL_AFFAIRS = "internal_affairs", "内部事务信息（第十六条第一款）"
    PROCESS_INFO = "process_info", "过程性信息（第十六条第二款）"
    ENFORCEMENT_FILE = "enforcement_file", "行政执法案卷信息（第十六条第二款）"


class ItemStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    DEPARTMENT_REVIEW = "department_review", "待科室审核"
    SECRECY_REVIEW = "secrecy_review", "待保密审查"
    LEADER_REVIEW = "leader_review", "待领导签发"
    # Signed off, but 依申请公开 or 不予公开: kept on file with its attribute, never on the portal.
    FILED = "filed", "已签发（不主动公开）"
    # Signed off with a 发布时间 still to come: published by the worker at that time, unseen until then.
    SCHEDULED = "scheduled", "已签发待发布"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤回"


class Channel(models.TextChoices):
    WEBSITE = "website", "政府网站"
    NEW_MEDIA = "new_media", "政务新媒体/公众号"
    NEWSPAPER = "newspaper", "报刊"
    SCREEN = "screen", "电子屏"
    OTHER_SITE = "other_site", "其他网站"
    OTHER = "other", "其他"


class DisclosureSettings(models.Model):
    """Per-agency settings of proactive disclosure."""

    agency = models.OneToOneField(
        Agency, verbose_name="机关", on_delete=models.CASCADE, related_name="disclosure_settings"
    )
    # {org}: the 9-character organisation code cut from the USCC; {uscc}: the whole USCC.
    index_pattern = models.CharField(
        "索引号格式",
        max_length=60,
        default="{org}/{year}-{seq:05d}",
        help_text="可用 {org}（组织机构代码，9位）、{uscc}（统一社会信用代码）、{year}、{seq:05d}。",
    )

    class Meta:
        verbose_name = "主动公开设置"
        verbose_name_plural = "主动公开设置"

    def __str__(self) -> str:
        return f"{self.agency} 主动公开设置"


class CatalogueCategory(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.CASCADE, related_name="categories"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="上级类目",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    code = models.SlugField("类目代码", max_length=40)
    name = models.CharField("类目名称", max_length=100)
    art_items = models.CharField(
        "对应条例条款", max_length=200, blank=True, help_text="例如：第二十条第（二）项"
    )
    update_frequency = models.CharField(
        "更新频率", max_length=24, choices=UpdateFrequency.choices, default=UpdateFrequency.WITHIN_20_WORKDAYS
    )
    department = models.ForeignKey(
        Department,
        verbose_name="责任科室",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    position = models.PositiveIntegerField("排序", default=0)

    class Meta:
        verbose_name = "目录类目"
        verbose_name_plural = "主动公开基本目录"
        ordering = ["agency", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="category_code_unique_in_agency")
        ]

    def __str__(self) -> str:
        return self.name


class IndexCounter(models.Model):
    """The last 索引号 sequence used by an agency in a year; locked while a number is taken."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="index_counter_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last}"


class Item(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="items")
    category = models.ForeignKey(
        CatalogueCategory,
        verbose_name="目录类目",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="items",
    )
    index_number = models.CharField(
        "索引号", max_length=60, unique=True, null=True, blank=True, editable=False
    )
    index_year = models.PositiveIntegerField(null=True, blank=True, editable=False)
    index_seq = models.PositiveIntegerField(null=True, blank=True, editable=False)
    title = models.CharField("标题", max_length=300)
    document_number = models.CharField("文号", max_length=100, blank=True)
    formed_on = models.DateField("成文日期", help_text="信息形成或者变更之日（《条例》第二十六条）。")
    published_at = models.DateTimeField("发布日期", null=True, blank=True, editable=False)
    publish_at = models.DateTimeField("预定发布时间", null=True, blank=True, editable=False)
    publisher = models.CharField("发布机构", max_length=100, blank=True)
    topic = models.CharField("主题分类", max_length=100, blank=True)
    genre = models.CharField("体裁", max_length=50, blank=True)
    validity = models.CharField("有效性", max_length=10, choices=Validity.choices, default=Validity.VALID)
    valid_from = models.DateField("生效日期", null=True, blank=True)
    invalid_from = models.DateField("失效/废止日期", null=True, blank=True)
    keywords = models.CharField("关键词", max_length=200, blank=True)
    summary = models.TextField("内容概述", blank=True)
    body = models.TextField("正文", blank=True)
    kind = models.CharField("文件类型", max_length=20, choices=ItemKind.choices, default=ItemKind.GENERAL)
    interprets = models.ForeignKey(
        "self",
        verbose_name="解读的政策文件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="interpretations",
    )
    attribute = models.CharField(
        "公开属性", max_length=12, choices=DisclosureAttribute.choices, default=DisclosureAttribute.PROACTIVE
    )
    withheld_basis = models.CharField(
        "不予公开依据", max_length=24, choices=WithheldBasis.choices, blank=True
    )
    status = models.CharField("状态", max_length=20, choices=ItemStatus.choices, default=ItemStatus.DRAFT)
    drafter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="起草人",
        on_delete=models.PROTECT,
        related_name="drafted_items",
    )
    department = models.ForeignKey(
        Department,
        verbose_name="起草科室",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Words segmented for full-text search, kept up to date by the search app.
    search_tokens = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "政府信息"
        verbose_name_plural = "政府信息"
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(fields=["agency", "status", "published_at"], name="item_agency_status_pub"),
            models.Index(fields=["category", "status", "published_at"], name="item_category_status_pub"),
            # The foreign key's own index covers a column that is almost always NULL; its statistics say
            # each value matches every row, so after ANALYZE SQLite's planner scanned a whole category to
            # find an item's interpretations. This one holds only the items that interpret something.
            models.Index(
                fields=["interprets"],
                condition=models.Q(interprets__isnull=False),
                name="item_interprets_set",
            ),
            # The portal's catalogue counts and lists the public items of each category from this index
            # alone; the category index above must read each row, body and all, to check its attribute
            # (a catalogue of 4,000 items took 13 ms to count). The condition's columns are also index
            # columns so that SQLite sees the index covers the query.
            models.Index(
                fields=["category", "status", "attribute", "published_at"],
                condition=models.Q(status="published", attribute="proactive"),
                name="item_public_by_category",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status == ItemStatus.PUBLISHED and self.attribute == DisclosureAttribute.PROACTIVE


class ItemEvent(models.Model):
    """One step in an item's history: who moved it from which status to which, when, and why."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="events")
    action = models.CharField("操作", max_length=30)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="操作人", on_delete=models.PROTECT)
    at = models.DateTimeField("时间", auto_now_add=True)
    from_status = models.CharField(max_length=20, choices=ItemStatus.choices)
    to_status = models.CharField(max_length=20, choices=ItemStatus.choices)
    reason = models.TextField("理由", blank=True)
    # 保密审查: the answers to gongkai.rules.secrecy.QUESTIONS by code ({"state_secret": false, ...}).
    checklist = models.JSONField("审查清单", default=dict, blank=True)

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class OfficialDocument(models.Model):
    """发文登记: every 公文 the agency issues, with its 公开属性 decided at the source."""

    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="documents"
    )
    document_number = models.CharField("文号", max_length=100)
    title = models.CharField("标题", max_length=300)
    issued_on = models.DateField("成文日期")
    department = models.ForeignKey(
        Department,
        verbose_name="发文科室",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attribute = models.CharField("公开属性", max_length=12, choices=DisclosureAttribute.choices)
    attribute_reason = models.TextField("公开属性理由", blank=True)
    item = models.ForeignKey(
        Item,
        verbose_name="对应的主动公开信息",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "公文"
        verbose_name_plural = "发文登记"
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "document_number"], name="document_number_unique_in_agency"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document_number} {self.title}"


class Distribution(models.Model):
    """Where else a published item went out (§一 of the report counts these)."""

    item = models.ForeignKey(
        Item, verbose_name="政府信息", on_delete=models.CASCADE, related_name="distributions"
    )
    channel = models.CharField("渠道", max_length=20, choices=Channel.choices)
    outlet = models.CharField("平台/媒体", max_length=100, blank=True, help_text="例如：浙江新闻、乐清日报")
    count = models.PositiveIntegerField("次数", default=1)
    date = models.DateField("日期")
    note = models.CharField("备注", max_length=200, blank=True)

    class Meta:
        verbose_name = "发布渠道记录"
        verbose_name_plural = "发布渠道记录"
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.outlet} ×{self.count}"


def attachment_path(instance, filename: str) -> str:
    # The stored name is not the uploaded one: it must never carry a path or script name from outside.
    return f"items/{instance.item.agency_id}/{instance.item_id}/{instance.sha256[:16]}"


class Attachment(models.Model):
    item = models.ForeignKey(
        Item, verbose_name="政府信息", on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField("文件", upload_to=attachment_path)
    original_name = models.CharField("文件名", max_length=200)
    content_type = models.CharField("文件类型", max_length=100)
    size = models.PositiveIntegerField("大小（字节）")
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name
