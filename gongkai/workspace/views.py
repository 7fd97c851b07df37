"""工作台: the first page after log-in: what waits for the person (待办), their agencies and the work summaries."""

from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from gongkai.agencies.access import agencies_visible_to
from gongkai.agencies.models import Membership, Role
from gongkai.applications.queues import home_summary as applications_summary
from gongkai.disclosure.dashboard import home_summary as disclosure_summary
from gongkai.reports.deadlines import report_rows
from gongkai.todo import todo_for


@login_required
def home(request):
    memberships = (
        Membership.objects.filter(user=request.user)
        .select_related("agency", "department")
        .order_by("agency__name", "role")
    )
    # One row per agency, with every role the person holds there.
    my_agencies = []
    for agency, rows in groupby(memberships, key=lambda m: m.agency):
        rows = list(rows)
        my_agencies.append(
            {
                "agency": agency,
                "roles": [m.get_role_display() for m in rows],
                "departments": sorted({m.department.name for m in rows if m.department}),
            }
        )

    # A supervisor also sees the agencies below theirs; list those they hold no role in themselves.
    own_ids = {row["agency"].pk for row in my_agencies}
    is_supervisor = any(m.role == Role.SUPERVISOR for m in memberships)
    supervised = agencies_visible_to(request.user).exclude(pk__in=own_ids) if is_supervisor else []

    return render(
        request,
        "workspace/home.html",
        {
            "todo": todo_for(request.user),
            "my_agencies": my_agencies,
            "supervised": supervised,
            "is_supervisor": is_supervisor,
            "applications_summary": applications_summary(request.user),
            "disclosure_summary": disclosure_summary(request.user),
            "report_rows": report_rows(
                agencies_visible_to(request.user).order_by("name"), timezone.localdate()
            ),
        },
    )
