"""What the review screen shows: the official tables with an input in every cell, and where each finding is.

Cells and findings point at the source lines by index (`line-<n>` on the left) and at the inputs by
address (`cell-<address>` on the right), so both sides link to each other without any script.
"""

import re

from gongkai.formats.cells import ReportCells
from gongkai.formats.layout import NUMBER, format_value, report_grids
from gongkai.importer.models import PendingImport
from gongkai.importer.pending import read_cells

_SPACES = re.compile(r"\s+")


def unread_reasons(pending: PendingImport) -> dict[str, dict]:
    """address → {"reason", "line"} for every cell the importer could not read."""
    out = {}
    for index, entry in enumerate(pending.result.get("unread", [])):
        for address in entry.get("cells", []):
            out.setdefault(
                address, {"reason": entry.get("reason", ""), "line": entry.get("line"), "index": index}
            )
    return out


def unread_entries(pending: PendingImport, names: dict[str, str]) -> list[dict]:
    """Each reason once, with how many cells it concerns, the first of them and the source line."""
    out = []
    for entry in pending.result.get("unread", []):
        cells = entry.get("cells", [])
        out.append(
            {
                "reason": entry.get("reason", ""),
                "count": len(cells),
                "first": cells[0] if cells else None,
                "first_name": names.get(cells[0], "") if cells else "",
                "line": entry.get("line"),
            }
        )
    return out


def tables(pending: PendingImport, cells: ReportCells, form) -> list[dict]:
    """§二, §三, §四 as rows of cells; a number cell carries its input, source line, reason and original."""
    line_of = pending.result.get("line_of", {})
    provenance = pending.result.get("provenance", {})
    unread = unread_reasons(pending)
    original = read_cells(pending)
    columns = dict(cells.format.cells())
    out = []
    for grid in report_grids(cells):
        rows = []
        for grid_row in grid.rows():
            row = []
            for cell in grid_row:
                item = {
                    "text": cell.text,
                    "role": cell.role,
                    "rowspan": cell.rowspan,
                    "colspan": cell.colspan,
                }
                if cell.role == NUMBER:
                    address = cell.address
                    read = provenance.get(address)
                    item.update(
                        address=address,
                        field=form[address],
                        line=line_of.get(address),
                        read_text=read["text"] if read else None,
                        ocr=read.get("ocr") if read else None,
                        unread=unread.get(address),
                        corrected=address in pending.corrections,
                        original=format_value(original[address], columns[address].kind)
                        or original.cell_text.get(address, ""),
                    )
                row.append(item)
            rows.append(row)
        out.append({"number": grid.number, "title": cells.format.numbered_title(grid.number), "rows": rows})
    return out


def _line_quoting(lines: list[dict], quote: str) -> int | None:
    needle = _SPACES.sub("", quote)[:16]
    if not needle:
        return None
    for i, line in enumerate(lines):
        if needle in _SPACES.sub("", line.get("text", "")):
            return i
    return None


def anchored(findings: list[dict], pending: PendingImport, names: dict[str, str]) -> list[dict]:
    """Each finding with `anchors`: [{"href", "label"}], the sentence (a source line) first, then each cell."""
    lines = pending.source_lines
    out = []
    for finding in findings:
        anchors = []
        where = finding.get("where")
        if where:
            line = _line_quoting(lines, where.get("quote", ""))
            if line is not None:
                anchors.append({"href": f"#line-{line}", "label": f"第{where['section']}部分原文"})
        for address in finding.get("cells", []):
            if address in names:
                anchors.append({"href": f"#cell-{address}", "label": names[address]})
        out.append({**finding, "anchors": anchors})
    return out
