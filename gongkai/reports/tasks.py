"""Background work of the annual report.

- Reminders: `gongkai report remind` queues one task per agency whose report on last year is unpublished and
  due within 14 days (or overdue); the worker mails the people responsible (console backend in the demo).
- 提请审定: the agency's leaders are mailed that a report waits for their 审定 (it is on their 待办 too).
- Publication: rendering the PDF and the Word file takes seconds, so the page shows 发布中 while the worker
  publishes; a failure puts the report back with the reason on its page.
"""

import logging
from datetime import date

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.tasks import task
from django.utils import timezone

from gongkai.agencies.access import roles_for
from gongkai.agencies.models import Agency
from gongkai.reports.deadlines import report_rows
from gongkai.reports.models import AnnualReport, ReportStatus
from gongkai.rules.report_dates import reminder_due

# Those who may edit the report are the ones reminded of it.
RESPONSIBLE = roles_for("report.edit")
APPROVERS = roles_for("report.approve")

logger = logging.getLogger(__name__)


def _emails(agency, roles) -> list[str]:
    return sorted(
        set(
            get_user_model()
            .objects.filter(memberships__agency=agency, memberships__role__in=roles, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


@task
def notify_leaders(report_id: int) -> int:
    """Mail the agency's leaders that the report waits for their 审定; returns the number of recipients."""
    report = AnnualReport.objects.select_related("agency", "submitted_by").get(pk=report_id)
    if report.status != ReportStatus.SUBMITTED:
        return 0
    recipients = _emails(report.agency, APPROVERS)
    if not recipients:
        return 0
    who = (
        (report.submitted_by.get_full_name() or report.submitted_by.get_username())
        if report.submitted_by
        else ""
    )
    body = "\n".join(
        [
            f"{report}已校验通过，{who}提请您审定。",
            "",
            "请登录工作台，在“待办”中打开该报告，下载草稿（PDF 或 Word）阅读后审定，或填写意见退回修改。",
        ]
    )
    send_mail(f"【提请审定】{report}", body, None, recipients)
    return len(recipients)


@task
def publish_in_background(report_id: int, actor_id: int) -> int | None:
    """Publish the approved report; returns the new version's number, or None when it could not be."""
    from gongkai.reports import services

    report = AnnualReport.objects.select_related("agency").get(pk=report_id)
    if report.status != ReportStatus.PUBLISHING:
        return None
    actor = get_user_model().objects.get(pk=actor_id)
    try:
        version = services.publish(report, actor=actor, reason=report.publish_reason)
    except services.ReportError as e:
        services.publication_failed(report, str(e))
        return None
    except Exception:
        logger.exception("年度报告发布失败：%s", report_id)
        services.publication_failed(report, "生成报告文件时出错，请稍后重试；如仍失败请联系系统管理员。")
        raise
    return version.number


def reminder_text(row, day: date) -> str:
    when = f"已超过期限 {-row.days_left} 天" if row.days_left < 0 else f"还有 {row.days_left} 天"
    return "\n".join(
        [
            f"{row.agency.name}{row.year}年政府信息公开工作年度报告提醒（{day.isoformat()}）",
            "",
            f"依照《条例》第四十九条，该报告应于 {row.due.isoformat()} 前公布，{when}。",
            f"当前状态：{row.status_label}。",
            "",
            "请登录工作台“年度报告”完成校验、审定和发布。",
        ]
    )


@task
def send_report_reminder(agency_id: int, as_of: str | None = None) -> int:
    """Mail the agency's registrars and administrators; returns the number of recipients."""
    agency = Agency.objects.get(pk=agency_id)
    day = date.fromisoformat(as_of) if as_of else timezone.localdate()
    (row,) = report_rows([agency], day)
    if row.published or not reminder_due(row.year, government=agency.is_government, today=day):
        return 0
    recipients = _emails(agency, RESPONSIBLE)
    if not recipients:
        return 0
    subject = f"【年度报告提醒】{agency.name}{row.year}年报告应于{row.due.isoformat()}前公布"
    send_mail(subject, reminder_text(row, day), None, recipients)
    return len(recipients)


def enqueue_report_reminders(as_of: date | None = None) -> int:
    day = as_of or timezone.localdate()
    count = 0
    for row in report_rows(Agency.objects.all(), day):
        if not row.published and reminder_due(row.year, government=row.agency.is_government, today=day):
            send_report_reminder.enqueue(row.agency.pk, day.isoformat())
            count += 1
    return count
