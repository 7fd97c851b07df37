"""Workspace forms of the annual report. Field errors are Chinese; the services re-check what matters."""

from django import forms

from gongkai.formats.declaration import SECTION_NUMBERS

TEXTAREA = {"rows": 14, "class": "report-text"}


class SectionsForm(forms.Form):
    def __init__(self, *args, fmt, **kwargs):
        super().__init__(*args, **kwargs)
        for number in SECTION_NUMBERS:
            tables = number in ("二", "三", "四")
            self.fields[number] = forms.CharField(
                label=fmt.numbered_title(number),
                required=False,
                widget=forms.Textarea(attrs={**TEXTAREA, "rows": 4 if tables else TEXTAREA["rows"]}),
                help_text="表格由记录生成；此处可写表格前的说明文字（可留空）。" if tables else "",
            )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="理由",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "请填写理由。"},
    )


class OpinionForm(forms.Form):
    opinion = forms.CharField(
        label="退回意见",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="写明需要修改的内容，报告编写人将在报告页和待办中看到。",
        error_messages={"required": "退回须填写意见。"},
    )


class EarlyReasonForm(forms.Form):
    early_reason = forms.CharField(
        label="提前发布理由",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="年度结束前发布将锁定全年记录；确需提前发布时填写理由（如上级要求提前报送）。留空即撤销。",
    )


class PublishForm(forms.Form):
    reason = forms.CharField(
        label="更正理由",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="首次发布无需填写；发布更正版本时必填，将与新版本一同公开。",
    )


class OpenReportForm(forms.Form):
    agency = forms.ChoiceField(label="机关", error_messages={"required": "请选择机关。"})
    year = forms.IntegerField(
        label="报告年度",
        min_value=2019,
        max_value=2100,
        error_messages={
            "required": "请填写报告年度。",
            "min_value": "报告年度不能早于2019年（最早的报告格式自2019年起适用）。",
            "invalid": "报告年度须为四位数字。",
        },
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [("", "请选择")] + [(a.code, a.name) for a in agencies]
