"""The annual report of one agency and year, computed from its records (the report as a query).

    build_cells(agency, year) -> ReportCells   §二 computed; §三 and §四 None (not computed yet)
    section2_cells(agency, year, fmt=None)      {address: value} for every §二 cell of the format
    facts(agency, year)                         the §一 figures: 公文 register and items by category
    build_document(agency, year) -> dict        the report-format.md JSON shape plus "facts"

§二 walks the format's declaration: each (block, column) names a rule in CELL_RULES, and the row key names
the item kind, matter list or statistic it counts. A format that declares a cell no rule knows fails
loudly here, so a new format cannot silently report 0.
"""

from datetime import date, datetime, time
from decimal import Decimal

from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from gongkai.disclosure.models import (
    DisclosureAttribute,
    Item,
    ItemEvent,
    ItemKind,
    ItemStatus,
    OfficialDocument,
    Validity,
)
from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells
from gongkai.formats.declaration import ReportFormat
from gongkai.statistics.models import MatterKind, StatisticKind
from gongkai.statistics.services import entry_total, matter_change

# 第二十条第（一）项 rows → the item kind they count.
ITEM_KINDS = {"regulations": ItemKind.REGULATION, "normative_documents": ItemKind.NORMATIVE}
# Rows of 第（五）（六）（八）项 → the matter list their 项目数量 are counted from.
MATTER_KINDS = {
    "licensing": MatterKind.LICENSING,
    "other_services": MatterKind.OTHER_SERVICES,
    "penalty": MatterKind.PENALTY,
    "coercion": MatterKind.COERCION,
    "fees": MatterKind.FEES,
}
DECISION_KINDS = {
    "licensing": StatisticKind.LICENSING_DECISIONS,
    "other_services": StatisticKind.OTHER_SERVICES_DECISIONS,
    "penalty": StatisticKind.PENALTY_DECISIONS,
    "coercion": StatisticKind.COERCION_DECISIONS,
}
# An item counts as made (制作/制发) once signed off, whether or not it was then published.
SIGNED = (ItemStatus.FILED, ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN)
WAN = Decimal(10000)
UNCATEGORISED = "未分类"


def _end_of_year(year: int) -> datetime:
    """The last instant of 31 December in the site's time zone, as an aware datetime."""
    return timezone.make_aware(datetime.combine(date(year, 12, 31), time.max))


def _start_of_year(year: int) -> datetime:
    return timezone.make_aware(datetime.combine(date(year, 1, 1), time.min))


def _items(agency, row: str):
    return Item.objects.filter(agency=agency, kind=ITEM_KINDS[row])


def made(agency, row, year):
    """本年新制作数量 / 本年制发件数: signed off, formed (成文) in the year."""
    return _items(agency, row).filter(status__in=SIGNED, formed_on__year=year).count()


def published(agency, row, year):
    """本年新公开数量: published in the year (an item withdrawn later was still published then)."""
    return (
        _items(agency, row)
        .filter(status__in=(ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN))
        .filter(published_at__gte=_start_of_year(year), published_at__lte=_end_of_year(year))
        .count()
    )


def total_public(agency, row, year):
    """对外公开总数量: published by the end of the year and not withdrawn by then."""
    end = _end_of_year(year)
    withdrawn_by_end = ItemEvent.objects.filter(
        item=OuterRef("pk"), to_status=ItemStatus.WITHDRAWN, at__lte=end
    )
    return (
        _items(agency, row)
        .filter(status__in=(ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN), published_at__lte=end)
        .exclude(Exists(withdrawn_by_end))
        .count()
    )


def repealed(agency, row, year):
    """本年废止件数: 废止 with the repeal date in the year."""
    return (
        _items(agency, row)
        .filter(status__in=SIGNED, validity=Validity.REPEALED, invalid_from__year=year)
        .count()
    )


def in_force(agency, row, year):
    """现行有效件数: made by the end of the year and not yet expired or repealed then.

    An item marked 失效/废止 without a date is counted as no longer in force: the date is unknown, the
    status is not.
    """
    end = date(year, 12, 31)
    no_longer = Q(validity__in=(Validity.EXPIRED, Validity.REPEALED)) & (
        Q(invalid_from__isnull=True) | Q(invalid_from__lte=end)
    )
    return _items(agency, row).filter(status__in=SIGNED, formed_on__lte=end).exclude(no_longer).count()


def prev_items(agency, row, year):
    return matter_change(agency, MATTER_KINDS[row], year)[0]


def change(agency, row, year):
    return matter_change(agency, MATTER_KINDS[row], year)[1]


def decisions(agency, row, year):
    return int(entry_total(agency, DECISION_KINDS[row], year))


def amount_wan(agency, row, year):
    """本年收费金额（单位：万元）: the year's fee entries in yuan, divided exactly."""
    return entry_total(agency, StatisticKind.FEES_AMOUNT, year) / WAN


def projects(agency, row, year):
    return int(entry_total(agency, StatisticKind.PROCUREMENT_PROJECTS, year))


def amount(agency, row, year):
    """采购总金额 in yuan, as recorded."""
    return entry_total(agency, StatisticKind.PROCUREMENT_AMOUNT, year)


# (block key, column key) → rule(agency, row key, year). Block keys are shared by both formats.
CELL_RULES = {
    ("art20_1", "made"): made,
    ("art20_1", "published"): published,
    ("art20_1", "total_public"): total_public,
    ("art20_1", "repealed"): repealed,
    ("art20_1", "in_force"): in_force,
    ("art20_5", "prev_items"): prev_items,
    ("art20_5", "change"): change,
    ("art20_5", "decisions"): decisions,
    ("art20_6", "prev_items"): prev_items,
    ("art20_6", "change"): change,
    ("art20_6", "decisions"): decisions,
    ("art20_8", "prev_items"): prev_items,
    ("art20_8", "change"): change,
    ("art20_8", "amount_wan"): amount_wan,
    ("art20_9", "projects"): projects,
    ("art20_9", "amount"): amount,
}


def section2_cells(agency, year: int, fmt: ReportFormat | None = None) -> dict:
    fmt = fmt or format_for_year(year)
    values = {}
    for block in fmt.section2.blocks:
        for column in block.columns:
            rule = CELL_RULES.get((block.key, column.key))
            if rule is None:
                raise KeyError(f"{fmt.version} 版格式的 {block.key}.{column.key} 没有对应的计算规则")
            for row in block.rows:
                values[f"section2.{block.key}.{row.key}.{column.key}"] = rule(agency, row.key, year)
    return values


def facts(agency, year: int) -> dict:
    """The §一 figures.

    documents_not_public counts every 公文 of the year that is not 主动公开, that is 依申请公开 plus
    不予公开: the seed report's 不公开 (50 = 28 主动公开 + 22 不公开) splits the register in two this way.
    """
    documents = OfficialDocument.objects.filter(agency=agency, issued_on__year=year)
    issued = documents.count()
    proactive = documents.filter(attribute=DisclosureAttribute.PROACTIVE).count()
    by_category: dict[str, int] = {}
    items = (
        Item.objects.filter(
            agency=agency,
            status__in=(ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN),
            published_at__gte=_start_of_year(year),
            published_at__lte=_end_of_year(year),
        )
        .select_related("category")
        .order_by(F("category__position").asc(nulls_last=True), "category__code", "pk")
    )
    for item in items.only("category__name", "category__position", "category__code"):
        name = item.category.name if item.category else UNCATEGORISED
        by_category[name] = by_category.get(name, 0) + 1
    return {
        "documents_issued": issued,
        "documents_proactive": proactive,
        "documents_not_public": issued - proactive,
        "items_by_category": by_category,
    }


def build_cells(agency, year: int) -> ReportCells:
    """The report's cells, every one computed from records: §二 here, §三/§四 from the cases."""
    from gongkai.reports.applications_cells import fill_cells

    fmt = format_for_year(year)
    cells = ReportCells.blank(fmt, agency.name, year)
    for address, value in section2_cells(agency, year, fmt).items():
        cells[address] = value
    fill_cells(cells, agency)
    return cells


def build_document(agency, year: int) -> dict:
    document = build_cells(agency, year).to_dict()
    document["facts"] = facts(agency, year)
    return document


def contact_of(agency) -> dict:
    """The agency's contact block in the renderers' contact fields."""
    office = agency.disclosure_office
    if office and not office.startswith(agency.name):
        office = f"{agency.name}{office}"
    pairs = {
        "office": office,
        "address": agency.address,
        "postcode": agency.postcode,
        "phone": agency.telephone,
        "fax": agency.fax,
        "email": agency.email,
        "website": agency.website,
    }
    return {key: value for key, value in pairs.items() if value}
