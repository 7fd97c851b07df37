"""What a letter says: everything its template may quote, from the case, its events, its clock, its fee and
the agency's letter settings, and the body composed from the template (gongkai.applications.letters.templates).

    letter_context(application, kind, *, addressee=None) -> dict   a placeholder with no value reads BLANK
    compose_body(application, kind, context) -> str
    BLANK                                            the blank (＿＿＿＿) a person fills in before issuing
"""

from datetime import date

from gongkai.documents import gongwen
from gongkai.rules.clock import DEFAULT_SETTINGS, ClockError, EventType
from gongkai.rules.fees import FeeMethod
from gongkai.rules.outcomes import OUTCOMES, reason_text
from gongkai.rules.workdays import MissingCalendarYear

from .. import fees
from ..clock import clock_state
from ..services import outcome_of
from .numbering import settings_for
from .templates import CONTACT, REMEDY, TEMPLATES

BLANK = "＿＿＿＿"
# What a decision (the `decided` event) may say for its letter: the information given, the part withheld
# and the reasons.
DECISION_FIELDS = ("disclosed", "withheld_part", "withheld_reason")
REGULATION = "《中华人民共和国政府信息公开条例》"
FEE_MEASURES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"


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
    outcome = outcome_of(application)
    return OUTCOMES[outcome].articles if outcome else ()


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
    outcome = outcome_of(application)
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
        if state.provisional and state.reply_due:
            years = "、".join(str(y) for y in state.provisional_years)
            context["reply_due"] += f"（暂定，{years}年放假安排公布后可能调整）"
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
        # What the decision recorded flows into the answer: what is given, what is withheld and why.
        decided = _last_event(application, EventType.DECIDED)
        for name in DECISION_FIELDS:
            value = (decided.data or {}).get(name, "").strip().rstrip("。")
            if value:
                context[name] = value
    context["partial_given"] = f"，即{context['disclosed']}" if "disclosed" in context else ""
    context.setdefault("disclosed", "所申请的政府信息")
    reason = context.get("withheld_reason")
    context["withheld_reason_sentence"] = f"具体理由：{reason}。" if reason else ""
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
