"""Public pages (namespace `apply`): the online application form and case tracking.

Nothing here shows personal data: tracking shows the 受理编号, the agency, dates of public milestones and
the reply due date; an unknown number and a wrong query code get the same answer.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gongkai.agencies.models import Agency
from gongkai.rules.clock import ClockError, Status
from gongkai.rules.workdays import MissingCalendarYear
from gongkai.security import ratelimit

from . import services
from .clock import clock_state
from .downloads import private_file
from .forms import OnlineApplicationForm, TrackForm
from .letters.templates import TEMPLATES
from .models import Application, Letter, LetterStatus
from .numbers import query_code_matches
from .receipts import receipt_facts, send_receipt_email

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
            request.session[DONE_SESSION_KEY] = {"pk": application.pk, "code": query_code}
            if application.email:
                send_receipt_email.enqueue(application.pk)
            return redirect("apply:done")
    return render(request, "applications/public/apply.html", {"agency": agency, "form": form})


@never_cache
def done(request):
    done = request.session.pop(DONE_SESSION_KEY, None)  # the query code is shown once
    application = done and Application.objects.select_related("agency").filter(pk=done.get("pk")).first()
    if not application:
        return redirect("apply:track")
    receipt = receipt_facts(application)
    return render(request, "applications/public/done.html", {"receipt": receipt, "code": done["code"]})


def _tracked(request, form):
    """The case whose 受理编号 and query code the form holds, or None (the same for both mistakes)."""
    application = (
        Application.objects.select_related("agency").filter(reference=form.cleaned_data["reference"]).first()
    )
    if query_code_matches(form.cleaned_data["query_code"], application and application.query_code_hash):
        return application
    return None


@never_cache
def track(request):
    form = TrackForm(request.POST or None)
    result = error = None
    if request.method == "POST":
        if not ratelimit.allowed(request, "track", settings.TRACK_RATE_LIMIT):
            return render(request, "applications/public/limited.html", {}, status=429)
        ratelimit.hit(request, "track")
        if form.is_valid():
            application = _tracked(request, form)
            if application is not None:
                result = _public_view(application)
            else:
                error = NOT_FOUND
    return render(
        request,
        "applications/public/track.html",
        {"form": form, "result": result, "error": error, "query_code": request.POST.get("query_code", "")},
    )


@never_cache
@require_POST
def track_letter(request, letter_pk):
    """An issued letter (its signed PDF) or one of its attachments, for the applicant who gives the 受理编号
    and query code again; anything else gets the tracking page's one answer."""
    if not ratelimit.allowed(request, "track", settings.TRACK_RATE_LIMIT):
        return render(request, "applications/public/limited.html", {}, status=429)
    ratelimit.hit(request, "track")
    form = TrackForm(request.POST)
    application = _tracked(request, form) if form.is_valid() else None
    letter = public_letters(application).filter(pk=letter_pk).first() if application is not None else None
    if letter is None or letter.pdf is None:
        return render(
            request,
            "applications/public/track.html",
            {"form": form, "result": None, "error": NOT_FOUND},
            status=404,
        )
    attachment_pk = request.POST.get("attachment")
    if attachment_pk:
        attachment = letter.attachments.filter(pk=attachment_pk if attachment_pk.isdigit() else 0).first()
        if attachment is None:
            raise Http404("没有这个附件。")
        name = f"{application.reference}-附件-{attachment.title}{attachment.extension}"
        return private_file(attachment.file.open("rb"), attachment.content_type, name=name)
    name = f"{application.reference}-{letter.get_kind_display()}.pdf"
    return private_file(bytes(letter.pdf), "application/pdf", name=name)


def public_letters(application):
    """The issued letters an applicant may download: those addressed to them, while their data is kept."""
    if application.personal_data_erased_at:
        return Letter.objects.none()
    kinds = [kind for kind, template in TEMPLATES.items() if template.to_applicant]
    return application.letters.filter(status=LetterStatus.ISSUED, kind__in=kinds).order_by("issued_on", "pk")


def _public_view(application) -> dict:
    delivered_on = provisional_years = None
    try:
        state = clock_state(application)
        status = PUBLIC_STATUS.get(state.status, "办理中")
        reply_due, provisional = state.reply_due, state.provisional
        provisional_years = state.provisional_years
        closed, delivered_on = state.status.is_closed, state.delivered_on
    except (ClockError, MissingCalendarYear):
        status, reply_due, provisional, closed = "办理中", None, False, False
    return {
        "reference": application.reference,
        "agency": application.agency,
        "status": status,
        # Once the reply is delivered (or the case closed otherwise) no period runs any more.
        "reply_due": None if closed else reply_due,
        "closed": closed,
        "delivered_on": delivered_on,
        "provisional": provisional,
        "provisional_years": provisional_years,
        "milestones": services.public_milestones(application),
        "letters": [(letter, list(letter.attachments.all())) for letter in public_letters(application)],
    }
