"""The official table layout of §二, §三 and §四 as a grid of cells with row and column spans.

Built from the declaration alone; HTML, DOCX and XLSX all draw this grid, so the merged headers
are decided once. Only the top-left (anchor) cell of a merged area is listed.
"""

from dataclasses import dataclass
from decimal import Decimal

from gongkai.formats.cells import ReportCells, Value
from gongkai.formats.declaration import Column, Kind

CAPTION = "caption"  # a §二 caption row (第二十条第（一）项)
HEADER = "header"
NOTE = "note"  # the §三 top-left cell with the official balance note
LABEL = "label"
NUMBER = "number"


@dataclass(frozen=True)
class GridCell:
    row: int
    col: int
    text: str
    role: str
    rowspan: int = 1
    colspan: int = 1
    address: str | None = None
    value: Value = None
    kind: Kind | None = None


@dataclass(frozen=True)
class Grid:
    key: str  # "section2", "section3", "section4"
    number: str  # the section number, 二 / 三 / 四
    n_rows: int
    n_cols: int
    header_rows: int  # rows at the top that repeat on each page
    cells: tuple[GridCell, ...]

    def rows(self) -> list[list[GridCell]]:
        out: list[list[GridCell]] = [[] for _ in range(self.n_rows)]
        for cell in self.cells:
            out[cell.row].append(cell)
        return [sorted(r, key=lambda c: c.col) for r in out]


def format_value(value: Value, kind: Kind | None) -> str:
    """How a number is written in a report table; blank for not reported."""
    if value is None:
        return ""
    if kind is Kind.SIGNED and value != 0:
        return f"增{value}" if value > 0 else f"减{-value}"
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        # The same figure reads the same in every format: 0.0 and 0.00 are 0, 12.50 is 12.5.
        return format(value.normalize(), "f")
    return str(value)


def _number(
    row: int, col: int, cells: ReportCells, address: str, column: Column, colspan: int = 1
) -> GridCell:
    value = cells[address]
    text = format_value(value, column.kind)
    if value is None and address in cells.cell_text:
        text = cells.cell_text[address]  # keep what the published report wrote, e.g. "/"
    return GridCell(row, col, text, NUMBER, colspan=colspan, address=address, value=value, kind=column.kind)


def _spans(n_columns: int, width: int) -> list[int]:
    """Share `width` grid columns among a block's columns; the last one takes what is left over."""
    return [1] * (n_columns - 1) + [width - (n_columns - 1)]


def section2_grid(cells: ReportCells) -> Grid:
    s2 = cells.format.section2
    width = max(len(b.columns) for b in s2.blocks)
    out: list[GridCell] = []
    r = 0
    for block in s2.blocks:
        spans = _spans(len(block.columns), width)
        out.append(GridCell(r, 0, block.caption, CAPTION, colspan=width + 1))
        r += 1
        out.append(GridCell(r, 0, s2.first_column_header, HEADER))
        c = 1
        for col, span in zip(block.columns, spans, strict=True):
            out.append(GridCell(r, c, col.label, HEADER, colspan=span))
            c += span
        r += 1
        for row in block.rows:
            out.append(GridCell(r, 0, row.label, LABEL))
            c = 1
            for col, span in zip(block.columns, spans, strict=True):
                out.append(_number(r, c, cells, block.address(row, col), col, span))
                c += span
            r += 1
    return Grid("section2", "二", r, width + 1, 0, tuple(out))


def _run_length(values: list, start: int) -> int:
    n = 1
    while start + n < len(values) and values[start + n] == values[start]:
        n += 1
    return n


def section3_grid(cells: ReportCells) -> Grid:
    s3 = cells.format.section3
    labels = 3  # group | subgroup | row label
    out = [
        GridCell(0, 0, s3.note, NOTE, rowspan=3, colspan=labels),
        GridCell(0, labels, s3.applicant_header, HEADER, colspan=len(s3.columns)),
    ]
    c = labels
    for col in s3.person_columns:
        out.append(GridCell(1, c, col.label, HEADER, rowspan=2))
        c += 1
    out.append(GridCell(1, c, s3.organisation_header, HEADER, colspan=len(s3.organisation_columns)))
    for col in s3.organisation_columns:
        out.append(GridCell(2, c, col.label, HEADER))
        c += 1
    out.append(GridCell(1, c, s3.total_column.label, HEADER, rowspan=2))

    rows = s3.rows
    groups = [r.group for r in rows]
    subgroups = [(r.group, r.subgroup) if r.subgroup else None for r in rows]
    for i, row in enumerate(rows):
        r = 3 + i
        if row.group is None:
            out.append(GridCell(r, 0, row.label, LABEL, colspan=labels))
        else:
            if i == 0 or groups[i - 1] != row.group:
                out.append(GridCell(r, 0, row.group, LABEL, rowspan=_run_length(groups, i)))
            if row.subgroup is None:
                out.append(GridCell(r, 1, row.label, LABEL, colspan=labels - 1))
            else:
                if i == 0 or subgroups[i - 1] != subgroups[i]:
                    out.append(GridCell(r, 1, row.subgroup, LABEL, rowspan=_run_length(subgroups, i)))
                out.append(GridCell(r, 2, row.label, LABEL))
        for j, col in enumerate(s3.columns):
            out.append(_number(r, labels + j, cells, s3.address(row, col), col))
    return Grid("section3", "三", 3 + len(rows), labels + len(s3.columns), 3, tuple(out))


def section4_grid(cells: ReportCells) -> Grid:
    s4 = cells.format.section4
    n = len(s4.columns)
    with_subgroups = any(b.subgroup for b in s4.blocks)
    header_rows = 3 if with_subgroups else 2
    out: list[GridCell] = []
    groups = [b.group for b in s4.blocks]
    for i, block in enumerate(s4.blocks):
        c0 = i * n
        if i == 0 or groups[i - 1] != block.group:
            out.append(GridCell(0, c0, block.group, HEADER, colspan=n * _run_length(groups, i)))
        label_row = 1
        if block.subgroup:
            out.append(GridCell(1, c0, block.subgroup, HEADER, colspan=n))
            label_row = 2
        for j, col in enumerate(s4.columns):
            out.append(GridCell(label_row, c0 + j, col.label, HEADER, rowspan=header_rows - label_row))
            out.append(_number(header_rows, c0 + j, cells, s4.address(block, col), col))
    return Grid("section4", "四", header_rows + 1, n * len(s4.blocks), header_rows, tuple(out))


def report_grids(cells: ReportCells) -> list[Grid]:
    return [section2_grid(cells), section3_grid(cells), section4_grid(cells)]


def grid_for_section(cells: ReportCells, number: str) -> Grid | None:
    return {g.number: g for g in report_grids(cells)}.get(number)


def is_heading(cell: GridCell) -> bool:
    return cell.role in (CAPTION, HEADER, NOTE)


# Relative widths of the label columns; every number column weighs 1. Published tables give the
# §三 labels about half the width and split the rest evenly among the seven applicant columns.
LABEL_WEIGHTS = {"section2": (3.0,), "section3": (1.3, 1.3, 3.2), "section4": ()}


def column_weights(grid: Grid) -> list[float]:
    labels = list(LABEL_WEIGHTS.get(grid.key, ()))
    return labels + [1.0] * (grid.n_cols - len(labels))
