"""Forms: intake by staff, the public online form, tracking, and one small form per event type.

Field errors are in Chinese; the clock's own refusals are added by the views as non-field errors.
"""

from datetime import datetime, time

from django import forms
from django.core import validators
from django.utils import timezone

from gongkai.rules.channels import CHANNEL_CHOICES, Channel, ReceiptError, receipt_date
from gongkai.rules.clock import DEFAULT_SETTINGS, DeliveryMethod, EventType, Party
from gongkai.rules.fees import FeeMethod
from gongkai.rules.identity import normalise_resident_id, validate_resident_id
from gongkai.rules.outcomes import (
    APPLICANT_TYPE_CHOICES,
    ApplicantType,
    outcome_groups,
    reason_text,
)
from gongkai.rules.uscc import validate_uscc

from .models import Carrier, IdType, Route
from .uploads import sniff


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ApplicantForm(forms.Form):
    """The fields of Art. 29: who applies, how to reach them, what they ask for and in what form."""

    applicant_type = forms.ChoiceField(
        label="申请人类型",
        choices=APPLICANT_TYPE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择申请人类型：自然人，或法人或其他组织的类别。"},
    )
    applicant_name = forms.CharField(
        label="姓名/名称",
        max_length=200,
        help_text="自然人填姓名；法人或其他组织填全称。",
        error_messages={"required": "请填写申请人的姓名或名称。"},
    )
    id_type = forms.ChoiceField(
        label="证件类型", choices=[("", "（自然人填写）"), *IdType.choices], required=False
    )
    id_number = forms.CharField(
        label="证件号码", max_length=40, required=False, help_text="居民身份证为 18 位，最后一位可为 X。"
    )
    uscc = forms.CharField(
        label="统一社会信用代码", max_length=18, required=False, help_text="法人或其他组织填写，18 位。"
    )
    legal_representative = forms.CharField(label="法定代表人", max_length=100, required=False)
    contact_person = forms.CharField(
        label="联系人", max_length=100, required=False, help_text="法人或其他组织填写。"
    )
    phone = forms.CharField(label="联系电话", max_length=50, required=False)
    email = forms.EmailField(
        label="电子邮箱", required=False, error_messages={"invalid": "请填写有效的电子邮箱地址。"}
    )
    address = forms.CharField(label="通信地址", max_length=300, required=False)
    postcode = forms.RegexField(
        label="邮政编码",
        regex=r"^\d{6}$",
        required=False,
        error_messages={"invalid": "邮政编码应为 6 位数字。"},
    )
    request_description = forms.CharField(
        label="所需信息内容描述",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="请写明所需信息的名称、文号或者便于查询的其他特征性描述。",
        error_messages={"required": "请描述所需的政府信息（名称、文号或者便于查询的其他特征）。"},
    )
    request_document_number = forms.CharField(label="所需信息文号", max_length=100, required=False)
    carriers = forms.MultipleChoiceField(
        label="指定提供方式",
        choices=Carrier.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "请至少选择一种提供方式。"},
    )
    routes = forms.MultipleChoiceField(
        label="获取信息方式",
        choices=Route.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "请至少选择一种获取方式。"},
    )

    def clean_uscc(self):
        return self.cleaned_data["uscc"].strip()

    def clean(self):
        data = super().clean()
        kind = data.get("applicant_type")
        if kind == ApplicantType.NATURAL_PERSON:
            if not data.get("id_type"):
                self.add_error("id_type", "自然人申请须填写证件类型。")
            number = (data.get("id_number") or "").strip()
            if not number:
                self.add_error(
                    "id_number", "自然人申请须填写证件号码（《条例》第二十九条要求提供身份证明）。"
                )
            elif data.get("id_type") == IdType.RESIDENT_ID:
                number = normalise_resident_id(number)
                try:
                    validate_resident_id(number, today=timezone.localdate())
                except ValueError as exc:
                    self.add_error("id_number", f"{exc}。")
            data["id_number"] = number
        elif kind:
            if not data.get("uscc"):
                self.add_error("uscc", "法人或其他组织申请须填写统一社会信用代码。")
            else:
                try:
                    validate_uscc(data["uscc"])
                except ValueError as exc:
                    self.add_error("uscc", f"{exc}。")
            if not data.get("contact_person"):
                self.add_error("contact_person", "法人或其他组织申请须填写联系人。")
            data["id_number"] = ""
        if not any(data.get(f) for f in ("phone", "email", "address")):
            self.add_error("phone", "请至少填写联系电话、电子邮箱或通信地址中的一项，以便联系和送达。")
        return data


def clean_document(upload, required: bool):
    if not upload:
        if required:
            raise forms.ValidationError("请上传身份证明（身份证或营业执照等的扫描件或照片）。")
        return None
    try:
        sniff(upload)
    except Exception as exc:
        raise forms.ValidationError(getattr(exc, "messages", [str(exc)])[0]) from exc
    return upload


class IntakeForm(ApplicantForm):
    """Staff register an application that arrived by any channel (Art. 31 receipt date)."""

    channel = forms.ChoiceField(
        label="申请渠道", choices=CHANNEL_CHOICES, error_messages={"required": "请选择申请渠道。"}
    )
    arrived_on = forms.DateField(
        label="到达日期",
        widget=DateInput(),
        help_text="申请书实际送到（或系统收到）的日期。",
        error_messages={"required": "请填写申请书到达的日期。", "invalid": "请按“年-月-日”填写日期。"},
    )
    arrived_time = forms.TimeField(
        label="到达时间", required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    confirmed_on = forms.DateField(
        label="签收/确认日期",
        required=False,
        widget=DateInput(),
        help_text="邮寄（签收）填签收日期；平常信函填与申请人确认的日期（应为到达当日）；网络、传真填双方确认的日期；当面提交不填。",
    )
    department = forms.ModelChoiceField(
        label="承办科室", queryset=None, required=False, empty_label="（暂不指定）"
    )
    identity_document = forms.FileField(
        label="身份证明材料", required=False, help_text="PDF、JPEG 或 PNG，最大 10 MB。"
    )
    note = forms.CharField(label="备注", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    field_order = ["channel", "arrived_on", "arrived_time", "confirmed_on"]

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = agency
        self.fields["department"].queryset = agency.departments.all()
        self.receipt = None

    def clean_identity_document(self):
        return clean_document(self.cleaned_data.get("identity_document"), required=False)

    def clean(self):
        data = super().clean()
        arrived_on = data.get("arrived_on")
        if arrived_on:
            if arrived_on > timezone.localdate():
                self.add_error("arrived_on", "到达日期不能晚于今天。")
            moment = datetime.combine(arrived_on, data.get("arrived_time") or time(9, 0))
            data["arrived_at"] = timezone.make_aware(moment)
        if data.get("confirmed_on") and data["confirmed_on"] > timezone.localdate():
            self.add_error("confirmed_on", "签收/确认日期不能晚于今天。")
        if arrived_on and data.get("channel") and not self.errors.get("confirmed_on"):
            try:
                self.receipt = receipt_date(data["channel"], arrived_on, data.get("confirmed_on"))
            except ReceiptError as exc:
                self.add_error("confirmed_on", f"{exc}。")
        return data


class OnlineApplicationForm(ApplicantForm):
    """The public form: the same fields; the submission itself is the mutual confirmation of Art. 31."""

    # Not `required`: clean_identity_document says what is missing more helpfully than the default message.
    identity_document = forms.FileField(
        label="身份证明",
        required=False,
        help_text="身份证、营业执照等的扫描件或照片；PDF、JPEG 或 PNG，最大 10 MB。",
    )
    # A field people cannot see; software that fills every field gives itself away.
    website = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"})
    )

    def clean_identity_document(self):
        return clean_document(self.cleaned_data.get("identity_document"), required=True)

    def online_data(self) -> dict:
        now = timezone.now()
        data = dict(self.cleaned_data)
        data.update(channel=Channel.ONLINE, arrived_at=now, confirmed_on=timezone.localdate(now))
        return data


class TrackForm(forms.Form):
    reference = forms.CharField(label="受理编号", max_length=60, help_text="例如 YQTYJRSWJ-2026-00012。")
    query_code = forms.CharField(label="查询码", max_length=20, help_text="提交申请时显示的 10 位查询码。")

    def clean_reference(self):
        return self.cleaned_data["reference"].strip().upper()


# --- events ------------------------------------------------------------------------------------------


DATE_ERRORS = {"required": "请填写日期。", "invalid": "请按“年-月-日”填写日期。"}


class EventForm(forms.Form):
    date = forms.DateField(label="日期", widget=DateInput(), error_messages=DATE_ERRORS)
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    data_fields: tuple[str, ...] = ()

    def __init__(self, *args, agency=None, next_event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = agency
        # What gongkai.rules.clock.allowed_events says of this event now (None: not expected next; the
        # clock then refuses it with its reason when it is submitted).
        self.next_event = next_event
        self.fields["date"].initial = timezone.localdate()

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value > timezone.localdate():
            raise forms.ValidationError("日期不能晚于今天：只记录已经发生的事。")
        return value

    def event_data(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.data_fields}


class CorrectionRequestedForm(EventForm):
    correction_deadline = forms.DateField(
        label="补正期限",
        widget=DateInput(),
        help_text="由本机关确定的合理补正期限。",
        error_messages={"required": "请填写补正期限。", "invalid": "请按“年-月-日”填写日期。"},
    )
    note = forms.CharField(
        label="需补正的事项",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="须一次性告知全部需补正的事项（《条例》第三十条）；将写入补正告知书。",
        error_messages={"required": "请写明需要补正的全部事项（须一次性告知）。"},
    )

    def clean(self):
        cleaned = super().clean()
        day, deadline = cleaned.get("date"), cleaned.get("correction_deadline")
        if day and deadline and deadline <= day:
            self.add_error("correction_deadline", "补正期限应晚于发出补正告知的日期。")
        return cleaned

    data_fields = ("correction_deadline",)
    field_order = ["date", "correction_deadline", "note"]


class CorrectionReceivedForm(EventForm):
    pass


PARTY_CHOICES = [(p.value, p.label) for p in Party]


class ConsultationSentForm(EventForm):
    party = forms.ChoiceField(
        label="征求意见对象",
        choices=PARTY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择征求意见的对象。"},
    )
    addressee = forms.CharField(
        label="对象名称", max_length=200, error_messages={"required": "请填写第三方或机关的名称。"}
    )
    data_fields = ("party", "addressee")


class ConsultationAnsweredForm(EventForm):
    party = forms.ChoiceField(
        label="征求意见对象",
        choices=PARTY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择征求意见的对象。"},
    )
    opinion = forms.ChoiceField(
        label="意见",
        choices=[("agree", "同意公开"), ("disagree", "不同意公开"), ("other", "其他意见")],
        error_messages={"required": "请选择对方的意见。"},
    )
    data_fields = ("party", "opinion")


class ExtensionApprovedForm(EventForm):
    workdays = forms.IntegerField(
        label="延长工作日数",
        min_value=1,
        error_messages={
            "required": "请填写延长的工作日数。",
            "invalid": "延长工作日数应为整数。",
            "min_value": "至少延长 1 个工作日。",
        },
    )
    approved_by = forms.CharField(
        label="批准人（政府信息公开工作机构负责人）",
        max_length=50,
        help_text="延长答复期限须经政府信息公开工作机构负责人同意（《条例》第三十三条）。",
        error_messages={"required": "请填写批准延期的政府信息公开工作机构负责人。"},
    )
    note = forms.CharField(
        label="延期理由",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="将写入延期答复告知书，例如：所需信息涉及多个科室，需要汇总核实。",
        error_messages={"required": "请填写延期理由，它将写入延期答复告知书。"},
    )
    notice = forms.ChoiceField(
        label="告知申请人",
        choices=[
            ("draft", "记录后立即拟写延期答复告知书（按本页的延长日数和理由生成，送签后送达申请人）"),
            ("notified", "已另行告知申请人（例如已口头或书面告知）"),
        ],
        initial="draft",
        widget=forms.RadioSelect,
        help_text="延长答复期限须告知申请人（《条例》第三十三条）。",
        error_messages={"required": "延期须告知申请人（《条例》第三十三条）：请选择告知方式。"},
    )
    data_fields = ("workdays", "approved_by")
    field_order = ["date", "workdays", "approved_by", "note", "notice"]

    @property
    def draft_notice(self) -> bool:
        return self.cleaned_data.get("notice") == "draft"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.agency is not None and self.agency.disclosure_office_head:
            self.fields["approved_by"].initial = self.agency.disclosure_office_head
        limit = self.next_event.max_workdays if self.next_event else DEFAULT_SETTINGS.max_extension_workdays
        workdays = self.fields["workdays"]
        workdays.max_value = workdays.initial = workdays.widget.attrs["max"] = limit
        workdays.validators.append(validators.MaxValueValidator(limit))
        workdays.error_messages["max_value"] = f"延长期限最长不得超过 {limit} 个工作日。"


class ReasonsRequestedForm(EventForm):
    note = forms.CharField(label="要求说明的事项", widget=forms.Textarea(attrs={"rows": 3}))


class DelayedDeadlineSetForm(EventForm):
    deadline = forms.DateField(label="延迟答复期限", widget=DateInput())
    data_fields = ("deadline",)


class FeeNoticeReceivedForm(EventForm):
    date = forms.DateField(label="申请人收到收费通知的日期", widget=DateInput())
    fee_method = forms.ChoiceField(
        label="计收方式", choices=[(m.value, m.label) for m in FeeMethod if m is not FeeMethod.NONE]
    )
    pages = forms.IntegerField(
        label="页数（按量计收时填写）",
        min_value=1,
        required=False,
        help_text="金额按国办函〔2020〕109号的标准自动计算；按件计收按该申请人本月第几件申请计算。",
    )
    data_fields = ("fee_method", "pages")
    field_order = ["date", "fee_method", "pages", "note"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("fee_method") == FeeMethod.PER_PAGE and not cleaned.get("pages"):
            self.add_error("pages", "按量计收须填写页数。")
        if cleaned.get("fee_method") == FeeMethod.PER_ITEM and cleaned.get("pages"):
            self.add_error("pages", "按件计收不填页数：同一申请不得同时按件和按量计收。")
        return cleaned


class FeePaidForm(EventForm):
    amount = forms.IntegerField(
        label="实缴金额（元）", min_value=0, required=False, help_text="留空则为收费通知的金额。"
    )
    data_fields = ("amount",)


def outcome_choices():
    groups = []
    for group, outcomes in outcome_groups():
        members = [(o.value, reason_text(o)) for o in outcomes]
        if len(members) == 1:
            groups.extend(members)
        else:
            groups.append((group.name, members))
    return [("", "（请选择）"), *groups]


class DecidedForm(EventForm):
    outcome = forms.ChoiceField(
        label="办理结果",
        choices=outcome_choices,
        help_text="每件申请只计一个结果；区分处理的只计“部分公开”。",
        error_messages={"required": "请选择办理结果。"},
    )
    disclosed = forms.CharField(
        label="提供的信息",
        required=False,
        max_length=300,
        help_text="予以公开或部分公开时填写，将写入答复书，例如：2025年度补助发放名单（共3页）。",
    )
    withheld_part = forms.CharField(
        label="不予公开的部分",
        required=False,
        max_length=300,
        help_text="部分公开时填写，将写入答复书（未填的，答复书草稿留空白待补），例如：名单中的身份证号码和银行账号。",
    )
    withheld_reason = forms.CharField(
        label="不予公开的理由",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text="部分公开或不予公开时填写，将写入答复书，例如：属于个人隐私，公开会对第三方合法权益造成损害。",
    )
    note = forms.CharField(
        label="内部说明", required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="不写入答复书。"
    )
    data_fields = ("outcome", "disclosed", "withheld_part", "withheld_reason")
    field_order = ["date", "outcome", "disclosed", "withheld_part", "withheld_reason", "note"]


class DeliveredForm(EventForm):
    method = forms.ChoiceField(
        label="送达方式",
        choices=[(m.value, m.label) for m in DeliveryMethod],
        widget=forms.RadioSelect,
        help_text="直接送达以签收日为准；邮寄送达以交邮之日为准；电子送达以邮件进入申请人邮箱之日为准（系统发送邮件后自动记录）。",
        error_messages={"required": "请选择送达方式。"},
    )
    data_fields = ("method",)


class WithdrawnForm(EventForm):
    pass


EVENT_FORMS = {
    EventType.CORRECTION_REQUESTED: CorrectionRequestedForm,
    EventType.CORRECTION_RECEIVED: CorrectionReceivedForm,
    EventType.CONSULTATION_SENT: ConsultationSentForm,
    EventType.CONSULTATION_ANSWERED: ConsultationAnsweredForm,
    EventType.EXTENSION_APPROVED: ExtensionApprovedForm,
    EventType.REASONS_REQUESTED: ReasonsRequestedForm,
    EventType.DELAYED_DEADLINE_SET: DelayedDeadlineSetForm,
    EventType.FEE_NOTICE_RECEIVED: FeeNoticeReceivedForm,
    EventType.FEE_PAID: FeePaidForm,
    EventType.DECIDED: DecidedForm,
    EventType.DELIVERED: DeliveredForm,
    EventType.WITHDRAWN: WithdrawnForm,
}
