"""What the portal shows of an agency's 主动公开目录: the category tree and its public items."""

from dataclasses import dataclass, field

from django.db.models import Count
from django.http import Http404
from django.urls import reverse

from gongkai.disclosure.models import Attachment, CatalogueCategory, DisclosureAttribute, Item, ItemStatus
from gongkai.reports.public_views import is_report_column, published_versions
from gongkai.search.service import category_subtree_ids, public_items
from gongkai.statements import model_from_row, prepared_cursor


@dataclass
class Node:
    category: CatalogueCategory
    count: int  # public items in this category and below
    children: list["Node"] = field(default_factory=list)


def category_tree(agency) -> list[Node]:
    """The agency's categories as a tree, each with its number of public items (subcategories included)."""
    categories = list(CatalogueCategory.objects.filter(agency=agency).order_by("position", "code"))
    # Counted apart from the categories, so the count reads only the index of public items by category.
    own = dict(
        public_items()
        .filter(category_id__in=[c.pk for c in categories])
        .order_by()
        .values_list("category_id")
        .annotate(n=Count("pk"))
    )
    reports = None
    for c in categories:
        if is_report_column(c):
            # The 年报 column lists the published annual reports (gongkai.reports), and counts them.
            reports = len(published_versions(agency)) if reports is None else reports
            c.own = reports
        else:
            c.own = own.get(c.pk, 0)
    nodes = {c.pk: Node(c, c.own) for c in categories}
    roots = []
    for c in categories:
        (nodes[c.parent_id].children if c.parent_id in nodes else roots).append(nodes[c.pk])

    def total(node: Node, seen: frozenset = frozenset()) -> int:
        node.count = node.category.own + sum(
            total(child, seen | {node.category.pk})
            for child in node.children
            if child.category.pk not in seen
        )
        return node.count

    for root in roots:
        total(root)
    return roots


def category_items(category):
    return (
        public_items()
        .filter(category_id__in=category_subtree_ids(category))
        .select_related("agency")
        .order_by("-published_at", "-pk")
    )


def item_path_ref(item: Item) -> str:
    """An item's public address part: its permanent 索引号, or its id if it never had one."""
    return item.index_number or str(item.pk)


def item_url(item: Item) -> str:
    return reverse("portal:item", args=[item.agency.code, item_path_ref(item)])


# Every column the page may show; not the search words, as long as the body and never displayed.
ITEM_PAGE_FIELDS = tuple(f for f in Item._meta.concrete_fields if f.name != "search_tokens")


def _one_item(agency, column: str, value) -> Item | None:
    columns = ", ".join(f"i.{field.column}" for field in ITEM_PAGE_FIELDS)
    # Whether it has attachments comes with the row: most items have none, and asking apart cost a query.
    with prepared_cursor() as cursor:
        cursor.execute(
            f"""SELECT {columns},
                    EXISTS (SELECT 1 FROM {Attachment._meta.db_table} f WHERE f.item_id = i.id)
                FROM {Item._meta.db_table} i WHERE i.agency_id = %s AND i.{column} = %s LIMIT 1""",
            [agency.pk, value],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    item = model_from_row(Item, ITEM_PAGE_FIELDS, row[:-1])
    item.has_attachments = bool(row[-1])
    return item


def find_public_item(agency, ref: str) -> Item:
    """The item at /<code>/items/<ref>/ if the public may see it (published, or withdrawn: a notice).

    Drafts, items under review and signed-off items that are not 主动公开 are 404, as if they did not exist.
    The item carries `has_attachments`.
    """
    # The agency is the one already looked up; the interpreted document (rare) is loaded when there is one.
    # One plain statement, prepared once per connection: building the same query through the ORM (or a raw
    # query set) on every page cost several times as much as running it. An index number (or an id) names
    # one item.
    item = _one_item(agency, "index_number", ref)
    if item is None and ref.isdigit() and len(ref) < 19:
        item = _one_item(agency, "id", int(ref))
    if item is None or item.attribute != DisclosureAttribute.PROACTIVE:
        raise Http404("没有找到该政府信息。")
    if item.status not in (ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN):
        raise Http404("没有找到该政府信息。")
    item.agency = agency
    return item
