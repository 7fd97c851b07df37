"""CSV and XLSX downloads of a report's tables (§二, §三, §四), drawn from the official layout grid, so
rows and column headers carry the labels of the format declaration character for character.

CSV: UTF-8 with a byte-order mark (Excel then reads the Chinese correctly); a merged label is repeated in
every row and column it covers, so each line can be read on its own; numbers are plain (a 2019 本年增/减
of 减2 is -2); a blank cell is empty; a cell the published report wrote as text (“/”) keeps that text.
"""

import io
from decimal import Decimal

from django.http import FileResponse

from gongkai.api.responses import bad_parameter
from gongkai.formats.cells import ReportCells
from gongkai.formats.layout import CAPTION, NOTE, NUMBER, GridCell, grid_for_section
from gongkai.formats.render.document import report_title
from gongkai.spreadsheets import csv_writer

# ?table= accepts the section number in either script.
TABLES = {"2": "二", "3": "三", "4": "四", "二": "二", "三": "三", "四": "四"}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def table_number(query, *, required: bool) -> str | None:
    values = query.getlist("table")
    if len(values) > 1:
        raise bad_parameter("table", "参数 table 只能给出一次。")
    if not values and not required:
        return None
    raw = values[0].strip() if values else ""  # given but empty is refused, like any value not listed
    if raw not in TABLES:
        raise bad_parameter("table", "参数 table 应为 2、3 或 4（第二、三、四部分的表格）。")
    return TABLES[raw]


def _number_text(cell: GridCell, cells: ReportCells) -> str:
    if cell.value is None:
        return cells.cell_text.get(cell.address, "") if cell.address else ""
    return format(cell.value, "f") if isinstance(cell.value, Decimal) else str(cell.value)


def table_rows(cells: ReportCells, number: str) -> list[list[str]]:
    grid = grid_for_section(cells, number)
    rows = [[""] * grid.n_cols for _ in range(grid.n_rows)]
    for cell in grid.cells:
        if cell.role == NUMBER:
            rows[cell.row][cell.col] = _number_text(cell, cells)
            continue
        if cell.role in (CAPTION, NOTE):  # a caption or the balance note stands once, where it starts
            rows[cell.row][cell.col] = cell.text
            continue
        # §二's blocks are padded to the widest one by stretching their last column; that padding is
        # not a column of its own, so its label is not repeated there.
        colspan = 1 if grid.key == "section2" else cell.colspan
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + colspan):
                rows[r][c] = cell.text
    return rows


def render_csv(cells: ReportCells, number: str) -> bytes:
    out = io.StringIO()
    writer = csv_writer(out, lineterminator="\r\n")
    writer.writerow([report_title(cells)])
    writer.writerow([cells.format.numbered_title(number)])
    writer.writerows(table_rows(cells, number))
    return out.getvalue().encode("utf-8-sig")


def render_xlsx(cells: ReportCells, number: str | None) -> bytes:
    from gongkai.formats.render.excel import render_table_xlsx, render_xlsx

    return render_xlsx(cells) if number is None else render_table_xlsx(cells, number)


def download(content: bytes, content_type: str, filename: str) -> FileResponse:
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=filename, content_type=content_type)


def file_name(cells: ReportCells, number: str | None, suffix: str) -> str:
    table = f"（第{number}部分表格）" if number else ""
    return f"{report_title(cells)}{table}{suffix}"


def csv_download(cells: ReportCells, number: str) -> FileResponse:
    return download(render_csv(cells, number), "text/csv; charset=utf-8", file_name(cells, number, ".csv"))


def xlsx_download(cells: ReportCells, number: str | None) -> FileResponse:
    return download(render_xlsx(cells, number), XLSX_TYPE, file_name(cells, number, ".xlsx"))
