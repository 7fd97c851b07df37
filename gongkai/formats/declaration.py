"""The types a report format is declared with.

A format module (v2019, v2021, …) builds one `ReportFormat` out of these; every other part of the
system — cells, checks, layouts, renderers, parsers — reads that object and never repeats a label.

The declaration also answers where a number sits: `block.address(row, column)` (§二),
`section3.address(row, column)` and `section4.address(block, column)` give a cell's address in the form of
docs/report-format.md (section2.art20_1.regulations.made), and the groups people name — §三's results （一）–（六）
and §四's 行政复议 / 行政诉讼 — are declared objects with their official titles. Nothing else builds an
address or tests a key's prefix.
"""

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import ClassVar

SECTION_NUMBERS = ("一", "二", "三", "四", "五", "六")


def _key(part) -> str:
    """A row, column or block given either as its declared object or as its key."""
    return part if isinstance(part, str) else part.key


def _address(*parts) -> str:
    """The only place the dotted address of a cell is put together."""
    return ".".join(_key(part) for part in parts)


def section_of(address: str) -> str:
    """The key of the section a cell address belongs to (its first part)."""
    return address.partition(".")[0]


def _by_key(items, key: str):
    for item in items:
        if item.key == key:
            return item
    raise KeyError(f"没有键为“{key}”的一项（已声明：{'、'.join(item.key for item in items)}）")


class Kind(StrEnum):
    """What a numeric cell may hold (rule A8)."""

    COUNT = "count"  # non-negative integer
    SIGNED = "signed"  # integer of either sign: the 2019 本年增/减
    AMOUNT = "amount"  # non-negative decimal: money


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: Kind = Kind.COUNT
    # How a report's text names what the column counts, where a draft needs it (本年新制作数量 → 新制作).
    in_text: str = ""


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    # Other wordings published tables of this format use for the row (e.g. the other format's label).
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Block:
    """One §二 block: a caption row naming the Art. 20 item, then a small table."""

    key: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    def column(self, key: str) -> Column:
        return _by_key(self.columns, key)

    def row(self, key: str) -> Row:
        return _by_key(self.rows, key)

    def address(self, row: Row | str, column: Column | str) -> str:
        return _address(Section2.key, self, row, column)


@dataclass(frozen=True)
class Section2:
    key: ClassVar[str] = "section2"
    first_column_header: str
    blocks: tuple[Block, ...]

    def block(self, key: str) -> Block:
        return _by_key(self.blocks, key)


@dataclass(frozen=True)
class OutcomeGroup:
    """One of §三's results, （一）予以公开 to （六）其他处理: rule A2 sums them into （七）总计.

    A row with the group's own key is the group itself, its label the title (with any note after it);
    the other rows of a group sit under a label cell with the title.
    """

    key: str
    title: str

    @property
    def name(self) -> str:
        """The title without its number, as people say it: （三）不予公开 → 不予公开."""
        return re.sub(r"^（[一二三四五六七八九十]+）", "", self.title)


@dataclass(frozen=True)
class ApplicationRow:
    """A §三 row. `group` and `subgroup` are label cells spanning rows, never rows with numbers."""

    key: str
    label: str
    group: str | None = None
    outcome: OutcomeGroup | None = None  # the result the row counts; outcome rows are summed into （七）总计

    @property
    def subgroup(self) -> str | None:
        """The label cell between the group and the row: the title of the result the row is one of."""
        if self.outcome is None or self.outcome.key == self.key:
            return None
        return self.outcome.title


@dataclass(frozen=True)
class Section3:
    key: ClassVar[str] = "section3"
    note: str
    applicant_header: str
    organisation_header: str
    person_columns: tuple[Column, ...]
    organisation_columns: tuple[Column, ...]
    total_column: Column
    rows: tuple[ApplicationRow, ...]
    new_received_row: str = "new_received"
    # The header note's balance (rule A1): received rows on one side, settled rows on the other.
    received_rows: tuple[str, str] = ("new_received", "carried_over")
    settled_rows: tuple[str, str] = ("total", "carried_forward")
    total_row: str = "total"
    # Rule A6: this year's carried-over rows must equal last year's carried-forward row.
    carried_over_row: str = "carried_over"
    carried_forward_row: str = "carried_forward"

    @property
    def applicant_columns(self) -> tuple[Column, ...]:
        return self.person_columns + self.organisation_columns

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.applicant_columns + (self.total_column,)

    @property
    def outcome_rows(self) -> tuple[ApplicationRow, ...]:
        return tuple(r for r in self.rows if r.outcome is not None)

    @property
    def outcome_groups(self) -> tuple[OutcomeGroup, ...]:
        """（一） to （六）, in the table's order."""
        return tuple(dict.fromkeys(r.outcome for r in self.outcome_rows))

    def outcome_group(self, key: str) -> OutcomeGroup:
        return _by_key(self.outcome_groups, key)

    def rows_of(self, group: OutcomeGroup | str) -> tuple[ApplicationRow, ...]:
        """The rows that count one result: the group's row itself, or the rows under its title."""
        return tuple(r for r in self.outcome_rows if r.outcome.key == _key(group))

    def row(self, key: str) -> ApplicationRow:
        return _by_key(self.rows, key)

    def address(self, row: ApplicationRow | str, column: Column | str) -> str:
        return _address(self.key, row, column)

    def total(self, row: ApplicationRow | str) -> str:
        """The address of the row's 总计 cell."""
        return self.address(row, self.total_column)


@dataclass(frozen=True)
class AppealGroup:
    """The top header of §四: 行政复议, or 行政诉讼 over its two blocks."""

    key: str
    title: str


@dataclass(frozen=True)
class AppealBlock:
    """A §四 block; `kind` gives the top header (行政复议 / 行政诉讼), `subgroup` is the second, if any."""

    key: str
    kind: AppealGroup
    subgroup: str | None = None

    @property
    def group(self) -> str:
        return self.kind.title

    @property
    def label(self) -> str:
        """The block's own header: 未经复议直接起诉, or 行政复议 for the block alone under its title."""
        return self.subgroup or self.group

    @property
    def heading(self) -> str:
        """How one block is named in a sentence: 行政诉讼（复议后起诉）."""
        return self.group + (f"（{self.subgroup}）" if self.subgroup else "")


@dataclass(frozen=True)
class Section4:
    key: ClassVar[str] = "section4"
    blocks: tuple[AppealBlock, ...]
    columns: tuple[Column, ...]
    total_column: str = "total"

    @property
    def groups(self) -> tuple[AppealGroup, ...]:
        return tuple(dict.fromkeys(b.kind for b in self.blocks))

    def group(self, key: str) -> AppealGroup:
        return _by_key(self.groups, key)

    def block(self, key: str) -> AppealBlock:
        return _by_key(self.blocks, key)

    def blocks_of(self, group: AppealGroup | str) -> tuple[AppealBlock, ...]:
        return tuple(b for b in self.blocks if b.kind.key == _key(group))

    def column(self, key: str) -> Column:
        return _by_key(self.columns, key)

    def address(self, block: AppealBlock | str, column: Column | str) -> str:
        return _address(self.key, block, column)

    def total(self, block: AppealBlock | str) -> str:
        """The address of the block's 总计 cell."""
        return self.address(block, self.total_column)


@dataclass(frozen=True)
class StockRule:
    """Rule A7: a §二 stock that carries over from year to year (stock = last stock + added − removed)."""

    block: str
    stock: str
    added: str
    removed: str


@dataclass(frozen=True)
class ReportFormat:
    version: str
    notice: str
    first_year: int
    section_titles: tuple[tuple[str, str], ...]  # (number, title), 一 … 六
    section2: Section2
    section3: Section3
    section4: Section4
    stock_rule: StockRule | None = None
    # §六 must state the 信息处理费 collected, or that none was (the 2021 notice); rule A10 asks it always.
    fees_in_section6: bool = False
    # Wordings seen in published reports for a section title, for parsers to accept.
    title_variants: tuple[tuple[str, str], ...] = field(default=())
    # A row of an older format that this one splits: (its label, keys of the §三 rows it became).
    split_rows: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())

    def title(self, number: str) -> str:
        return dict(self.section_titles)[number]

    def numbered_title(self, number: str) -> str:
        return f"{number}、{self.title(number)}"

    def places(self) -> tuple["CellPlace", ...]:
        """Every numeric cell with the official labels that place it, in reading order."""
        return self._places

    @cached_property  # the declaration never changes; every blank report and every check walks this
    def _places(self) -> tuple["CellPlace", ...]:
        found = []
        for block in self.section2.blocks:
            for row in block.rows:
                for col in block.columns:
                    found.append(CellPlace(block.address(row, col), col, "二", block.caption, row.label))
        s3 = self.section3
        for row in s3.rows:
            for col in s3.columns:
                found.append(CellPlace(s3.address(row, col), col, "三", "", row.label))
        s4 = self.section4
        for block in s4.blocks:
            for col in s4.columns:
                found.append(CellPlace(s4.address(block, col), col, "四", block.heading, ""))
        return tuple(found)

    def cells(self) -> list[tuple[str, Column]]:
        """Every numeric cell as (address, column), in reading order."""
        return [(place.address, place.column) for place in self.places()]


@dataclass(frozen=True)
class CellPlace:
    """A cell as people find it in the tables."""

    address: str  # section2.art20_1.regulations.made
    column: Column
    section: str  # 二, 三 or 四
    group: str  # §二: the block's caption (第二十条第（一）项); §四: the block's heading; §三: ""
    row: str  # the row's label (§四: "")
