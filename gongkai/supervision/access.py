"""Who may open the supervision pages of an agency, and over which agencies.

The action `supervision.view` of gongkai.agencies.access: a 上级监督员 of the agency or of one above it, and
the agency's own administrator or leader (and a superuser); they see the part of its subtree that
gongkai.agencies.access lets them see (a supervisor: all of it; an administrator or leader without the
supervisor role: their own agency). Anyone else gets 403 on an agency they can see, 404 on one they cannot.
"""

from gongkai.agencies.access import SUPERVISOR, agencies_visible_to, authorized, roles_for
from gongkai.agencies.models import Agency, Membership


def supervised_agency(user, code: str) -> Agency:
    return authorized(user, Agency, "supervision.view", code=code)


def visible_subtree(user, root: Agency) -> list[Agency]:
    """root and the agencies below it that `user` may see."""
    subtree = Agency.subtree_ids([root.pk])
    return list(agencies_visible_to(user).filter(pk__in=subtree))


def roots_for(user) -> list[Agency]:
    """The agencies whose supervision pages the person starts from: those where they hold a supervising role
    and none above them does (a supervisor of the city need not see each district listed again)."""
    if getattr(user, "is_superuser", False):
        return list(Agency.objects.filter(parent__isnull=True).order_by("name"))
    held = Agency.objects.filter(
        pk__in=Membership.objects.filter(user=user, role__in=roles_for("supervision.view")).values(
            "agency_id"
        )
    )
    held = list(held.order_by("name"))
    supervising = {
        m.agency_id for m in Membership.objects.filter(user=user, role=SUPERVISOR).only("agency_id")
    }
    below = Agency.subtree_ids(supervising) - supervising
    return [a for a in held if a.pk not in below]
