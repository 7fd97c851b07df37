"""The work ledger (工作台账): disclosure work that leaves no other record, entered with a date and a source.

§一 of the annual report states these figures: outreach and publicity by channel, training sessions and
their participants, meetings of the 政务公开领导小组, and 政策解读 given outside the catalogue.

What other records already hold is not entered again here: an item that also went out through a WeChat
account, a newspaper or another site is a `disclosure.Distribution` of that item, and a 政策解读 published
in the catalogue is an Item of kind 政策解读. The ledger holds the rest — publicity events, electronic
screens, campaigns not tied to one item, trainings, meetings, interviews and briefings.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from gongkai.agencies.models import Agency


class EntryKind(models.TextChoices):
    OUTREACH = "outreach", "宣传推广"
    TRAINING = "training", "业务培训"
    MEETING = "meeting", "领导小组会议"
    INTERPRETATION = "interpretation", "政策解读"


class OutreachChannel(models.TextChoices):
    WEBSITE = "website", "政府网站"
    NEW_MEDIA = "new_media", "政务新媒体/公众号"
    NEWS_MEDIA = "news_media", "新闻媒体"
    SCREEN = "screen", "电子屏"
    OFFLINE = "offline", "线下活动"


class LedgerEntry(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="ledger_entries"
    )
    kind = models.CharField("类别", max_length=20, choices=EntryKind.choices)
    date = models.DateField("日期", help_text="活动、培训或会议的日期；一段时间的合计记在其最后一天。")
    channel = models.CharField(
        "宣传渠道", max_length=20, choices=OutreachChannel.choices, blank=True, help_text="仅宣传推广填写。"
    )
    title = models.CharField(
        "名称",
        max_length=200,
        help_text="例如：退役士兵返乡仪式政策宣传、南虹广场电子宣传屏、政务公开业务集中学习",
    )
    times = models.PositiveIntegerField("次数", default=1)
    materials = models.PositiveIntegerField("发放材料（份）", default=0)
    participants = models.PositiveIntegerField("参加人数", default=0)
    source = models.CharField("来源", max_length=300, help_text="例如：活动签到表、播放记录、会议纪要")
    note = models.CharField("备注", max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登记人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "台账条目"
        verbose_name_plural = "工作台账"
        ordering = ["agency", "-date", "-pk"]
        indexes = [models.Index(fields=["agency", "kind", "date"], name="ledger_agency_kind_date")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date.isoformat()} {self.title}"

    def clean(self):
        errors = {}
        if self.kind == EntryKind.OUTREACH and not self.channel:
            errors["channel"] = "宣传推广须选择宣传渠道。"
        if self.kind != EntryKind.OUTREACH and self.channel:
            errors["channel"] = "只有宣传推广填写宣传渠道。"
        if self.times is not None and self.times < 1:
            errors["times"] = "次数至少为 1。"
        if errors:
            raise ValidationError(errors)
