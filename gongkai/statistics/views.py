"""Staff screens (namespace `statistics`): an agency's recorded Art. 20 figures, and the import page.

Seeing the figures needs any role in the agency (or a supervisor's view of it); importing needs the
registrar or admin role there. Another agency's code is a 404, never a hint that it exists.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from gongkai.agencies.access import agencies_visible_to, roles_of
from gongkai.agencies.models import Agency, Membership, Role

from .forms import ImportForm
from .importing import import_statistics
from .models import Matter, StatisticEntry

IMPORT_ROLES = {Role.REGISTRAR, Role.ADMIN}


def _importing_agencies(user):
    ids = Membership.objects.filter(user=user, role__in=IMPORT_ROLES).values_list("agency_id", flat=True)
    return Agency.objects.filter(pk__in=ids).order_by("name")


def _chosen(request, agencies):
    """The agency named by ?agency= among `agencies`, the only one if there is one, else None."""
    code = request.GET.get("agency") or request.POST.get("agency")
    if code:
        return get_object_or_404(agencies, code=code)
    return agencies[0] if len(agencies) == 1 else None


@login_required
def overview(request):
    agencies = agencies_visible_to(request.user).order_by("name")
    agency = _chosen(request, agencies)
    if agency is None:
        return render(
            request, "statistics/choose_agency.html", {"agencies": agencies, "target": "statistics:overview"}
        )
    entries = StatisticEntry.objects.filter(agency=agency)
    totals = (
        entries.values("period_end__year", "kind")
        .annotate(total=Sum("value"), n=Count("pk"))
        .order_by("-period_end__year", "kind")
    )
    kinds = dict(StatisticEntry._meta.get_field("kind").choices)
    matters = Matter.objects.filter(agency=agency).values("kind").annotate(n=Count("pk")).order_by("kind")
    matter_kinds = dict(Matter._meta.get_field("kind").choices)
    return render(
        request,
        "statistics/overview.html",
        {
            "agency": agency,
            "totals": [{**row, "label": kinds.get(row["kind"], row["kind"])} for row in totals],
            "matters": [{**row, "label": matter_kinds.get(row["kind"], row["kind"])} for row in matters],
            "recent": entries.select_related("entered_by").order_by("-created_at", "-pk")[:50],
            "can_import": bool(roles_of(request.user, agency) & IMPORT_ROLES),
        },
    )


@login_required
def import_file(request):
    agencies = _importing_agencies(request.user)
    if not agencies:
        raise PermissionDenied("导入统计数据需要您在本机关担任登记员或管理员。")
    agency = _chosen(request, agencies)
    if agency is None:
        return render(
            request, "statistics/choose_agency.html", {"agencies": agencies, "target": "statistics:import"}
        )
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = import_statistics(agency, upload.read(), upload.name, actor=request.user)
        if result.ok:
            messages.success(request, f"已导入清单事项 {result.matters} 项、统计数据 {result.entries} 条。")
            return redirect(f"{reverse('statistics:overview')}?agency={agency.code}")
    return render(request, "statistics/import.html", {"agency": agency, "form": form, "result": result})
