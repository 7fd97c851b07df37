"""Staff screens (namespace `applications`): list, queues, intake, case page, events, identity documents.

Cases are loaded through gongkai.agencies.access.load_authorized, so a case of an agency the person cannot
see is a 404 and an action their roles do not allow is refused with its reason (the `case.*` actions).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gongkai.agencies.access import (
    agencies_visible_to,
    agencies_where,
    allowed_actions,
    load_authorized,
)
from gongkai.agencies.chooser import agency_to_act_in
from gongkai.rules.clock import ClockError, EventType
from gongkai.rules.masking import mask_address, mask_email, mask_phone
from gongkai.rules.workdays import MissingCalendarYear

from . import personal_data, services
from .access import CASES, cases_visible_to
from .clock import clock_state, next_events
from .downloads import private_file
from .forms import EVENT_FORMS, IntakeForm
from .letters.views import draft_notice_after, letters_panel
from .models import LetterKind
from .queues import LETTER_QUEUE_LABELS, letters_to_sign, queues_for

NEW_CODE_SESSION_KEY = "applications.new_query_code"
# The letter an event calls for, named in the confirmation so the notice is not forgotten.
LETTER_HINTS = {
    EventType.CORRECTION_REQUESTED: "补正告知书",
    EventType.CONSULTATION_SENT: "征求意见书",
    EventType.EXTENSION_APPROVED: "延期答复告知书（须告知申请人）",
    EventType.REASONS_REQUESTED: "说明理由告知书",
    EventType.DECIDED: "答复书",
}


def _state(application):
    try:
        return clock_state(application), ""
    except (ClockError, MissingCalendarYear) as exc:
        return None, str(exc)


@login_required
def case_list(request):
    cases = cases_visible_to(request.user).select_related("agency").prefetch_related("events")
    agencies = agencies_visible_to(request.user).order_by("name")
    code = request.GET.get("agency")
    if code:
        cases = cases.filter(agency__code=code)
    page = Paginator(cases.order_by("-received_on", "-sequence"), 50).get_page(request.GET.get("page"))
    rows = [(application, *_state(application)) for application in page]
    return render(
        request,
        "applications/list.html",
        {
            "page": page,
            "rows": rows,
            "agencies": agencies,
            "agency_code": code or "",
            "can_register": agencies_where(request.user, "case.handle").exists(),
            "can_set_letters": agencies_where(request.user, "letter.settings").exists(),
        },
    )


@login_required
def queues(request):
    waiting = letters_to_sign(request.user)
    return render(
        request,
        "applications/queues.html",
        {
            "queues": queues_for(request.user),
            "letter_sections": [(key, LETTER_QUEUE_LABELS[key], rows) for key, rows in waiting.items()],
        },
    )


@login_required
def register(request):
    agency, chooser = agency_to_act_in(
        request,
        "case.handle",
        what="登记申请",
        title="登记申请",
        prompt="请选择受理机关：",
        section=("依申请公开", reverse("applications:list")),
    )
    if agency is None:
        return chooser
    form = IntakeForm(request.POST or None, request.FILES or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        document = form.cleaned_data.get("identity_document")
        application, query_code = services.register_application(
            agency, data=form.cleaned_data, actor=request.user, documents=[document] if document else []
        )
        request.session[NEW_CODE_SESSION_KEY] = {"pk": application.pk, "code": query_code}
        messages.success(
            request,
            f"已登记申请 {application.reference}，收到申请之日为 {application.received_on:%Y-%m-%d}。",
        )
        return redirect("applications:detail", pk=application.pk)
    return render(request, "applications/register.html", {"form": form, "agency": agency})


@login_required
@load_authorized(CASES)
def detail(request, application):
    return _case_page(request, application)


def _case_page(request, application, revealed_number=None, revealed_contact=False):
    allowed = allowed_actions(request.user, application.agency)
    state, clock_error = _state(application)
    if "case.personal_data" in allowed:
        services.record_personal_data_view(application, actor=request.user, what="case_detail")
    new_code = request.session.get(NEW_CODE_SESSION_KEY)
    if new_code and new_code.get("pk") == application.pk:
        del request.session[NEW_CODE_SESSION_KEY]  # shown once
    else:
        new_code = None
    events = list(application.events.select_related("actor"))
    return render(
        request,
        "applications/detail.html",
        {
            "application": application,
            "allowed": allowed,
            "state": state,
            "clock_error": clock_error,
            "events": [(e, services.describe_event(e)) for e in events],
            "proposals": services.proposals_for(application),
            "outcome": services.outcome_of(application),
            "documents": application.identity_documents.all() if "case.personal_data" in allowed else [],
            "event_types": _offered(application),
            "new_code": new_code["code"] if new_code else None,
            "revealed_number": revealed_number,
            "appeals": list(application.appeals.order_by("filed_on", "pk")),
            "revealed_contact": revealed_contact,
            "masked": masked_contact(application),
            **letters_panel(application, allowed),
        },
    )


def _next_events(application) -> dict | None:
    """What may be recorded next (gongkai.rules.clock.allowed_events); None when the clock cannot read the
    recorded events, and then every type is offered so the record can be put right."""
    try:
        return next_events(application)
    except (ClockError, MissingCalendarYear):
        return None


def _offered(application) -> list[tuple[str, str]]:
    allowed = _next_events(application)
    return [(t.value, t.label) for t in EVENT_FORMS if allowed is None or t in allowed]


@login_required
@require_POST
@load_authorized(CASES, "case.reveal", what="查看完整证件号码")
def reveal_id_number(request, application):
    try:
        number = services.full_id_number(application, actor=request.user)
    except ImproperlyConfigured as exc:
        messages.error(request, str(exc))
        return redirect("applications:detail", pk=application.pk)
    return _case_page(request, application, revealed_number=number)


def masked_contact(application) -> dict:
    """Contact data as shown until someone asks for it in full (PIPL: no more than the work needs)."""
    return {
        "phone": mask_phone(application.phone),
        "email": mask_email(application.email),
        "address": mask_address(application.address),
    }


@login_required
@require_POST
@load_authorized(CASES, "case.reveal", what="查看完整联系方式")
def reveal_contact(request, application):
    services.record_personal_data_view(application, actor=request.user, what="full_contact")
    return _case_page(request, application, revealed_contact=True)


@login_required
@load_authorized(CASES, "case.reveal", what="导出申请人个人信息")
def export_personal_data(request, application):
    """The applicant's personal data as a ZIP for the agency to hand over (PIPL Art. 45)."""
    try:
        name, data = personal_data.export_applicant(application, actor=request.user)
    except ValueError as exc:
        messages.error(request, str(exc))
        return redirect("applications:detail", pk=application.pk)
    return private_file(data, "application/zip", name=name)


@login_required
@load_authorized(CASES, "case.handle", what="记录办理事件")
def record_event(request, application, type):
    try:
        event_type = EventType(type)
        form_class = EVENT_FORMS[event_type]
    except (ValueError, KeyError):
        raise Http404("没有这种办理事件。") from None
    next_event = (_next_events(application) or {}).get(event_type)
    form = form_class(request.POST or None, agency=application.agency, next_event=next_event)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_event(
                application,
                event_type,
                date=form.cleaned_data["date"],
                data=form.event_data(),
                note=form.cleaned_data.get("note", ""),
                actor=request.user,
            )
        except (ClockError, MissingCalendarYear) as exc:
            form.add_error(None, f"{exc}。未保存。")
        else:
            if getattr(form, "draft_notice", False):
                # The 延期 notice is drafted from what was just recorded: no chicken-and-egg.
                return draft_notice_after(request, application, LetterKind.EXTENSION, event_type)
            hint = LETTER_HINTS.get(event_type)
            messages.success(
                request, f"已记录：{event_type.label}。" + (f"请在“文书”中拟写{hint}。" if hint else "")
            )
            return redirect("applications:detail", pk=application.pk)
    state, clock_error = _state(application)
    return render(
        request,
        "applications/event_form.html",
        {
            "application": application,
            "form": form,
            "event_type": event_type,
            "state": state,
            "clock_error": clock_error,
            "proposals": services.proposals_for(application) if event_type is EventType.DECIDED else None,
        },
    )


@login_required
@require_POST
@load_authorized(CASES, "case.handle", what="上传身份证明")
def upload_document(request, application):
    upload = request.FILES.get("identity_document")
    if not upload:
        messages.error(request, "请选择要上传的文件。")
    else:
        try:
            services.add_identity_document(application, upload, actor=request.user)
        except Exception as exc:  # ValidationError from sniffing: say why, keep the case as it was
            messages.error(request, getattr(exc, "messages", [str(exc)])[0])
        else:
            messages.success(request, "已上传身份证明材料。")
    return redirect("applications:detail", pk=application.pk)


@login_required
@load_authorized(CASES, "case.personal_data", what="查看申请人的身份证明材料")
def identity_document(request, application, document_pk):
    document = get_object_or_404(application.identity_documents, pk=document_pk)
    services.record_personal_data_view(
        application, actor=request.user, what=f"identity_document:{document.pk}"
    )
    # Shown in the browser (inline), under a name that says whose document it is, not the sender's.
    name = f"{application.reference}-{document.pk}{document.file.name[-4:]}"
    return private_file(document.file.open("rb"), document.content_type, name=name, attachment=False)
