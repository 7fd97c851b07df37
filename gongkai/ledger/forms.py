"""Workspace forms of the work ledger; field errors are Chinese."""

from django import forms

from gongkai.ledger.models import LedgerEntry


class EntryForm(forms.ModelForm):
    class Meta:
        model = LedgerEntry
        fields = ["kind", "date", "channel", "title", "times", "materials", "participants", "source", "note"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        error_messages = {
            "kind": {"required": "请选择类别。"},
            "date": {"required": "请填写日期。", "invalid": "日期格式应为 2020-01-31。"},
            "title": {"required": "请填写名称。"},
            "source": {"required": "请填写来源，例如签到表、播放记录或会议纪要。"},
            "times": {"invalid": "次数须为整数。"},
            "materials": {"invalid": "份数须为整数。"},
            "participants": {"invalid": "人数须为整数。"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "请选择"), *list(self.fields["kind"].choices)[1:]]
        self.fields["channel"].choices = [("", "（无）"), *list(self.fields["channel"].choices)[1:]]


class ImportForm(forms.Form):
    file = forms.FileField(
        label="台账文件（.csv 或 .xlsx）",
        error_messages={"required": "请选择文件。"},
        help_text="第一行为表头：类别、日期、宣传渠道、名称、次数、发放材料、参加人数、来源、备注。任一行有误则整批不保存。",
    )
