"""Excel 97–2003 (.xls) and WPS 表格 reports saved in that format, read with xlrd into the same rows as .xlsx.

xlrd reports merged ranges only when it also reads the formatting, so it is asked to; dates are stored as
numbers with a date format and are turned back into dates.
"""

import xlrd

from gongkai.importer.readers.excel import Sheet, sheet_lines, text_of
from gongkai.importer.source import ReaderRefused, Source


class WorkbookError(ReaderRefused):
    """The .xls cannot be read; the message says why in Chinese."""


def _value(book, cell):
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        except (ValueError, OverflowError):
            return cell.value
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    return cell.value


def read_xls(data: bytes) -> Source:
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except xlrd.XLRDError as e:
        if "encrypted" in str(e).lower() or "password" in str(e).lower():
            raise WorkbookError("工作簿设有打开密码（已加密）；请取消密码后另存再导入") from None
        raise WorkbookError(
            "文件不是有效的 Excel 97–2003 工作簿；请用 WPS 或 Office 另存为 .xlsx 再导入"
        ) from None
    sheets = []
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            covered = set()
            for first_row, last_row, first_col, last_col in sheet.merged_cells:
                for row in range(first_row, last_row):
                    for col in range(first_col, last_col):
                        if (row, col) != (first_row, first_col):
                            covered.add((row + 1, col + 1))
            grid = [
                [(r + 1, c + 1, text_of(_value(book, sheet.cell(r, c)))) for c in range(sheet.ncols)]
                for r in range(sheet.nrows)
            ]
            sheets.append(Sheet(grid, covered))
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return Source("xls", sheet_lines(sheets))
