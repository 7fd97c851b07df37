"""The working-day table: one record per year (with the State Council notice it comes from) and one record
per exception to the Monday–Friday week (a weekday rest day, or a weekend make-up workday)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from .validators import document_number_validator


class CalendarYear(models.Model):
    year = models.PositiveSmallIntegerField("年度", unique=True)
    notice_number = models.CharField(
        "通知文号",
        max_length=100,
        validators=[document_number_validator],
        help_text="如：国办发明电〔2025〕7号",
    )
    notice_title = models.CharField("通知标题", max_length=200)
    notice_date = models.DateField("通知日期", null=True, blank=True)
    notice_url = models.URLField("通知网址", blank=True)
    source = models.CharField("数据来源", max_length=100, blank=True, help_text="如：chinesecalendar 1.11.0")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="录入人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField("录入时间", auto_now_add=True)
    amended = models.BooleanField("已调整", default=False, help_text="年中另有通知调整了放假安排")
    amendment_number = models.CharField(
        "调整通知文号", max_length=100, blank=True, validators=[document_number_validator]
    )
    amendment_notes = models.TextField("调整说明", blank=True)

    class Meta:
        verbose_name = "年度放假安排"
        verbose_name_plural = "年度放假安排"
        ordering = ["year"]

    def __str__(self):
        return f"{self.year} 年（{self.notice_number}）"


class CalendarDay(models.Model):
    class Kind(models.TextChoices):
        REST = "rest", "休息日"
        WORKDAY = "workday", "调休上班"

    calendar_year = models.ForeignKey(
        CalendarYear, verbose_name="年度", on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices)
    holiday = models.CharField("节日", max_length=50, blank=True)

    class Meta:
        verbose_name = "放假调休日"
        verbose_name_plural = "放假调休日"
        ordering = ["date"]

    def __str__(self):
        return f"{self.date.isoformat()} {self.get_kind_display()} {self.holiday}".strip()

    def clean(self):
        if self.date is None:
            return
        if self.calendar_year_id and self.date.year != self.calendar_year.year:
            raise ValidationError({"date": f"日期不属于 {self.calendar_year.year} 年"})
        weekend = self.date.weekday() >= 5
        if self.kind == self.Kind.REST and weekend:
            raise ValidationError({"kind": "周末本来就休息，只需录入周一至周五的休息日"})
        if self.kind == self.Kind.WORKDAY and not weekend:
            raise ValidationError({"kind": "调休上班日应为周六或周日"})
