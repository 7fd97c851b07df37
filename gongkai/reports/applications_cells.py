"""§三 (依申请公开) and §四 (行政复议、行政诉讼) of the annual report, computed from the records.

    section3_cells(agency, year, fmt=None) -> {address: int}   every §三 cell of the format
    section4_cells(agency, year, fmt=None) -> {address: int}   every §四 cell of the format
    section3_by_agency / section4_by_agency(agencies, year, fmt=None) -> {agency pk: cells}
                                                               many agencies (a supervisor's subtree) at once
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

Each section is one grouped query, whatever the number of cases or agencies: §三 reads each case that can
count in the year once, with its R, S and outcome, and counts it in Python.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Max, Min, Q
from django.db.models.fields.json import KeyTextTransform

from gongkai.applications.models import Application
from gongkai.formats import format_for_year
from gongkai.formats.declaration import ReportFormat
from gongkai.reports import compiled
from gongkai.rules.clock import EventType
from gongkai.rules.outcomes import Outcome, report_row

# A withdrawn application is settled without a decision; it counts as （六）3.其他 (2021) / （六） (2019).
WITHDRAWN_OUTCOME = Outcome.OTHER_MISC


def _bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _ids(agencies) -> list[int]:
    return [a.pk for a in agencies]


def _cases(agency_ids: list[int], year: int):
    """(agency, applicant type, R, S, outcome) of each case that can count in `year`.

    One grouped query over the cases and their events: R's correction date and S are the latest 补正 and
    the first decision or withdrawal among the case's events. Cases received after the year, or settled
    before it, never count and are left in the database.
    """
    start, end = _bounds(year)
    live = Q(events__voided_at__isnull=True)  # a voided event counts nowhere

    def build(ids):
        return (
            Application.objects.filter(agency_id__in=ids, received_on__lte=end)
            .order_by()  # Meta.ordering would join the GROUP BY
            .values("pk", "agency_id", "applicant_type", "received_on")  # grouped by case
            .annotate(
                corrected=Max("events__date", filter=live & Q(events__type=EventType.CORRECTION_RECEIVED)),
                settled=Min(
                    "events__date",
                    filter=live & Q(events__type__in=[EventType.DECIDED, EventType.WITHDRAWN]),
                ),
                outcome=Max(
                    KeyTextTransform("outcome", "events__data"),
                    filter=live & Q(events__type=EventType.DECIDED),
                ),
            )
            .filter(Q(settled__isnull=True) | Q(settled__gte=start))
        )

    for row in compiled.rows(("section3", year), build, agency_ids):
        receipt = row["corrected"] or row["received_on"]
        yield row["agency_id"], row["applicant_type"], receipt, row["settled"], row["outcome"]


@dataclass
class _Section3Layout:
    """Where §三's counts go, worked out once per format from its declaration."""

    blank: dict[str, int]
    received: dict[str, str]
    carried_over: dict[str, str]
    carried_forward: dict[str, str]
    sums: list[tuple[str, list[str]]]
    settled: dict = field(default_factory=dict)


_layouts: dict[str, _Section3Layout] = {}


def _section3_layout(fmt: ReportFormat) -> _Section3Layout:
    if fmt.version not in _layouts:
        s3 = fmt.section3

        def by_column(row):
            return {col.key: s3.address(row, col) for col in s3.applicant_columns}

        # The （七）总计 row sums the outcome rows column by column; then the 总计 column sums each row.
        sums = [
            (s3.address(s3.total_row, col), [s3.address(row, col) for row in s3.outcome_rows])
            for col in s3.applicant_columns
        ]
        sums += [(s3.total(row), [s3.address(row, col) for col in s3.applicant_columns]) for row in s3.rows]
        _layouts[fmt.version] = _Section3Layout(
            blank={s3.address(row, col): 0 for row in s3.rows for col in s3.columns},
            received=by_column(s3.new_received_row),
            carried_over=by_column(s3.carried_over_row),
            carried_forward=by_column(s3.carried_forward_row),
            sums=sums,
        )
    return _layouts[fmt.version]


def section3_by_agency(agencies, year: int, fmt: ReportFormat | None = None) -> dict[int, dict[str, int]]:
    """{agency pk: §三 cells} for every agency of `agencies`, counted together."""
    fmt = fmt or format_for_year(year)
    s3 = fmt.section3
    start, end = _bounds(year)
    layout = _section3_layout(fmt)
    ids = _ids(agencies)
    by_agency = {pk: dict(layout.blank) for pk in ids}
    # Each case adds 1 to cells of its applicant type's column; the addresses are looked up, not rebuilt.
    received, carried_over, carried_forward = layout.received, layout.carried_over, layout.carried_forward
    settled_cells = layout.settled  # (outcome key, applicant type) → the cell, found once per pair
    for agency_id, applicant, receipt, settled, outcome in _cases(ids, year):
        values = by_agency[agency_id]
        open_at_start = settled is None or settled >= start
        open_at_end = settled is None or settled > end
        if receipt >= start and receipt <= end:
            values[received[applicant]] += 1
        if receipt < start and open_at_start:
            values[carried_over[applicant]] += 1
        if receipt <= end and open_at_end:
            values[carried_forward[applicant]] += 1
        if settled is not None and start <= settled <= end:
            outcome = outcome or WITHDRAWN_OUTCOME.value
            if (outcome, applicant) not in settled_cells:
                settled_cells[outcome, applicant] = s3.address(report_row(outcome, fmt.version), applicant)
            values[settled_cells[outcome, applicant]] += 1

    for values in by_agency.values():
        for total, parts in layout.sums:
            values[total] = sum(values[address] for address in parts)
    return by_agency


def section3_cells(agency, year: int, fmt: ReportFormat | None = None) -> dict[str, int]:
    return section3_by_agency([agency], year, fmt)[agency.pk]


def section4_by_agency(agencies, year: int, fmt: ReportFormat | None = None) -> dict[int, dict[str, int]]:
    """{agency pk: §四 cells} for every agency of `agencies`, from one grouped query."""
    from gongkai.appeals.models import Appeal, AppealResult

    fmt = fmt or format_for_year(year)
    s4 = fmt.section4
    start, end = _bounds(year)
    blank = {s4.address(block, col): 0 for block in s4.blocks for col in s4.columns}
    ids = _ids(agencies)
    by_agency = {pk: dict(blank) for pk in ids}
    closed_in_year = Q(closed_on__gte=start, closed_on__lte=end)
    counts = {
        result.value: Count("pk", filter=closed_in_year & Q(result=result))
        for result in (AppealResult.UPHELD, AppealResult.CORRECTED, AppealResult.OTHER)
    }
    counts[AppealResult.PENDING.value] = Count("pk", filter=Q(closed_on__isnull=True) | Q(closed_on__gt=end))

    def build(agency_ids):
        return (
            Appeal.objects.filter(agency_id__in=agency_ids, filed_on__lte=end)
            .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start))
            .order_by()
            .values("agency_id", "kind")
            .annotate(**counts)
        )

    rows = compiled.rows(("section4", year), build, ids)
    known_blocks = {block.key for block in s4.blocks}
    for row in rows:
        if row["kind"] not in known_blocks:
            raise KeyError(f"{fmt.version} 版格式第四部分没有“{row['kind']}”一栏")
        values = by_agency[row["agency_id"]]
        for column in counts:
            values[s4.address(row["kind"], column)] += row[column]
    sums = [
        (s4.total(block), [s4.address(block, col) for col in s4.columns if col.key != s4.total_column])
        for block in s4.blocks
    ]
    for values in by_agency.values():
        for total, parts in sums:
            values[total] = sum(values[address] for address in parts)
    return by_agency


def section4_cells(agency, year: int, fmt: ReportFormat | None = None) -> dict[str, int]:
    return section4_by_agency([agency], year, fmt)[agency.pk]


def fill_cells(cells, agency) -> None:
    """Write the computed §三 and §四 into `cells` (a gongkai.formats.cells.ReportCells of cells.year)."""
    for address, value in section3_cells(agency, cells.year, cells.format).items():
        cells[address] = value
    for address, value in section4_cells(agency, cells.year, cells.format).items():
        cells[address] = value
