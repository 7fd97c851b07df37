"""Who may see and do what with 主动公开 records; every view scopes its queries through these."""

from gongkai.agencies.access import agencies_visible_to, roles_of
from gongkai.agencies.models import Role
from gongkai.disclosure.models import CatalogueCategory, Item, OfficialDocument

# Roles that work on the agency's own records; a 上级监督员 looks but does not draft or register.
STAFF_ROLES = {Role.REGISTRAR, Role.DEPARTMENT_HEAD, Role.SECRECY_REVIEWER, Role.LEADER, Role.ADMIN}
REGISTER_ROLES = {Role.REGISTRAR, Role.DEPARTMENT_HEAD, Role.LEADER, Role.ADMIN}
ARCHIVE_ROLES = {Role.LEADER, Role.ADMIN}


def items_visible_to(user):
    return Item.objects.filter(agency__in=agencies_visible_to(user))


def documents_visible_to(user):
    return OfficialDocument.objects.filter(agency__in=agencies_visible_to(user))


def categories_visible_to(user):
    return CatalogueCategory.objects.filter(agency__in=agencies_visible_to(user))


def is_staff_of(user, agency) -> bool:
    return bool(roles_of(user, agency) & STAFF_ROLES)


def can_edit_draft(user, item) -> bool:
    """The drafter edits their own draft; the agency's administrator may tidy any draft."""
    if item.status != "draft":
        return False
    return user.pk == item.drafter_id or Role.ADMIN in roles_of(user, item.agency)
