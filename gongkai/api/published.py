"""What the API may show, as queries: agencies, items the public may see, and published report versions.

The item query is the portal's own (gongkai.search.service.public_items: published and 主动公开), so the
API can never show a draft, an item under review, a withdrawn item or one that is not 主动公开.
"""

from django.core.paginator import Paginator

from gongkai.agencies.models import Agency
from gongkai.api.params import has_control_characters
from gongkai.api.responses import ApiError, not_found
from gongkai.disclosure.models import CatalogueCategory, Item
from gongkai.formats.cells import CellsError, ReportCells, cells_from_dict
from gongkai.reports.models import ReportVersion
from gongkai.search.service import category_subtree_ids, public_items

# Government before its departments' townships, as on the portal home page.
SIBLING_ORDER = ("kind", "name")


def agency(code: str) -> Agency:
    found = None
    if not has_control_characters(code):
        found = Agency.objects.filter(code=code).select_related("parent").first()
    if found is None:
        raise not_found(f"没有代码为“{code[:40]}”的机关。")
    return found


def agencies_in_tree_order() -> list[Agency]:
    """Every agency, each after its parent (depth first, siblings by kind and name)."""
    everyone = list(Agency.objects.select_related("parent").order_by(*SIBLING_ORDER))
    children: dict[int | None, list[Agency]] = {}
    known = {a.pk for a in everyone}
    for a in everyone:
        children.setdefault(a.parent_id if a.parent_id in known else None, []).append(a)
    ordered: list[Agency] = []
    stack = list(reversed(children.get(None, [])))
    seen: set[int] = set()
    while stack:
        a = stack.pop()
        if a.pk in seen:  # a cycle in bad data must not loop forever
            continue
        seen.add(a.pk)
        ordered.append(a)
        stack.extend(reversed(children.get(a.pk, [])))
    return ordered


def items_of(agency: Agency, *, year=None, category_code=None, updated_since=None):
    items = public_items().filter(agency=agency).select_related("agency", "category")
    if year is not None:
        items = items.filter(published_at__year=year)
    if category_code is not None:
        category = CatalogueCategory.objects.filter(agency=agency, code=category_code).first()
        if category is None:
            # Well-formed but not there: like an unknown agency, a 404 (naming the parameter).
            raise ApiError(
                404,
                f"参数 category：{agency.name}没有代码为“{category_code[:40]}”的目录类目。",
                parameter="category",
            )
        items = items.filter(category_id__in=category_subtree_ids(category))
    if updated_since is not None:
        items = items.filter(updated_at__gte=updated_since)
    return items.order_by("-published_at", "-pk")


def page_of(queryset, page: int, size: int):
    paginator = Paginator(queryset, size)
    if page > paginator.num_pages:
        # A page the schema allows but the list does not have yet is not there (404), not a bad request.
        raise not_found(f"没有第 {page} 页：共 {paginator.num_pages} 页。")
    return paginator.page(page)


def public_item(index_number: str) -> Item:
    item = None
    if not has_control_characters(index_number):
        item = (
            public_items()
            .filter(index_number=index_number)
            .select_related("agency", "category", "interprets")
            .first()
        )
    if item is None:
        raise not_found(f"没有索引号为“{index_number[:60]}”的公开政府信息。")
    return item


def published_versions(agency: Agency):
    """Every published version of the agency's reports, newest year first, newest version first."""
    return (
        ReportVersion.objects.filter(report__agency=agency)
        .select_related("report")
        .prefetch_related("files")
        .order_by("-report__year", "-number")
    )


def published_version(agency: Agency, year: int, number: int | None = None) -> ReportVersion:
    """The latest published version of the agency's report on `year` (or version `number`)."""
    versions = published_versions(agency).filter(report__year=year)
    version = versions.filter(number=number).first() if number is not None else versions.first()
    if version is None:
        if number is not None and versions.exists():
            raise not_found(f"{agency.name}{year}年度报告没有第{number}版。")
        raise not_found(f"{agency.name}尚未发布{year}年度的政府信息公开工作年度报告。")
    return version


def version_cells(version: ReportVersion) -> ReportCells:
    """The version's cells as stored at publication, read through the format declaration."""
    try:
        return cells_from_dict(version.cells)
    except CellsError as e:  # stored at publication after validation: this means damaged data
        raise RuntimeError(f"{version} 的单元格无法读取：{e}") from e
