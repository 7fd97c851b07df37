"""The file of a closed case as one package (条例 Art. 45: 登记、审核、办理、答复、归档).

A ZIP holding the application's data and history (application.json), the identity documents, every issued
letter as DOCX and PDF with its attachments and e-mail delivery records, and the delivery proof, with manifest.json listing each file's size and SHA-256 —
so whoever keeps the package can tell later that nothing in it changed. Draft letters are not part of the
file. The identity number goes in masked: the package leaves the system, the key does not.

    archive_problem(application) -> str | None     why the case cannot be archived yet (Chinese), or None
    build_archive(application, *, actor) -> (file name, bytes)     audited; LetterError if not closed
"""

import json
import zipfile
from io import BytesIO

from django.utils import timezone

from gongkai import audit
from gongkai.rules.clock import ClockError
from gongkai.rules.workdays import MissingCalendarYear

from .clock import clock_state
from .models import ApplicationEvent, LetterError, LetterStatus, sha256_hex


def archive_problem(application) -> str | None:
    try:
        state = clock_state(application)
    except (ClockError, MissingCalendarYear) as exc:
        return f"办理记录与法定时限规则不一致，不能归档：{exc}"
    if not state.status.is_closed:
        return f"本申请尚未办结（{state.status.label}），办结（送达、视为放弃或撤回）后才能导出归档。"
    return None


def _application_record(application) -> dict:
    fields = [
        "reference",
        "channel",
        "received_on",
        "confirmed_on",
        "applicant_type",
        "applicant_name",
        "id_type",
        "id_number_masked",
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
    ]
    record = {name: getattr(application, name) for name in fields}
    record["arrived_at"] = application.arrived_at
    record["agency"] = {"code": application.agency.code, "name": application.agency.name}
    record["events"] = [
        {
            "type": e.type,
            "label": e.get_type_display(),
            "date": e.date,
            "data": e.data,
            "note": e.note,
            "recorded_by": str(e.actor) if e.actor else None,
            "recorded_at": e.created_at,
            # A voided event stays in the case file, with who voided it and why.
            "voided_at": e.voided_at,
            "voided_by": str(e.voided_by) if e.voided_by else None,
            "void_reason": e.void_reason,
            "replaces": e.replaces_id,
            "id": e.pk,
        }
        for e in ApplicationEvent.with_voided.filter(application=application)
        .select_related("actor", "voided_by")
        .order_by("date", "id")
    ]
    return record


def _letter_record(letter) -> dict:
    return {
        "kind": letter.kind,
        "title": letter.get_kind_display(),
        "number": letter.number,
        "issued_on": letter.issued_on,
        "addressee": letter.addressee,
        "drafted_by": str(letter.drafted_by) if letter.drafted_by else None,
        "drafted_at": letter.drafted_at,
        "head_signed_by": str(letter.head_signed_by) if letter.head_signed_by else None,
        "head_signed_at": letter.head_signed_at,
        "leader_signed_by": str(letter.leader_signed_by) if letter.leader_signed_by else None,
        "leader_signed_at": letter.leader_signed_at,
        "docx_sha256": letter.docx_sha256,
        "pdf_sha256": letter.pdf_sha256,
        "attachments": [
            {"title": a.title, "size": a.size, "sha256": a.sha256} for a in letter.attachments.all()
        ],
        # Electronic delivery: the message id is the proof of 送达; the address is personal data, not kept here.
        "deliveries": [
            {
                "status": d.get_status_display(),
                "attempts": d.attempts,
                "message_id": d.message_id,
                "sent_at": d.sent_at,
            }
            for d in letter.deliveries.all()
        ],
    }


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def build_archive(application, *, actor) -> tuple[str, bytes]:
    problem = archive_problem(application)
    if problem:
        raise LetterError(problem)
    files: list[tuple[str, bytes]] = []
    letters = list(
        application.letters.filter(status=LetterStatus.ISSUED).select_related(
            "drafted_by", "head_signed_by", "leader_signed_by"
        )
    )
    record = _application_record(application)
    record["letters"] = [_letter_record(letter) for letter in letters]
    files.append(("application.json", _json(record)))
    for i, document in enumerate(application.identity_documents.all(), 1):
        with document.file.open("rb") as handle:
            files.append((f"identity/{i:02d}{document.file.name[-4:]}", handle.read()))
    for i, letter in enumerate(letters, 1):
        if letter.docx is None:  # erased with the applicant's personal data; the record keeps the hashes
            continue
        stem = f"letters/{i:02d}-{letter.kind}"
        files.append((f"{stem}.docx", bytes(letter.docx)))
        files.append((f"{stem}.pdf", bytes(letter.pdf)))
        for j, attachment in enumerate(letter.attachments.all(), 1):
            if not attachment.file:
                continue
            with attachment.file.open("rb") as handle:
                files.append((f"{stem}-附件{j}{attachment.extension}", handle.read()))
    for i, proof in enumerate(application.delivery_proofs.all(), 1):
        if not proof.file:
            continue
        with proof.file.open("rb") as handle:
            files.append((f"delivery/{i:02d}{proof.file.name[-4:]}", handle.read()))

    manifest = {
        "reference": application.reference,
        "agency": application.agency.code,
        "exported_at": timezone.now(),
        "exported_by": str(actor),
        "files": [{"path": path, "size": len(data), "sha256": sha256_hex(data)} for path, data in files],
    }
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for path, data in files:
            package.writestr(f"{application.reference}/{path}", data)
        package.writestr(f"{application.reference}/manifest.json", _json(manifest))
    data = out.getvalue()
    audit.record(
        "application.archive.export",
        actor=actor,
        agency=application.agency_id,
        target=application,
        details={"files": len(files), "sha256": sha256_hex(data)},
    )
    return f"{application.reference}-归档.zip", data


def add_delivery_proof(application, upload, *, actor, description=""):
    """Keep a 送达回证 or postal receipt with the case (PDF, JPEG or PNG, checked by content)."""
    from .models import DeliveryProof
    from .uploads import sniff

    content_type, extension = sniff(upload)
    upload.seek(0)
    digest = sha256_hex(upload.read())
    upload.seek(0)
    upload.name = f"delivery{extension}"
    proof = DeliveryProof(
        application=application,
        content_type=content_type,
        size=upload.size,
        sha256=digest,
        description=description[:200],
        uploaded_by=actor,
    )
    proof.file.save(upload.name, upload, save=False)
    proof.save()
    audit.record(
        "application.delivery_proof.add",
        actor=actor,
        agency=application.agency_id,
        target=application,
        details={"proof": proof.pk, "sha256": digest, "size": proof.size},
    )
    return proof
