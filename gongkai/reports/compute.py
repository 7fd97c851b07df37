"""The annual report of one agency and year, computed from its records (the report as a query).

    build_cells(agency, year) -> ReportCells   §二, §三 and §四 computed from the records
    build_cells_for(agencies, year) -> {pk: ReportCells}   the same for many agencies at once (a subtree)
    section2_cells(agency, year, fmt=None)      {address: value} for every §二 cell of the format
    facts(agency, year)                         the §一 figures: 公文 register and items by category
    build_document(agency, year) -> dict        the JSON of docs/report-format.md plus "facts"

§二 walks the format's declaration: each (block, column) names a rule in CELL_RULES, and the row key names
the item kind, matter list or statistic it counts. A rule gives its cell as an aggregate over one table;
the cells of a table are counted together, one query per table. A format that declares a cell no rule knows fails
loudly here, so a new format cannot silently report 0.
"""

from datetime import date, datetime, time
from decimal import Decimal

from django.db.models import Count, Exists, F, OuterRef, Q, Sum, Value
from django.db.models.functions import Coalesce
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
from gongkai.reports import compiled
from gongkai.statistics.models import Matter, MatterKind, StatisticEntry, StatisticKind
from gongkai.statistics.services import year_end

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


def end_of_year(year: int) -> datetime:
    """The last instant of 31 December in the site's time zone, as an aware datetime."""
    return timezone.make_aware(datetime.combine(date(year, 12, 31), time.max))


def start_of_year(year: int) -> datetime:
    return timezone.make_aware(datetime.combine(date(year, 1, 1), time.min))


# Each rule answers one cell as an aggregate over one source table of the agency, so that §二 is one
# query per table (conditional aggregates) rather than one per cell: a supervisor computes thousands.
ITEMS, ENTRIES, MATTERS = "items", "entries", "matters"


def _kind(row: str) -> Q:
    return Q(kind=ITEM_KINDS[row])


def made(row, year):
    """本年新制作数量 / 本年制发件数: signed off, formed (成文) in the year."""
    return ITEMS, Count("pk", filter=_kind(row) & Q(status__in=SIGNED, formed_on__year=year))


def published(row, year):
    """本年新公开数量: published in the year (an item withdrawn later was still published then)."""
    in_year = Q(published_at__gte=start_of_year(year), published_at__lte=end_of_year(year))
    return ITEMS, Count(
        "pk", filter=_kind(row) & Q(status__in=(ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN)) & in_year
    )


def total_public(row, year):
    """对外公开总数量: published by the end of the year and not withdrawn by then."""
    end = end_of_year(year)
    withdrawn_by_end = ItemEvent.objects.filter(
        item=OuterRef("pk"), to_status=ItemStatus.WITHDRAWN, at__lte=end
    )
    public_at_end = Q(status__in=(ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN), published_at__lte=end)
    return ITEMS, Count("pk", filter=_kind(row) & public_at_end & ~Q(Exists(withdrawn_by_end)))


def repealed(row, year):
    """本年废止件数: 废止 with the repeal date in the year."""
    return ITEMS, Count(
        "pk",
        filter=_kind(row) & Q(status__in=SIGNED, validity=Validity.REPEALED, invalid_from__year=year),
    )


def in_force(row, year):
    """现行有效件数: made by the end of the year and not yet expired or repealed then.

    An item marked 失效/废止 without a date is counted as no longer in force: the date is unknown, the
    status is not.
    """
    end = date(year, 12, 31)
    no_longer = Q(validity__in=(Validity.EXPIRED, Validity.REPEALED)) & (
        Q(invalid_from__isnull=True) | Q(invalid_from__lte=end)
    )
    return ITEMS, Count("pk", filter=_kind(row) & Q(status__in=SIGNED, formed_on__lte=end) & ~no_longer)


def _matters_in_force(row, on: date) -> Count:
    """Matters of the row's list in force on `on` (statistics.services.matters_in_force, as an aggregate)."""
    return Count(
        "pk",
        filter=Q(kind=MATTER_KINDS[row], effective_from__lte=on)
        & (Q(effective_until__isnull=True) | Q(effective_until__gt=on)),
    )


def prev_items(row, year):
    return MATTERS, _matters_in_force(row, year_end(year - 1))


def change(row, year):
    return MATTERS, _matters_in_force(row, year_end(year)) - _matters_in_force(row, year_end(year - 1))


def _entries(kind: str, year: int) -> Sum:
    # Coalesced to 0 in SQL so that a missing entry is an exact Decimal("0"), as entry_total gives.
    return Coalesce(Sum("value", filter=Q(kind=kind, period_end__year=year)), Value(Decimal(0)))


def decisions(row, year):
    return ENTRIES, _entries(DECISION_KINDS[row], year), int


def amount_wan(row, year):
    """本年收费金额（单位：万元）: the year's fee entries in yuan, divided exactly."""
    return ENTRIES, _entries(StatisticKind.FEES_AMOUNT, year), lambda yuan: Decimal(yuan) / WAN


def projects(row, year):
    return ENTRIES, _entries(StatisticKind.PROCUREMENT_PROJECTS, year), int


def amount(row, year):
    """采购总金额 in yuan, as recorded."""
    return ENTRIES, _entries(StatisticKind.PROCUREMENT_AMOUNT, year), Decimal


# (block key, column key) → rule(row key, year) -> (source, aggregate[, finish]). Block keys are shared by
# both formats.
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


def _source(name: str, agency_ids: list[int]):
    if name == ITEMS:
        return Item.objects.filter(agency_id__in=agency_ids, kind__in=list(ITEM_KINDS.values()))
    if name == ENTRIES:
        return StatisticEntry.objects.filter(agency_id__in=agency_ids)
    return Matter.objects.filter(agency_id__in=agency_ids)


_PLANS: dict[tuple[str, int], tuple] = {}


def _plan(fmt: ReportFormat, year: int) -> tuple[dict, list]:
    """The aggregates per source table and where each cell's value comes from, for a format and year."""
    key = (fmt.version, year)
    if key not in _PLANS:
        wanted: dict[str, dict[str, object]] = {}  # source → {alias: aggregate}
        cells: list[tuple[str, str, str, object]] = []  # (address, source, alias, finish)
        for block in fmt.section2.blocks:
            for column in block.columns:
                rule = CELL_RULES.get((block.key, column.key))
                if rule is None:
                    raise KeyError(f"{fmt.version} 版格式的 {block.key}.{column.key} 没有对应的计算规则")
                for row in block.rows:
                    source, aggregate, *finish = rule(row.key, year)
                    alias = f"c{len(cells)}"
                    wanted.setdefault(source, {})[alias] = aggregate
                    cells.append((block.address(row, column), source, alias, finish))
        _PLANS[key] = wanted, cells
    return _PLANS[key]


def section2_by_agency(agencies, year: int, fmt: ReportFormat | None = None) -> dict[int, dict]:
    """{agency pk: §二 cells} for every agency of `agencies`: one query per source table, grouped by agency."""
    fmt = fmt or format_for_year(year)
    wanted, cells = _plan(fmt, year)
    ids = [a.pk for a in agencies]
    results: dict[tuple[str, int], dict] = {}
    for source, aggregates in wanted.items():

        def build(agency_ids, source=source, aggregates=aggregates):
            return _source(source, agency_ids).order_by().values("agency_id").annotate(**aggregates)

        for row in compiled.rows(("section2", fmt.version, year, source), build, ids):
            results[(source, row["agency_id"])] = row
    by_agency = {}
    for pk in ids:
        values = by_agency[pk] = {}
        for address, source, alias, finish in cells:
            # An agency without a row in a table counts 0 there (no items, entries or matters).
            value = results.get((source, pk), {}).get(alias, 0)
            values[address] = finish[0](value) if finish else value
    return by_agency


def section2_cells(agency, year: int, fmt: ReportFormat | None = None) -> dict:
    return section2_by_agency([agency], year, fmt)[agency.pk]


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
            published_at__gte=start_of_year(year),
            published_at__lte=end_of_year(year),
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


def build_cells_for(agencies, year: int) -> dict[int, ReportCells]:
    """{agency pk: its report's cells} for many agencies (a supervisor's subtree), each section counted
    for all of them together: a handful of queries, whatever the number of agencies."""
    from gongkai.reports.applications_cells import section3_by_agency, section4_by_agency

    agencies = list(agencies)
    fmt = format_for_year(year)
    out = {}
    sections = [section2_by_agency(agencies, year, fmt), section3_by_agency(agencies, year, fmt),
                section4_by_agency(agencies, year, fmt)]  # fmt: skip
    for agency in agencies:
        cells = out[agency.pk] = ReportCells.blank(fmt, agency.name, year)
        for section in sections:
            cells.update(section[agency.pk])
    return out


def build_cells(agency, year: int) -> ReportCells:
    """The report's cells, every one computed from records: §二 here, §三/§四 from the cases."""
    return build_cells_for([agency], year)[agency.pk]


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
