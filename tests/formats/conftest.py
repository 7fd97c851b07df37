"""Shared helpers for the format tests: consistent cells to break on purpose, the spec's path,
and a checker of the official merged-header layout that HTML, DOCX and XLSX must all draw."""

from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.formats import get_format
from gongkai.formats.cells import ReportCells
from gongkai.formats.declaration import Kind

REPO = Path(__file__).resolve().parents[2]
SEED_CELLS = REPO / "tests" / "data" / "seed_2020_cells.json"
SPEC = REPO.parent / "shared" / "spec" / "report-format.md"


def balanced_cells(
    version: str = "2021", year: int | None = None, agency: str = "示例市测试局"
) -> ReportCells:
    """A report whose every equation (A1, A2, A3, A5) holds, with no zero-only columns."""
    fmt = get_format(version)
    cells = ReportCells.blank(fmt, agency, year or (2020 if version == "2019" else 2022))
    for address, column in fmt.cells():
        if address.startswith("section2."):
            cells[address] = Decimal("12.5") if column.kind is Kind.AMOUNT else 3
    s3 = fmt.section3
    applicant = [c.key for c in s3.applicant_columns]
    for j, col in enumerate(applicant):
        total = 0
        for i, row in enumerate(s3.outcome_rows):
            value = (i * j + i + j) % 4
            cells[f"section3.{row.key}.{col}"] = value
            total += value
        carried_over, carried_forward = j % 2, (j + 1) % 2
        cells[f"section3.total.{col}"] = total
        cells[f"section3.carried_over.{col}"] = carried_over
        cells[f"section3.carried_forward.{col}"] = carried_forward
        cells[f"section3.new_received.{col}"] = total + carried_forward - carried_over
    for row in s3.rows:
        cells[f"section3.{row.key}.total"] = sum(cells[f"section3.{row.key}.{c}"] for c in applicant)
    for block in fmt.section4.blocks:
        for key, value in {"upheld": 1, "corrected": 2, "other": 0, "pending": 1, "total": 4}.items():
            cells[f"section4.{block.key}.{key}"] = value
    return cells


@pytest.fixture
def balanced():
    return balanced_cells


@pytest.fixture
def spec_text() -> str:
    return SPEC.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_cells_path() -> Path:
    return SEED_CELLS


# Spans from the published reports (docs/report-format.md §4, §5): (rowspan, colspan) of each label.
OFFICIAL_SPANS = {
    "申请人情况": (1, 7),
    "法人或其他组织": (1, 5),
    "自然人": (2, 1),
    "总计": (2, 1),  # §三 comes first: its 总计 column header, beside 法人或其他组织
    "（三）不予公开": (8, 1),
    "（四）无法提供": (3, 1),
    "（五）不予处理": (5, 1),
    "一、本年新收政府信息公开申请数量": (1, 3),
    "四、结转下年度继续办理": (1, 3),
    "行政复议": (1, 5),
    "结果维持": (2, 1),  # the first one: under 行政复议, which has no second header row
    "行政诉讼": (1, 10),
    "未经复议直接起诉": (1, 5),
    "复议后起诉": (1, 5),
}
RESULTS_ROWSPAN = {"2019": 20, "2021": 22}  # 三、本年度办理结果 (docs/report-format.md §4)
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def check_official_layout(anchors: list[tuple[str, int, int]], version: str) -> None:
    """`anchors`: every merged-or-not cell of a rendered report as (text, rowspan, colspan)."""

    def spans(text):
        found = [(r, c) for t, r, c in anchors if t == text]
        assert found, f"no cell reads {text!r}"
        return found[0]

    assert spans(NOTE) == (3, 3)
    for text, expected in OFFICIAL_SPANS.items():
        assert spans(text) == expected, text
    assert spans("三、本年度办理结果") == (RESULTS_ROWSPAN[version], 1)
    # 2021 splits （六）其他处理 into three rows under a group label; 2019 has one row spanning two label columns.
    assert spans("（六）其他处理") == ((3, 1) if version == "2021" else (1, 2))


@pytest.fixture
def official_layout():
    return check_official_layout
