"""Which reports a person may see and what they may do with them (scoped by gongkai.agencies.access)."""

from django.shortcuts import get_object_or_404

from gongkai.agencies.access import agencies_visible_to, roles_of
from gongkai.agencies.models import Role
from gongkai.reports.models import AnnualReport
from gongkai.reports.services import APPROVE_ROLES, EDIT_ROLES, PUBLISH_ROLES


def reports_visible_to(user):
    return AnnualReport.objects.filter(agency__in=agencies_visible_to(user)).select_related("agency")


def visible_report(user, code: str, year: int) -> AnnualReport:
    """The report, or 404 when it does not exist or belongs to an agency the person cannot see."""
    return get_object_or_404(reports_visible_to(user), agency__code=code, year=year)


def abilities(user, report) -> dict:
    roles = roles_of(user, report.agency)
    admin = Role.ADMIN in roles or getattr(user, "is_superuser", False)
    return {
        "can_edit": bool(roles & EDIT_ROLES),
        "can_check": bool(roles & (EDIT_ROLES | APPROVE_ROLES)),
        "can_approve": bool(roles & APPROVE_ROLES),
        "can_publish": bool(roles & PUBLISH_ROLES),
        "can_unlock": admin,
    }
