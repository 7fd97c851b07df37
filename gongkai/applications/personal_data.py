"""An applicant's personal data (PIPL): handed over on request, erased after the agency's retention period.

export_applicant(application, *, actor) -> (file name, bytes)
    A ZIP for the agency to hand to the applicant: what gongkai holds about the person behind this case —
    every case of theirs at this agency (same applicant key), with name, identity number in full, contact
    data, requests, the dates of what happened, outcomes and letters, plus their identity documents.
    Audited.
closed_on(application) -> date | None
    The day the case closed (delivered, withdrawn, deemed abandoned), or None while it is open.
expired_cases(agency, today) -> list[Application]
    Closed cases whose personal data has outlived agency.personal_data_retention_years.
erase_personal_data(application, *, actor, reason) -> None
    Pseudonymise one case: name, identity number, contact data, the applicant's documents, delivery proof
    files and issued letters' stored files go; the case, its events, outcome, applicant type, channel and
    dates stay — exactly what §三 and §四 of the annual report count — so past reports do not change.
erase_expired(agency, *, today, actor=None) -> int
"""

import json
import zipfile
from datetime import date
from io import BytesIO

from django.db import transaction
from django.utils import timezone

from gongkai import audit
from gongkai.rules.clock import ClockError, Status
from gongkai.rules.workdays import MissingCalendarYear

from . import crypto
from .clock import clock_state
from .models import (
    INTERNAL_KINDS,
    Application,
    DeliveryProof,
    Letter,
    LetterDelivery,
    LetterStatus,
    sha256_hex,
)

ERASED_NAME = "（个人信息已删除）"
# Columns that identify or reach the applicant; emptied on erasure.
PERSONAL_FIELDS = (
    "id_type",
    "id_number_encrypted",
    "id_number_fingerprint",
    "id_number_masked",
    "legal_representative",
    "contact_person",
    "phone",
    "email",
    "address",
    "postcode",
)


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def _case_record(application) -> dict:
    from . import services

    outcome = services.outcome_of(application)
    return {
        "reference": application.reference,
        "agency": application.agency.name,
        "received_on": application.received_on,
        "channel": application.get_channel_display(),
        "request_description": application.request_description,
        "request_document_number": application.request_document_number,
        "carriers": application.get_carriers_display(),
        "routes": application.get_routes_display(),
        "events": [
            {"date": e.date, "event": e.get_type_display()}
            for e in application.events.exclude(type__in=INTERNAL_KINDS).order_by("date", "id")
        ],
        "outcome": outcome.label if outcome else None,
        "letters": [
            {"title": letter.get_kind_display(), "number": letter.number, "issued_on": letter.issued_on}
            for letter in application.letters.filter(status=LetterStatus.ISSUED)
        ],
    }


def export_applicant(application, *, actor) -> tuple[str, bytes]:
    if application.personal_data_erased_at:
        raise ValueError("该申请人的个人信息已按保存期限删除，没有可导出的个人信息。")
    cases = list(
        Application.objects.filter(
            agency=application.agency_id,
            applicant_key=application.applicant_key,
            personal_data_erased_at__isnull=True,
        ).order_by("received_on", "sequence")
    )
    id_number = crypto.decrypt(application.id_number_encrypted) if application.id_number_encrypted else ""
    person = {
        "applicant_type": application.get_applicant_type_display(),
        "name": application.applicant_name,
        "id_type": application.get_id_type_display() if application.id_type else "",
        "id_number": id_number,
        "uscc": application.uscc,
        "legal_representative": application.legal_representative,
        "contact_person": application.contact_person,
        "phone": application.phone,
        "email": application.email,
        "address": application.address,
        "postcode": application.postcode,
    }
    files = [
        (
            "个人信息.json",
            _json(
                {
                    "说明": f"{application.agency.name}在政府信息公开申请办理中保存的申请人个人信息（依《个人信息保护法》第四十五条提供）。",
                    "exported_at": timezone.now(),
                    "applicant": person,
                    "applications": [_case_record(case) for case in cases],
                }
            ),
        )
    ]
    for case in cases:
        for i, document in enumerate(case.identity_documents.all(), 1):
            with document.file.open("rb") as handle:
                files.append((f"身份证明/{case.reference}-{i:02d}{document.file.name[-4:]}", handle.read()))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for path, data in files:
            package.writestr(path, data)
    data = out.getvalue()
    audit.record(
        "application.personal_data.export",
        actor=actor,
        agency=application.agency_id,
        target=application,
        details={"cases": [c.reference for c in cases], "files": len(files), "sha256": sha256_hex(data)},
    )
    return f"{application.reference}-申请人个人信息.zip", data


def closed_on(application) -> date | None:
    try:
        state = clock_state(application)
    except (ClockError, MissingCalendarYear):
        return None  # a case whose events need checking is not treated as closed
    if not state.status.is_closed:
        return None
    last_event = max(e.date for e in application.events.all())
    due = {
        Status.ABANDONED_NO_CORRECTION: state.correction_due,
        Status.ABANDONED_UNPAID: state.fee_payment_due,
    }.get(state.status)
    return max(last_event, due) if due else last_event


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def expired_cases(agency, today: date) -> list[Application]:
    years = agency.personal_data_retention_years
    if not years:
        return []
    cutoff = _years_before(today, years)
    # A case cannot have closed before it was received: only those received before the cutoff qualify.
    candidates = (
        Application.objects.filter(
            agency=agency, personal_data_erased_at__isnull=True, received_on__lt=cutoff
        )
        .select_related("agency")
        .prefetch_related("events")
        .order_by("received_on", "sequence")
    )
    return [a for a in candidates if (closed := closed_on(a)) is not None and closed < cutoff]


def erase_personal_data(application, *, actor=None, reason: str) -> None:
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.personal_data_erased_at:
            return
        name = locked.applicant_name
        documents = list(locked.identity_documents.all())
        proofs = list(locked.delivery_proofs.all())
        for field in PERSONAL_FIELDS:
            setattr(locked, field, "")
        locked.applicant_name = ERASED_NAME
        locked.personal_data_erased_at = timezone.now()
        locked.save()
        # Issued letters are locked against edits through save(); erasure is the one change the law
        # allows, done as an update that keeps number, dates and the files' SHA-256 as the record.
        for letter in Letter.objects.filter(application=locked):
            Letter.objects.filter(pk=letter.pk).update(
                addressee=ERASED_NAME,
                body=letter.body.replace(name, "申请人") if name else letter.body,
                docx=None,
                pdf=None,
            )
        # The e-mail address a letter went to is the applicant's; the delivery record (status, time, message
        # id) stays as proof of the 送达.
        LetterDelivery.objects.filter(letter__application=locked).update(address="")
        for document in documents:
            document.delete()
        DeliveryProof.objects.filter(application=locked).update(file="")
        audit.record(
            "application.personal_data.erase",
            actor=actor,
            agency=locked.agency_id,
            target=locked,
            details={"reason": reason, "documents": len(documents), "delivery_proofs": len(proofs)},
        )
        # Files go only once the rows are gone for good: a rolled-back erasure keeps them.
        paths = [d.file for d in documents] + [p.file for p in proofs]
        transaction.on_commit(lambda: [f.storage.delete(f.name) for f in paths if f.name])


def erase_expired(agency, *, today: date, actor=None) -> int:
    cases = expired_cases(agency, today)
    for application in cases:
        erase_personal_data(
            application,
            actor=actor,
            reason=f"办结满保存期限 {agency.personal_data_retention_years} 年",
        )
    return len(cases)
