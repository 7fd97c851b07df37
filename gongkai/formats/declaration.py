"""The types a report format is declared with.

A format module (v2019, v2021, …) builds one `ReportFormat` out of these; every other part of the
system — cells, checks, layouts, renderers, parsers — reads that object and never repeats a label.
"""

from dataclasses import dataclass, field
from enum import StrEnum

SECTION_NUMBERS = ("一", "二", "三", "四", "五", "六")


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


@dataclass(frozen=True)
class Row:
    key: str
    label: str


@dataclass(frozen=True)
class Block:
    """One §二 block: a caption row naming the Art. 20 item, then a small table."""

    key: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Section2:
    first_column_header: str
    blocks: tuple[Block, ...]

    def block(self, key: str) -> Block:
        return next(b for b in self.blocks if b.key == key)


@dataclass(frozen=True)
class ApplicationRow:
    """A §三 row. `group` and `subgroup` are label cells spanning rows, never rows with numbers."""

    key: str
    label: str
    group: str | None = None
    subgroup: str | None = None
    outcome: bool = False  # summed into the （七）总计 row (rule A2)


@dataclass(frozen=True)
class Section3:
    note: str
    applicant_header: str
    organisation_header: str
    person_columns: tuple[Column, ...]
    organisation_columns: tuple[Column, ...]
    total_column: Column
    rows: tuple[ApplicationRow, ...]
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
        return tuple(r for r in self.rows if r.outcome)

    def row(self, key: str) -> ApplicationRow:
        return next(r for r in self.rows if r.key == key)


@dataclass(frozen=True)
class AppealBlock:
    """A §四 block; `group` is the top header (行政复议 / 行政诉讼), `subgroup` the second, if any."""

    key: str
    group: str
    subgroup: str | None = None


@dataclass(frozen=True)
class Section4:
    blocks: tuple[AppealBlock, ...]
    columns: tuple[Column, ...]
    total_column: str = "total"


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
    # Wordings seen in published reports for a section title, for parsers to accept.
    title_variants: tuple[tuple[str, str], ...] = field(default=())

    def title(self, number: str) -> str:
        return dict(self.section_titles)[number]

    def numbered_title(self, number: str) -> str:
        return f"{number}、{self.title(number)}"

    def places(self) -> tuple["CellPlace", ...]:
        """Every numeric cell with the official labels that place it, in reading order."""
        found = []
        for block in self.section2.blocks:
            for row in block.rows:
                for col in block.columns:
                    address = f"section2.{block.key}.{row.key}.{col.key}"
                    found.append(CellPlace(address, col, "二", block.caption, row.label))
        for row in self.section3.rows:
            for col in self.section3.columns:
                found.append(CellPlace(f"section3.{row.key}.{col.key}", col, "三", "", row.label))
        for block in self.section4.blocks:
            heading = block.group + (f"（{block.subgroup}）" if block.subgroup else "")
            for col in self.section4.columns:
                found.append(CellPlace(f"section4.{block.key}.{col.key}", col, "四", heading, ""))
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
