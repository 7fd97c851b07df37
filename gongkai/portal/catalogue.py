"""What the portal shows of an agency's 主动公开目录: the category tree and its public items."""

from dataclasses import dataclass, field
from functools import cache

from django.db.models import Count
from django.http import Http404
from django.urls import reverse

from gongkai.agencies.models import Agency
from gongkai.disclosure.models import Attachment, CatalogueCategory, DisclosureAttribute, Item, ItemStatus
from gongkai.portal.models import PortalGeneration
from gongkai.reports.public_views import is_report_column, published_versions
from gongkai.search.service import category_subtree_ids, public_items
from gongkai.statements import fetchone, model_from_row


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
            # The 年报 column lists the published annual reports (gongkai.reports) besides its own items,
            # and counts both.
            reports = len(published_versions(agency)) if reports is None else reports
            c.own = reports + own.get(c.pk, 0)
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


@cache
def _item_page_statement(by_id: bool) -> str:
    columns = ", ".join(f"i.{field.column}" for field in ITEM_PAGE_FIELDS)
    item, agency = Item._meta.db_table, Agency._meta.db_table
    # The item row is read once, straight from the 索引号 index: found by a subquery and then joined by
    # id, it read the primary key's index as well, one more block from disk for most items of a large
    # catalogue. The generation rides along as a subquery; a 404 does not need it. Only an address of
    # digits may name an id (an item without a 索引号); a 索引号 wins over an id that reads the same.
    if by_id:
        chosen = "(i.index_number = %s OR i.id = %s) ORDER BY CASE WHEN i.index_number = %s THEN 0 ELSE 1 END"
    else:
        chosen = "i.index_number = %s"
    return f"""SELECT (SELECT number FROM {PortalGeneration._meta.db_table} WHERE id = 1), {columns},
            EXISTS (SELECT 1 FROM {Attachment._meta.db_table} f WHERE f.item_id = i.id)
        FROM {item} i JOIN {agency} a ON a.id = i.agency_id
        WHERE a.code = %s AND {chosen} LIMIT 1"""


def item_page_query(code: str, ref: str) -> tuple[str, list]:
    """The statement and parameters that read the item at /<code>/items/<ref>/ (see read_public_item)."""
    ref = ref.strip("/")
    if ref.isascii() and ref.isdigit() and len(ref) < 19:
        return _item_page_statement(True), [code, ref, int(ref), ref]
    return _item_page_statement(False), [code, ref]


def read_public_item(code: str, ref: str, ahead=None) -> tuple[int, Item]:
    """The portal's generation (gongkai.portal.page_cache) and the item at /<code>/items/<ref>/, read in
    one statement: a kept page needs the one, a first visit both, and a round trip to PostgreSQL cost as
    much as the rest of a kept page. Http404 unless the public may see the item (published, or withdrawn:
    a notice); drafts, items under review and signed-off items that are not 主动公开 are 404, as if they
    did not exist.

    The item carries `has_attachments`; its agency is set by the caller, who has it already. The
    statement is prepared once per connection (gongkai.statements): built through the ORM on every page
    it cost several times as much as running it. `ahead` is that statement sent as the request arrived
    (gongkai.readahead), if it was.
    """
    if "\x00" in ref:
        raise Http404("没有找到该政府信息。")  # PostgreSQL text holds no NUL, so no item is named by one
    row = fetchone(*item_page_query(code, ref), ahead=ahead)
    if row is None:
        raise Http404("没有找到该政府信息。")
    generation, values, has_attachments = row[0] or 0, row[1:-1], row[-1]
    item = model_from_row(Item, ITEM_PAGE_FIELDS, values)
    item.has_attachments = bool(has_attachments)
    if item.attribute != DisclosureAttribute.PROACTIVE:
        raise Http404("没有找到该政府信息。")
    if item.status not in (ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN):
        raise Http404("没有找到该政府信息。")
    return generation, item
