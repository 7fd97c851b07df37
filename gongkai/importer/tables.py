"""Reading the §二, §三 and §四 tables out of a report's lines, walking the format declaration.

Each row is found by its label (in the declaration's order, so a damaged or missing row does not
throw the rest off); the cells after the label are the row's numbers. They are placed in columns
only when their places are certain: as many numbers as columns, or blanks that the file shows in
place. Anything else is left unread, with the reason — never guessed, never read as 0.
"""

from dataclasses import dataclass, field

from gongkai.formats.cells import Value
from gongkai.formats.checks import WARNING, Finding
from gongkai.formats.declaration import Column, ReportFormat
from gongkai.importer.labels import RowAnchor, is_known_label, is_section4_header, row_anchors
from gongkai.importer.source import BLANK, CELL, RUN, Line, Token, Where
from gongkai.importer.text import (
    NUMBER,
    PLACEHOLDER,
    TEXT,
    CellValueError,
    column_value,
    matches_label,
    normalize,
    read_cell,
)

VALUE = "value"  # a number or a placeholder (“/”)
POSITION, ORDER, INFERRED = "position", "order", "inferred"
# Labels longer than this are running text, not a table cell.
MAX_LABEL = 80
MAX_EXTRA_LABEL = 30


@dataclass
class CellRead:
    address: str
    value: Value
    text: str  # what the cell says, as written ("" for a blank cell)
    where: Where
    how: str  # POSITION: the file shows the cell's place; ORDER: the row's numbers in column order

    def to_dict(self) -> dict:
        return {"text": self.text, "how": self.how, **self.where.to_dict()}


@dataclass
class Unread:
    cells: list[str]
    reason: str
    where: Where | None = None

    def to_dict(self) -> dict:
        out: dict = {"cells": self.cells, "reason": self.reason}
        if self.where is not None:
            out["where"] = self.where.to_dict()
        return out


@dataclass
class ExtraRow:
    """A row the format does not have (037: 其他主动公开文件), kept for the reader, not read into cells."""

    label: str
    values: list[str]
    where: Where
    after: str

    def to_dict(self) -> dict:
        return {"label": self.label, "values": self.values, "after": self.after, **self.where.to_dict()}


@dataclass
class Tables:
    read: dict[str, CellRead] = field(default_factory=dict)
    unread: list[Unread] = field(default_factory=list)
    extra_rows: list[ExtraRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    table_lines: set[int] = field(default_factory=set)  # indices of the lines the tables use


@dataclass(frozen=True)
class Item:
    """One token of the stream, with its line and what it holds."""

    index: int  # position in the stream
    line: int  # index of its Line
    token: Token
    kind: str  # TEXT, VALUE, BLANK, RUN


def stream_of(lines: list[Line]) -> list[Item]:
    items = []
    for li, line in enumerate(lines):
        for token in line.tokens:
            if token.kind == CELL:
                kind = VALUE if read_cell(token.text).what in (NUMBER, PLACEHOLDER) else TEXT
            else:
                kind = token.kind
            items.append(Item(len(items), li, token, kind))
    return items


@dataclass
class Segment:
    """The tokens after a row label, up to the next text: the row's cells."""

    label: Item
    items: list[Item]
    structured: bool  # the cells came from one table row, so blanks are in place
    at_end: bool  # the text ended inside this row
    end: int  # stream index after the segment


def segment_after(stream: list[Item], k: int, lines: list[Line]) -> Segment:
    label = stream[k]
    line = lines[label.line]
    rest = [it for it in stream[k + 1 : k + len(line.tokens)] if it.line == label.line]
    if line.structured and rest:
        items = []
        for it in rest:
            if it.kind == TEXT:
                if any(x.kind == VALUE for x in items):
                    break
                continue  # a label cell between the row label and the numbers (a split label)
            items.append(it)
        end = rest[-1].index + 1
        return Segment(label, items, True, label.line == len(lines) - 1, end)
    items, m = [], k + 1
    while m < len(stream) and stream[m].kind != TEXT:
        items.append(stream[m])
        m += 1
    return Segment(label, items, False, m == len(stream), m)


def place(items: list[Item], n: int, label_slack: bool) -> tuple[list[Item | None] | None, str, str]:
    """The row's n cells (None = blank), how they were placed, or None and the reason why not.

    `label_slack`: blank cells before the numbers may be empty label columns (§二, §三 rows).
    """
    values = [it for it in items if it.kind == VALUE]
    if len(values) == n:
        return values, ORDER, ""
    if not values:
        if items:
            blanks = [it for it in items if it.kind == BLANK]
            return (blanks if len(blanks) == n else [None] * n), POSITION, ""
        return None, "", "此行后面没有任何数字或空白单元格"
    if len(values) > n:
        return None, "", f"此行有 {len(values)} 个数字，而该表只有 {n} 列"
    placements = set()
    for start in range(len(items) - n + 1):
        window, outside = items[start : start + n], items[:start] + items[start + n :]
        if any(it.kind == RUN for it in window) or any(it.kind == VALUE for it in outside):
            continue
        if start and not label_slack:
            continue
        placements.add(tuple(it if it.kind == VALUE else None for it in window))
    if len(placements) == 1:
        return list(placements.pop()), POSITION, ""
    blanks = sum(it.kind == BLANK for it in items)
    if any(it.kind == RUN for it in items):
        return None, "", f"此行只有 {len(values)} 个数字，空白单元格被合并成“||”，各数字所在的列无法确定"
    return (
        None,
        "",
        f"此行有 {len(values)} 个数字和 {blanks} 个空白单元格，而该表有 {n} 列，各数字所在的列无法确定",
    )


def _infer_two_equal(items: list[Item], columns: tuple[Column, ...]) -> list[Item | None] | None:
    """A §三 row whose blank cells collapsed (048) and that shows two equal numbers.

    The 总计 column is the sum of the applicant columns, so two equal numbers with every other cell
    blank are one applicant column and the total; the first applicant column (自然人) is taken for
    the first, as a careful reader does. Marked as inferred, with a warning, for a person to confirm.
    """
    values = [it for it in items if it.kind == VALUE]
    if len(values) != 2 or not any(it.kind == RUN for it in items):
        return None
    a, b = (read_cell(v.token.text) for v in values)
    if a.what != NUMBER or b.what != NUMBER or a.number != b.number:
        return None
    return [values[0]] + [None] * (len(columns) - 2) + [values[1]]


class TableReader:
    def __init__(self, lines: list[Line], fmt: ReportFormat):
        self.lines, self.fmt = lines, fmt
        self.stream = stream_of(lines)
        self.anchors = row_anchors(fmt)
        self.out = Tables()

    def read(self) -> Tables:
        matches = self._match_anchors()
        segments = {j: segment_after(self.stream, k, self.lines) for j, k in matches.items()}
        for j, segment in segments.items():
            self._read_row(self.anchors[j], segment)
        self._report_missing(matches)
        self._find_extra_rows(matches, segments)
        last_s3 = [s.end for j, s in segments.items() if self.anchors[j].section == "三"]
        self._read_section4(max(last_s3, default=max((s.end for s in segments.values()), default=0)))
        for item in self.stream:
            line = self.lines[item.line]
            if line.structured:
                self.out.table_lines.add(item.line)
            elif (
                item.kind == TEXT
                and len(item.token.text) <= MAX_LABEL
                and is_known_label(normalize(item.token.text), self.fmt)
            ):
                self.out.table_lines.add(item.line)  # a caption or header between tables
        return self.out

    # Rows of §二 and §三 -----------------------------------------------------------------------

    def _match_anchors(self) -> dict[int, int]:
        """anchor index → stream index of its label, matched in declaration order."""
        found, next_anchor = {}, 0
        for item in self.stream:
            if item.kind != TEXT or next_anchor >= len(self.anchors):
                continue
            norm = normalize(item.token.text)
            if len(norm) > MAX_LABEL:
                continue
            for j in range(next_anchor, len(self.anchors)):
                if matches_label(norm, self.anchors[j].norm):
                    found[j], next_anchor = item.index, j + 1
                    break
        return found

    def _mark(self, items) -> None:
        self.out.table_lines.update(it.line for it in items)

    def _read_row(self, anchor: RowAnchor, segment: Segment) -> None:
        self._mark([segment.label, *segment.items])
        columns = anchor.columns
        cells = [anchor.cell(c) for c in columns]
        where = segment.label.token.where
        n_values = sum(it.kind == VALUE for it in segment.items)
        if segment.at_end and n_values < len(columns) and len(segment.items) < len(columns):
            self.out.unread.append(
                Unread(
                    cells,
                    f"“{anchor.label}”行在文本末尾中断（只见到 {n_values} 个数字，该表有 {len(columns)} 列）",
                    where,
                )
            )
            return
        placed, how, reason = place(segment.items, len(columns), label_slack=True)
        if placed is None and anchor.section == "三":
            placed = _infer_two_equal(segment.items, columns)
            if placed is not None:
                how = INFERRED
                self.out.findings.append(
                    Finding(
                        "import.inferred",
                        WARNING,
                        [cells[0], cells[-1]],
                        f"“{anchor.label}”行（{where.describe()}）的空白单元格被合并，列的位置已丢失；"
                        f"两个相等的数字按“{columns[0].label}”与“{columns[-1].label}”读入，请核对原文",
                    )
                )
        if placed is None:
            self.out.unread.append(Unread(cells, f"“{anchor.label}”行：{reason}", where))
            return
        if how == INFERRED:  # only the two numbers are placed; the cells between stay unknown
            self._store(cells[0], columns[0], placed[0], how, where)
            self._store(cells[-1], columns[-1], placed[-1], how, where)
            self.out.unread.append(
                Unread(
                    cells[1:-1],
                    f"“{anchor.label}”行：空白单元格被合并，这些列可能为空白，但位置无法确定",
                    where,
                )
            )
            return
        for column, address, item in zip(columns, cells, placed, strict=True):
            self._store(address, column, item, how, where)

    def _store(self, address: str, column: Column, item: Item | None, how: str, row_where: Where) -> None:
        if item is None or item.kind != VALUE:
            where = item.token.where if item is not None else row_where
            self.out.read[address] = CellRead(address, None, "", where, how)
            return
        text, where = item.token.text, item.token.where
        reading = read_cell(text)
        if reading.what == PLACEHOLDER:
            self.out.read[address] = CellRead(address, None, text, where, how)
            return
        try:
            value = column_value(reading, column)
        except CellValueError as e:
            self.out.unread.append(Unread([address], f"“{text}”：{e}", where))
            return
        self.out.read[address] = CellRead(address, value, text, where, how)

    def _describe(self, item: Item) -> str:
        text = item.token.text.replace("\n", "")
        short = text if len(text) <= 16 else text[:15] + "…"
        return f"{item.token.where.describe()}“{short}”"

    def _report_missing(self, matches: dict[int, int]) -> None:
        groups: list[tuple[str, list[str], Where | None]] = []
        for j, anchor in enumerate(self.anchors):
            if j in matches:
                continue
            before = [k for i, k in matches.items() if i < j]
            after = [k for i, k in matches.items() if i > j]
            reason, where = self._gap_reason(anchor, max(before, default=None), min(after, default=None))
            cells = [anchor.cell(c) for c in anchor.columns]
            if groups and groups[-1][0] == reason:
                groups[-1][1].extend(cells)
            else:
                groups.append((reason, cells, where))
        self.out.unread.extend(Unread(cells, reason, where) for reason, cells, where in groups)

    def _gap_reason(
        self, anchor: RowAnchor, before: int | None, after: int | None
    ) -> tuple[str, Where | None]:
        if before is None and after is None:
            return "文本中没有找到年度报告的表格（可能只收录了报告的开头）", None
        if after is None:
            last = self._last_content()
            return f"文本在{self._describe(last)}之后中断，没有这一行", last.token.where
        next_item = self.stream[after]
        if before is None:
            return f"在表格的第一行{self._describe(next_item)}之前没有找到这一行", next_item.token.where
        previous = self._last_content(before=after)
        return (
            f"未找到此行：{self._describe(previous)}与{self._describe(next_item)}之间的文字缺失（例如在分页处丢失）",
            previous.token.where,
        )

    def _last_content(self, before: int | None = None) -> Item:
        end = len(self.stream) if before is None else before
        for item in reversed(self.stream[:end]):
            if item.kind in (TEXT, VALUE):
                return item
        return self.stream[0]

    def _find_extra_rows(self, matches: dict[int, int], segments: dict[int, Segment]) -> None:
        if not matches:
            return
        start, end = min(matches.values()), max(s.end for s in segments.values())
        while end < len(self.stream) and not self._is_narrative(self.stream[end]):
            end += 1  # rows after the last known one, up to the running text that follows the tables
        owner = sorted(matches.items(), key=lambda m: m[1])
        anchored = set(matches.values())
        for item in self.stream[start:end]:
            if item.kind != TEXT or item.index in anchored or self._is_narrative(item):
                continue
            norm = normalize(item.token.text)
            if len(norm) < 2 or is_known_label(norm, self.fmt):
                continue
            segment = segment_after(self.stream, item.index, self.lines)
            values = [it.token.text for it in segment.items if it.kind == VALUE]
            if not values:
                continue
            previous = [j for j, k in owner if k < item.index]
            after = self.anchors[previous[-1]] if previous else None
            caption = after.caption if after else ""
            self._mark([item, *segment.items])
            self.out.extra_rows.append(ExtraRow(item.token.text, values, item.token.where, caption))
            where_in = f"“{caption}”的表中" if after and after.section == "二" else "表中"
            self.out.findings.append(
                Finding(
                    "import.extra_row",
                    WARNING,
                    [],
                    f"{where_in}有一行“{item.token.text}”不在 {self.fmt.version} 年格式之中（{item.token.where.describe()}），"
                    f"其数字（{'、'.join(values)}）没有读入",
                )
            )

    def _is_narrative(self, item: Item) -> bool:
        if item.kind != TEXT:
            return False
        norm = normalize(item.token.text)
        return (
            len(norm) > MAX_EXTRA_LABEL
            or any(p in norm for p in "。;")
            or ("," in norm and not norm.startswith("("))
        )

    # §四: one row of numbers under three header rows ---------------------------------------------

    def _read_section4(self, start: int) -> None:
        s4 = self.fmt.section4
        columns = [(s4.address(b, c), c) for b in s4.blocks for c in s4.columns]
        cells = [a for a, _ in columns]
        header = next(
            (
                it
                for it in self.stream[start:]
                if it.kind == TEXT
                and len(it.token.text) <= MAX_LABEL
                and is_section4_header(normalize(it.token.text), self.fmt)
            ),
            None,
        )
        if header is None:
            last = self._last_content()
            self.out.unread.append(
                Unread(
                    cells,
                    f"没有找到第四部分的表格（文本在{self._describe(last)}之后结束或中断）",
                    last.token.where,
                )
            )
            return
        first = next((it for it in self.stream[header.index :] if it.kind == VALUE), None)
        if first is None:
            self.out.unread.append(
                Unread(
                    cells,
                    f"第四部分的表头（{header.token.where.describe()}）之后没有数字行",
                    header.token.where,
                )
            )
            return
        line = self.lines[first.line]
        if line.structured:
            row = [it for it in self.stream if it.line == first.line]
            texts = [i for i, it in enumerate(row) if it.kind == TEXT]
            items = row[texts[-1] + 1 :] if texts else row
            at_end = first.line == len(self.lines) - 1
        else:
            k = first.index
            while k > header.index + 1 and self.stream[k - 1].kind in (BLANK, RUN):
                k -= 1
            m = first.index
            while m < len(self.stream) and self.stream[m].kind != TEXT:
                m += 1
            items, at_end = self.stream[k:m], m == len(self.stream)
        self._mark([header, *items])
        for it in self.stream[header.index : first.index]:
            if it.kind == TEXT and is_known_label(normalize(it.token.text), self.fmt):
                self._mark([it])
        where = first.token.where
        n_values = sum(it.kind == VALUE for it in items)
        if at_end and n_values < len(cells) and len(items) < len(cells):
            self.out.unread.append(
                Unread(
                    cells,
                    f"第四部分的数字行在文本末尾中断（只见到 {n_values} 个数字，该表有 {len(cells)} 列）",
                    where,
                )
            )
            return
        placed, how, reason = place(items, len(cells), label_slack=False)
        if placed is None:
            self.out.unread.append(Unread(cells, f"第四部分的数字行（{where.describe()}）：{reason}", where))
            return
        for (address, column), item in zip(columns, placed, strict=True):
            self._store(address, column, item, how, where)


def read_tables(lines: list[Line], fmt: ReportFormat) -> Tables:
    return TableReader(lines, fmt).read()
