"""The aggregate table, or one agency's report table, as CSV and XLSX downloads.

    cells_csv(cells, aggregate=None) -> bytes    one line per cell: key (docs/report-format.md), label, value
                                                 (+ for an aggregate: agencies that reported it, blank ones)
    cells_xlsx(cells, aggregate=None) -> bytes   the official tables (gongkai.formats.render.excel), then
                                                 the same list of cells, then (aggregate) who reported

CSV is UTF-8 with a byte-order mark, so that Excel opens the Chinese correctly; values are plain numbers
(signed changes as -2, not 减2), blank where not reported.
"""

from decimal import Decimal
from io import BytesIO, StringIO

from openpyxl import load_workbook

from gongkai.formats.cells import ReportCells
from gongkai.formats.render.excel import render_xlsx
from gongkai.spreadsheets import csv_writer, defuse_workbook
from gongkai.supervision.addresses import cell_label
from gongkai.supervision.aggregate import Aggregate

CELL_SHEET = "单元格清单"
COVERAGE_SHEET = "填报情况"


def _plain(value) -> str:
    if value is None:
        return ""
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _header(aggregate: Aggregate | None) -> list[str]:
    head = ["单元格", "项目", "数值"]
    return head + ["填报机关数", "该项空白的机关"] if aggregate else head


def _rows(cells: ReportCells, aggregate: Aggregate | None):
    for address, _column in cells.format.cells():
        row = [address, cell_label(cells.format, address), cells[address]]
        if aggregate:
            row += [
                aggregate.reported.get(address, 0),
                "、".join(a.name for a in aggregate.blank.get(address, [])),
            ]
        yield row


def cells_csv(cells: ReportCells, aggregate: Aggregate | None = None) -> bytes:
    out = StringIO()
    writer = csv_writer(out, lineterminator="\r\n")
    writer.writerow(_header(aggregate))
    for row in _rows(cells, aggregate):
        row[2] = _plain(row[2])
        writer.writerow(row)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def cells_xlsx(cells: ReportCells, aggregate: Aggregate | None = None) -> bytes:
    wb = load_workbook(BytesIO(render_xlsx(cells)))
    sheet = wb.create_sheet(CELL_SHEET)
    sheet.append(_header(aggregate))
    for row in _rows(cells, aggregate):
        if isinstance(row[2], Decimal):
            row[2] = float(row[2])
        sheet.append(row)
    sheet.column_dimensions["A"].width = 44
    sheet.column_dimensions["B"].width = 60
    if aggregate:
        coverage = wb.create_sheet(COVERAGE_SHEET)
        coverage.append(["机关", "代码", "报告", "版本"])
        for c in aggregate.contributions:
            coverage.append([c.agency.name, c.agency.code, c.source_label, c.version])
        coverage.column_dimensions["A"].width = 36
    defuse_workbook(wb)  # agency names are typed by people: none may become a formula
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
