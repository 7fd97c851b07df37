"""The report's charts from its cells and the records: outcomes and applicant types of the year (§三),
five-year trends of applications (§三) and of items published (§二).

A trend shows only the years that have a report (a published version, or the year being reported): a year
before the agency reported would be drawn as a 0 it never stated. The chart's title says which years were
left out.

    report_charts(agency, year, cells) -> [Chart]
    charts_by_section(charts) -> {"二": [...], "三": [...]}
    to_json(charts) / from_json(data)   a published version keeps its charts' data, not its drawing
"""

from gongkai.formats.cells import ReportCells
from gongkai.formats.render.charts import Chart

SECTION_OF = {"items_trend": "二", "outcomes": "三", "applicants": "三", "applications_trend": "三"}
TREND_YEARS = 5


def _outcome_groups(cells: ReportCells) -> list[tuple[str, int]]:
    """The outcome rows summed by their group: （三）不予公开 counts its eight rows as one bar."""
    s3 = cells.format.section3
    return [
        (group.name, sum(cells[s3.total(row)] or 0 for row in s3.rows_of(group)))
        for group in s3.outcome_groups
    ]


def reported_years(agency, year: int) -> tuple[list[int], list[int]]:
    """(years of the trend that have a report, years left out), over the TREND_YEARS up to `year`."""
    from gongkai.reports.models import ReportVersion

    span = list(range(year - TREND_YEARS + 1, year + 1))
    published = set(
        ReportVersion.objects.filter(report__agency=agency, report__year__in=span).values_list(
            "report__year", flat=True
        )
    )
    kept = [y for y in span if y in published or y == year]
    return kept, [y for y in span if y not in kept]


def _trend_title(years: list[int], left_out: list[int], what: str) -> str:
    span = f"{years[0]}—{years[-1]}年" if len(years) > 1 else f"{years[0]}年"
    title = f"{span}{what}"
    if left_out:
        title += f"（{'、'.join(str(y) for y in left_out)}年无年度报告，未列入）"
    return title


def report_charts(agency, year: int, cells: ReportCells) -> list[Chart]:
    from gongkai.reports.applications_cells import section3_cells
    from gongkai.reports.facts import published_in

    s3 = cells.format.section3
    charts = []
    years, left_out = reported_years(agency, year)
    items = tuple(published_in(agency, y).count() for y in years)
    if any(items):
        charts.append(
            Chart(
                "items_trend",
                _trend_title(years, left_out, "主动公开信息数量"),
                tuple(f"{y}年" for y in years),
                items,
                "条",
                "columns",
            )
        )
    settled = cells[s3.total(s3.total_row)] or 0
    if settled:
        groups = _outcome_groups(cells)
        charts.append(
            Chart(
                "outcomes", f"{year}年申请办理结果", tuple(g for g, _ in groups), tuple(v for _, v in groups)
            )
        )
    received = cells[s3.total(s3.new_received_row)] or 0
    if received:
        charts.append(
            Chart(
                "applicants",
                f"{year}年新收申请的申请人类型",
                tuple(c.label for c in s3.applicant_columns),
                tuple(cells[s3.address(s3.new_received_row, c)] or 0 for c in s3.applicant_columns),
            )
        )
    trend = tuple(
        section3_cells(agency, y, cells.format)[s3.total(s3.new_received_row)] if y != year else received
        for y in years
    )
    if any(trend):
        charts.append(
            Chart(
                "applications_trend",
                _trend_title(years, left_out, "新收申请数量"),
                tuple(f"{y}年" for y in years),
                trend,
                "件",
                "columns",
            )
        )
    return charts


def charts_by_section(charts: list[Chart]) -> dict[str, list[Chart]]:
    out: dict[str, list[Chart]] = {}
    for chart in charts:
        out.setdefault(SECTION_OF.get(chart.key, "三"), []).append(chart)
    return out


def to_json(charts: list[Chart]) -> list[dict]:
    return [
        {
            "key": c.key,
            "title": c.title,
            "labels": list(c.labels),
            "values": list(c.values),
            "unit": c.unit,
            "kind": c.kind,
        }
        for c in charts
    ]


def from_json(data: list[dict]) -> list[Chart]:
    return [
        Chart(
            d["key"],
            d["title"],
            tuple(d["labels"]),
            tuple(d["values"]),
            d.get("unit", "件"),
            d.get("kind", "bars"),
        )
        for d in data or []
    ]
