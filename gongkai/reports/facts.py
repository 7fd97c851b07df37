"""The figures §一 states, from the records of the year (the `facts` of `gongkai report build`).

report_facts(agency, year, cells) -> dict

documents_issued / documents_proactive / documents_not_public   the 公文 register (compute.facts)
documents_on_request / documents_withheld                        the 不公开 split by 公开属性
items_by_category                 items published in the year, by 小类 (compute.facts)
items_published                   their number
other_items / other_items_by_category   those not published as a 公文 of the register
interpretations                   政策解读: catalogue items of that kind plus ledger entries
catalogue_categories / catalogue_subcategories / catalogue_names    the 主动公开基本目录 today
outreach.outlets.<outlet>         items sent out through other channels (disclosure Distribution records)
outreach.channels.<channel>.times / .materials   the ledger's publicity by channel
outreach.times / outreach.materials               the ledger's totals
trainings / training_participants / meetings      the ledger
applications_settled, appeals_review, appeals_litigation   from the §三/§四 cells
fees.cases / fees.amount          信息处理费 paid in the year; fees_statement: the §六 sentence
"""

from django.db.models import Count, Min, Sum

from gongkai.disclosure.models import (
    CatalogueCategory,
    Channel,
    DisclosureAttribute,
    Distribution,
    Item,
    ItemKind,
    ItemStatus,
    OfficialDocument,
)
from gongkai.formats.cells import ReportCells
from gongkai.ledger.models import EntryKind, OutreachChannel
from gongkai.ledger.services import year_totals
from gongkai.reports.compute import UNCATEGORISED, end_of_year, start_of_year
from gongkai.reports.compute import facts as register_facts

PUBLISHED = (ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN)


# Facts taken from the work ledger alone: a 0 there means "nothing recorded", which §一 may not state as a
# fact when the ledger has no entry of that kind in the year at all.
LEDGER_FACTS = {
    "trainings": EntryKind.TRAINING,
    "training_participants": EntryKind.TRAINING,
    "meetings": EntryKind.MEETING,
    "outreach.times": EntryKind.OUTREACH,
    "outreach.materials": EntryKind.OUTREACH,
}


def ledger_source(name: str) -> EntryKind | None:
    """The ledger category a bound fact is counted from, if it is counted from the ledger alone."""
    if name.startswith("outreach.channels."):
        return EntryKind.OUTREACH
    return LEDGER_FACTS.get(name)


def published_in(agency, year):
    """The agency's items published in the year, withdrawn later or not."""
    return Item.objects.filter(
        agency=agency,
        status__in=PUBLISHED,
        published_at__gte=start_of_year(year),
        published_at__lte=end_of_year(year),
    )


def _other_items(agency, year) -> dict[str, int]:
    """Items of the year that are not the published text of a registered 公文, by 小类, in catalogue order."""
    rows = (
        published_in(agency, year)
        .exclude(documents__isnull=False)
        .values("category__name", "category__position", "category__code")
        .annotate(n=Count("pk"))
        .order_by("category__position", "category__code")
    )
    return {(row["category__name"] or UNCATEGORISED): row["n"] for row in rows}


def _outlets(agency, year) -> dict[str, int]:
    rows = (
        Distribution.objects.filter(item__agency=agency, date__year=year)
        .values("channel", "outlet")
        .annotate(times=Sum("count"), first=Min("pk"))
        .order_by("first")
    )
    out: dict[str, int] = {}
    for row in rows:
        name = row["outlet"] or str(Channel(row["channel"]).label)
        out[name] = out.get(name, 0) + row["times"]
    return out


def _cell(cells: ReportCells, address: str) -> int:
    value = cells.values.get(address)
    return value or 0


def fees_statement(cases: int, amount: int) -> str:
    if not cases:
        return "本年度未收取信息处理费。"
    return f"本年度依据《政府信息公开信息处理费管理办法》对{cases}件申请收取信息处理费，共计{amount}元。"


def report_facts(agency, year: int, cells: ReportCells) -> dict:
    from gongkai.applications.fees import fee_totals

    facts = register_facts(agency, year)
    documents = OfficialDocument.objects.filter(agency=agency, issued_on__year=year)
    facts["documents_on_request"] = documents.filter(attribute=DisclosureAttribute.ON_REQUEST).count()
    facts["documents_withheld"] = documents.filter(attribute=DisclosureAttribute.WITHHELD).count()
    facts["items_published"] = sum(facts["items_by_category"].values())
    others = _other_items(agency, year)
    facts["other_items"] = sum(others.values())
    facts["other_items_by_category"] = others

    ledger = year_totals(agency, year)
    catalogue_items = published_in(agency, year).filter(kind=ItemKind.INTERPRETATION).count()
    facts["interpretations"] = catalogue_items + ledger.interpretations

    categories = CatalogueCategory.objects.filter(agency=agency)
    tops = list(
        categories.filter(parent__isnull=True).order_by("position", "code").values_list("name", flat=True)
    )
    facts["catalogue_categories"] = len(tops)
    facts["catalogue_subcategories"] = categories.filter(parent__isnull=False).count()
    facts["catalogue_names"] = "、".join(tops)

    channels = {c.value: {"times": 0, "materials": 0} for c in OutreachChannel}
    for row in ledger.outreach:
        channels[row["channel"]] = {"times": row["times"], "materials": row["materials"]}
    facts["outreach"] = {
        "outlets": _outlets(agency, year),
        "channels": channels,
        "times": ledger.outreach_times,
        "materials": ledger.outreach_materials,
    }
    facts["trainings"] = ledger.trainings
    facts["training_participants"] = ledger.training_participants
    facts["meetings"] = ledger.meetings

    s3, s4 = cells.format.section3, cells.format.section4
    facts["applications_settled"] = _cell(cells, s3.total(s3.total_row))
    for fact, group in (
        ("applications_denied", "denied"),
        ("applications_unable", "unable"),
        ("applications_rejected", "rejected"),
        ("applications_other", "other"),
    ):
        facts[fact] = sum(_cell(cells, s3.total(row)) for row in s3.rows_of(group))
    facts["appeals_review"] = sum(_cell(cells, s4.total(block)) for block in s4.blocks_of("review"))
    facts["appeals_litigation"] = sum(_cell(cells, s4.total(block)) for block in s4.blocks_of("litigation"))

    fees = fee_totals(agency, year)
    facts["fees"] = {"cases": fees.cases, "amount": fees.amount}
    facts["fees_collected"] = fees.amount  # 元, the name rules A9/A10 read
    facts["fees_statement"] = fees_statement(fees.cases, fees.amount)
    return facts
