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
    s3 = cells.format.section3
    disclosed = [s3.total(row) for group in ("granted", "partially_granted") for row in s3.rows_of(group)]
    return _ratio(_sum(cells, disclosed), cells[s3.total(s3.total_row)])


def _appeals(cells: ReportCells, group: str, column: str):
    """One §四 column summed over the blocks of 行政复议 or of 行政诉讼; None if any of them is blank."""
    s4 = cells.format.section4
    return _sum(cells, [s4.address(block, column) for block in s4.blocks_of(group)])


def _correction_rate(cells: ReportCells, group: str) -> Fraction | None:
    corrected = _appeals(cells, group, "corrected")
    total = _appeals(cells, group, cells.format.section4.total_column)
    pending = _appeals(cells, group, "pending")
    if total is None or pending is None:
        return None
    return _ratio(corrected, total - pending)


def review_correction_rate(cells: ReportCells) -> Fraction | None:
    return _correction_rate(cells, "review")


def litigation_correction_rate(cells: ReportCells) -> Fraction | None:
    return _correction_rate(cells, "litigation")


def new_received(cells: ReportCells) -> int | None:
    s3 = cells.format.section3
    return cells[s3.total(s3.new_received_row)]


def _appeals_total(group: str) -> Callable[[ReportCells], int | None]:
    return lambda cells: _appeals(cells, group, cells.format.section4.total_column)


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
            new_received,
        ),
        Metric(
            "reviews",
            "行政复议数",
            "第四部分行政复议“总计”",
            "件",
            _appeals_total("review"),
        ),
        Metric(
            "lawsuits",
            "行政诉讼数",
            "第四部分行政诉讼“总计”（未经复议直接起诉与复议后起诉合计）",
            "件",
            _appeals_total("litigation"),
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
