"""Comparison charts for a subtree, drawn by gongkai.formats.render.charts (SVG, Chinese labels).

agencies_chart(aggregate, metric) -> (Chart | None, [(agency, value)])
    the agencies side by side for one metric and year; an agency whose value is 无 is listed, not drawn
trend_chart(agencies, years, metric, *, name) -> (Chart | None, [(year, value)])
    the metric of the subtree's total, year by year (published reports)
"""

from gongkai.formats.render.charts import Chart
from gongkai.supervision.aggregate import Aggregate, aggregate_of
from gongkai.supervision.metrics import Metric, chart_value

TREND_YEARS = 5


def agencies_chart(total: Aggregate, metric: Metric):
    values = [
        (c.agency, metric.compute(total.per_agency[c.agency.pk]) if c.agency.pk in total.per_agency else None)
        for c in total.contributions
    ]
    drawn = [(a.name, chart_value(metric, v)) for a, v in values if v is not None]
    if not drawn:
        return None, values
    chart = Chart(
        key=f"agencies-{metric.key}",
        title=f"{total.year}年各机关{metric.label}",
        labels=tuple(n for n, _ in drawn),
        values=tuple(v for _, v in drawn),
        unit=metric.unit,
        kind="bars",
    )
    return chart, values


def trend_years(year: int, first_year: int) -> list[int]:
    return [y for y in range(year - TREND_YEARS + 1, year + 1) if y >= first_year]


def trend_chart(agencies, years: list[int], metric: Metric, *, name: str):
    agencies = list(agencies)
    values = []
    for year in years:
        total = aggregate_of(agencies, year, published_only=True, name=name)
        values.append((year, metric.compute(total.cells) if total.with_report else None))
    drawn = [(f"{y}年", chart_value(metric, v)) for y, v in values if v is not None]
    if not drawn:
        return None, values
    chart = Chart(
        key=f"trend-{metric.key}",
        title=f"{name}{metric.label}（{years[0]}—{years[-1]}年）",
        labels=tuple(label for label, _ in drawn),
        values=tuple(v for _, v in drawn),
        unit=metric.unit,
        kind="columns",
    )
    return chart, values
