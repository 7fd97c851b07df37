"""电子送达: an issued letter mailed to an applicant who asked for electronic delivery, through Django's
mail and the background worker, with retries and a record (LetterDelivery) of the message id and the time
the mail server accepted it. For the case's answer, that acceptance is the 送达 (条例 Art. 40): the
`delivered` event is recorded with the method 电子送达 and the message id, and the clock stops running.

    wants_email(application) -> bool          电子邮件 chosen on the form, and an address given
    queue_email(letter, *, actor) -> LetterDelivery | None     after the issuing transaction commits
    send_letter_email (task)                  one attempt; failures are retried MAX_ATTEMPTS times
    letter_email(letter, address) -> EmailMessage
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.message import make_msgid
from django.db import transaction
from django.tasks import default_task_backend, task
from django.utils import timezone

from gongkai import audit
from gongkai.rules.clock import ClockError, DeliveryMethod, EventType
from gongkai.rules.outcomes import OUTCOMES

from ..models import Carrier, Letter, LetterDelivery, LetterKind, Route
from ..services import outcome_of, record_event
from .attachments import DOWNLOAD_TYPES
from .templates import TEMPLATES

MAX_ATTEMPTS = 5
RETRY_MINUTES = (1, 5, 30, 120)


def wants_email(application) -> bool:
    chose = Carrier.EMAIL in (application.carriers or []) or Route.EMAIL in (application.routes or [])
    return bool(chose and application.email and not application.personal_data_erased_at)


def queue_email(letter, *, actor) -> LetterDelivery | None:
    """Queue the letter's e-mail: to an applicant who chose electronic delivery; a 受理回执 to anyone who gave
    an address (a receipt is a courtesy, not the answer)."""
    application = letter.application
    receipt = (
        letter.kind == LetterKind.RECEIPT and application.email and not application.personal_data_erased_at
    )
    if not (wants_email(application) or receipt):
        return None
    record = LetterDelivery.objects.create(letter=letter, address=application.email, created_by=actor)
    transaction.on_commit(lambda: send_letter_email.enqueue(record.pk))
    return record


def file_name(letter, suffix: str) -> str:
    return f"{letter.application.reference}-{letter.get_kind_display()}{suffix}"


def letter_email(letter, address: str, message_id: str) -> EmailMessage:
    application = letter.application
    agency = application.agency
    title = TEMPLATES[letter.kind].title
    body = "\n".join(
        [
            f"{application.applicant_name}：",
            "",
            f"　　{agency.name}就您的政府信息公开申请（受理编号：{application.reference}）"
            f"出具{title}（{letter.number}），见本邮件附件 PDF 文件"
            + ("及所附材料" if letter.attachments.exists() else "")
            + "。",
            "　　该 PDF 文件带有本机关的电子签名，可在 PDF 阅读器的“签名”面板中查看签名是否有效、"
            "文件签名后是否被改动。您也可以凭受理编号和查询码在本机关网站的“申请进度查询”页面下载同一文件，"
            f"文件的 SHA-256 校验值为 {letter.pdf_sha256}。",
            "　　本邮件由系统发送，请勿直接回复；如有疑问，请与本机关"
            f"{agency.disclosure_office or '政府信息公开工作机构'}联系"
            + (f"，联系电话：{agency.telephone}" if agency.telephone else "")
            + "。",
            "",
            agency.name,
        ]
    )
    message = EmailMessage(
        subject=f"【{agency.name}】{title}（{letter.number}）",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        headers={"Message-ID": message_id},
    )
    message.attach(file_name(letter, ".pdf"), bytes(letter.pdf), "application/pdf")
    for number, attachment in enumerate(letter.attachments.all(), 1):
        with attachment.file.open("rb") as handle:
            data = handle.read()
        name = f"附件{number}-{attachment.title}{attachment.extension}"
        message.attach(name, data, DOWNLOAD_TYPES.get(attachment.extension, "application/octet-stream"))
    return message


def is_answer(letter) -> bool:
    """The letter that answers the case (the outcome's 答复书 or 告知书): its delivery is the case's 送达."""
    outcome = outcome_of(letter.application)
    return outcome is not None and OUTCOMES[outcome].letter == letter.kind


def _retry(record):
    minutes = RETRY_MINUTES[min(record.attempts, len(RETRY_MINUTES)) - 1]
    if default_task_backend.supports_defer:
        send_letter_email.using(run_after=timezone.now() + timedelta(minutes=minutes)).enqueue(record.pk)
    else:
        send_letter_email.enqueue(record.pk)


@task
def send_letter_email(delivery_id: int) -> str:
    """One attempt to mail an issued letter; returns the delivery's status."""
    record = LetterDelivery.objects.select_related("letter__application__agency").get(pk=delivery_id)
    if record.status != LetterDelivery.Status.QUEUED:
        return record.status
    letter: Letter = record.letter
    message_id = make_msgid(domain=settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "gongkai")
    record.attempts += 1
    try:
        letter_email(letter, record.address, message_id).send()
    except Exception as exc:  # any transport failure: kept, and tried again later
        record.error = f"{type(exc).__name__}: {exc}"[:2000]
        if record.attempts >= MAX_ATTEMPTS:
            record.status = LetterDelivery.Status.FAILED
        record.save()
        audit.record(
            "letter.email.failed",
            actor=None,
            agency=letter.application.agency_id,
            target=letter,
            details={"delivery": record.pk, "attempt": record.attempts, "error": record.error},
        )
        if record.status == LetterDelivery.Status.QUEUED:
            _retry(record)
        return record.status
    record.status = LetterDelivery.Status.SENT
    record.message_id = message_id
    record.sent_at = timezone.now()
    record.error = ""
    record.save()
    audit.record(
        "letter.email.sent",
        actor=None,
        agency=letter.application.agency_id,
        target=letter,
        details={"delivery": record.pk, "message_id": message_id},
    )
    if is_answer(letter):
        _record_delivered(record)
    return record.status


def _record_delivered(record):
    application = record.letter.application
    if application.events.filter(type=EventType.DELIVERED).exists():
        return
    try:
        record_event(
            application,
            EventType.DELIVERED,
            date=timezone.localdate(record.sent_at),
            data={"method": DeliveryMethod.ELECTRONIC.value, "message_id": record.message_id},
            note=f"系统以电子邮件送达{record.letter.get_kind_display()}（{record.letter.number}）。",
            actor=record.created_by,
        )
    except ClockError as exc:
        record.error = f"邮件已发送，但未能记录送达：{exc}"
        record.save(update_fields=["error"])
