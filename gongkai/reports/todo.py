"""The 年度报告 entries of the 工作台 待办 (gongkai.todo):
- last year's report of an agency where this person writes reports, when it is overdue or due within a
  fortnight and not yet published;
- a report submitted for 审定 (提请审定), for the leaders who approve it;
- a report the leader returned (退回) with an opinion, for those who write it."""

from django.urls import reverse

from gongkai.agencies.access import agencies_where
from gongkai.todo import Todo, Urgency

from .deadlines import report_rows
from .models import AnnualReport, ReportStatus

AREA = "年度报告"
REMIND_DAYS = 14


def todo_for(user, today) -> list[Todo]:
    entries = review_todo_for(user, today)
    for row in report_rows(agencies_where(user, "report.edit"), today):
        if row.published or row.days_left > REMIND_DAYS:
            continue
        urgency = Urgency.OVERDUE if row.overdue else Urgency.SOON
        when = "已超期" if row.overdue else f"{row.due:%m月%d日}前公布".lstrip("0")
        entries.append(
            Todo(
                AREA,
                f"{row.agency.name}{row.year}年年度报告：{row.status_label}",
                1,
                reverse("reports:detail", args=[row.agency.code, row.year]),
                urgency,
                when,
                counted=False,
            )
        )
    return entries


def _detail(report) -> str:
    return reverse("reports:detail", args=[report.agency.code, report.year])


def review_todo_for(user, today) -> list[Todo]:
    entries = []
    waiting = AnnualReport.objects.filter(
        agency__in=agencies_where(user, "report.approve"), status=ReportStatus.SUBMITTED
    ).select_related("agency")
    for report in waiting.order_by("submitted_at"):
        when = f"{report.submitted_at:%m月%d日}提请".lstrip("0") if report.submitted_at else ""
        entries.append(
            Todo(
                AREA,
                f"待我审定：{report.agency.name}{report.year}年年度报告",
                1,
                _detail(report),
                Urgency.SOON,
                when,
                counted=False,
            )
        )
    returned = AnnualReport.objects.filter(
        agency__in=agencies_where(user, "report.edit"), status=ReportStatus.DRAFT
    ).exclude(return_opinion="")
    for report in returned.select_related("agency").order_by("returned_at"):
        entries.append(
            Todo(
                AREA,
                f"领导退回：{report.agency.name}{report.year}年年度报告",
                1,
                _detail(report),
                Urgency.SOON,
                "请按审定意见修改",
                counted=False,
            )
        )
    return entries
