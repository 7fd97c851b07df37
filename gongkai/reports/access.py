"""The reports a person may see: those of the agencies gongkai.agencies.access lets them see. What they may
do with them are the `report.*` actions of gongkai.agencies.access.ACTIONS."""

from gongkai.agencies.access import agencies_visible_to
from gongkai.reports.models import AnnualReport


def reports_visible_to(user):
    return AnnualReport.objects.filter(agency__in=agencies_visible_to(user)).select_related("agency")
