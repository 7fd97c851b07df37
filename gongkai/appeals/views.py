"""Staff screens (namespace `appeals`): list, register, case page, close, reopen.

Cases are loaded through gongkai.agencies.access.load_authorized, so another agency's case is a 404;
registering, closing and reopening are the action `appeal.handle`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse

from gongkai.agencies.access import agencies_visible_to, agencies_where, allows, load_authorized
from gongkai.agencies.chooser import agency_to_act_in

from . import services
from .forms import CloseForm, RegisterForm, ReopenForm
from .models import Appeal, AppealKind

APPEALS = Appeal.objects.select_related("agency", "application", "review")


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
            "can_register": agencies_where(request.user, "appeal.handle").exists(),
        },
    )


@login_required
def register(request):
    agency, chooser = agency_to_act_in(
        request,
        "appeal.handle",
        title="登记复议、诉讼案件",
        prompt="请选择被申请人/被告机关：",
        section=("复议与诉讼", reverse("appeals:list")),
    )
    if agency is None:
        return chooser
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
@load_authorized(APPEALS)
def detail(request, appeal):
    return render(
        request,
        "appeals/detail.html",
        {
            "appeal": appeal,
            "can_edit": allows(request.user, "appeal.handle", appeal.agency),
            "lawsuits": appeal.lawsuits.all() if appeal.kind == AppealKind.REVIEW else [],
        },
    )


@login_required
@load_authorized(APPEALS, "appeal.handle", what="登记审结")
def close(request, appeal):
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
@load_authorized(APPEALS, "appeal.handle", what="撤销审结登记")
def reopen(request, appeal):
    """Undo a closing recorded by mistake; a confirmation page first, since the result is overwritten."""
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
