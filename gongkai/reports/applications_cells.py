"""§三 (依申请公开) and §四 (行政复议、行政诉讼) of the annual report, computed from the records.

    section3_cells(agency, year, fmt=None) -> {address: int}   every §三 cell of the format
    section4_cells(agency, year, fmt=None) -> {address: int}   every §四 cell of the format
    fill_cells(cells, agency)                                  both into a ReportCells of that agency/year

§三 counts each application by two dates — its receipt R and its settlement S — so that the balance of the
header note (rule A1) and the carry-over between years (rule A6) hold by construction:

    R  the receipt date that counts: received_on, or after a 补正 the date the corrected application came
       (the reply period restarts then, and so does the year it belongs to);
    S  the date of its decision or of its withdrawal (a withdrawal counts under 其他 / （六）其他处理).

    一 new_received      R in the year
    二 carried_over      R before 1 January, not settled before 1 January
    三 outcome rows      S in the year, by outcome (rules.outcomes.report_row folds 2021's three
                         其他处理 rows into 2019's one); （七）总计 = their sum
    四 carried_forward   R by 31 December, not settled by 31 December

The 总计 column is the sum of the applicant columns. A case whose correction arrives in the next year belongs
to that year only, in both years' reports, so a report rebuilt later agrees with its neighbours.

§四: each case is counted in every year from its filing to its closing — under its result in the year it
closes, under 尚未审结 in a year at whose end it is still open. 总计 = the sum of the four columns.

Each section is a handful of aggregate queries, whatever the number of cases.
"""

from datetime import date

from django.db.models import CharField, Count, F, OuterRef, Q, Subquery, Value
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce

from gongkai.applications.models import Application, ApplicationEvent
from gongkai.formats import format_for_year
from gongkai.formats.declaration import ReportFormat
from gongkai.rules.clock import EventType
from gongkai.rules.outcomes import Outcome, report_row

# A withdrawn application is settled without a decision; it counts as （六）3.其他 (2021) / （六） (2019).
WITHDRAWN_OUTCOME = Outcome.OTHER_MISC


def _bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _events(type_or_types):
    types = [type_or_types] if isinstance(type_or_types, str) else list(type_or_types)
    return ApplicationEvent.objects.filter(application=OuterRef("pk"), type__in=types)


def _applications(agency):
    """The agency's applications with R (`counted_receipt`) and S (`settled_on`) as SQL expressions."""
    latest_correction = _events(EventType.CORRECTION_RECEIVED).order_by("-date").values("date")[:1]
    first_settlement = _events([EventType.DECIDED, EventType.WITHDRAWN]).order_by("date").values("date")[:1]
    # order_by() drops Meta.ordering, which would otherwise split the GROUP BY below.
    return (
        Application.objects.filter(agency=agency)
        .order_by()
        .annotate(
            counted_receipt=Coalesce(Subquery(latest_correction), F("received_on")),
            settled_on=Subquery(first_settlement),
        )
    )


def section3_cells(agency, year: int, fmt: ReportFormat | None = None) -> dict[str, int]:
    fmt = fmt or format_for_year(year)
    s3 = fmt.section3
    start, end = _bounds(year)
    values = {f"section3.{row.key}.{col.key}": 0 for row in s3.rows for col in s3.columns}

    open_at_start = Q(settled_on__isnull=True) | Q(settled_on__gte=start)
    open_at_end = Q(settled_on__isnull=True) | Q(settled_on__gt=end)
    stocks = (
        _applications(agency)
        .values("applicant_type")
        .annotate(
            new_received=Count("pk", filter=Q(counted_receipt__gte=start, counted_receipt__lte=end)),
            carried_over=Count("pk", filter=Q(counted_receipt__lt=start) & open_at_start),
            carried_forward=Count("pk", filter=Q(counted_receipt__lte=end) & open_at_end),
        )
    )
    for row in stocks:
        for key in ("new_received", "carried_over", "carried_forward"):
            values[f"section3.{key}.{row['applicant_type']}"] += row[key]

    decided_outcome = (
        _events(EventType.DECIDED).annotate(outcome=KeyTextTransform("outcome", "data")).values("outcome")[:1]
    )
    outcomes = (
        _applications(agency)
        .filter(settled_on__gte=start, settled_on__lte=end)
        .annotate(
            outcome=Coalesce(
                Subquery(decided_outcome), Value(WITHDRAWN_OUTCOME.value), output_field=CharField()
            )
        )
        .values("applicant_type", "outcome")
        .annotate(n=Count("pk"))
    )
    for row in outcomes:
        key = report_row(row["outcome"], fmt.version)
        values[f"section3.{key}.{row['applicant_type']}"] += row["n"]

    applicant_keys = [c.key for c in s3.applicant_columns]
    for col in applicant_keys:
        values[f"section3.{s3.total_row}.{col}"] = sum(
            values[f"section3.{row.key}.{col}"] for row in s3.outcome_rows
        )
    for row in s3.rows:
        values[f"section3.{row.key}.{s3.total_column.key}"] = sum(
            values[f"section3.{row.key}.{col}"] for col in applicant_keys
        )
    return values


def section4_cells(agency, year: int, fmt: ReportFormat | None = None) -> dict[str, int]:
    from gongkai.appeals.models import Appeal, AppealResult

    fmt = fmt or format_for_year(year)
    s4 = fmt.section4
    start, end = _bounds(year)
    values = {f"section4.{block.key}.{col.key}": 0 for block in s4.blocks for col in s4.columns}
    closed_in_year = Q(closed_on__gte=start, closed_on__lte=end)
    counts = {
        result.value: Count("pk", filter=closed_in_year & Q(result=result))
        for result in (AppealResult.UPHELD, AppealResult.CORRECTED, AppealResult.OTHER)
    }
    counts[AppealResult.PENDING.value] = Count("pk", filter=Q(closed_on__isnull=True) | Q(closed_on__gt=end))
    rows = (
        Appeal.objects.filter(agency=agency, filed_on__lte=end)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start))
        .order_by()
        .values("kind")
        .annotate(**counts)
    )
    known_blocks = {block.key for block in s4.blocks}
    for row in rows:
        if row["kind"] not in known_blocks:
            raise KeyError(f"{fmt.version} 版格式第四部分没有“{row['kind']}”一栏")
        for column in counts:
            values[f"section4.{row['kind']}.{column}"] += row[column]
    for block in s4.blocks:
        values[f"section4.{block.key}.{s4.total_column}"] = sum(
            values[f"section4.{block.key}.{col.key}"] for col in s4.columns if col.key != s4.total_column
        )
    return values


def fill_cells(cells, agency) -> None:
    """Write the computed §三 and §四 into `cells` (a gongkai.formats.cells.ReportCells of cells.year)."""
    for address, value in section3_cells(agency, cells.year, cells.format).items():
        cells[address] = value
    for address, value in section4_cells(agency, cells.year, cells.format).items():
        cells[address] = value
