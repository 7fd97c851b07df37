"""An agency's letter settings (LetterSettings), kept by its 管理员 on the workspace: the 文号 代字 of its letters
and the remedy clause's reviewing body, court and periods.

    LetterSettingsForm(data, instance=…)          Chinese field errors; the 代字 must give a GB/T 9704 文号
    save_letter_settings(form, *, actor) -> (LetterSettings, changed fields)   audited, one transaction
    next_number_preview(agency, year) -> str      the 文号 the next issued letter would get (nothing taken)

Issued letters keep the text and 文号 they were issued with; a change applies to letters issued afterwards
(drafts quote the remedy clause as drafted, so a draft may need regenerating).
"""

from django import forms
from django.db import transaction
from django.utils import timezone

from gongkai import audit
from gongkai.rules.document_number import parse_document_number

from ..models import LetterCounter, LetterSettings
from .numbering import format_number

# 行政复议法 (2023) Art. 20: at least 60 days from knowing of the act; a law may set a longer period.
MIN_REVIEW_DAYS = 60
# 行政诉讼法 Art. 46: six months unless a law provides otherwise.
MAX_LITIGATION_MONTHS = 24
FIELDS = [
    "number_prefix",
    "review_body",
    "review_days",
    "court",
    "litigation_months",
    "receipt_issued_by_registrar",
]


class LetterSettingsForm(forms.ModelForm):
    class Meta:
        model = LetterSettings
        fields = FIELDS
        help_texts = {
            "review_days": "《中华人民共和国行政复议法》规定为 60 日；法律规定超过 60 日的，按其规定。",
            "litigation_months": "《中华人民共和国行政诉讼法》规定为 6 个月；法律另有规定的，按其规定。",
        }
        error_messages = {
            "number_prefix": {"required": "请填写文书编号代字，例如：乐民公开。"},
            "review_body": {"required": "请填写行政复议机关，例如：乐清市人民政府。"},
            "review_days": {
                "required": "请填写申请行政复议期限。",
                "invalid": "申请行政复议期限应为整数（日）。",
            },
            "litigation_months": {
                "required": "请填写提起行政诉讼期限。",
                "invalid": "提起行政诉讼期限应为整数（月）。",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The remedy clause names the reviewing body; without it every letter would carry a blank.
        self.fields["review_body"].required = True

    def clean_number_prefix(self):
        prefix = "".join(self.cleaned_data["number_prefix"].split())
        if any(c in prefix for c in "〔〕[]［］【】()（）"):
            raise forms.ValidationError("代字不含年份和括号：系统按“代字〔年份〕序号号”自动编号。")
        if prefix.endswith("号") or prefix[-1:].isdigit():
            raise forms.ValidationError("代字不含序号和“号”字：系统按“代字〔年份〕序号号”自动编号。")
        try:
            parse_document_number(format_number(prefix, timezone.localdate().year, 1))
        except ValueError as exc:
            raise forms.ValidationError(f"按此代字编出的文号不符合规范：{exc}。") from None
        return prefix

    def clean_review_body(self):
        return self.cleaned_data["review_body"].strip()

    def clean_court(self):
        return self.cleaned_data["court"].strip()

    def clean_review_days(self):
        days = self.cleaned_data["review_days"]
        if days < MIN_REVIEW_DAYS:
            raise forms.ValidationError(
                f"申请行政复议期限不得少于 {MIN_REVIEW_DAYS} 日（《中华人民共和国行政复议法》第二十条）。"
            )
        if days > 366:
            raise forms.ValidationError("申请行政复议期限过长，请核对（单位为日）。")
        return days

    def clean_litigation_months(self):
        months = self.cleaned_data["litigation_months"]
        if not 1 <= months <= MAX_LITIGATION_MONTHS:
            raise forms.ValidationError(
                f"提起行政诉讼期限应在 1 至 {MAX_LITIGATION_MONTHS} 个月之间，通常为 6 个月。"
            )
        return months


def save_letter_settings(form: LetterSettingsForm, *, actor) -> tuple[LetterSettings, list[str]]:
    """Save a valid form; the audit entry holds each changed field's old and new value."""
    settings = form.instance
    with transaction.atomic():
        before = (
            LetterSettings.objects.filter(pk=settings.pk).values(*FIELDS).first() if settings.pk else None
        ) or {}
        settings = form.save()
        changed = [name for name in FIELDS if before.get(name) != getattr(settings, name)]
        if changed:
            audit.record(
                "letter_settings.change",
                actor=actor,
                agency=settings.agency_id,
                target=settings,
                details={name: {"old": before.get(name), "new": getattr(settings, name)} for name in changed},
            )
    return settings, changed


def next_number_preview(agency, year: int) -> str:
    counter = LetterCounter.objects.filter(agency=agency, year=year).first()
    return format_number(agency.letter_settings.number_prefix, year, (counter.last if counter else 0) + 1)
