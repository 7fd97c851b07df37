"""Who may see and do what in which agency. Every view scopes its queries through these functions.

- A person sees the agencies they hold a role in.
- A 上级监督员 also sees every agency below theirs (children, grandchildren, …), and holds the
  supervisor role there too.
- A superuser sees every agency, but holds no role they were not given: signing off, reviewing for
  secrets and approving are personal acts, so a superuser who must do them needs a membership.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from gongkai.agencies.models import Agency, Membership, Role


def agencies_visible_to(user) -> QuerySet[Agency]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Agency.objects.none()
    if user.is_superuser:
        return Agency.objects.all()
    own = set(Membership.objects.filter(user=user).values_list("agency_id", flat=True))
    supervised = Membership.objects.filter(user=user, role=Role.SUPERVISOR).values_list(
        "agency_id", flat=True
    )
    return Agency.objects.filter(pk__in=own | Agency.subtree_ids(supervised))


def can_see(user, agency: Agency) -> bool:
    return agencies_visible_to(user).filter(pk=agency.pk).exists()


def require_visible(user, agency: Agency) -> None:
    if not can_see(user, agency):
        raise PermissionDenied("您无权查看该机关的信息。")


def roles_of(user, agency: Agency) -> set[Role]:
    """The roles `user` holds in `agency`, including 上级监督员 inherited from an agency above it."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    roles = {
        Role(r) for r in Membership.objects.filter(user=user, agency=agency).values_list("role", flat=True)
    }
    above = [a.pk for a in agency.ancestors()]
    if above and Membership.objects.filter(user=user, agency_id__in=above, role=Role.SUPERVISOR).exists():
        roles.add(Role.SUPERVISOR)
    return roles


def require_role(user, agency: Agency, *roles: Role) -> set[Role]:
    """Raise PermissionDenied unless `user` holds one of `roles` in `agency` (any role if none given).

    Returns the roles the user holds there, so a view can adapt to them without asking again.
    """
    held = roles_of(user, agency)
    if not held or (roles and not held.intersection(roles)):
        if roles:
            wanted = "、".join(Role(r).label for r in roles)
            raise PermissionDenied(f"此操作需要您在{agency.name}担任{wanted}。")
        raise PermissionDenied(f"您在{agency.name}没有任何角色。")
    return held
