"""The sign-off of letters: drafting from the templates, editing drafts, the department head's signature and
the leader's issue.

Sign-off (条例 Art. 45 and the seed's practice): a draft by the handling office is signed by the head of the
department (科室负责人签字), then a leader signs it off (领导签发), which issues it: the 文号 is allocated from
the agency's per-year letter counter under a row lock, and the DOCX and PDF are rendered once and stored with
their SHA-256. Nobody signs their own draft. Letters name the applicant, so they are staff-only.

    kinds_for(application) -> list[LetterKind]      what may be drafted for the case now
    draft_letter(application, kind, *, actor, addressee=None) -> Letter
    edit_letter(letter, *, body, addressee, actor) -> Letter      drafts only; a signed draft goes back to draft
    sign_as_head(letter, *, actor) -> Letter
    return_letter(letter, *, actor, comment) -> Letter      退回 with 意见, by the head or the leader
    issue_letter(letter, *, actor, issued_on=None) -> Letter
    issued_by_registrar(letter) -> bool             a 受理回执 the registrar issues alone (LetterSettings)
    add_attachment(letter, upload, *, title, actor) / remove_attachment(letter, pk, *, actor)

A returned letter (已退回修改) goes back to its drafter with the signer's 意见 in its history (LetterReview);
saving the draft makes it a draft again, to be signed from the start. Issuing signs the PDF with the agency's
certificate (letters.signing) and, for a letter to an applicant who asked for electronic delivery, queues
the e-mail (letters.delivery) once the transaction has committed.
    LetterError (Chinese message), LetterLocked; NotAllowed for a person whose roles do not allow the step
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from gongkai import audit
from gongkai.agencies.access import require
from gongkai.rules.outcomes import OUTCOMES

from ..models import (
    Letter,
    LetterAttachment,
    LetterError,
    LetterKind,
    LetterLocked,
    LetterReview,
    LetterStatus,
    sha256_hex,
)
from ..services import outcome_of
from . import delivery, signing
from .attachments import sniff_attachment
from .context import BLANK, compose_body, letter_context
from .numbering import allocate_number, settings_for
from .render import render_docx, render_pdf
from .templates import TEMPLATES

MAX_COMMENT = 1000

PROCEDURAL_KINDS = (
    LetterKind.RECEIPT,
    LetterKind.CORRECTION,
    LetterKind.EXTENSION,
    LetterKind.CONSULTATION_THIRD_PARTY,
    LetterKind.CONSULTATION_AGENCY,
    LetterKind.REASONS,
    LetterKind.FEE_NOTICE,
)


def kinds_for(application) -> list:
    """Procedural notices at any time; an answer only once decided, and only the letter of its outcome."""
    kinds = list(PROCEDURAL_KINDS)
    outcome = outcome_of(application)
    if outcome is not None:
        kinds.append(LetterKind(OUTCOMES[outcome].letter))
    return kinds


def _lock(letter) -> Letter:
    # Lock the letter row only, not the joined case and agency (see disclosure.workflow._locked).
    locked = (
        Letter.objects.select_for_update(of=("self",)).select_related("application__agency").get(pk=letter.pk)
    )
    if locked.is_issued:
        raise LetterLocked("文书已签发，不能修改。")
    return locked


def draft_letter(application, kind, *, actor, addressee=None) -> Letter:
    kind = LetterKind(kind)
    require(actor, "letter.draft", application.agency)
    if kind not in kinds_for(application):
        outcome = outcome_of(application)
        if outcome is None:
            raise LetterError("尚未作出答复决定，不能拟写答复书：请先记录“作出答复决定”。")
        raise LetterError(
            f"本申请的办理结果是“{outcome.label}”，应使用“{LetterKind(OUTCOMES[outcome].letter).label}”。"
        )
    context = letter_context(application, kind, addressee=addressee)
    with transaction.atomic():
        letter = Letter.objects.create(
            application=application,
            kind=kind,
            addressee=context["addressee"],
            body=compose_body(application, kind, context),
            context={k: v for k, v in context.items() if isinstance(v, (str, int))},
            drafted_by=actor,
        )
        audit.record(
            "letter.draft",
            actor=actor,
            agency=application.agency_id,
            target=letter,
            details={"application": application.reference, "kind": kind.value},
        )
    return letter


def edit_letter(letter, *, body: str, addressee: str, actor) -> Letter:
    with transaction.atomic():
        letter = _lock(letter)
        require(actor, "letter.draft", letter.application.agency, what="修改文书")
        body = "\n".join(line.rstrip() for line in body.strip().splitlines())
        if not body:
            raise LetterError("正文不能为空。")
        if not addressee.strip():
            raise LetterError("主送不能为空。")
        unsigned = letter.status == LetterStatus.HEAD_SIGNED
        letter.body, letter.addressee = body, addressee.strip()
        # A changed text needs a new signature: the head signed what they read.
        letter.status = LetterStatus.DRAFT
        letter.head_signed_by, letter.head_signed_at = None, None
        letter.save()
        audit.record(
            "letter.edit",
            actor=actor,
            agency=letter.application.agency_id,
            target=letter,
            details={"signature_withdrawn": unsigned},
        )
    return letter


def _not_own(letter, actor):
    if letter.drafted_by_id == actor.pk:
        raise LetterError("不能签署自己拟写的文书。")


def sign_as_head(letter, *, actor) -> Letter:
    with transaction.atomic():
        letter = _lock(letter)
        require(actor, "letter.sign", letter.application.agency)
        if letter.status != LetterStatus.DRAFT:
            raise LetterError("文书不在草稿状态，无需再次签字。")
        _not_own(letter, actor)
        if issued_by_registrar(letter):
            raise LetterError("受理回执由登记人直接出具，无需科室负责人签字。")
        letter.status = LetterStatus.HEAD_SIGNED
        letter.head_signed_by, letter.head_signed_at = actor, timezone.now()
        letter.save()
        LetterReview.objects.create(
            letter=letter, step=LetterReview.Step.HEAD, action=LetterReview.Action.SIGNED, actor=actor
        )
        audit.record("letter.head_sign", actor=actor, agency=letter.application.agency_id, target=letter)
    return letter


def return_letter(letter, *, actor, comment: str) -> Letter:
    """退回 with 意见: the department head returns a draft, the leader a signed draft, to the drafter."""
    comment = (comment or "").strip()
    with transaction.atomic():
        letter = _lock(letter)
        agency = letter.application.agency
        if letter.status == LetterStatus.DRAFT:
            require(actor, "letter.sign", agency, what="退回文书")
            step = LetterReview.Step.HEAD
        elif letter.status == LetterStatus.HEAD_SIGNED:
            require(actor, "letter.issue", agency, what="退回文书")
            step = LetterReview.Step.LEADER
        else:
            raise LetterError("文书已退回拟稿人修改，等待重新提交。")
        _not_own(letter, actor)
        if not comment:
            raise LetterError("请填写退回意见，说明需要如何修改。")
        if len(comment) > MAX_COMMENT:
            raise LetterError(f"退回意见最多 {MAX_COMMENT} 字。")
        letter.status = LetterStatus.RETURNED
        letter.head_signed_by, letter.head_signed_at = None, None
        letter.save()
        LetterReview.objects.create(
            letter=letter, step=step, action=LetterReview.Action.RETURNED, comment=comment, actor=actor
        )
        audit.record(
            "letter.return",
            actor=actor,
            agency=agency.pk,
            target=letter,
            details={"step": step.value, "comment": comment},
        )
    return letter


def issued_by_registrar(letter) -> bool:
    """A 受理回执 only states what was received and when: where the agency's letter settings say so, the
    registrar issues it without the department head's and the leader's signatures."""
    return (
        letter.kind == LetterKind.RECEIPT
        and settings_for(letter.application.agency).receipt_issued_by_registrar
    )


def _check_attachable(letter, actor):
    require(actor, "letter.draft", letter.application.agency, what="添加附件")


MAX_ATTACHMENTS = 20
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


def add_attachment(letter, upload, *, title: str, actor) -> LetterAttachment:
    """A file sent with the letter; its title goes into the letter's 附件 line. The letter's signatures are
    withdrawn, as for a changed text: the signer approved the letter with what it carried."""
    title = " ".join((title or "").split()).rstrip("。；，.;,")
    if not title:
        raise LetterError("请填写附件名称，它将列在文书的“附件”说明中。")
    if len(title) > 100:
        raise LetterError("附件名称最多 100 字。")
    if upload is None:
        raise LetterError("请选择要附上的文件。")
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise LetterError("附件不能超过 20 MB。")
    content_type, extension = sniff_attachment(upload)
    with transaction.atomic():
        letter = _lock(letter)
        _check_attachable(letter, actor)
        if letter.attachments.count() >= MAX_ATTACHMENTS:
            raise LetterError(f"一件文书最多 {MAX_ATTACHMENTS} 个附件。")
        upload.seek(0)
        data = upload.read()
        attachment = LetterAttachment(
            letter=letter,
            title=title,
            content_type=content_type,
            extension=extension,
            size=len(data),
            sha256=sha256_hex(data),
            added_by=actor,
        )
        upload.seek(0)
        upload.name = f"attachment{extension}"
        attachment.file.save(upload.name, upload, save=False)
        attachment.save()
        _withdraw_signature(letter)
        audit.record(
            "letter.attachment.add",
            actor=actor,
            agency=letter.application.agency_id,
            target=letter,
            details={"attachment": attachment.pk, "title": title, "sha256": attachment.sha256},
        )
    return attachment


def remove_attachment(letter, attachment_pk: int, *, actor) -> None:
    with transaction.atomic():
        letter = _lock(letter)
        _check_attachable(letter, actor)
        attachment = letter.attachments.filter(pk=attachment_pk).first()
        if attachment is None:
            raise LetterError("没有这个附件。")
        details = {"attachment": attachment.pk, "title": attachment.title, "sha256": attachment.sha256}
        attachment.file.delete(save=False)
        attachment.delete()
        _withdraw_signature(letter)
        audit.record(
            "letter.attachment.remove",
            actor=actor,
            agency=letter.application.agency_id,
            target=letter,
            details=details,
        )


def _withdraw_signature(letter):
    if letter.status == LetterStatus.HEAD_SIGNED:
        letter.status = LetterStatus.DRAFT
        letter.head_signed_by, letter.head_signed_at = None, None
        letter.save()


def issue_letter(letter, *, actor, issued_on: date | None = None) -> Letter:
    """领导签发: number, date, DOCX and PDF with their SHA-256, all in one transaction."""
    with transaction.atomic():
        letter = _lock(letter)
        agency = letter.application.agency
        alone = issued_by_registrar(letter)
        if alone:
            require(actor, "case.handle", agency, what="出具受理回执")
            if letter.status == LetterStatus.RETURNED:
                raise LetterError("文书已退回修改，请保存修改后再出具。")
        else:
            require(actor, "letter.issue", agency)
            if letter.status != LetterStatus.HEAD_SIGNED:
                raise LetterError("文书须先经科室负责人签字，才能由领导签发。")
            _not_own(letter, actor)
        if BLANK in letter.body or BLANK in letter.addressee:
            raise LetterError(f"正文还有未填写的空白（{BLANK}），请补全后再签发。")
        letter.issued_on = issued_on or timezone.localdate()
        letter.number, letter.sequence = allocate_number(agency, letter.issued_on.year)
        letter.year = letter.issued_on.year
        letter.leader_signed_by, letter.leader_signed_at = actor, timezone.now()
        letter.status = LetterStatus.ISSUED  # before rendering: the files must not say 草稿
        letter.docx = render_docx(letter)
        letter.pdf, letter.pdf_signer = signing.sign_pdf(render_pdf(letter), agency)
        letter.docx_sha256, letter.pdf_sha256 = sha256_hex(letter.docx), sha256_hex(letter.pdf)
        letter.save()
        LetterReview.objects.create(
            letter=letter,
            step=LetterReview.Step.HEAD if alone else LetterReview.Step.LEADER,
            action=LetterReview.Action.ISSUED,
            actor=actor,
        )
        audit.record(
            "letter.issue",
            actor=actor,
            agency=agency.pk,
            target=letter,
            details={
                "number": letter.number,
                "issued_on": letter.issued_on,
                "docx_sha256": letter.docx_sha256,
                "pdf_sha256": letter.pdf_sha256,
                "pdf_signer": letter.pdf_signer,
            },
        )
        if TEMPLATES[letter.kind].to_applicant:
            delivery.queue_email(letter, actor=actor)
    return letter
