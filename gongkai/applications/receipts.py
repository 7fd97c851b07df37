"""What a receipt says (the online confirmation page, its e-mail and the registrar's 受理回执): what was
asked, when the application counts as received (条例 Art. 31) and by when the reply is due (Art. 33).

    receipt_facts(application) -> dict
    provisional_reason(years) -> str        why a due date is 暂定, naming the years
    send_receipt_email (task)               the receipt by e-mail when the applicant gave an address

A due date is 暂定 only when the period runs into a year whose holiday notice is not in the calendar; it
never falls on a rest day the law fixes already (gongkai.rules.workdays.fixed_date_holidays).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string

from gongkai import audit
from gongkai.rules.clock import DEFAULT_SETTINGS, ClockError
from gongkai.rules.workdays import MissingCalendarYear

from .clock import clock_state
from .models import Application


def provisional_reason(years) -> str:
    listed = "、".join(str(y) for y in years)
    return (
        f"{listed} 年的放假安排尚未公布，期限暂按周一至周五并扣除元旦、劳动节、国庆节计算，"
        "放假安排公布后可能调整"
    )


def receipt_facts(application) -> dict:
    try:
        state = clock_state(application, as_of=application.received_on)
    except (ClockError, MissingCalendarYear):
        state = None
    provisional = bool(state and state.provisional)
    return {
        "reference": application.reference,
        "agency": application.agency,
        "request": application.request_description,
        "document_number": application.request_document_number,
        "carriers": application.get_carriers_display(),
        "routes": application.get_routes_display(),
        "channel": application.get_channel_display(),
        "arrived_at": application.arrived_at,
        "received_on": application.received_on,
        "receipt_warnings": list(application.receipt_warnings),
        "reply_workdays": DEFAULT_SETTINGS.reply_workdays,
        "reply_due": state.reply_due if state else None,
        "provisional": provisional,
        "provisional_reason": provisional_reason(state.provisional_years) if provisional else "",
        "email": bool(application.email),
    }


@task
def send_receipt_email(application_id: int) -> bool:
    """Mail the receipt to the address the applicant gave; the query code is never mailed."""
    application = Application.objects.select_related("agency").get(pk=application_id)
    if not application.email or application.personal_data_erased_at:
        return False
    facts = receipt_facts(application)
    body = render_to_string("applications/public/receipt_email.txt", {"receipt": facts})
    message = EmailMessage(
        subject=f"【{application.agency.name}】政府信息公开申请受理回执（{application.reference}）",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[application.email],
    )
    message.send()
    audit.record(
        "application.receipt.emailed",
        actor=None,
        agency=application.agency_id,
        target=application,
        details={"reference": application.reference},
    )
    return True
