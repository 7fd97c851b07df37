"""A file read for the review screen: the report as parsed, and the file's lines with where each cell was.

`read_upload` is `parse_bytes` that also keeps the lines the reader saw (for PDF and Word, the extracted
text), so the screen can show the source beside the cells and point at the line each cell came from.
"""

import json
from dataclasses import dataclass

from gongkai.formats.cells import dumps
from gongkai.importer.parse import UnreadableReport, kind_of, parse_source, read_source
from gongkai.importer.report import ParsedReport
from gongkai.importer.source import BLANK, RUN, Line, Where


@dataclass
class Reading:
    parsed: ParsedReport
    lines: list[dict]  # {"text", "where"}, in the file's order
    line_of: dict[str, int]  # cell address → index into lines
    unread_lines: list[int | None]  # for each unread entry, the line it concerns

    def result(self) -> dict:
        """The JSON kept with a pending import: the shape of docs/report-format.md plus the importer's notes."""
        try:
            out = json.loads(dumps(self.parsed.to_dict()))
        except ValueError as e:  # an amount with more digits than a JSON number holds exactly
            raise UnreadableReport(f"{self.parsed.source}：{e}") from None
        out["line_of"] = self.line_of
        for entry, line in zip(out["unread"], self.unread_lines, strict=True):
            entry["line"] = line
        return out


def _shown(line: Line) -> str:
    if not line.structured:
        return line.text
    cells = []
    for token in line.tokens:
        cells.append("…" if token.kind == RUN else "" if token.kind == BLANK else token.text)
    return "｜".join(cells)


def _index(lines: list[Line]) -> dict[Where, int]:
    found: dict[Where, int] = {}
    for i, line in enumerate(lines):
        found.setdefault(line.where, i)
        for token in line.tokens:
            found.setdefault(token.where, i)
    return found


def _line_for(where: Where | None, index: dict[Where, int]) -> int | None:
    if where is None:
        return None
    for candidate in (where, Where(where.line, where.page, where.paragraph, where.table, where.row)):
        if candidate in index:
            return index[candidate]
    return None


def read_upload(
    data: bytes, name: str, *, kind: str | None = None, year: int | None = None, fmt=None
) -> Reading:
    """Raises UnreadableReport (Chinese, naming the file) for anything that is not a readable report."""
    if not data.strip():
        raise UnreadableReport(f"{name}：文件是空的")
    kind = kind or kind_of(name, data)
    source = read_source(kind, data, name)
    parsed = parse_source(source, name, year=year, fmt=fmt)
    index = _index(source.lines)
    line_of = {}
    for address, read in parsed.provenance.items():
        line = _line_for(read.where, index)
        if line is not None:
            line_of[address] = line
    return Reading(
        parsed=parsed,
        lines=[{"text": _shown(line), "where": line.where.describe()} for line in source.lines],
        line_of=line_of,
        unread_lines=[_line_for(entry.where, index) for entry in parsed.unread],
    )
