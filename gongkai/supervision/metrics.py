"""Figures a supervisor compares agencies by, each defined on the page where it is shown.

    METRICS                       key → Metric(label, definition, unit, compute(cells) -> value | None)
    substantive_disclosure_rate   实质公开率 = (予以公开 + 部分公开) / 办理结果总计
    review_correction_rate        复议纠错率 = 结果纠正 / (总计 − 尚未审结)
    litigation_correction_rate    诉讼纠错率: the same over both litigation blocks together
    show(metric, value) -> str    "无" when there is nothing to divide by or a cell is blank

A rate is None when its denominator is 0 (nothing was decided) or when a cell it needs was left blank:
there is no rate to state, which is not the same as a rate of 0.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from gongkai.formats.cells import ReportCells

NONE_TEXT = "无"


def _ratio(numerator, denominator) -> Fraction | None:
    if numerator is None or denominator is None or denominator == 0:
        return None
    return Fraction(numerator) / Fraction(denominator)


def _sum(cells: ReportCells, addresses: list[str]):
    values = [cells[a] for a in addresses]
    return None if any(v is None for v in values) else sum(values)


def substantive_disclosure_rate(cells: ReportCells) -> Fraction | None:
    total = cells.format.section3.total_column.key
    return _ratio(
        _sum(cells, [f"section3.granted.{total}", f"section3.partially_granted.{total}"]),
        cells[f"section3.{cells.format.section3.total_row}.{total}"],
    )


def _correction_rate(cells: ReportCells, blocks: list[str]) -> Fraction | None:
    corrected = _sum(cells, [f"section4.{b}.corrected" for b in blocks])
    total = _sum(cells, [f"section4.{b}.total" for b in blocks])
    pending = _sum(cells, [f"section4.{b}.pending" for b in blocks])
    if total is None or pending is None:
        return None
    return _ratio(corrected, total - pending)


def review_correction_rate(cells: ReportCells) -> Fraction | None:
    return _correction_rate(cells, ["review"])


def litigation_correction_rate(cells: ReportCells) -> Fraction | None:
    return _correction_rate(cells, ["litigation_direct", "litigation_after_review"])


def _cell(address: str) -> Callable[[ReportCells], int | None]:
    return lambda cells: cells[address]


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    definition: str
    unit: str  # "%" for rates, "件" for counts
    compute: Callable[[ReportCells], object]

    @property
    def is_rate(self) -> bool:
        return self.unit == "%"


METRICS = {
    m.key: m
    for m in (
        Metric(
            "substantive_disclosure_rate",
            "实质公开率",
            "（予以公开 + 部分公开）÷ 办理结果总计（第三部分“总计”列）",
            "%",
            substantive_disclosure_rate,
        ),
        Metric(
            "review_correction_rate",
            "复议纠错率",
            "行政复议结果纠正 ÷（行政复议总计 − 尚未审结）",
            "%",
            review_correction_rate,
        ),
        Metric(
            "litigation_correction_rate",
            "诉讼纠错率",
            "行政诉讼（未经复议直接起诉与复议后起诉合计）结果纠正 ÷（总计 − 尚未审结）",
            "%",
            litigation_correction_rate,
        ),
        Metric(
            "new_received",
            "本年新收申请数",
            "第三部分“一、本年新收政府信息公开申请数量”的“总计”",
            "件",
            _cell("section3.new_received.total"),
        ),
        Metric(
            "reviews",
            "行政复议数",
            "第四部分行政复议“总计”",
            "件",
            _cell("section4.review.total"),
        ),
        Metric(
            "lawsuits",
            "行政诉讼数",
            "第四部分行政诉讼“总计”（未经复议直接起诉与复议后起诉合计）",
            "件",
            lambda cells: _sum(
                cells, ["section4.litigation_direct.total", "section4.litigation_after_review.total"]
            ),
        ),
    )
}


def percent(value: Fraction) -> Decimal:
    """A rate as a percentage with one decimal place, rounded half up (66.666… → 66.7)."""
    return (Decimal(value.numerator) * 100 / Decimal(value.denominator)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )


def show(metric: Metric, value) -> str:
    if value is None:
        return NONE_TEXT
    if metric.is_rate:
        return f"{percent(value)}%"
    return str(value)


def chart_value(metric: Metric, value) -> float | int | None:
    if value is None:
        return None
    return float(percent(value)) if metric.is_rate else value
