"""Art. 20 figures that live in other systems, recorded here with their date and source.

- `Matter`: one line of an agency's 事项清单 (行政许可, 其他对外管理服务事项, 行政处罚, 行政强制,
  行政事业性收费), in force from `effective_from` until the day before `effective_until`. The report's
  上一年项目数量 and 本年增/减 are counted from these, never typed.
- `StatisticEntry`: a dated, sourced figure — decisions taken, fees collected, procurement — counted in
  the year its period ends. A period never spans two years, so each entry belongs to exactly one report.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from gongkai.agencies.models import Agency
from gongkai.formats import section2_row_label


class MatterKind(models.TextChoices):
    # Each list is counted in the §二 row of the same key, whose label names it.
    LICENSING = "licensing", section2_row_label("licensing")
    OTHER_SERVICES = "other_services", section2_row_label("other_services")
    PENALTY = "penalty", section2_row_label("penalty")
    COERCION = "coercion", section2_row_label("coercion")
    FEES = "fees", section2_row_label("fees")


class StatisticKind(models.TextChoices):
    LICENSING_DECISIONS = "licensing_decisions", "行政许可处理决定数量"
    OTHER_SERVICES_DECISIONS = "other_services_decisions", "其他对外管理服务事项处理决定数量"
    PENALTY_DECISIONS = "penalty_decisions", "行政处罚决定数量"
    COERCION_DECISIONS = "coercion_decisions", "行政强制决定数量"
    FEES_AMOUNT = "fees_amount", "行政事业性收费金额（元）"
    PROCUREMENT_PROJECTS = "procurement_projects", "政府集中采购项目数量"
    PROCUREMENT_AMOUNT = "procurement_amount", "政府集中采购金额（元）"


# Kinds whose value is money in yuan (two decimals); every other kind is a whole count.
MONEY_KINDS = frozenset({StatisticKind.FEES_AMOUNT, StatisticKind.PROCUREMENT_AMOUNT})


class Matter(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="matters")
    kind = models.CharField("事项类别", max_length=20, choices=MatterKind.choices)
    name = models.CharField("事项名称", max_length=200)
    effective_from = models.DateField("列入清单日期")
    effective_until = models.DateField(
        "移出清单日期", null=True, blank=True, help_text="当日起不再有效；仍有效的留空。"
    )
    source = models.CharField("来源", max_length=300, help_text="例如：权力事项清单的文件名或系统名")
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
        verbose_name = "清单事项"
        verbose_name_plural = "事项清单"
        ordering = ["agency", "kind", "effective_from", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "name", "effective_from"],
                name="matter_unique_in_agency",
                violation_error_message="该事项已在清单中登记（同一类别、名称和列入日期）。",
            )
        ]
        indexes = [models.Index(fields=["agency", "kind", "effective_from"], name="matter_agency_kind_from")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.name}"

    def clean(self):
        if self.effective_until and self.effective_from and self.effective_until <= self.effective_from:
            raise ValidationError({"effective_until": "移出清单日期须晚于列入清单日期。"})


class StatisticEntry(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="statistic_entries"
    )
    kind = models.CharField("统计项", max_length=30, choices=StatisticKind.choices)
    period_start = models.DateField("统计起始日期")
    period_end = models.DateField("统计截止日期")
    value = models.DecimalField("数值", max_digits=18, decimal_places=2)
    source = models.CharField("来源", max_length=300, help_text="例如：浙江政务服务网办件统计")
    note = models.CharField("备注", max_length=200, blank=True)
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
        verbose_name = "统计数据"
        verbose_name_plural = "统计数据"
        ordering = ["agency", "kind", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "period_start", "period_end", "source"],
                name="statistic_entry_unique_in_agency",
                violation_error_message="已登记过相同的统计数据（同一统计项、期间和来源）。",
            )
        ]
        indexes = [models.Index(fields=["agency", "kind", "period_end"], name="entry_agency_kind_end")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_start}–{self.period_end}：{self.value}"

    def clean(self):
        errors = {}
        if self.period_start and self.period_end:
            if self.period_end < self.period_start:
                errors["period_end"] = "统计截止日期不能早于起始日期。"
            elif self.period_end.year != self.period_start.year:
                errors["period_end"] = "统计期间不能跨年度，请按年度分别登记。"
        if self.value is not None:
            if self.value < 0:
                errors["value"] = "数值不能为负数。"
            elif self.kind and self.kind not in MONEY_KINDS and self.value != self.value.to_integral_value():
                errors["value"] = "数量须为整数。"
        if errors:
            raise ValidationError(errors)

    @property
    def year(self) -> int:
        return self.period_end.year

    @property
    def is_money(self) -> bool:
        return self.kind in MONEY_KINDS
