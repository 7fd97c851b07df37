"""Workspace forms of the report import. Field errors are Chinese; the services re-check what matters."""

from django import forms

from gongkai.formats.registry import all_formats
from gongkai.importer.corrections import CorrectionError, cell_names, typed_value
from gongkai.importer.uploads import sniff_report

YEAR_ERRORS = {
    "required": "请填写报告年度。",
    "min_value": "报告年度不能早于2019年（最早的报告格式自2019年起适用）。",
    "max_value": "报告年度不能晚于2100年。",
    "invalid": "报告年度须为四位数字。",
}


class UploadForm(forms.Form):
    agency = forms.ChoiceField(label="机关", error_messages={"required": "请选择机关。"})
    file = forms.FileField(
        label="报告文件",
        help_text="已发布的年度报告：PDF（文字版或扫描件）、OFD、Word（.doc、.docx）、Excel（.xls、.xlsx）、网页或文本，按文件内容识别类型和编码。",
        error_messages={
            "required": "请选择文件。",
            "empty": "文件是空的。",
            "invalid": "未能收到文件，请重新选择。",
        },
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [("", "请选择")] + [(a.code, a.name) for a in agencies]
        self.fields["agency"].error_messages["invalid_choice"] = "请从列表中选择您可以为其导入报告的机关。"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content, self.kind = sniff_report(upload)
        return upload


class CorrectionForm(forms.Form):
    """Year, format and one text field per cell; a value that does not fit stays in the field with the reason."""

    year = forms.IntegerField(label="报告年度", min_value=2019, max_value=2100, error_messages=YEAR_ERRORS)
    format_version = forms.ChoiceField(label="报告格式", error_messages={"required": "请选择报告格式。"})

    def __init__(self, *args, fmt, **kwargs):
        super().__init__(*args, **kwargs)
        self.fmt = fmt
        self.fields["format_version"].choices = [
            (f.version, f"{f.version}年版（{f.notice}）") for f in all_formats()
        ]
        self.fields["format_version"].error_messages["invalid_choice"] = "没有这个报告格式。"
        names = cell_names(fmt)
        self.columns = dict(fmt.cells())
        for address in self.columns:
            self.fields[address] = forms.CharField(
                label=names[address], required=False, max_length=30, strip=True,
                error_messages={"max_length": "最多 30 个字符。"},
                widget=forms.TextInput(attrs={"size": 5, "inputmode": "decimal", "autocomplete": "off"}),
            )  # fmt: skip

    def clean(self):
        cleaned = super().clean()
        self.values = {}
        for address, column in self.columns.items():
            if address in self.errors:
                continue
            try:
                self.values[address] = typed_value(cleaned.get(address, ""), column)
            except CorrectionError as e:
                self.add_error(address, str(e))
        return cleaned


class SaveForm(forms.Form):
    reason = forms.CharField(
        label="替换理由",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="该年度已有发布的报告时必填，与新版本一同保存；原版本仍保留、可下载。",
    )

    published_on = forms.DateField(
        label="发布日期",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="报告原文落款的成文或发布日期；原文中已找到时可留空。",
        error_messages={"invalid": "请按“年-月-日”填写日期，例如 2021-01-28。"},
    )
    publish_source = forms.BooleanField(
        label="在门户网站公开原始文件",
        required=False,
        help_text="默认不公开：门户网站只提供本系统生成的网页，原始文件仅供工作人员核对。",
    )
    confirm_unread = forms.BooleanField(label="确认保存", required=False)

    def __init__(
        self,
        *args,
        replacing: bool,
        unread: int = 0,
        total: int = 0,
        under: bool = False,
        stated=None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.replacing = replacing
        self.under = under
        self.stated = stated
        self.fields[
            "confirm_unread"
        ].label = f"我已核对：{total}个单元格中有{unread}个未能读取，仍保存为已发布报告，门户网站将标明“部分数据未能读取”"
        if stated:
            self.fields[
                "published_on"
            ].help_text = f"原文中找到的日期为{stated:%Y年%m月%d日}；如不正确请填写。"

    def clean(self):
        data = super().clean()
        if self.under and not data.get("confirm_unread"):
            self.add_error("confirm_unread", "未能读取的数据较多，保存前须勾选确认。")
        if not self.stated and not data.get("published_on") and "published_on" not in self.errors:
            self.add_error("published_on", "原文中没有找到发布日期，请填写报告的成文或发布日期。")
        return data

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if self.replacing and not reason:
            raise forms.ValidationError("该年度已有发布的报告，替换须说明理由。")
        return reason


class ExternalAgencyForm(forms.Form):
    """A supervisor adds an agency outside gongkai, to import its published reports."""

    name = forms.CharField(
        label="机关名称",
        max_length=100,
        help_text="与报告标题中的写法一致，例如：乐清市农业农村局。",
        error_messages={"required": "请填写机关名称。"},
    )
    code = forms.SlugField(
        label="简称代码",
        max_length=40,
        help_text="用于网址，只能包含小写字母、数字、连字符和下划线，例如 yqsnyncj。",
        error_messages={
            "required": "请填写简称代码。",
            "invalid": "简称代码只能包含小写字母、数字、连字符和下划线。",
        },
    )
    uscc = forms.CharField(label="统一社会信用代码", max_length=18, required=False, help_text="可不填。")
    parent = forms.ChoiceField(label="上级机关", error_messages={"required": "请选择上级机关。"})
    kind = forms.ChoiceField(
        label="机关类型",
        choices=[("department", "政府部门"), ("government", "人民政府")],
        help_text="本级人民政府的年度报告于 3 月 31 日前公布；政府部门的于 1 月 31 日前公布。",
    )

    def __init__(self, *args, parents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].choices = [("", "请选择")] + [(a.code, a.name) for a in parents]
        self.fields["parent"].error_messages["invalid_choice"] = "只能在您监督的机关之下新建机关。"
        self.fields["kind"].error_messages["invalid_choice"] = "请选择机关类型。"
