"""Background work: e-mail reminders to an agency's registrars about cases due soon or overdue.

`gongkai applications remind` enqueues send_reminders for every agency with open cases; the worker
(`gongkai worker`) runs them and mails through Django's mail settings (console backend in the demo).
"""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.tasks import task
from django.utils import timezone

from gongkai.agencies.models import Agency, Role

from .models import Application
from .queues import build_queues


def reminder_text(agency, queues) -> str | None:
    """The reminder's body, or None when nothing is due within 3 working days or overdue."""
    if not (queues.overdue or queues.due_soon):
        return None
    lines = [f"{agency.name}依申请公开办理提醒（{queues.as_of.isoformat()}）", ""]
    for title, rows in (("已超期", queues.overdue), ("3 个工作日内到期", queues.due_soon)):
        if rows:
            lines.append(f"{title}：{len(rows)} 件")
            # The 受理编号 and dates only: a reminder e-mail carries no applicant's personal data.
            lines += [f"  {r.application.reference}  答复期限 {r.state.reply_due.isoformat()}" for r in rows]
            lines.append("")
    lines.append("请登录工作台处理。")
    return "\n".join(lines)


@task
def send_reminders(agency_id: int, as_of: str | None = None) -> int:
    """Mail the agency's registrars; returns the number of recipients (0 when nothing is due)."""
    from datetime import date

    agency = Agency.objects.get(pk=agency_id)
    day = date.fromisoformat(as_of) if as_of else timezone.localdate()
    queues = build_queues(Application.objects.filter(agency=agency), day)
    body = reminder_text(agency, queues)
    if body is None:
        return 0
    recipients = sorted(
        set(
            get_user_model()
            .objects.filter(memberships__agency=agency, memberships__role=Role.REGISTRAR, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
    if not recipients:
        return 0
    subject = f"【依申请公开提醒】超期 {len(queues.overdue)} 件，3 个工作日内到期 {len(queues.due_soon)} 件"
    send_mail(subject, body, None, recipients)
    return len(recipients)


def enqueue_reminders(as_of=None) -> int:
    """Queue one reminder task per agency that has cases; returns how many were queued."""
    agency_ids = Application.objects.values_list("agency_id", flat=True).distinct()
    count = 0
    for agency_id in sorted(set(agency_ids)):
        send_reminders.enqueue(agency_id, as_of.isoformat() if as_of else None)
        count += 1
    return count


@task
def erase_expired_personal_data(agency_id: int, today: str | None = None) -> int:
    """Erase the personal data of the agency's cases closed longer ago than its retention period."""
    from datetime import date

    from .personal_data import erase_expired

    agency = Agency.objects.get(pk=agency_id)
    return erase_expired(agency, today=date.fromisoformat(today) if today else timezone.localdate())


def enqueue_erasure(today=None) -> int:
    """Queue one erasure task per agency that has set a retention period; returns how many."""
    agency_ids = Agency.objects.filter(personal_data_retention_years__isnull=False).values_list(
        "pk", flat=True
    )
    for agency_id in agency_ids:
        erase_expired_personal_data.enqueue(agency_id, today.isoformat() if today else None)
    return len(agency_ids)
