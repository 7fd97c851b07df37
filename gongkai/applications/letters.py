"""Letters of a case: drafting from the templates, editing drafts, sign-off and issuing, and rendering in
公文 layout as DOCX (python-docx) and PDF (WeasyPrint).

Sign-off (条例 Art. 45 and the seed's practice): a draft by the handling office is signed by the head of the
department (科室负责人签字), then a leader signs it off (领导签发), which issues it: the 文号 is allocated from
the agency's per-year letter counter under a row lock, and the DOCX and PDF are rendered once and stored with
their SHA-256. Nobody signs their own draft. Letters name the applicant, so they are staff-only.

    settings_for(agency) -> LetterSettings          created with defaults on first use
    kinds_for(application) -> list[LetterKind]      what may be drafted for the case now
    draft_letter(application, kind, *, actor, addressee=None) -> Letter
    edit_letter(letter, *, body, addressee, actor) -> Letter      drafts only; a signed draft goes back to draft
    sign_as_head(letter, *, actor) -> Letter
    issue_letter(letter, *, actor, issued_on=None) -> Letter
    letter_bytes(letter, fmt) -> bytes              "docx" or "pdf"; stored bytes once issued
    LetterError (Chinese message), LetterLocked
"""

from datetime import date
from io import BytesIO
from pathlib import Path

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from docx.shared import Pt

from gongkai import audit
from gongkai.agencies.access import roles_of
from gongkai.agencies.models import Role
from gongkai.agencies.sequences import next_in_sequence
from gongkai.documents import gongwen
from gongkai.rules.clock import DEFAULT_SETTINGS, ClockError, EventType
from gongkai.rules.fees import FeeMethod
from gongkai.rules.outcomes import OUTCOMES, Outcome, reason_text
from gongkai.rules.workdays import MissingCalendarYear

from . import fees
from .clock import clock_state
from .letter_models import (
    Letter,
    LetterCounter,
    LetterKind,
    LetterLocked,
    LetterSettings,
    LetterStatus,
    sha256_hex,
)
from .letter_templates import CONTACT, REMEDY, TEMPLATES

__all__ = ["LetterError", "LetterLocked"]

DRAFT_ROLES = frozenset({Role.REGISTRAR, Role.ADMIN, Role.DEPARTMENT_HEAD})
BLANK = "＿＿＿＿"
REGULATION = "《中华人民共和国政府信息公开条例》"
FEE_MEASURES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
PROCEDURAL_KINDS = (
    LetterKind.RECEIPT,
    LetterKind.CORRECTION,
    LetterKind.EXTENSION,
    LetterKind.CONSULTATION_THIRD_PARTY,
    LetterKind.CONSULTATION_AGENCY,
    LetterKind.REASONS,
    LetterKind.FEE_NOTICE,
)


class LetterError(Exception):
    """Refused: the message says why, in Chinese."""


# --- settings and numbers ---------------------------------------------------------------------------------


def settings_for(agency) -> LetterSettings:
    found = LetterSettings.objects.filter(agency=agency).first()
    if found:
        return found
    try:
        with transaction.atomic():
            return LetterSettings.objects.create(
                agency=agency,
                number_prefix=f"{agency.name}依复",
                # Since the 2023 行政复议法, a department's reviewing body is the government of its level.
                review_body=agency.parent.name if agency.parent_id else "",
            )
    except IntegrityError:
        return LetterSettings.objects.get(agency=agency)


def format_number(prefix: str, year: int, sequence: int) -> str:
    """GB/T 9704: 代字〔年份〕序号号, the year in 六角括号, the sequence without leading zeros."""
    return f"{prefix}〔{year}〕{sequence}号"


def allocate_number(agency, year: int) -> tuple[str, int]:
    """The next letter 文号 of `agency` in `year`; call inside the transaction that issues the letter."""
    sequence = next_in_sequence(LetterCounter, agency, year)
    return format_number(settings_for(agency).number_prefix, year, sequence), sequence


# --- what a letter says -------------------------------------------------------------------------------------


def cite(articles) -> str:
    """“《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项”; other sources named in full."""
    regulation = [a for a in articles if a.startswith("第")]
    other = [FEE_MEASURES if "109号" in a else a for a in articles if not a.startswith("第")]
    parts = []
    if regulation:
        parts.append(REGULATION + "、".join(regulation))
    parts.extend(other)
    return "和".join(parts) if parts else REGULATION


def articles_for(application, kind) -> tuple[str, ...]:
    template = TEMPLATES[kind]
    if template.articles:
        return template.articles
    outcome = _outcome(application)
    return OUTCOMES[outcome].articles if outcome else ()


def _outcome(application) -> Outcome | None:
    decided = application.events.filter(type=EventType.DECIDED).first()
    return Outcome(decided.data["outcome"]) if decided else None


def _last_event(application, type):
    return application.events.filter(type=type).order_by("date", "id").last()


def _date(value) -> str:
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return gongwen.chinese_date(value) if value else BLANK


class _Blanks(dict):
    def __missing__(self, key):
        return BLANK


def letter_context(application, kind, *, addressee=None) -> dict:
    """Everything a template may quote, from the case, its events, its clock and the agency's settings."""
    agency = application.agency
    settings = settings_for(agency)
    template = TEMPLATES[kind]
    try:
        state = clock_state(application)
    except (ClockError, MissingCalendarYear):
        state = None
    outcome = _outcome(application)
    context = {
        "agency": agency.name,
        "agency_address": agency.address or BLANK,
        "office": agency.disclosure_office or "政府信息公开工作机构",
        "telephone": agency.telephone or BLANK,
        "received": _date(application.received_on),
        "reference": application.reference,
        "request": application.request_description.strip(),
        "carriers": application.get_carriers_display() or "纸质",
        "basis": cite(articles_for(application, kind)),
        "short_title": template.short_title,
        "reply_workdays": DEFAULT_SETTINGS.reply_workdays,
        "consultation_workdays": DEFAULT_SETTINGS.consultation_workdays,
        "fee_payment_workdays": DEFAULT_SETTINGS.fee_payment_workdays,
        "review_days": settings.review_days,
        "review_body": settings.review_body or BLANK,
        "litigation_months": settings.litigation_months,
        "court": settings.court or "有管辖权的人民法院",
    }
    if state is not None:
        context["reply_due"] = _date(state.reply_due)
        if state.fee_payment_due:
            context["fee_payment_due"] = _date(state.fee_payment_due)
    correction = _last_event(application, EventType.CORRECTION_REQUESTED)
    if correction:
        context["correction_requested_on"] = _date(correction.date)
        context["correction_deadline"] = _date(correction.data.get("correction_deadline"))
        if correction.note:
            context["correction_items"] = correction.note.strip()
    extension = _last_event(application, EventType.EXTENSION_APPROVED)
    if extension:
        context["extension_workdays"] = extension.data.get("workdays", BLANK)
        if extension.note:
            context["extension_reason"] = extension.note.strip().rstrip("。")
    notice = _last_event(application, EventType.FEE_NOTICE_RECEIVED)
    if notice:
        context["fee_notice_received_on"] = _date(notice.date)
    assessment = fees.fee_of(application)
    if assessment:
        context["fee_method"] = "件" if assessment.method is FeeMethod.PER_ITEM else "量（页数）"
        context["fee_breakdown"] = "；".join(assessment.breakdown()) + "。"
        context["fee_amount"] = assessment.amount
    if outcome:
        context["outcome"] = outcome.label
        context["reason"] = reason_text(outcome)
    consultation = _last_event(application, EventType.CONSULTATION_SENT)
    if consultation and consultation.data.get("addressee"):
        context["consultation_addressee"] = consultation.data["addressee"]
    context["addressee"] = addressee or _default_addressee(application, kind, context)
    return _Blanks(context)


def _default_addressee(application, kind, context) -> str:
    if not TEMPLATES[kind].to_applicant:
        return context.get("consultation_addressee", BLANK)
    return application.applicant_name


def compose_body(application, kind, context) -> str:
    template = TEMPLATES[kind]
    paragraphs = [p.format_map(context) for p in template.paragraphs]
    if template.to_applicant:
        paragraphs.append(CONTACT.format_map(context))
        paragraphs.append(REMEDY.format_map(context))
    return "\n".join(p for p in paragraphs if p.strip())


def kinds_for(application) -> list:
    """Procedural notices at any time; an answer only once decided, and only the letter of its outcome."""
    kinds = list(PROCEDURAL_KINDS)
    outcome = _outcome(application)
    if outcome is not None:
        kinds.append(LetterKind(OUTCOMES[outcome].letter))
    return kinds


# --- the workflow ------------------------------------------------------------------------------------------


def _require(actor, agency, roles, what):
    if not set(roles_of(actor, agency)) & set(roles):
        names = "、".join(Role(r).label for r in roles)
        raise LetterError(f"{what}需要您在本机关担任{names}。")


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
    _require(actor, application.agency, DRAFT_ROLES, "拟写文书")
    if kind not in kinds_for(application):
        outcome = _outcome(application)
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
        _require(actor, letter.application.agency, DRAFT_ROLES, "修改文书")
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
        _require(actor, letter.application.agency, {Role.DEPARTMENT_HEAD}, "科室负责人签字")
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
        _require(actor, agency, {Role.LEADER}, "领导签发")
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


# --- rendering ---------------------------------------------------------------------------------------------


def heading(letter) -> tuple[str, str]:
    return letter.application.agency.name, TEMPLATES[letter.kind].title


def number_line(letter) -> str:
    return letter.number or "（草稿，签发时编号）"


def paragraphs(letter) -> list[str]:
    return [line.strip() for line in letter.body.splitlines() if line.strip()]


def render_docx(letter) -> bytes:
    document = gongwen.new_document()
    for line in heading(letter):
        title = gongwen.paragraph(
            document, line, gongwen.TITLE_FONT, gongwen.TITLE_SIZE, align=gongwen.ALIGN.CENTER, indent=False
        )
        title.paragraph_format.line_spacing = Pt(36)
    gongwen.paragraph(document, number_line(letter), align=gongwen.ALIGN.CENTER, indent=False)
    gongwen.paragraph(document, "", indent=False)
    gongwen.paragraph(document, f"{letter.addressee}：", indent=False)
    for text in paragraphs(letter):
        gongwen.paragraph(document, text)
    gongwen.paragraph(document, "", indent=False)
    for text in (letter.application.agency.name, gongwen.chinese_date(letter.issued_on)):
        p = gongwen.paragraph(document, text, align=gongwen.ALIGN.RIGHT, indent=False)
        p.paragraph_format.right_indent = Pt(gongwen.BODY_SIZE * 4)  # 右空四字, GB/T 9704 7.3.5.1
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def render_html(letter) -> str:
    agency_name, title = heading(letter)
    return render_to_string(
        "applications/letters/print.html",
        {
            "letter": letter,
            "agency_name": agency_name,
            "title": title,
            "number": number_line(letter),
            "paragraphs": paragraphs(letter),
            "date": gongwen.chinese_date(letter.issued_on),
        },
    )


# The page layout lives in a static file, not in a <style> element, so no template carries inline CSS.
PRINT_CSS = Path(__file__).parent / "static" / "applications" / "letter_print.css"


def render_pdf(letter) -> bytes:
    from weasyprint import CSS, HTML  # heavy; loaded only when a PDF is asked for

    return HTML(string=render_html(letter)).write_pdf(stylesheets=[CSS(filename=str(PRINT_CSS))])


def letter_bytes(letter, fmt: str) -> bytes:
    if fmt not in ("docx", "pdf"):
        raise ValueError(fmt)
    if letter.is_issued:
        stored = getattr(letter, fmt)
        if stored is None:
            raise LetterError(
                "申请人个人信息已按保存期限删除，该文书的文件不再保存（文号、日期和校验值保留在案卷中）。"
            )
        return bytes(stored)
    return render_docx(letter) if fmt == "docx" else render_pdf(letter)
