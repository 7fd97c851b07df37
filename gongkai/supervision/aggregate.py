"""§二–§四 of the annual reports of a whole subtree of agencies, summed cell by cell.

    report_cells(agency, year, *, published_only) -> ReportCells | None
        the cells an agency's report holds for a year: its latest published version (generated or
        imported); when `published_only` is False and nothing is published, the draft computed now from
        the records. None when the agency has neither a published version nor a report in progress.
    aggregate(root, year, *, published_only) -> Aggregate
        the sum over root and every agency below it, with the coverage: for each cell how many agencies
        reported it and which left it blank, and which agencies had no report at all.
    aggregate_of(agencies, year, *, published_only, name) -> Aggregate
        the same over any set of agencies (a parent's children, for the parent-versus-children check).

A blank cell (null in an imported report) is "not reported": it is not counted as 0, and a cell no agency
reported stays None in the total. Only cells whose kind is additive are summed (every kind the formats
declare today is: counts, signed changes, money); a future kind such as a rate would be left out here.

The published cells of the whole subtree are read in one query (plus one per level of the tree, to find
the subtree); only drafts are computed agency by agency, since they come from each agency's records.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from django.db.models import F, OuterRef, Subquery

from gongkai.agencies.models import Agency
from gongkai.formats.cells import ReportCells, Value
from gongkai.formats.declaration import Kind, ReportFormat
from gongkai.formats.registry import format_for_year, get_format
from gongkai.reports.models import AnnualReport, ReportVersion
from gongkai.supervision.addresses import cell_label

ADDITIVE_KINDS = frozenset({Kind.COUNT, Kind.SIGNED, Kind.AMOUNT})

PUBLISHED = "published"
DRAFT = "draft"
SOURCE_LABELS = {PUBLISHED: "已发布", DRAFT: "草稿（由记录计算）"}


@dataclass
class Contribution:
    """What one agency brought to the total."""

    agency: Agency
    source: str | None  # PUBLISHED, DRAFT, or None: no report
    origin: str = ""  # a published version's origin (本系统生成 / 导入)
    version: int | None = None
    # The version was written in another year's format (a mis-filed import): shown, never summed.
    format_version: str = ""

    @property
    def counted(self) -> bool:
        return self.source is not None and not self.format_mismatch

    @property
    def format_mismatch(self) -> bool:
        return bool(self.format_version) and self.source is not None

    @property
    def source_label(self) -> str:
        if self.source is None:
            return "无报告"
        if self.format_mismatch:
            return f"格式不符（{self.format_version} 版）"
        return SOURCE_LABELS[self.source]


@dataclass
class Aggregate:
    name: str
    year: int
    format: ReportFormat
    published_only: bool
    cells: ReportCells  # the sums; None where no agency reported the cell
    contributions: list[Contribution]
    reported: dict[str, int] = field(default_factory=dict)  # address → agencies that reported it
    blank: dict[str, list[Agency]] = field(default_factory=dict)  # address → agencies that left it blank
    per_agency: dict[int, ReportCells] = field(default_factory=dict)  # agency id → its counted cells

    @property
    def agencies(self) -> list[Agency]:
        return [c.agency for c in self.contributions]

    @property
    def with_report(self) -> list[Agency]:
        return [c.agency for c in self.contributions if c.counted]

    @property
    def without_report(self) -> list[Agency]:
        return [c.agency for c in self.contributions if c.source is None]

    @property
    def not_counted(self) -> list[Agency]:
        """Agencies whose report could not be summed (another format), beside those with no report."""
        return [c.agency for c in self.contributions if c.source is not None and not c.counted]

    def missing(self, address: str) -> list[Agency]:
        """Who is not in this cell's total: blank in their report, or no report at all."""
        return self.blank.get(address, []) + [c.agency for c in self.contributions if not c.counted]

    def blank_cells(self) -> list[tuple[str, list[Agency]]]:
        return [(address, agencies) for address, agencies in self.blank.items() if agencies]

    def blank_cells_labelled(self) -> list[tuple[str, str, list[Agency]]]:
        return [
            (address, cell_label(self.format, address), agencies) for address, agencies in self.blank_cells()
        ]

    def to_dict(self) -> dict:
        """The cells in the shape of docs/report-format.md, plus `coverage` keyed by agency code."""
        out = self.cells.to_dict(sections={})
        out["coverage"] = {
            "published_only": self.published_only,
            "agencies": [
                {
                    "code": c.agency.code,
                    "name": c.agency.name,
                    "source": c.source,
                    "origin": c.origin or None,
                    "version": c.version,
                    "counted": c.counted,
                }
                for c in self.contributions
            ],
            "without_report": [a.code for a in self.without_report],
            "cells": {
                address: {"reported": self.reported[address], "blank": [a.code for a in self.blank[address]]}
                for address in self.reported
            },
        }
        return out


def _latest_versions(agency_ids, year: int) -> dict[int, ReportVersion]:
    """agency id → its report's latest published version for `year`, in one query."""
    newest = ReportVersion.objects.filter(report=OuterRef("report")).order_by("-number").values("number")[:1]
    versions = (
        ReportVersion.objects.filter(report__agency_id__in=agency_ids, report__year=year)
        .filter(number=Subquery(newest))
        .annotate(agency_id=F("report__agency_id"))
        .only("report_id", "number", "origin", "format_version", "cells")
    )
    return {v.agency_id: v for v in versions}


@cache
def _paths(fmt: ReportFormat) -> tuple[tuple[str, tuple[str, ...], Kind], ...]:
    return tuple((address, tuple(address.split(".")), column.kind) for address, column in fmt.cells())


def _read(node, path: tuple[str, ...], kind: Kind) -> Value:
    for key in path:
        if not isinstance(node, dict):
            raise TypeError(key)
        node = node.get(key)
        if node is None:
            return None  # absent or null: blank
    if isinstance(node, bool) or not isinstance(node, int | float):
        raise TypeError(node)
    if kind is Kind.AMOUNT:
        return Decimal(str(node)) if isinstance(node, float) else Decimal(node)
    return int(node) if isinstance(node, float) and node.is_integer() else node


def _version_cells(version: ReportVersion, agency: Agency, year: int) -> ReportCells:
    """The cells of a stored version, read by the format's addresses.

    Versions were validated by gongkai.formats.cells when stored; reading them again through
    cells_from_dict, which checks every key against every address, would cost most of a subtree's time.
    """
    try:
        fmt = get_format(version.format_version)
        data = version.cells
        values = {address: _read(data, path, kind) for address, path, kind in _paths(fmt)}
    except (KeyError, TypeError) as e:
        # A row that no longer reads is a data fault to fix, not to skip.
        raise ValueError(f"{agency.name}{year}年报告第{version.number}版的单元格无法读取：{e}") from None
    return ReportCells(fmt, agency.name, year, values)


def _draft_cells(agency: Agency, year: int) -> ReportCells:
    from gongkai.reports.compute import build_cells

    return build_cells(agency, year)


def report_cells(agency: Agency, year: int, *, published_only: bool) -> ReportCells | None:
    version = _latest_versions([agency.pk], year).get(agency.pk)
    if version is not None:
        return _version_cells(version, agency, year)
    if published_only or not AnnualReport.objects.filter(agency=agency, year=year).exists():
        return None
    return _draft_cells(agency, year)


def in_tree_order(agencies: list[Agency]) -> list[Agency]:
    """Parents before their children, siblings by name: the order the supervision pages list them in."""
    by_parent: dict[int | None, list[Agency]] = {}
    ids = {a.pk for a in agencies}
    for agency in agencies:
        parent = agency.parent_id if agency.parent_id in ids else None
        by_parent.setdefault(parent, []).append(agency)
    ordered: list[Agency] = []

    def walk(parent):
        for agency in sorted(by_parent.get(parent, []), key=lambda a: a.name):
            ordered.append(agency)
            walk(agency.pk)

    walk(None)
    return ordered


def aggregate_of(agencies, year: int, *, published_only: bool, name: str) -> Aggregate:
    fmt = format_for_year(year)  # ValueError (Chinese) for a year no format covers
    agencies = in_tree_order(list(agencies))
    ids = [a.pk for a in agencies]
    versions = _latest_versions(ids, year)
    in_progress = set()
    if not published_only:
        in_progress = set(
            AnnualReport.objects.filter(agency_id__in=ids, year=year)
            .exclude(agency_id__in=list(versions))
            .values_list("agency_id", flat=True)
        )

    contributions = []
    per_agency: dict[int, ReportCells] = {}
    for agency in agencies:
        version = versions.get(agency.pk)
        if version is not None:
            contribution = Contribution(agency, PUBLISHED, version.origin, version.number)
            if version.format_version != fmt.version:
                contribution.format_version = version.format_version
            else:
                per_agency[agency.pk] = _version_cells(version, agency, year)
        elif agency.pk in in_progress:
            contribution = Contribution(agency, DRAFT)
            per_agency[agency.pk] = _draft_cells(agency, year)
        else:
            contribution = Contribution(agency, None)
        contributions.append(contribution)

    total = ReportCells.blank(fmt, name, year)
    reported: dict[str, int] = {}
    blank: dict[str, list[Agency]] = {}
    counted = [(c.agency, per_agency[c.agency.pk].values) for c in contributions if c.agency.pk in per_agency]
    for address, column in fmt.cells():
        if column.kind not in ADDITIVE_KINDS:
            continue
        values: list[Value] = []
        blank[address] = []
        for agency, cells in counted:
            value = cells[address]
            if value is None:
                blank[address].append(agency)
            else:
                values.append(value)
        reported[address] = len(values)
        total[address] = _sum(values, column.kind) if values else None
    return Aggregate(
        name=name,
        year=year,
        format=fmt,
        published_only=published_only,
        cells=total,
        contributions=contributions,
        reported=reported,
        blank=blank,
        per_agency=per_agency,
    )


def _sum(values: list[Value], kind: Kind) -> Value:
    total = sum(values)
    return Decimal(total) if kind is Kind.AMOUNT else total


def aggregate(root: Agency, year: int, *, published_only: bool) -> Aggregate:
    agencies = Agency.objects.filter(pk__in=Agency.subtree_ids([root.pk]))
    return aggregate_of(agencies, year, published_only=published_only, name=root.name)
