"""Staff screens (namespace `statistics`): an agency's recorded Art. 20 figures, and the import page.

Seeing the figures needs any role in the agency (or a supervisor's view of it); importing needs the
registrar or admin role there. Another agency's code is a 404, never a hint that it exists.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Sum
from django.shortcuts import redirect, render
from django.urls import reverse

from gongkai.agencies.access import agencies_visible_to, allows
from gongkai.agencies.chooser import agency_chooser, agency_to_act_in, chosen_agency

from .forms import ImportForm
from .importing import import_statistics
from .models import Matter, StatisticEntry

TITLE = "第二十条统计"


@login_required
def overview(request):
    agencies = agencies_visible_to(request.user).order_by("name")
    agency = chosen_agency(request, agencies)
    if agency is None:
        return agency_chooser(request, agencies, title=TITLE, prompt="请选择机关：")
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
            "can_import": allows(request.user, "statistics.import", agency),
        },
    )


@login_required
def import_file(request):
    agency, chooser = agency_to_act_in(
        request,
        "statistics.import",
        title="导入统计数据",
        prompt="请选择机关：",
        section=(TITLE, reverse("statistics:overview")),
    )
    if agency is None:
        return chooser
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = import_statistics(agency, upload.read(), upload.name, actor=request.user)
        if result.ok:
            messages.success(request, f"已导入清单事项 {result.matters} 项、统计数据 {result.entries} 条。")
            return redirect(f"{reverse('statistics:overview')}?agency={agency.code}")
    return render(request, "statistics/import.html", {"agency": agency, "form": form, "result": result})
