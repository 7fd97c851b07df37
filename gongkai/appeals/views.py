"""Staff screens (namespace `appeals`): list, register, case page, close, reopen.

Every query goes through services.appeals_visible_to, so another agency's case is a 404; registering and
closing need the registrar or admin role in the case's agency.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from gongkai.agencies.access import agencies_visible_to, roles_of
from gongkai.agencies.models import Agency, Membership
from gongkai.applications.access import EDIT_ROLES

from . import services
from .forms import CloseForm, RegisterForm, ReopenForm
from .models import AppealKind


def _editing_agencies(user):
    ids = Membership.objects.filter(user=user, role__in=EDIT_ROLES).values_list("agency_id", flat=True)
    return Agency.objects.filter(pk__in=ids).order_by("name")


def _can_edit(user, agency) -> bool:
    return bool(roles_of(user, agency) & EDIT_ROLES)


def _appeal(request, pk):
    return get_object_or_404(
        services.appeals_visible_to(request.user).select_related("agency", "application", "review"), pk=pk
    )


@login_required
def appeal_list(request):
    appeals = services.appeals_visible_to(request.user).select_related("agency", "application")
    agencies = agencies_visible_to(request.user).order_by("name")
    code = request.GET.get("agency") or ""
    state = request.GET.get("state") or ""
    if code:
        appeals = appeals.filter(agency__code=code)
    if state == "open":
        appeals = appeals.filter(closed_on__isnull=True)
    elif state == "closed":
        appeals = appeals.filter(closed_on__isnull=False)
    return render(
        request,
        "appeals/list.html",
        {
            "appeals": appeals.order_by("-filed_on", "-id")[:500],
            "agencies": agencies,
            "agency_code": code,
            "state": state,
            "can_register": _editing_agencies(request.user).exists(),
        },
    )


@login_required
def register(request):
    agencies = _editing_agencies(request.user)
    if not agencies:
        raise PermissionDenied("登记复议、诉讼案件需要您在本机关担任登记员或管理员。")
    code = request.GET.get("agency") or request.POST.get("agency")
    if code is None and len(agencies) == 1:
        code = agencies[0].code
    if code is None:
        return render(request, "appeals/choose_agency.html", {"agencies": agencies})
    agency = get_object_or_404(agencies, code=code)
    # Links from a case page pre-fill what they know (e.g. the lawsuit after a review).
    initial = {name: request.GET[name] for name in ("application", "kind", "review") if request.GET.get(name)}
    form = RegisterForm(request.POST or None, agency=agency, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            appeal = services.register_appeal(agency, data=form.cleaned_data, actor=request.user)
        except services.AppealError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"已登记{appeal.get_kind_display()}案件。")
            return redirect("appeals:detail", pk=appeal.pk)
    return render(request, "appeals/register.html", {"form": form, "agency": agency})


@login_required
def detail(request, pk):
    appeal = _appeal(request, pk)
    return render(
        request,
        "appeals/detail.html",
        {
            "appeal": appeal,
            "can_edit": _can_edit(request.user, appeal.agency),
            "lawsuits": appeal.lawsuits.all() if appeal.kind == AppealKind.REVIEW else [],
        },
    )


@login_required
def close(request, pk):
    appeal = _appeal(request, pk)
    if not _can_edit(request.user, appeal.agency):
        raise PermissionDenied("登记审结需要您在本机关担任登记员或管理员。")
    if not appeal.is_open:
        messages.info(request, "该案件已审结。")
        return redirect("appeals:detail", pk=appeal.pk)
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.close_appeal(
                appeal,
                closed_on=form.cleaned_data["closed_on"],
                result=form.cleaned_data["result"],
                note=form.cleaned_data["note"],
                actor=request.user,
            )
        except services.AppealError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "已登记审结。")
            return redirect("appeals:detail", pk=appeal.pk)
    return render(request, "appeals/close.html", {"appeal": appeal, "form": form})


@login_required
def reopen(request, pk):
    """Undo a closing recorded by mistake; a confirmation page first, since the result is overwritten."""
    appeal = _appeal(request, pk)
    if not _can_edit(request.user, appeal.agency):
        raise PermissionDenied("撤销审结登记需要您在本机关担任登记员或管理员。")
    if appeal.is_open:
        return redirect("appeals:detail", pk=appeal.pk)
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reopen_appeal(appeal, actor=request.user, reason=form.cleaned_data["reason"])
        except services.AppealError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "已撤销审结登记，案件恢复为尚未审结。")
            return redirect("appeals:detail", pk=appeal.pk)
    return render(request, "appeals/reopen.html", {"appeal": appeal, "form": form})
