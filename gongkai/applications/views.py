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
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.agencies.access import (
    agencies_visible_to,
    agencies_where,
    allowed_actions,
    load_authorized,
)
from gongkai.agencies.chooser import agency_to_act_in
from gongkai.agencies.models import Department
from gongkai.rules.clock import ClockError, EventType
from gongkai.rules.corrections import upcoming_limit
from gongkai.rules.masking import mask_address, mask_email, mask_phone
from gongkai.rules.workdays import MissingCalendarYear

from . import case_ledger, casework, personal_data, services
from .access import CASES
from .casework_views import AssignForm
from .clock import clock_state, next_events
from .downloads import private_file
from .forms import EVENT_FORMS, IntakeForm
from .letters.views import draft_notice_after, letters_panel
from .listing import (
    BUCKETS,
    OUTCOME_CHOICES,
    STATUS_CHOICES,
    CaseFilters,
    applicant_shown,
    case_rows,
    filtered_cases,
)
from .models import ApplicationEvent, LetterKind
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


class LimitsNotConfirmed(Exception):
    """The date passes a limit of the law and the person has not confirmed it yet."""


def _state(application):
    try:
        return clock_state(application), ""
    except (ClockError, MissingCalendarYear) as exc:
        return None, str(exc)


@login_required
def case_list(request):
    filters = CaseFilters.from_query(request.GET)
    cases = filtered_cases(request.user, filters)
    if filters.status:
        # The status is the clock's, computed from the events: every case filtered, then a page of them.
        page = Paginator(case_rows(cases, filters), 50).get_page(request.GET.get("page"))
        count = page.paginator.count
    else:
        # Otherwise the database pages, and the clock runs for the page only.
        page = Paginator(cases, 50).get_page(request.GET.get("page"))
        count = page.paginator.count
        page.object_list = case_rows(page.object_list, filters)
    agencies = agencies_visible_to(request.user).order_by("name")
    may_see = set(agencies_where(request.user, "case.personal_data").values_list("pk", flat=True))
    handling = agencies_where(request.user, "case.handle").order_by("name")
    # Bulk assignment works within one agency: the one filtered to, or the only one the person handles.
    bulk_agency = handling.filter(code=filters.agency).first() if filters.agency else None
    if bulk_agency is None and not filters.agency and handling.count() == 1:
        bulk_agency = handling.first()
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "applications/list.html",
        {
            "page": page,
            "rows": [
                (row, applicant_shown(row.application, row.application.agency_id in may_see)) for row in page
            ],
            "count": count,
            "filters": filters,
            "bucket_label": BUCKETS[filters.bucket],
            "bucket_links": _bucket_links(request.GET),
            "status_choices": STATUS_CHOICES,
            "outcome_choices": OUTCOME_CHOICES,
            "departments": Department.objects.filter(agency__in=agencies)
            .select_related("agency")
            .order_by("agency__name", "name"),
            "agencies": agencies,
            "query": query.urlencode(),
            "can_register": handling.exists(),
            "can_export": handling.exists(),
            "can_set_letters": agencies_where(request.user, "letter.settings").exists(),
            "bulk_form": AssignForm(agency=bulk_agency) if bulk_agency else None,
            "bulk_agency": bulk_agency,
        },
    )


def _bucket_links(query) -> list[tuple[str, str, str]]:
    """(key, label, url query) of each bucket, keeping the other filters."""
    links = []
    for key, label in BUCKETS.items():
        q = query.copy()
        q.pop("page", None)
        q["bucket"] = key
        links.append((key, label, q.urlencode()))
    return links


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
    # Every record, voided ones too (struck through with their reason).
    events = list(
        ApplicationEvent.with_voided.filter(application=application).select_related("actor", "voided_by")
    )
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
    state, clock_error = _state(application)
    passed = ()
    if request.method == "POST" and form.is_valid():
        try:
            try:
                passed = casework.limits_passed_by(
                    application, event_type, date=form.cleaned_data["date"], data=form.event_data()
                )
            except (ClockError, MissingCalendarYear):
                passed = ()  # recording refuses it below, with the reason the service gives
            if passed and not request.POST.get("confirm_limits"):
                raise LimitsNotConfirmed
            services.record_event(
                application,
                event_type,
                date=form.cleaned_data["date"],
                data=form.event_data(),
                note=form.cleaned_data.get("note", ""),
                actor=request.user,
            )
        except LimitsNotConfirmed:
            form.add_error(None, "所填日期超过了法定期限，请核对；如属实，请勾选确认后再保存。")
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
    return render(
        request,
        "applications/event_form.html",
        {
            "application": application,
            "form": form,
            "event_type": event_type,
            "state": state,
            "clock_error": clock_error,
            "passed": passed,
            "limit": upcoming_limit(state, event_type, timezone.localdate()) if state else None,
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


@login_required
def export_ledger(request):
    """The 台账 of one agency and year as CSV or Excel; full names only for who may reveal them (audited)."""
    agencies = agencies_where(request.user, "case.handle").order_by("name")
    if not agencies.exists():
        raise Http404("没有可导出台账的机关。")
    revealers = set(agencies_where(request.user, "case.reveal").values_list("pk", flat=True))
    this_year = timezone.localdate().year
    error = ""
    if request.GET.get("agency"):
        agency = agencies.filter(code=request.GET["agency"]).first()
        year = request.GET.get("year", "")
        fmt = request.GET.get("format", "xlsx")
        if agency is None:
            error = "请选择机关。"
        elif not year.isdigit() or not 2008 <= int(year) <= this_year:
            error = f"年度应为 2008 至 {this_year} 之间的年份。"
        elif fmt not in case_ledger.FORMATS:
            error = "请选择 Excel 或 CSV 格式。"
        else:
            reveal = request.GET.get("reveal") == "1" and agency.pk in revealers
            name, content_type, data = case_ledger.ledger_file(
                agency, int(year), fmt, actor=request.user, reveal=reveal
            )
            return private_file(data, content_type, name=name)
    return render(
        request,
        "applications/export.html",
        {
            "agencies": agencies,
            "years": list(range(this_year, this_year - 6, -1)),
            "may_reveal": bool(revealers),
            "error": error,
            "chosen": request.GET,
        },
    )
