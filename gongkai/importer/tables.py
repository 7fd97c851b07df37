"""Reading the §二, §三 and §四 tables out of a report's lines, walking the format declaration.

Each row is found by its label (in the declaration's order, so a damaged or missing row does not
throw the rest off); the cells after the label are the row's numbers. They are placed in columns
only when their places are certain: as many numbers as columns, or blanks that the file shows in
place. Anything else is left unread, with the reason — never guessed, never read as 0.
"""

import re
from dataclasses import dataclass, field

from gongkai.formats.cells import Value
from gongkai.formats.checks import WARNING, Finding
from gongkai.formats.declaration import Column, ReportFormat
from gongkai.importer.labels import (
    RowAnchor,
    is_known_label,
    is_section4_header,
    known_labels,
    row_anchors,
)
from gongkai.importer.ocr import MIN_CONFIDENCE
from gongkai.importer.source import BLANK, CELL, RUN, Line, Token, Where
from gongkai.importer.text import (
    NUMBER,
    PLACEHOLDER,
    TEXT,
    CellValueError,
    column_value,
    normalize,
    read_cell,
    similarity,
)

VALUE = "value"  # a number or a placeholder (“/”)
POSITION, ORDER, INFERRED = "position", "order", "inferred"
# Labels longer than this are running text, not a table cell.
MAX_LABEL = 80
MAX_EXTRA_LABEL = 30
# A label written with a typo is taken for the row between its neighbours only when this close to it
# (or numbered the same): “2.其他法律行政止公开” for 2.其他法律行政法规禁止公开.
MIN_TYPO_SIMILARITY = 0.6
_ENUMERATED = re.compile(r"^(\d{1,2}\.|\([一二三四五六七八九十]+\))")


@dataclass
class CellRead:
    address: str
    value: Value
    text: str  # what the cell says, as written ("" for a blank cell)
    where: Where
    how: str  # POSITION: the file shows the cell's place; ORDER: the row's numbers in column order
    confidence: float | None = None  # text recognition's confidence, for a cell read off a scanned page

    def to_dict(self) -> dict:
        out = {"text": self.text, "how": self.how, **self.where.to_dict()}
        if self.confidence is not None:
            out["ocr"] = round(self.confidence, 3)
        return out


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


def _middle(item: Item) -> float:
    box = item.token.box
    return (box[0] + box[2]) / 2


def recognised(items: list[Item]) -> bool:
    """Cells read off a scanned page: a cell with nothing recognised in it may be a blank or a miss."""
    return any(it.token.confidence is not None for it in items)


def place_by_position(items: list[Item], centers: list[float]) -> tuple[list[Item | None] | None, str]:
    """The row's cells by where each number stands: under the column whose middle is nearest.

    Every number must stand within half a column's width of one column's middle, one number per column.
    A column with no number is blank (None).
    """
    values = [it for it in items if it.kind == VALUE]
    if not values or any(it.token.box is None for it in values) or len(centers) < 2:
        return None, "各数字的位置不明"
    half = min(b - a for a, b in zip(centers, centers[1:], strict=False)) / 2
    if half <= 0:
        return None, "各列的位置不明"
    placed: list[Item | None] = [None] * len(centers)
    for item in values:
        middle = _middle(item)
        j = min(range(len(centers)), key=lambda c: abs(centers[c] - middle))
        if abs(centers[j] - middle) > half or placed[j] is not None:
            return (
                None,
                f"数字“{item.token.text}”（{item.token.where.describe()}）不在任何一列之下，各数字所在的列无法确定",
            )
        placed[j] = item
    return placed, ""


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
        self.section4_items: set[int] = set()  # stream indices of the §四 numbers row
        self.joined: set[int] = set()  # anchors whose label came joined to the previous row's

    def read(self) -> Tables:
        matches = self._match_anchors()
        self._match_typos(matches)
        split = self._split_row(matches)
        segments = {
            j: self._continued(self.anchors[j], segment_after(self.stream, k, self.lines))
            for j, k in matches.items()
        }
        self.segments = segments
        for j, segment in segments.items():
            if j in self.joined or j + 1 in self.joined:
                self._read_joined(self.anchors[j], segment)
            else:
                self._read_row(self.anchors[j], segment)
        if split is not None:
            segments[-1] = split
        self._report_missing(matches, skip=self._split_anchors if split is not None else ())
        last_s3 = [s.end for j, s in segments.items() if j < 0 or self.anchors[j].section == "三"]
        self._read_section4(max(last_s3, default=max((s.end for s in segments.values()), default=0)))
        self._find_extra_rows(matches, segments)
        self._check_recognised_totals()
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
                if self.anchors[j].matches(norm):
                    found[j], next_anchor = item.index, j + 1
                    break
                if j + 1 < len(self.anchors) and norm == self.anchors[j].norm + self.anchors[j + 1].norm:
                    # Two rows' labels joined into one cell (blank rows of a table without rules).
                    found[j] = found[j + 1] = item.index
                    self.joined.add(j + 1)
                    next_anchor = j + 2
                    break
        return found

    def _label_candidates(self, start: int, end: int) -> list[Item]:
        """Short texts between two stream positions that are followed by a row's cells: unmatched labels."""
        out = []
        for item in self.stream[start + 1 : end]:
            if item.kind != TEXT or self._is_narrative(item):
                continue
            following = self.stream[item.index + 1] if item.index + 1 < len(self.stream) else None
            if following is not None and following.kind in (VALUE, BLANK):
                out.append(item)
        return out

    def _match_typos(self, matches: dict[int, int]) -> None:
        """A row whose label is misspelt, between two rows that were found: its neighbours fix its place."""
        for j, anchor in enumerate(self.anchors):
            if j in matches or j - 1 not in matches or j + 1 not in matches:
                continue
            if self.anchors[j - 1].section != anchor.section or self.anchors[j + 1].section != anchor.section:
                continue
            candidates = self._label_candidates(matches[j - 1], matches[j + 1])
            if len(candidates) != 1:
                continue
            item = candidates[0]
            norm = normalize(item.token.text)
            numbered = _ENUMERATED.match(norm)
            same_number = numbered is not None and anchor.norm.startswith(numbered.group(1))
            if not same_number and similarity(norm, anchor.norm) < MIN_TYPO_SIMILARITY:
                continue
            matches[j] = item.index
            self.out.findings.append(
                Finding(
                    "import.label",
                    WARNING,
                    [anchor.cell(c) for c in anchor.columns],
                    f"{item.token.where.describe()}的行标签写作“{item.token.text}”，与格式中的“{anchor.label}”不同；"
                    f"它位于“{self.anchors[j - 1].label}”与“{self.anchors[j + 1].label}”之间，已按“{anchor.label}”读入，请核对",
                )
            )

    @property
    def _split_anchors(self) -> list[int]:
        keys = {key for _, keys in self.fmt.split_rows for key in keys}
        return [j for j, a in enumerate(self.anchors) if a.key in keys]

    def _split_row(self, matches: dict[int, int]) -> Segment | None:
        """A single row of an older format (2019's （六）其他处理) in a table that splits it (2021).

        All zero: each of the rows it became is 0. Otherwise its figures go to the last of those rows
        (其他), inferred and said so, and the other rows are unread.
        """
        split = self._split_anchors
        if not split or any(j in matches for j in split):
            return None
        before = [k for j, k in matches.items() if j < split[0]]
        after = [k for j, k in matches.items() if j > split[-1]]
        start, end = max(before, default=-1), min(after, default=len(self.stream))
        labels = {normalize(label) for label, _ in self.fmt.split_rows}
        found = [it for it in self._label_candidates(start, end) if normalize(it.token.text) in labels]
        if len(found) != 1:
            return None
        segment = segment_after(self.stream, found[0].index, self.lines)
        label = found[0].token.text
        rows = [self.anchors[j] for j in split]
        columns = rows[0].columns
        placed, how, reason = place(segment.items, len(columns), label_slack=True)
        self._mark([segment.label, *segment.items])
        where = found[0].token.where
        if placed is None:
            cells = [a.cell(c) for a in rows for c in columns]
            self.out.unread.append(Unread(cells, f"“{label}”行：{reason}", where))
            return segment
        values = [read_cell(it.token.text) if it is not None and it.kind == VALUE else None for it in placed]
        if all(v is not None and v.what == NUMBER and v.number == 0 for v in values):
            for anchor in rows:
                for column, item in zip(columns, placed, strict=True):
                    self._store(anchor.cell(column), column, item, how, where)
            self.out.findings.append(
                Finding(
                    "import.split_row",
                    WARNING,
                    [],
                    f"原表只有一行“{label}”（{where.describe()}），各列均为 0；"
                    f"{self.fmt.version} 年格式把它分为{'、'.join(a.label for a in rows)}，各行均按 0 读入",
                )
            )
            return segment
        last = rows[-1]
        for column, item in zip(columns, placed, strict=True):
            self._store(last.cell(column), column, item, INFERRED, where)
        self.out.unread.append(
            Unread(
                [a.cell(c) for a in rows[:-1] for c in columns],
                f"原表只有一行“{label}”（{where.describe()}），没有分为 {self.fmt.version} 年格式的这几行，各行的件数无法分开",
                where,
            )
        )
        self.out.findings.append(
            Finding(
                "import.split_row",
                WARNING,
                [last.cell(c) for c in columns],
                f"原表只有一行“{label}”（{where.describe()}），{self.fmt.version} 年格式把它分为"
                f"{'、'.join(a.label for a in rows)}；其数字已按“{last.label}”读入，前两行未读，请对照原件核对",
            )
        )
        return segment

    def _mark(self, items) -> None:
        self.out.table_lines.update(it.line for it in items)

    def _continued(self, anchor: RowAnchor, segment: Segment) -> Segment:
        """A row label that wraps with its numbers on the next line (“3.危及“三安全一稳” / “定” | 0 | 1 …”):
        the next line's numbers are the row's when its text only finishes this label."""
        if any(it.kind == VALUE for it in segment.items):
            return segment
        line = segment.label.line + 1
        if line >= len(self.lines) or not self.lines[line].structured:
            return segment
        row = [it for it in self.stream[segment.end :] if it.line == line]
        first_value = next((i for i, it in enumerate(row) if it.kind == VALUE), len(row))
        leading = row[:first_value]  # the label's continuation, perhaps beside a group label's piece
        if any(it.kind != TEXT for it in leading):
            return segment
        start = normalize(segment.label.token.text)
        continues = [
            it
            for it in leading
            if any(label.startswith(start + normalize(it.token.text)) for label in anchor.labels)
        ]
        if leading and not continues:
            return segment
        items = row[first_value:]
        if not any(it.kind == VALUE for it in items):
            return segment
        return Segment(segment.label, items, True, line == len(self.lines) - 1, row[-1].index + 1)

    def _read_joined(self, anchor: RowAnchor, segment: Segment) -> None:
        """A row whose label came joined with its neighbour's: blank when neither shows a number, else unread."""
        self._mark([segment.label, *segment.items])
        cells = [anchor.cell(c) for c in anchor.columns]
        label = segment.label.token
        if (
            not any(it.kind == VALUE for it in segment.items)
            and label.box is not None
            and label.confidence is None
        ):
            for column, address in zip(anchor.columns, cells, strict=True):
                self._store(address, column, None, POSITION, label.where)
            return
        self.out.unread.append(
            Unread(
                cells,
                f"“{label.text}”（{label.where.describe()}）是两行的标签连在一起，其后的数字属于哪一行无法确定",
                label.where,
            )
        )

    def _read_row(self, anchor: RowAnchor, segment: Segment) -> None:
        self._mark([segment.label, *segment.items])
        columns = anchor.columns
        cells = [anchor.cell(c) for c in columns]
        where = segment.label.token.where
        n_values = sum(it.kind == VALUE for it in segment.items)
        if segment.at_end and n_values < len(columns) and len(segment.items) < len(columns):
            items = segment.items
            if (
                segment.structured
                and items
                and items[0].kind == VALUE
                and all(it.kind != RUN for it in items)
            ):
                # A table row cut by the excerpt's end: the cells it shows sit under their columns in order.
                for column, address, item in zip(columns, cells, items, strict=False):
                    self._store(address, column, item, POSITION, where)
                self.out.unread.append(
                    Unread(
                        cells[len(items) :],
                        f"“{anchor.label}”行在文本末尾中断：只有前 {len(items)} 列，"
                        f"“{columns[len(items)].label}”及以后各列不在文本中",
                        items[-1].token.where,
                    )
                )
                return
            self.out.unread.append(
                Unread(
                    cells,
                    f"“{anchor.label}”行在文本末尾中断（只见到 {n_values} 个数字，该表有 {len(columns)} 列）",
                    where,
                )
            )
            return
        placed, how, reason = place(segment.items, len(columns), label_slack=True)
        label = segment.label.token
        if not segment.items and label.box is not None and label.confidence is None:
            # A text-layer PDF shows every cell's words where they stand: nothing beside the label (and
            # nothing on the line after it) is a row of blank cells.
            placed, how = [None] * len(columns), POSITION
        if placed is None or (recognised(segment.items) and len(segment.items) != len(columns)):
            centers = self._row_centers(anchor)
            if centers is not None:
                by_position, why = place_by_position(segment.items, centers)
                if by_position is not None:
                    self._store_positioned(anchor.label, cells, columns, by_position, segment.items, where)
                    return
                reason = why if placed is None else reason
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

    def _check_recognised_totals(self) -> None:
        """On a scanned page a digit may be misread with confidence (9 as 6): a row whose recognised numbers
        do not add up to its recognised 总计 is unread as a whole, since which digit is wrong cannot be told."""
        s3, s4 = self.fmt.section3, self.fmt.section4
        groups = [
            (
                [s3.address(r, c) for c in s3.applicant_columns],
                s3.total(r),
            )
            for r in s3.rows
        ]
        groups += [
            (
                [s4.address(b, c) for c in s4.columns if c.key != s4.total_column],
                s4.total(b),
            )
            for b in s4.blocks
        ]
        for parts, total in groups:
            reads = [self.out.read.get(a) for a in (*parts, total)]
            if any(r is None or r.confidence is None for r in reads):
                continue
            if any(r.value is None for r in reads):
                continue
            summed = sum(r.value for r in reads[:-1])
            if summed == reads[-1].value:
                continue
            for address in (*parts, total):
                del self.out.read[address]
            shown = "、".join(r.text for r in reads[:-1])
            self.out.unread.append(
                Unread(
                    [*parts, total],
                    f"扫描页上识别出的数字（{shown}）之和为 {summed}，而识别出的总计为 {reads[-1].text}："
                    "原表可能有误，也可能有数字识别错了，无法判断是哪一格，请对照原件填写",
                    reads[-1].where,
                )
            )

    def _row_centers(self, anchor: RowAnchor) -> list[float] | None:
        """Where the columns of this row's table stand: the middles of the numbers of the rows of the same
        table that show every column (as many numbers as columns, each with its place on the page)."""
        page = self.stream[self.segments[self.anchors.index(anchor)].label.index].token.where.page
        columns: list[list[float]] = [[] for _ in anchor.columns]
        for j, segment in self.segments.items():
            other = self.anchors[j] if j >= 0 else None
            if other is None or other.columns != anchor.columns or other.section != anchor.section:
                continue
            values = [it for it in segment.items if it.kind == VALUE]
            if segment.label.token.where.page != page or len(values) != len(anchor.columns):
                continue
            if any(it.token.box is None for it in values):
                continue
            for j_col, item in enumerate(values):
                columns[j_col].append(_middle(item))
        if all(columns):
            centers = [sorted(xs)[len(xs) // 2] for xs in columns]
            if all(a < b for a, b in zip(centers, centers[1:], strict=False)):
                return centers
        return self._header_centers(anchor)

    def _header_centers(self, anchor: RowAnchor) -> list[float] | None:
        """Where the columns stand by their headers: for each column the nearest header cell above the row
        that is its label (or ends with it, when a layout stacked the header cells above it into one)."""
        start = self.segments[self.anchors.index(anchor)].label.index
        page = self.stream[start].token.where.page
        label_box = self.stream[start].token.box
        left = label_box[2] if label_box is not None else float("-inf")  # numbers stand right of the label
        labels = [normalize(c.label) for c in anchor.columns]
        row_labels = {s.label.index for s in self.segments.values()}
        found: list[float | None] = [None] * len(labels)
        for item in reversed(self.stream[:start]):
            if item.token.where.page != page:
                break
            if (
                item.kind != TEXT
                or item.token.box is None
                or item.index in row_labels
                or _middle(item) < left
            ):
                continue
            norm = normalize(item.token.text)
            for j, label in enumerate(labels):
                if found[j] is None and (norm == label or norm.endswith(label)):
                    found[j] = _middle(item)
            if all(x is not None for x in found):
                break
        if any(x is None for x in found):
            return None
        return found if all(a < b for a, b in zip(found, found[1:], strict=False)) else None

    def _store_positioned(self, label, cells, columns, placed, items, where) -> None:
        """Cells placed by position; on a scanned page a column with nothing recognised is unread, not blank."""
        missing = []
        for column, address, item in zip(columns, cells, placed, strict=True):
            if item is None and recognised(items):
                missing.append(address)
                continue
            self._store(address, column, item, POSITION, where)
        if missing:
            self.out.unread.append(
                Unread(
                    missing,
                    f"“{label}”行（{where.describe()}，扫描页）：这些格没有识别出文字，可能是空白，也可能未能识别",
                    where,
                )
            )

    def _store(self, address: str, column: Column, item: Item | None, how: str, row_where: Where) -> None:
        if item is None or item.kind != VALUE:
            where = item.token.where if item is not None else row_where
            self.out.read[address] = CellRead(address, None, "", where, how)
            return
        text, where, confidence = item.token.text, item.token.where, item.token.confidence
        if confidence is not None and confidence < MIN_CONFIDENCE:
            self.out.unread.append(
                Unread(
                    [address],
                    f"扫描页上识别为“{text}”，但文字识别的把握不足（置信度 {confidence:.2f}，低于 {MIN_CONFIDENCE}），未采用",
                    where,
                )
            )
            return
        reading = read_cell(text)
        if reading.what == PLACEHOLDER:
            self.out.read[address] = CellRead(address, None, text, where, how, confidence)
            return
        try:
            value = column_value(reading, column)
        except CellValueError as e:
            self.out.unread.append(Unread([address], f"“{text}”：{e}", where))
            return
        self.out.read[address] = CellRead(address, value, text, where, how, confidence)

    def _describe(self, item: Item) -> str:
        text = item.token.text.replace("\n", "")
        short = text if len(text) <= 16 else text[:15] + "…"
        return f"{item.token.where.describe()}“{short}”"

    def _report_missing(self, matches: dict[int, int], skip=()) -> None:
        groups: list[tuple[str, list[str], Where | None]] = []
        for j, anchor in enumerate(self.anchors):
            if j in matches or j in skip:
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
        pages = (previous.token.where.page, next_item.token.where.page)
        if pages[0] is not None and pages[1] is not None and pages[0] != pages[1]:
            return (
                f"未找到此行：{self._describe(previous)}与{self._describe(next_item)}之间跨页，此行在分页处缺失",
                previous.token.where,
            )
        return (
            f"未找到此行：表中{self._describe(previous)}与{self._describe(next_item)}之间缺失这一行",
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
        owner = sorted(((j, k) for j, k in matches.items() if j >= 0), key=lambda m: m[1])
        anchored = set(matches.values()) | {s.label.index for s in segments.values()}
        consumed = {it.index for s in segments.values() for it in s.items} | self.section4_items
        for item in self.stream[start:end]:
            if item.kind != TEXT or item.index in anchored or self._is_narrative(item):
                continue
            norm = normalize(item.token.text)
            if len(norm) < 2 or is_known_label(norm, self.fmt) or self._is_label_fragment(norm):
                continue
            segment = segment_after(self.stream, item.index, self.lines)
            if segment.items and all(it.index in consumed for it in segment.items if it.kind == VALUE):
                continue  # its numbers were read under a known row: a label split there, not a row
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

    def _is_label_fragment(self, norm: str) -> bool:
        """The end or start of a known label that a page break or a narrow cell cut off (“法提供”)."""
        return len(norm) >= 2 and any(
            label != norm and (label.endswith(norm) or label.startswith(norm))
            for label in known_labels(self.fmt)
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
            title = normalize(self.fmt.title("四"))
            heading = next(
                (it for it in self.stream[start:] if it.kind == TEXT and title in normalize(it.token.text)),
                None,
            )
            if heading is not None:
                after = next(
                    (it for it in self.stream[heading.index + 1 :] if it.kind in (TEXT, VALUE)), None
                )
                seen = f"其后是{self._describe(after)}" if after is not None else "其后没有文字"
                self.out.unread.append(
                    Unread(
                        cells,
                        f"找到了第四部分的标题（{heading.token.where.describe()}），但没有认出其表格的表头"
                        f"（{'、'.join(c.label for c in self.fmt.section4.columns[:2])}等）：{seen}",
                        heading.token.where,
                    )
                )
                return
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
        self.section4_items = {it.index for it in items}
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
        if placed is None or (recognised(items) and len(items) != len(cells)):
            centers = self._section4_centers(header.index, first.index)
            if centers is not None:
                by_position, why = place_by_position(items, centers)
                if by_position is not None:
                    self._store_positioned(
                        "第四部分", cells, [c for _, c in columns], by_position, items, where
                    )
                    return
                reason = why if placed is None else reason
        if placed is None:
            self.out.unread.append(Unread(cells, f"第四部分的数字行（{where.describe()}）：{reason}", where))
            return
        for (address, column), item in zip(columns, placed, strict=True):
            self._store(address, column, item, how, where)

    def _section4_centers(self, start: int, end: int) -> list[float] | None:
        """The §四 columns' middles from its header (结果维持 … 总计, once per block), left to right."""
        s4 = self.fmt.section4
        labels = {normalize(c.label) for c in s4.columns}
        found = [
            _middle(it)
            for it in self.stream[start:end]
            if it.kind == TEXT and it.token.box is not None and normalize(it.token.text) in labels
        ]
        if len(found) != len(s4.blocks) * len(s4.columns):
            return None
        return sorted(found)


def read_tables(lines: list[Line], fmt: ReportFormat) -> Tables:
    return TableReader(lines, fmt).read()
