"""Excel (.xlsx) reports, and the rows of any workbook (.xls too, see excel97): every sheet's rows as table rows, a merged cell once, blank cells in place.

A merged range keeps its text in its top-left cell; the other cells it covers are skipped, as the HTML
reader skips what a colspan covers, so that they are not taken for blank cells. Cells to the right of a
sheet's last used column are formatting, not cells of the table; a title repeated on every sheet is kept once.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

from openpyxl import load_workbook

from gongkai.importer.source import BLANK, CELL, Line, Source, Token, Where
from gongkai.security.archives import check_archive


def text_of(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        # The shortest decimal that is this float: 190.457379, not 190.45737900000001.
        return format(Decimal(repr(value)).normalize(), "f") if value != int(value) else str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def read_xlsx(data: bytes) -> Source:
    check_archive(data, "Excel 文件")  # sizes, ratio and XML work bounded before anything is inflated
    workbook = load_workbook(BytesIO(data), data_only=True)
    sheets = []
    for sheet in workbook.worksheets:
        covered = set()
        for merged in sheet.merged_cells.ranges:
            for row in range(merged.min_row, merged.max_row + 1):
                for col in range(merged.min_col, merged.max_col + 1):
                    if (row, col) != (merged.min_row, merged.min_col):
                        covered.add((row, col))
        grid = [[(cell.row, cell.column, text_of(cell.value)) for cell in row] for row in sheet.iter_rows()]
        sheets.append(Sheet(grid, covered))
    workbook.close()
    return Source("xlsx", sheet_lines(sheets))


@dataclass
class Sheet:
    """A worksheet as rows of (row, column, text), 1-based, and the cells a merged range covers."""

    grid: list[list[tuple[int, int, str]]]
    covered: set[tuple[int, int]]


def sheet_lines(sheets: list[Sheet]) -> list[Line]:
    """The lines of a workbook, whichever format it was stored in."""
    lines: list[Line] = []
    title = None
    for number, sheet in enumerate(sheets, 1):
        covered = sheet.covered
        width = max(
            (c for row in sheet.grid for r, c, text in row if text and (r, c) not in covered), default=0
        )
        for row in sheet.grid:
            tokens = []
            for r, c, text in row:
                if c > width or (r, c) in covered:
                    continue
                tokens.append(Token(text, Where(table=number, row=r, col=c), CELL if text else BLANK))
            texts = [t.text for t in tokens if t.kind == CELL]
            if texts == [title] and lines:
                continue  # the report's title, repeated at the top of every sheet: kept once
            if texts and title is None:
                title = texts[0] if len(texts) == 1 else ""
            if texts:
                first = next(i for i, t in enumerate(tokens) if t.kind == CELL)
                if not tokens[first].text[0].isdigit():  # blanks before a label pad the label columns
                    tokens = tokens[first:]
                where = Where(table=number, row=tokens[0].where.row)
                lines.append(Line(tokens, structured=len(tokens) > 1, where=where))
    return lines
