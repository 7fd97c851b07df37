"""Workspace forms. Field errors are Chinese; the services re-check what matters."""

from django import forms
from django.urls import reverse
from django.utils import timezone

from gongkai.agencies.models import Department
from gongkai.disclosure.models import (
    CatalogueCategory,
    DisclosureAttribute,
    Distribution,
    Item,
    ItemKind,
    ItemStatus,
    OfficialDocument,
)
from gongkai.rules.document_number import normalise_document_number, validate_document_number
from gongkai.rules.secrecy import QUESTIONS as SECRECY_QUESTIONS

# The button that accepts the normalised 文号 offered under the field.
FIX_FIELD = "document_number_fix"


def chinese_blank_choices(form) -> None:
    """Label the empty option of every select in Chinese: 请选择 when required, 无 when optional."""
    for field in form.fields.values():
        label = "请选择" if field.required else "（无）"
        if isinstance(field, forms.ModelChoiceField):
            field.empty_label = label
        elif isinstance(field, forms.ChoiceField):
            choices = list(field.choices)
            if choices and choices[0][0] == "":
                field.choices = [("", label), *choices[1:]]


class DocumentNumberMixin:
    """Checks 文号 against GB/T 9704 and, for legacy input, offers the normalised form in one click."""

    document_number_required = False

    def _prepare_fix(self, data):
        if data is not None and data.get(FIX_FIELD):
            data = data.copy()
            data["document_number"] = data[FIX_FIELD]
        return data

    def clean_document_number(self):
        value = (self.cleaned_data.get("document_number") or "").strip()
        self.suggested_document_number = None
        if not value:
            if self.document_number_required:
                raise forms.ValidationError("请填写文号。")
            return value
        try:
            validate_document_number(value)
        except ValueError as exc:
            self.suggested_document_number = normalise_document_number(value)
            raise forms.ValidationError(str(exc)) from exc
        return value


class ItemForm(DocumentNumberMixin, forms.ModelForm):
    class Meta:
        model = Item
        fields = [
            "title",
            "document_number",
            "formed_on",
            "publisher",
            "category",
            "topic",
            "genre",
            "kind",
            "interprets",
            "validity",
            "valid_from",
            "invalid_from",
            "keywords",
            "summary",
            "body",
            "attribute",
            "withheld_basis",
        ]
        widgets = {
            "formed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "valid_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "invalid_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 14, "data-body-editor": ""}),
        }
        help_texts = {
            "body": "可直接从 Word、WPS 复制粘贴：标题、列表、表格和加粗会保留；保存时会移除脚本等不安全内容。"
        }

    def __init__(self, *args, agency, **kwargs):
        if args:
            args = (self._prepare_fix(args[0]), *args[1:])
        elif "data" in kwargs:
            kwargs["data"] = self._prepare_fix(kwargs["data"])
        super().__init__(*args, **kwargs)
        self.agency = agency
        self.suggested_document_number = None
        self.fields["category"].queryset = CatalogueCategory.objects.filter(agency=agency).order_by(
            "position", "code"
        )
        policies = Item.objects.filter(
            agency=agency, kind__in=[ItemKind.REGULATION, ItemKind.NORMATIVE]
        ).exclude(status=ItemStatus.WITHDRAWN)
        if self.instance.pk:
            policies = policies.exclude(pk=self.instance.pk)
        self.fields["interprets"].queryset = policies.order_by("-formed_on")
        if not self.instance.pk:
            # A new instance's empty values sit in self.initial, which would win over field initials.
            self.initial["publisher"] = self.initial["publisher"] or agency.name
            self.initial["formed_on"] = self.initial.get("formed_on") or timezone.localdate()
        if self.instance.pk:
            self.fields["body"].widget.attrs["data-image-upload-url"] = reverse(
                "disclosure:attachment_upload", args=[self.instance.pk]
            )
        chinese_blank_choices(self)

    def clean(self):
        data = super().clean()
        attribute = data.get("attribute")
        if attribute == DisclosureAttribute.WITHHELD and not data.get("withheld_basis"):
            self.add_error("withheld_basis", "不予公开的信息须选择法律依据（《条例》第十四条至第十六条）。")
        if attribute != DisclosureAttribute.WITHHELD:
            data["withheld_basis"] = ""
        if data.get("kind") == ItemKind.INTERPRETATION and not data.get("interprets"):
            self.add_error("interprets", "政策解读须关联它所解读的政策文件。")
        if data.get("kind") != ItemKind.INTERPRETATION:
            data["interprets"] = None
        valid_from, invalid_from = data.get("valid_from"), data.get("invalid_from")
        if valid_from and invalid_from and invalid_from < valid_from:
            self.add_error("invalid_from", "失效/废止日期不能早于生效日期。")
        return data


class CategoryForm(forms.ModelForm):
    class Meta:
        model = CatalogueCategory
        fields = ["parent", "code", "name", "art_items", "update_frequency", "department", "position"]
        help_texts = {"code": "字母、数字、连字符，用于门户网址，如 zcwj。"}

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = agency
        parents = CatalogueCategory.objects.filter(agency=agency)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents.order_by("position", "code")
        self.fields["department"].queryset = Department.objects.filter(agency=agency).order_by("name")
        chinese_blank_choices(self)

    def clean_code(self):
        code = self.cleaned_data["code"]
        taken = CatalogueCategory.objects.filter(agency=self.agency, code=code).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError("本机关已有相同代码的类目。")
        return code


class DocumentForm(DocumentNumberMixin, forms.ModelForm):
    document_number_required = True

    class Meta:
        model = OfficialDocument
        fields = [
            "document_number",
            "title",
            "issued_on",
            "department",
            "attribute",
            "attribute_reason",
            "item",
        ]
        widgets = {
            "issued_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "attribute_reason": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, agency, **kwargs):
        if args:
            args = (self._prepare_fix(args[0]), *args[1:])
        super().__init__(*args, **kwargs)
        self.agency = agency
        self.suggested_document_number = None
        self.fields["department"].queryset = Department.objects.filter(agency=agency).order_by("name")
        self.fields["item"].queryset = Item.objects.filter(agency=agency).order_by("-created_at")
        self.fields["item"].required = False
        chinese_blank_choices(self)

    def clean(self):
        data = super().clean()
        not_proactive = data.get("attribute") and data["attribute"] != DisclosureAttribute.PROACTIVE
        if not_proactive and not (data.get("attribute_reason") or "").strip():
            self.add_error("attribute_reason", "依申请公开或不予公开的公文须说明理由。")
        number = data.get("document_number")
        if number:
            taken = OfficialDocument.objects.filter(agency=self.agency, document_number=number)
            if taken.exclude(pk=self.instance.pk).exists():
                self.add_error("document_number", "该文号已登记。")
        return data


class DistributionForm(forms.ModelForm):
    class Meta:
        model = Distribution
        fields = ["channel", "outlet", "count", "date", "note"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chinese_blank_choices(self)

    def clean_count(self):
        count = self.cleaned_data["count"]
        if count < 1:
            raise forms.ValidationError("次数至少为 1。")
        return count


class ReasonForm(forms.Form):
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class AttachmentForm(forms.Form):
    file = forms.FileField(label="附件", help_text="PDF、OFD、DOC、DOCX、XLS、XLSX、JPEG、PNG，最大 20 MB。")


class ArchiveForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2008, max_value=2100)


YES_NO = [("yes", "是"), ("no", "否")]


class SecrecyReviewForm(forms.Form):
    """保密审查: each question of gongkai.rules.secrecy answered 是/否, and the reviewer's opinion."""

    opinion = forms.CharField(
        label="审查意见",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="写明审查结论；涉及第三方权益或需报批的，写明处理情况或审批意见。",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = {
            code: forms.ChoiceField(label=question, choices=YES_NO, widget=forms.RadioSelect)
            for code, question in SECRECY_QUESTIONS
        }
        self.fields = {**fields, "opinion": self.fields["opinion"]}
        for field in fields.values():
            field.error_messages["required"] = "请选择“是”或“否”。"
        self.fields["opinion"].error_messages["required"] = "请填写审查意见。"

    def checklist(self) -> dict:
        return {code: self.cleaned_data[code] == "yes" for code, _ in SECRECY_QUESTIONS}


class SignForm(forms.Form):
    """领导签发: publish at once, or at a 发布时间 still to come."""

    when = forms.ChoiceField(
        label="发布时间",
        choices=[("now", "签发后立即发布"), ("later", "在指定时间发布")],
        widget=forms.RadioSelect,
        initial="now",
    )
    publish_at = forms.DateTimeField(
        label="指定的发布时间",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text="到时由系统自动发布；此前不在门户、检索和数据接口中出现。",
    )

    def clean(self):
        data = super().clean()
        if data.get("when") == "later":
            publish_at = data.get("publish_at")
            if publish_at is None:
                self.add_error("publish_at", "请填写发布时间。")
            elif publish_at <= timezone.now():
                self.add_error("publish_at", "指定的发布时间须晚于现在；要立即发布请选择“签发后立即发布”。")
        elif data.get("publish_at") is not None:
            # A time typed beside "now" is a likely slip: ask rather than publish at once.
            self.add_error(
                "when", "已填写发布时间：要在该时间发布请选择“在指定时间发布”，要立即发布请清空发布时间。"
            )
        return data
