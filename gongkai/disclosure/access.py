"""The 主动公开 records a person may see (those of the agencies gongkai.agencies.access lets them see), and the
one rule that is not a role alone: who edits a draft. Everything else a person may do with them is an
`item.*`, `document.*`, `catalogue.*` or `disclosure.*` action of gongkai.agencies.access.ACTIONS."""

from gongkai.agencies.access import agencies_visible_to, allows
from gongkai.disclosure.models import CatalogueCategory, Item, OfficialDocument


def items_visible_to(user):
    return Item.objects.filter(agency__in=agencies_visible_to(user))


def documents_visible_to(user):
    return OfficialDocument.objects.filter(agency__in=agencies_visible_to(user))


def categories_visible_to(user):
    return CatalogueCategory.objects.filter(agency__in=agencies_visible_to(user))


def can_edit_draft(user, item) -> bool:
    """The drafter edits their own draft; the agency's administrator may tidy any draft."""
    if item.status != "draft":
        return False
    return user.pk == item.drafter_id or allows(user, "item.tidy_draft", item.agency)
