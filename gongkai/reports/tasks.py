"""Background work: reminding an agency's registrars and administrators that its annual report is due.

`gongkai report remind` queues one task per agency whose report on last year is unpublished and due within
14 days (or overdue); the worker mails the people responsible (console backend in the demo).
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.tasks import task
from django.utils import timezone

from gongkai.agencies.access import roles_for
from gongkai.agencies.models import Agency
from gongkai.reports.deadlines import report_rows
from gongkai.rules.report_dates import reminder_due

# Those who may edit the report are the ones reminded of it.
RESPONSIBLE = roles_for("report.edit")


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
    recipients = sorted(
        set(
            get_user_model()
            .objects.filter(memberships__agency=agency, memberships__role__in=RESPONSIBLE, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
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
