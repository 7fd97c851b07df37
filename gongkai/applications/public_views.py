"""Public pages (namespace `apply`): the online application form and case tracking.

Nothing here shows personal data: tracking shows the 受理编号, the agency, dates of public milestones and
the reply due date; an unknown number and a wrong query code get the same answer.
"""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from gongkai.agencies.models import Agency
from gongkai.rules.clock import ClockError, Status
from gongkai.rules.workdays import MissingCalendarYear
from gongkai.security import ratelimit

from . import services
from .clock import clock_state
from .forms import OnlineApplicationForm, TrackForm
from .models import Application
from .numbers import query_code_matches

DONE_SESSION_KEY = "apply.done"
NOT_FOUND = "受理编号或查询码不正确。请核对后重新输入；如遗失查询码，请联系受理机关。"

# What an applicant is told of the status: whether something is asked of them, or the case is closed.
PUBLIC_STATUS = {
    Status.AWAITING_CORRECTION: "待补正",
    Status.AWAITING_FEE: "待缴费",
    Status.DECIDED: "已答复",
    Status.DELIVERED: "已送达",
    Status.WITHDRAWN: "已撤回",
    Status.ABANDONED_NO_CORRECTION: "视为放弃申请",
    Status.ABANDONED_UNPAID: "视为放弃申请",
}


@never_cache
def apply(request, code):
    agency = get_object_or_404(Agency, code=code)
    if agency.external:
        # Nobody here handles its applications: say where to apply instead of taking one.
        return render(request, "applications/public/external.html", {"agency": agency})
    limit = settings.APPLY_RATE_LIMIT
    form = OnlineApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not ratelimit.allowed(request, "apply", limit):
            return render(request, "applications/public/limited.html", {"agency": agency}, status=429)
        if form.is_valid():
            if form.cleaned_data.get("website"):
                # Filled by a robot: answer as if refused for the rate, store nothing.
                return render(request, "applications/public/limited.html", {"agency": agency}, status=429)
            document = form.cleaned_data["identity_document"]
            application, query_code = services.register_application(
                agency, data=form.online_data(), online=True, documents=[document]
            )
            ratelimit.hit(request, "apply")
            request.session[DONE_SESSION_KEY] = {
                "reference": application.reference,
                "code": query_code,
                "agency": agency.name,
            }
            return redirect("apply:done")
    return render(request, "applications/public/apply.html", {"agency": agency, "form": form})


@never_cache
def done(request):
    receipt = request.session.pop(DONE_SESSION_KEY, None)  # the query code is shown once
    if receipt is None:
        return redirect("apply:track")
    return render(request, "applications/public/done.html", {"receipt": receipt})


@never_cache
def track(request):
    form = TrackForm(request.POST or None)
    result = error = None
    if request.method == "POST":
        if not ratelimit.allowed(request, "track", settings.TRACK_RATE_LIMIT):
            return render(request, "applications/public/limited.html", {}, status=429)
        ratelimit.hit(request, "track")
        if form.is_valid():
            application = (
                Application.objects.select_related("agency")
                .filter(reference=form.cleaned_data["reference"])
                .first()
            )
            if query_code_matches(
                form.cleaned_data["query_code"], application and application.query_code_hash
            ):
                result = _public_view(application)
            else:
                error = NOT_FOUND
    return render(request, "applications/public/track.html", {"form": form, "result": result, "error": error})


def _public_view(application) -> dict:
    try:
        state = clock_state(application)
        status = PUBLIC_STATUS.get(state.status, "办理中")
        reply_due, provisional = state.reply_due, state.provisional
    except (ClockError, MissingCalendarYear):
        status, reply_due, provisional = "办理中", None, False
    return {
        "reference": application.reference,
        "agency": application.agency,
        "status": status,
        "reply_due": reply_due,
        "provisional": provisional,
        "milestones": services.public_milestones(application),
    }
