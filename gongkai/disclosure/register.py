"""发文登记: the 公文 register, and the Art. 26 countdown of documents to be proactively disclosed."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from gongkai import audit
from gongkai.agencies.access import require
from gongkai.calendar.workdays import count_workdays
from gongkai.disclosure.models import DisclosureAttribute, ItemStatus, OfficialDocument
from gongkai.disclosure.timeliness import publication_due
from gongkai.rules.document_number import validate_document_number
from gongkai.rules.workdays import MissingCalendarYear


class RegisterError(Exception):
    """A register entry that cannot be saved; the message is shown to the person."""


def save_document(document: OfficialDocument, actor) -> OfficialDocument:
    agency = document.agency
    require(actor, "document.register", agency)
    try:
        validate_document_number(document.document_number)
    except ValueError as exc:
        raise RegisterError(f"文号：{exc}") from exc
    if document.attribute != DisclosureAttribute.PROACTIVE and not document.attribute_reason.strip():
        raise RegisterError("依申请公开或不予公开的公文须说明理由。")
    if document.item_id and document.item.agency_id != agency.pk:
        raise RegisterError("对应的信息必须属于同一机关。")
    if document.department_id and document.department.agency_id != agency.pk:
        raise RegisterError("发文科室必须属于同一机关。")
    creating = document.pk is None
    with transaction.atomic():
        document.save()
        audit.record(
            "disclosure.document.create" if creating else "disclosure.document.edit",
            actor=actor,
            agency=agency,
            target=document,
            details={
                "document_number": document.document_number,
                "attribute": document.attribute,
                "item": document.item_id,
            },
        )
    return document


@dataclass
class Pending:
    document: OfficialDocument
    due: date | None
    left: int | None  # working days left after today (0: today is the last day); negative when overdue
    overdue: bool = False
    note: str = ""


def pending_documents(documents, today: date | None = None) -> list[Pending]:
    """Documents marked 主动公开 whose item is not (yet) published, soonest deadline first."""
    today = today or timezone.localdate()
    rows = documents.filter(attribute=DisclosureAttribute.PROACTIVE).exclude(
        item__status__in=[ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN]
    )
    pending = []
    for document in rows.select_related("agency", "item"):
        try:
            due = publication_due(document.issued_on)
        except MissingCalendarYear as exc:
            pending.append(Pending(document, None, None, note=str(exc)))
            continue
        if due >= today:
            pending.append(Pending(document, due, count_workdays(today, due)))
        else:
            pending.append(Pending(document, due, -count_workdays(due, today), overdue=True))
    return sorted(pending, key=lambda p: (p.due is None, p.due or today))
