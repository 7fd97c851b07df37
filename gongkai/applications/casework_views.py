"""Staff screens for the office's work on a case (namespace `applications`): assign one case or many, add an
internal note, void a wrong event with a reason, or correct it (void and re-enter in one step)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from gongkai.agencies.access import agencies_where, load_authorized
from gongkai.agencies.models import Department
from gongkai.rules.clock import ClockError, EventType
from gongkai.rules.workdays import MissingCalendarYear

from . import casework, services
from .access import CASES
from .forms import EVENT_FORMS, DateInput
from .models import ApplicationEvent


class AssignForm(forms.Form):
    department = forms.ModelChoiceField(
        label="承办科室", queryset=Department.objects.none(), required=False, empty_label="（不变）"
    )
    handler = forms.ModelChoiceField(label="承办人", queryset=None, required=False, empty_label="（不指定）")
    note = forms.CharField(
        label="内部备注",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="仅本机关工作人员可见，不会出现在申请人查询页面、文书或导出给申请人的材料中。",
    )

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = agency.departments.order_by("name")
        self.fields["handler"].queryset = casework.handler_choices(agency)
        self.fields["handler"].label_from_instance = lambda u: u.get_full_name() or u.get_username()

    def clean(self):
        data = super().clean()
        if not data.get("department") and not data.get("handler"):
            raise forms.ValidationError("请选择承办科室或承办人。")
        return data


@login_required
@load_authorized(CASES, "case.handle", what="分办申请")
def assign(request, application):
    form = AssignForm(request.POST or None, agency=application.agency)
    if request.method == "POST" and form.is_valid():
        try:
            casework.assign(application, actor=request.user, **form.cleaned_data)
        except ClockError as exc:
            form.add_error(None, f"{exc}。未保存。")
        else:
            messages.success(request, "已分办。")
            return redirect("applications:detail", pk=application.pk)
    return render(request, "applications/assign.html", {"application": application, "form": form})


class NoteForm(forms.Form):
    text = forms.CharField(
        label="内部备注",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="仅本机关工作人员可见，不会告知申请人。",
        error_messages={"required": "请填写备注内容。"},
    )


@login_required
@require_POST
@load_authorized(CASES, "case.handle", what="添加内部备注")
def add_note(request, application):
    form = NoteForm(request.POST)
    if form.is_valid():
        casework.add_note(application, text=form.cleaned_data["text"], actor=request.user)
        messages.success(request, "已添加内部备注。")
    else:
        messages.error(request, "未添加：请填写备注内容（最多 2000 字）。")
    return redirect(reverse("applications:detail", args=[application.pk]) + "#events")


class BulkAssignForm(AssignForm):
    cases = forms.ModelMultipleChoiceField(
        queryset=None, error_messages={"required": "请先勾选要分办的申请。"}
    )

    def __init__(self, *args, agency, cases, **kwargs):
        super().__init__(*args, agency=agency, **kwargs)
        self.fields["cases"].queryset = cases


@login_required
@require_POST
def bulk_assign(request):
    """Assign the ticked cases of one agency at once; all or nothing."""
    agency = get_object_or_404(agencies_where(request.user, "case.handle"), code=request.POST.get("agency"))
    cases = CASES.filter(agency=agency)
    form = BulkAssignForm(request.POST, agency=agency, cases=cases)
    back = request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("applications:list")
    if form.is_valid():
        chosen = list(form.cleaned_data.pop("cases"))
        try:
            casework.bulk_assign(chosen, actor=request.user, **form.cleaned_data)
        except ClockError as exc:
            messages.error(request, f"未分办：{exc}。")
        else:
            refs = "、".join(a.reference for a in chosen[:5]) + ("等" if len(chosen) > 5 else "")
            messages.success(request, f"已分办 {len(chosen)} 件申请：{refs}。")
    else:
        errors = [e for field_errors in form.errors.values() for e in field_errors]
        messages.error(request, "未分办：" + "".join(errors))
    return redirect(back)


def _event_of(request, application, event_pk) -> ApplicationEvent:
    return get_object_or_404(ApplicationEvent.with_voided.filter(application=application), pk=event_pk)


class VoidForm(forms.Form):
    reason = forms.CharField(
        label="作废理由",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="例如：日期登记错误，实际于某日发出。理由与原记录一并保存，记入审计日志。",
        error_messages={"required": "请写明作废的理由。"},
    )


@login_required
@load_authorized(CASES, "case.handle", what="作废办理记录")
def void_event(request, application, event_pk):
    event = _event_of(request, application, event_pk)
    if event.voided:
        messages.error(request, "该记录已作废。")
        return redirect("applications:detail", pk=application.pk)
    form = VoidForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            casework.void_event(event, reason=form.cleaned_data["reason"], actor=request.user)
        except (ClockError, MissingCalendarYear) as exc:
            form.add_error(None, f"{exc}。未作废。")
        else:
            messages.success(
                request,
                f"已作废：{event.get_type_display()}（{event.date:%Y-%m-%d}）。期限已按其余记录重新计算。",
            )
            return redirect("applications:detail", pk=application.pk)
    return render(
        request,
        "applications/void_event.html",
        {
            "application": application,
            "event": event,
            "description": services.describe_event(event),
            "form": form,
            "can_correct": event.type in {t.value for t in EVENT_FORMS} or event.type == EventType.RECEIVED,
        },
    )


class ReceivedForm(forms.Form):
    date = forms.DateField(
        label="收到申请之日",
        widget=DateInput(),
        help_text="依《条例》第三十一条确定的日期。受理编号不变。",
        error_messages={"required": "请填写日期。", "invalid": "请按“年-月-日”填写日期。"},
    )
    data_fields: tuple[str, ...] = ()

    def __init__(self, *args, agency=None, next_event=None, **kwargs):
        super().__init__(*args, **kwargs)

    def event_data(self) -> dict:
        return {}


def correction_form(event, data=None):
    """The event's own form, filled with what was recorded, plus the reason for the correction."""
    if event.type == EventType.RECEIVED:
        form_class = ReceivedForm
    else:
        try:
            form_class = EVENT_FORMS[EventType(event.type)]
        except (ValueError, KeyError):
            raise Http404("该记录不能更正。") from None
    initial = {"date": event.date, "note": event.note, **(event.data or {})}
    form = form_class(data, initial=initial, agency=event.application.agency)
    if "applicant_notified" in form.fields:
        form.fields["applicant_notified"].required = False  # told when it was first recorded
    form.fields["reason"] = forms.CharField(
        label="更正理由",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="原记录保留并标为作废，写明理由；更正后的记录取代它。",
        error_messages={"required": "请写明更正的理由。"},
    )
    return form


@login_required
@load_authorized(CASES, "case.handle", what="更正办理记录")
def correct_event(request, application, event_pk):
    event = _event_of(request, application, event_pk)
    if event.voided or event.internal:
        messages.error(request, "该记录不能更正。")
        return redirect("applications:detail", pk=application.pk)
    form = correction_form(event, request.POST or None)
    passed = ()
    if request.method == "POST" and form.is_valid():
        date, data = form.cleaned_data["date"], form.event_data()
        try:
            passed = casework.limits_passed_by(application, event.type, date=date, data=data, replacing=event)
            if passed and not request.POST.get("confirm_limits"):
                form.add_error(None, "更正后的日期超过了法定期限，请核对；如属实，请勾选确认后再保存。")
            else:
                casework.replace_event(
                    event,
                    date=date,
                    data=data,
                    note=form.cleaned_data.get("note", ""),
                    reason=form.cleaned_data["reason"],
                    actor=request.user,
                )
                messages.success(
                    request, f"已更正：{event.get_type_display()}。原记录保留并标为作废，期限已重新计算。"
                )
                return redirect("applications:detail", pk=application.pk)
        except (ClockError, MissingCalendarYear) as exc:
            form.add_error(None, f"{exc}。未保存。")
    return render(
        request,
        "applications/correct_event.html",
        {
            "application": application,
            "event": event,
            "description": services.describe_event(event),
            "form": form,
            "passed": passed,
        },
    )
