"""The report's tables as an Excel workbook: one sheet per section table, merged header cells,
numbers stored as numbers (blank where not reported)."""

from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from gongkai.formats.cells import ReportCells
from gongkai.formats.declaration import Kind
from gongkai.formats.layout import CAPTION, LABEL, NUMBER, Grid, report_grids
from gongkai.formats.render.document import report_title
from gongkai.spreadsheets import defuse_workbook

TITLE_ROWS = 2  # report title, section title; the table starts below them
FONT = "仿宋_GB2312"
SIGNED_FORMAT = '"增"0;"减"0;0'  # 2019 本年增/减: the number stays signed, the cell reads 增5 / 减2
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def sheet_name(grid: Grid, cells: ReportCells) -> str:
    return cells.format.numbered_title(grid.number)[:31]  # Excel's limit


def _excel_value(value):
    # openpyxl would store a Decimal as a number too, but reads it back as float; be explicit.
    return float(value) if isinstance(value, Decimal) else value


def _write_grid(ws, grid: Grid, cells: ReportCells) -> None:
    ws.cell(1, 1, report_title(cells)).font = Font(name=FONT, size=14, bold=True)
    ws.cell(2, 1, cells.format.numbered_title(grid.number)).font = Font(name=FONT, size=12, bold=True)
    for r in (1, 2):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=grid.n_cols)
        ws.cell(r, 1).alignment = Alignment(horizontal="center")
    top = TITLE_ROWS + 1
    for r in range(grid.n_rows):  # borders on covered cells too, or merged areas lose their frame
        for c in range(grid.n_cols):
            ws.cell(top + r, 1 + c).border = BORDER
    for spec in grid.cells:
        cell = ws.cell(top + spec.row, 1 + spec.col)
        if spec.role == NUMBER:
            cell.value = _excel_value(spec.value) if spec.value is not None else None
            if spec.kind is Kind.SIGNED:
                cell.number_format = SIGNED_FORMAT
            if spec.value is None and spec.text:
                cell.value = spec.text  # the published report's own text, e.g. "/"
        else:
            cell.value = spec.text
        cell.font = Font(name=FONT, size=10.5, bold=spec.role == CAPTION)
        cell.alignment = Alignment(
            horizontal="left" if spec.role == LABEL else "center", vertical="center", wrap_text=True
        )
        if spec.rowspan > 1 or spec.colspan > 1:
            ws.merge_cells(
                start_row=top + spec.row,
                start_column=1 + spec.col,
                end_row=top + spec.row + spec.rowspan - 1,
                end_column=1 + spec.col + spec.colspan - 1,
            )
    label_width = {"section2": [30], "section3": [10, 14, 36]}.get(grid.key, [])
    for c in range(grid.n_cols):
        width = label_width[c] if c < len(label_width) else 11
        ws.column_dimensions[get_column_letter(c + 1)].width = width


def render_xlsx(
    cells: ReportCells, narrative: dict[str, str] | None = None, contact: dict | None = None
) -> bytes:
    """Tables only: the narrative and contact belong in the document formats."""
    wb = Workbook()
    wb.remove(wb.active)
    for grid in report_grids(cells):
        _write_grid(wb.create_sheet(sheet_name(grid, cells)), grid, cells)
    defuse_workbook(wb)  # an agency's name or a published cell's text is never a live formula
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def render_table_xlsx(cells: ReportCells, number: str) -> bytes:
    """One section's table (二, 三 or 四) alone, as a workbook of one sheet."""
    grid = next(g for g in report_grids(cells) if g.number == number)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name(grid, cells)
    _write_grid(ws, grid, cells)
    defuse_workbook(wb)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
