"""主动公开基本目录: each agency's tree of categories, edited by its administrator, every change audited."""

from dataclasses import dataclass, field

from django.db import transaction

from gongkai import audit
from gongkai.agencies.access import require
from gongkai.disclosure.models import CatalogueCategory


class CatalogueError(Exception):
    """A change to the catalogue that is not allowed; the message is shown to the person."""


@dataclass
class Node:
    category: CatalogueCategory
    depth: int
    children: list["Node"] = field(default_factory=list)


def catalogue_tree(agency) -> list[Node]:
    """The agency's categories as a forest, siblings in (position, code) order."""
    categories = list(
        CatalogueCategory.objects.filter(agency=agency)
        .select_related("agency", "department")
        .order_by("position", "code")
    )
    by_parent: dict[int | None, list[CatalogueCategory]] = {}
    for category in categories:
        by_parent.setdefault(category.parent_id, []).append(category)

    def build(parent_id, depth):
        return [Node(c, depth, build(c.pk, depth + 1)) for c in by_parent.get(parent_id, [])]

    return build(None, 0)


def flatten(nodes: list[Node]) -> list[Node]:
    """Depth-first, parents before children: the order an indented list shows them in."""
    out = []
    for node in nodes:
        out.append(node)
        out.extend(flatten(node.children))
    return out


def descendant_ids(category: CatalogueCategory) -> set[int]:
    """The category and every category below it."""
    rows = list(CatalogueCategory.objects.filter(agency_id=category.agency_id).values_list("pk", "parent_id"))
    found, frontier = {category.pk}, [category.pk]
    while frontier:
        frontier = [pk for pk, parent in rows if parent in frontier and pk not in found]
        found.update(frontier)
    return found


def save_category(category: CatalogueCategory, actor) -> CatalogueCategory:
    require(actor, "catalogue.edit", category.agency)
    if category.parent_id:
        if category.parent.agency_id != category.agency_id:
            raise CatalogueError("上级类目必须属于同一机关。")
        if category.pk and category.parent_id in descendant_ids(category):
            raise CatalogueError("上级类目不能是本类目或其下级类目。")
    if category.department_id and category.department.agency_id != category.agency_id:
        raise CatalogueError("责任科室必须属于同一机关。")
    creating = category.pk is None
    with transaction.atomic():
        category.save()
        audit.record(
            "disclosure.category.create" if creating else "disclosure.category.edit",
            actor=actor,
            agency=category.agency,
            target=category,
            details={
                "code": category.code,
                "name": category.name,
                "parent": category.parent_id,
                "update_frequency": category.update_frequency,
                "art_items": category.art_items,
            },
        )
    return category


def delete_category(category: CatalogueCategory, actor) -> None:
    """Only an empty category goes: items filed under it keep their place in the catalogue."""
    require(actor, "catalogue.edit", category.agency)
    if category.children.exists():
        raise CatalogueError("该类目下还有下级类目，请先删除或移走下级类目。")
    if category.items.exists():
        raise CatalogueError("该类目下已有政府信息，不能删除；可改名或调整位置。")
    with transaction.atomic():
        audit.record(
            "disclosure.category.delete",
            actor=actor,
            agency=category.agency,
            target=category,
            details={"code": category.code, "name": category.name},
        )
        category.delete()
