"""Reading what the API answers, for the tests: JSON bodies, and CSV/XLSX tables turned back into cells by
finding each cell under its official row and column labels (walking the declaration, not the layout code)."""

import csv
import io
from decimal import Decimal

from openpyxl import load_workbook

from gongkai.formats.declaration import Kind, ReportFormat


def get_json(client, url, query=None, status=200):
    response = client.get(url, query or {})
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "CSV 须带 UTF-8 BOM"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_rows(content: bytes) -> list[list[str]]:
    """The first sheet as text rows, a merged area's text copied into every cell it covers."""
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    for area in sheet.merged_cells.ranges:
        text = rows[area.min_row - 1][area.min_col - 1]
        for r in range(area.min_row, area.max_row + 1):
            for c in range(area.min_col, area.max_col + 1):
                rows[r - 1][c - 1] = text
    return rows


def number(text: str, kind: Kind):
    if text == "":
        return None
    if kind is Kind.AMOUNT:
        return Decimal(text)
    return int(float(text)) if "." in text else int(text)


def section3_from_rows(rows, fmt: ReportFormat) -> dict:
    s3 = fmt.section3
    header = next(i for i, row in enumerate(rows) if s3.columns[1].label in row)
    columns = {c.key: rows[header].index(c.label) for c in s3.columns}
    found = {}
    for row in s3.rows:
        line = next(
            r
            for r in rows[header + 1 :]
            if row.label in r
            and (row.group is None or r[0] == row.group)
            and (row.subgroup is None or r[1] == row.subgroup)
        )
        for col in s3.columns:
            found[f"section3.{row.key}.{col.key}"] = number(line[columns[col.key]], col.kind)
    return found


def section2_from_rows(rows, fmt: ReportFormat) -> dict:
    found = {}
    for block in fmt.section2.blocks:
        start = next(i for i, r in enumerate(rows) if r and r[0] == block.caption)
        header = rows[start + 1]
        assert header[0] == fmt.section2.first_column_header
        for offset, row in enumerate(block.rows, start=2):
            line = rows[start + offset]
            assert line[0] == row.label
            for col in block.columns:
                found[f"section2.{block.key}.{row.key}.{col.key}"] = number(
                    line[header.index(col.label)], col.kind
                )
    return found


def section4_from_rows(rows, fmt: ReportFormat) -> dict:
    s4 = fmt.section4
    top = next(i for i, r in enumerate(rows) if s4.blocks[0].group in r)
    groups, subgroups, labels, values = rows[top], rows[top + 1], rows[top + 2], rows[top + 3]
    found = {}
    for block in s4.blocks:
        for col in s4.columns:
            j = next(
                j
                for j in range(len(labels))
                if groups[j] == block.group
                and (block.subgroup is None or subgroups[j] == block.subgroup)
                and labels[j] == col.label
            )
            found[f"section4.{block.key}.{col.key}"] = number(values[j], col.kind)
    return found


READERS = {"2": section2_from_rows, "3": section3_from_rows, "4": section4_from_rows}


def cells_of_section(cells, number: str) -> dict:
    prefix = {"2": "section2.", "3": "section3.", "4": "section4."}[number]
    return {a: cells[a] for a, _ in cells.format.cells() if a.startswith(prefix)}
