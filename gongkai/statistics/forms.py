from django import forms

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label="统计文件",
        help_text="CSV 或 XLSX，第1行为表头：类别、名称、开始日期、结束日期、数值、来源、备注。"
        "有任何一行出错则全部不保存。",
        error_messages={"required": "请选择要导入的文件。", "empty": "上传的文件是空的。"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".csv", ".xlsx")):
            raise forms.ValidationError("只能导入 .csv 或 .xlsx 文件。")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("文件超过 5 MB，请分批导入。")
        return upload
