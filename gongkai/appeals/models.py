"""行政复议 and 行政诉讼 cases about the agency's information disclosure (§四 of the annual report).

A case is counted in every year from its filing until the year it closes: open at 31 December it is
尚未审结, closed in a year it counts under its result in that year (gongkai.reports.applications_cells).
The kinds and results are the §四 block and column keys of both report formats.
"""

from django.conf import settings
from django.db import models

from gongkai.agencies.models import Agency
from gongkai.formats import newest_format

# An appeal counts in the §四 block of its kind and the column of its result, and is named by their labels.
SECTION4 = newest_format().section4


class AppealKind(models.TextChoices):
    REVIEW = "review", SECTION4.block("review").label
    LITIGATION_DIRECT = "litigation_direct", SECTION4.block("litigation_direct").label
    LITIGATION_AFTER_REVIEW = "litigation_after_review", SECTION4.block("litigation_after_review").label


class AppealResult(models.TextChoices):
    UPHELD = "upheld", SECTION4.column("upheld").label
    CORRECTED = "corrected", SECTION4.column("corrected").label
    OTHER = "other", SECTION4.column("other").label
    PENDING = "pending", SECTION4.column("pending").label


# The results a closed case may have.
CLOSED_RESULTS = (AppealResult.UPHELD, AppealResult.CORRECTED, AppealResult.OTHER)


class Appeal(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="被申请人/被告机关", on_delete=models.PROTECT, related_name="appeals"
    )
    # Most cases contest an answer to an application; a few contest 主动公开 work, so the link may be empty.
    application = models.ForeignKey(
        "applications.Application",
        verbose_name="所涉申请",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    kind = models.CharField("类型", max_length=30, choices=AppealKind.choices)
    # A lawsuit after review names the review it follows, when that review is on record.
    review = models.ForeignKey(
        "self",
        verbose_name="前置行政复议",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lawsuits",
        limit_choices_to={"kind": AppealKind.REVIEW},
    )
    body = models.CharField("复议机关/审理法院", max_length=200)
    case_number = models.CharField("案号", max_length=100, blank=True)
    filed_on = models.DateField("立案/受理日期")
    closed_on = models.DateField("审结日期", null=True, blank=True)
    result = models.CharField(
        "结果", max_length=20, choices=AppealResult.choices, default=AppealResult.PENDING
    )
    summary = models.TextField("案情摘要", blank=True)
    closing_note = models.TextField("审结说明", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登记人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "行政复议或行政诉讼案件"
        verbose_name_plural = "行政复议和行政诉讼案件"
        ordering = ["-filed_on", "-id"]
        constraints = [
            # Open means pending and no closing date; closed means a closing date and a real result.
            models.CheckConstraint(
                condition=(models.Q(closed_on__isnull=True, result="pending"))
                | (models.Q(closed_on__isnull=False) & ~models.Q(result="pending")),
                name="appeal_closed_has_result",
            ),
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True) | models.Q(closed_on__gte=models.F("filed_on")),
                name="appeal_closed_after_filed",
            ),
        ]

    def __str__(self) -> str:
        number = self.case_number or f"#{self.pk}"
        return f"{self.get_kind_display()} {number}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None
