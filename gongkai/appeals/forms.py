"""Forms for registering and closing cases; field errors in Chinese, the service's refusals added by views."""

from django import forms

from gongkai.applications.models import Application

from .models import CLOSED_RESULTS, Appeal, AppealKind, AppealResult


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class RegisterForm(forms.Form):
    kind = forms.ChoiceField(label="案件类型", choices=AppealKind.choices, widget=forms.RadioSelect)
    application = forms.ModelChoiceField(
        label="所涉申请",
        queryset=Application.objects.none(),
        required=False,
        empty_label="（不涉及具体申请）",
        help_text="对依申请公开答复不服的，选择该申请的受理编号。",
    )
    review = forms.ModelChoiceField(
        label="前置行政复议",
        queryset=Appeal.objects.none(),
        required=False,
        empty_label="（无或未登记）",
        help_text="仅“复议后起诉”填写。",
    )
    body = forms.CharField(label="复议机关/审理法院", max_length=200)
    case_number = forms.CharField(label="案号", max_length=100, required=False)
    filed_on = forms.DateField(label="立案/受理日期", widget=DateInput())
    summary = forms.CharField(label="案情摘要", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = Application.objects.filter(agency=agency).order_by(
            "-received_on", "-sequence"
        )
        self.fields["review"].queryset = Appeal.objects.filter(agency=agency, kind=AppealKind.REVIEW)

    def clean(self):
        data = super().clean()
        if data.get("review") and data.get("kind") != AppealKind.LITIGATION_AFTER_REVIEW:
            self.add_error("review", "只有“复议后起诉”的案件才能关联前置行政复议")
        return data


class CloseForm(forms.Form):
    result = forms.ChoiceField(
        label="结果",
        choices=[(r.value, r.label) for r in CLOSED_RESULTS],
        widget=forms.RadioSelect,
        help_text="维持原答复的选“结果维持”；撤销、变更、确认违法或责令重新答复的选“结果纠正”；"
        "驳回、撤回、终止等选“其他结果”。",
    )
    closed_on = forms.DateField(label="审结日期", widget=DateInput())
    note = forms.CharField(label="审结说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ReopenForm(forms.Form):
    reason = forms.CharField(label="撤销原因", widget=forms.Textarea(attrs={"rows": 2}))


RESULT_LABELS = dict(AppealResult.choices)
