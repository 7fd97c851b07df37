"""What staff and applicants do to cases. Views stay thin; every change is one transaction and audited.

register_application(agency, *, data, actor=None, online=False, documents=()) -> (Application, query code)
record_event(application, type, *, date, data=None, note="", actor) -> ApplicationEvent   (ClockError)
decision_of(application) -> ApplicationEvent | None
proposals_for(application) -> Proposals      Art. 36(6) repeats and Art. 44 shared requests
add_identity_document(application, upload, *, actor=None) -> IdentityDocument
full_id_number(application, *, actor) -> str  audited
record_personal_data_view(application, *, actor, what)
public_milestones(application) -> list[(label, date)]   what the tracking page may show
"""

import hashlib
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from gongkai import audit
from gongkai.rules.channels import receipt_date
from gongkai.rules.clock import ClockError, DeliveryMethod, Event, EventType, Party
from gongkai.rules.identity import mask_resident_id, normalise_resident_id
from gongkai.rules.outcomes import (
    ApplicantType,
    Outcome,
    RequestRecord,
    find_repeats,
    find_shared_requests,
    information_key,
)

from . import crypto, fees, numbers
from .clock import check_events, to_clock_event
from .models import Application, ApplicationEvent, IdentityDocument, IdType
from .uploads import sniff

# Fields of Application that a registration form supplies directly.
APPLICANT_FIELDS = (
    "channel",
    "applicant_type",
    "applicant_name",
    "id_type",
    "uscc",
    "legal_representative",
    "contact_person",
    "phone",
    "email",
    "address",
    "postcode",
    "request_description",
    "request_document_number",
    "carriers",
    "routes",
    "note",
    "department",
)


def normalise_id_number(id_type: str, number: str) -> str:
    if id_type == IdType.RESIDENT_ID:
        return normalise_resident_id(number)
    return "".join(number.split()).upper()


def set_id_number(application: Application, id_type: str, number: str) -> None:
    """Store the number encrypted, fingerprinted and masked; the plain number is never a column."""
    if not number:
        application.id_number_encrypted = application.id_number_fingerprint = application.id_number_masked = (
            ""
        )
        return
    number = normalise_id_number(id_type, number)
    application.id_number_encrypted = crypto.encrypt(number)
    application.id_number_fingerprint = crypto.fingerprint(f"{id_type}:{number}")
    application.id_number_masked = mask_resident_id(number)


def matching_keys(application: Application) -> tuple[str, str]:
    """(applicant key, information digest) for the repeat and Art. 44 proposals.

    The applicant is known by the fingerprint of their identity number, an organisation by its 统一社会信用代码;
    without either, by a fingerprint of name and phone (weaker, but a person still decides).
    """
    if application.is_organisation and application.uscc:
        applicant = f"uscc:{application.uscc}"
    elif application.id_number_fingerprint:
        applicant = f"id:{application.id_number_fingerprint}"
    else:
        applicant = "np:" + crypto.fingerprint(f"{application.applicant_name}|{application.phone}")[:60]
    key = information_key(application.request_description, application.request_document_number or None)
    return applicant, hashlib.sha256(key.encode("utf-8")).hexdigest()


def register_application(
    agency, *, data: dict, actor=None, online: bool = False, documents=()
) -> tuple[Application, str]:
    """Create a case and its `received` event. `data` carries APPLICANT_FIELDS plus arrived_at (datetime),
    confirmed_on (date or None) and id_number. Returns the case and its query code (shown once)."""
    # Hashing costs CPU time: done before the transaction, so the write lock is held only for writing.
    code = numbers.new_query_code()
    code_hash = numbers.hash_query_code(code)
    return _register(agency, data, actor, online, documents, code_hash), code


@transaction.atomic
def _register(agency, data, actor, online, documents, code_hash) -> Application:
    arrived_at = data["arrived_at"]
    receipt = receipt_date(data["channel"], timezone.localtime(arrived_at).date(), data.get("confirmed_on"))
    application = Application(
        agency=agency,
        arrived_at=arrived_at,
        confirmed_on=data.get("confirmed_on"),
        received_on=receipt.date,
        receipt_warnings=list(receipt.warnings),
        submitted_online=online,
        created_by=actor,
        query_code_hash=code_hash,
        **{name: data[name] for name in APPLICANT_FIELDS if name in data},
    )
    if application.applicant_type != ApplicantType.NATURAL_PERSON:
        application.id_type = ""
    else:
        set_id_number(application, data.get("id_type", ""), data.get("id_number", ""))
    application.applicant_key, application.information_digest = matching_keys(application)
    # The 受理编号 year is the year of receipt, as the report counts it.
    application.year = receipt.date.year
    application.reference, application.sequence = numbers.allocate_reference(agency, application.year)
    application.save()
    ApplicationEvent.objects.create(
        application=application, type=EventType.RECEIVED, date=receipt.date, actor=actor
    )
    if application.department_id:
        # A department chosen at intake is the case's first assignment.
        ApplicationEvent.objects.create(
            application=application,
            type="assigned",
            date=receipt.date,
            data={"department": application.department_id, "department_name": application.department.name},
            actor=actor,
        )
    for upload in documents:
        add_identity_document(application, upload, actor=actor, audit_it=False)
    audit.record(
        "application.register",
        actor=actor,
        agency=agency,
        target=application,
        details={
            "channel": application.channel,
            "received_on": receipt.date,
            "online": online,
            "warnings": list(receipt.warnings),
            "documents": len(documents),
        },
    )
    return application


def event_data(type: str, values: dict) -> dict:
    """The JSON of an event from form values: dates as ISO strings, only what is set."""
    out = {}
    for key, value in values.items():
        if value in (None, ""):
            continue
        out[key] = value.isoformat() if isinstance(value, date) else value
    return out


def record_event_data(application: Application, type: str, data: dict) -> dict:
    """The stored data of an event: the fee is computed from the case, never typed (applications.fees)."""
    if type == EventType.FEE_NOTICE_RECEIVED:
        return fees.fee_notice_data(application, data)
    if type == EventType.FEE_PAID:
        return fees.fee_paid_data(application, data)
    return data


def record_event(
    application: Application, type: str, *, date: date, data=None, note="", actor
) -> ApplicationEvent:
    """Add one event after the clock accepted the case with it; raises ClockError (nothing saved) if not."""
    data = record_event_data(application, type, event_data(type, data or {}))
    if type == EventType.DECIDED:
        outcome = data.get("outcome")
        if outcome not in {o.value for o in Outcome}:
            raise ClockError("答复决定须选择办理结果")
    with transaction.atomic():
        # Lock the case so two people recording at once are checked one after the other.
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if type == EventType.DECIDED and locked.events.filter(type=EventType.DECIDED).exists():
            raise ClockError("该申请已作出答复决定，每件申请只能有一个办理结果")
        check_events(locked, to_clock_event(ApplicationEvent(type=type, date=date, data=data)))
        event = ApplicationEvent.objects.create(
            application=locked, type=type, date=date, data=data, note=note, actor=actor
        )
        audit.record(
            f"application.event.{type}",
            actor=actor,
            agency=locked.agency_id,
            target=locked,
            details={"date": date, **data},
        )
    return event


def decision_of(application: Application) -> ApplicationEvent | None:
    return application.events.filter(type=EventType.DECIDED).first()


def outcome_of(application: Application) -> Outcome | None:
    decided = decision_of(application)
    return Outcome(decided.data["outcome"]) if decided else None


@dataclass(frozen=True)
class Proposals:
    repeats: list  # earlier Applications of the same applicant for the same information, answered
    shared: list  # other Applications for the same information by other applicants (Art. 44), if disclosable

    @property
    def any(self) -> bool:
        return bool(self.repeats or self.shared)


def _record(application: Application) -> RequestRecord:
    decided = next((e for e in application.events.all() if e.type == EventType.DECIDED), None)
    return RequestRecord(
        reference=application.reference,
        applicant_key=application.applicant_key,
        information_key=application.information_digest,
        received_on=application.received_on,
        decided_on=decided.date if decided else None,
        outcome=Outcome(decided.data["outcome"]) if decided else None,
    )


def proposals_for(application: Application) -> Proposals:
    """What the law asks the agency to consider for this case; the rules decide, a person confirms."""
    same_information = (
        Application.objects.filter(
            agency=application.agency_id, information_digest=application.information_digest
        )
        .prefetch_related("events")
        .order_by("received_on", "sequence")
    )
    by_reference = {a.reference: a for a in same_information}
    by_reference.setdefault(application.reference, application)
    records = [_record(a) for a in by_reference.values()]
    this = next(r for r in records if r.reference == application.reference)
    repeats = [by_reference[r.reference] for r in find_repeats(this, records)]
    shared = []
    for group in find_shared_requests(records):
        if group.information_key == this.information_key:
            shared = [
                by_reference[r.reference] for r in group.records if r.reference != application.reference
            ]
    return Proposals(repeats=repeats, shared=shared)


def add_identity_document(application, upload, *, actor=None, audit_it=True) -> IdentityDocument:
    content_type, extension = sniff(upload)
    original = upload.name
    upload.name = f"proof{extension}"  # the stored name comes from the content, not from the sender
    document = IdentityDocument(
        application=application,
        content_type=content_type,
        size=upload.size,
        original_name=original[:200],
        uploaded_by=actor,
    )
    document.file.save(upload.name, upload, save=False)
    document.save()
    if audit_it:
        audit.record(
            "application.identity_document.add",
            actor=actor,
            agency=application.agency_id,
            target=application,
            details={"document": document.pk, "content_type": content_type, "size": document.size},
        )
    return document


def record_personal_data_view(application: Application, *, actor, what: str) -> None:
    audit.record(
        "application.personal_data.view",
        actor=actor,
        agency=application.agency_id,
        target=application,
        details={"what": what},
    )


def full_id_number(application: Application, *, actor) -> str:
    """The decrypted number, for the roles allowed to see it; the request is audited first."""
    if not application.id_number_encrypted:
        return ""
    audit.record(
        "application.personal_data.view",
        actor=actor,
        agency=application.agency_id,
        target=application,
        details={"what": "full_id_number"},
    )
    return crypto.decrypt(application.id_number_encrypted)


# What an applicant sees when tracking: dates of steps, never who or what.
PUBLIC_MILESTONES = {
    EventType.RECEIVED: "收到申请",
    EventType.CORRECTION_REQUESTED: "告知补正",
    EventType.CORRECTION_RECEIVED: "收到补正材料",
    EventType.EXTENSION_APPROVED: "延期答复",
    EventType.DECIDED: "作出答复",
    EventType.DELIVERED: "答复已送达",
    EventType.WITHDRAWN: "申请已撤回",
}


def public_milestones(application: Application) -> list[tuple[str, date]]:
    return [
        (PUBLIC_MILESTONES[e.type], e.date) for e in application.events.all() if e.type in PUBLIC_MILESTONES
    ]


def describe_event(event: ApplicationEvent) -> str:
    """A short Chinese line for the case history (staff only)."""
    data = event.data or {}
    parts = []
    if "correction_deadline" in data:
        parts.append(f"补正期限 {data['correction_deadline']}")
    if "party" in data:
        parts.append(f"对象：{Party(data['party']).label}")
    if "workdays" in data:
        parts.append(f"延长 {data['workdays']} 个工作日")
    if "approved_by" in data:
        parts.append(f"批准人：{data['approved_by']}")
    if "deadline" in data:
        parts.append(f"延迟答复期限 {data['deadline']}")
    if "amount" in data:
        parts.append(f"金额 {data['amount']} 元")
    if "outcome" in data:
        parts.append(f"结果：{Outcome(data['outcome']).label}")
    if "disclosed" in data:
        parts.append(f"提供：{data['disclosed']}")
    if "withheld_part" in data:
        parts.append(f"不予公开：{data['withheld_part']}")
    if "withheld_reason" in data:
        parts.append(f"理由：{data['withheld_reason']}")
    if "method" in data:
        parts.append(DeliveryMethod(data["method"]).label)
    if "message_id" in data:
        parts.append(f"邮件标识 {data['message_id']}")
    return "；".join(parts)


def as_clock_event(type: str, date: date, data: dict) -> Event:
    return to_clock_event(ApplicationEvent(type=type, date=date, data=event_data(type, data)))
