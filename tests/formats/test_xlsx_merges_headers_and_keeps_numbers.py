"""The Excel workbook: one sheet per section table, merged headers as published, numbers as numbers."""

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from gongkai.formats.render.excel import render_xlsx


def sheet_anchors(ws) -> list[tuple[str, int, int]]:
    merged = {
        (m.min_row, m.min_col): (m.max_row - m.min_row + 1, m.max_col - m.min_col + 1)
        for m in ws.merged_cells.ranges
    }
    return [
        (str(cell.value), *merged.get((cell.row, cell.column), (1, 1)))
        for row in ws.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def workbook(cells):
    return load_workbook(BytesIO(render_xlsx(cells)))


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_the_sheets_have_the_published_merged_headers(balanced, official_layout, version):
    wb = workbook(balanced(version))
    assert wb.sheetnames == [
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    official_layout([a for ws in wb.worksheets for a in sheet_anchors(ws)], version)


def test_numbers_are_stored_as_numbers_and_blanks_as_empty(balanced):
    cells = balanced("2021")
    cells["section2.art20_8.fees.amount_wan"] = Decimal("190.457379")
    cells["section3.granted.research"] = None
    wb = workbook(cells)
    values = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    numbers = [v for v in values if isinstance(v, int | float)]
    assert 190.457379 in numbers
    assert cells["section3.new_received.total"] in numbers
    assert not any(isinstance(v, str) and v.strip().lstrip("-").replace(".", "").isdigit() for v in values)
    ws = wb["三、收到和处理政府信息公开申请情况"]
    row = next(r for r in ws.iter_rows() if any(c.value == "（一）予以公开" for c in r))
    research_col = next(c.column for r in ws.iter_rows() for c in r if c.value == "科研机构")
    assert ws.cell(row[0].row, research_col).value is None


def test_the_2019_change_is_a_signed_number_shown_as_增_or_减(balanced):
    cells = balanced("2019")
    cells["section2.art20_5.other_services.change"] = -2
    ws = workbook(cells)["二、主动公开政府信息情况"]
    row = next(r for r in ws.iter_rows() if r[0].value == "其他对外管理服务事项")
    change = row[2]
    assert change.value == -2
    assert "减" in change.number_format and "增" in change.number_format
