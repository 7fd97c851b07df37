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
    issue_letter(letter, *, actor, issued_on=None) -> Letter
    LetterError (Chinese message), LetterLocked; NotAllowed for a person whose roles do not allow the step
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from gongkai import audit
from gongkai.agencies.access import require
from gongkai.rules.outcomes import OUTCOMES

from ..models import Letter, LetterError, LetterKind, LetterLocked, LetterStatus, sha256_hex
from ..services import outcome_of
from .context import BLANK, compose_body, letter_context
from .numbering import allocate_number
from .render import render_docx, render_pdf

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
        unsigned = letter.status != LetterStatus.DRAFT
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
        letter.status = LetterStatus.HEAD_SIGNED
        letter.head_signed_by, letter.head_signed_at = actor, timezone.now()
        letter.save()
        audit.record("letter.head_sign", actor=actor, agency=letter.application.agency_id, target=letter)
    return letter


def issue_letter(letter, *, actor, issued_on: date | None = None) -> Letter:
    """领导签发: number, date, DOCX and PDF with their SHA-256, all in one transaction."""
    with transaction.atomic():
        letter = _lock(letter)
        agency = letter.application.agency
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
        letter.pdf = render_pdf(letter)
        letter.docx_sha256, letter.pdf_sha256 = sha256_hex(letter.docx), sha256_hex(letter.pdf)
        letter.save()
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
            },
        )
    return letter
