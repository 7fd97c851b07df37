"""Checks across reports that no single report can show.

parent_vs_children(parent, children, year) -> ParentCheck
    the parent's own published cells against the sum of its children's published cells: for a parent
    whose report states the total of its children, every cell that differs, and by how much.
cross_year(agencies, year, *, published_only) -> CrossYear
    rules A6 (上年结转 = last year's 结转下年度) and A7 (现行有效件数 carried forward) of
    gongkai.formats.checks over the summed reports of the agencies that reported in both years, so that
    an agency reporting in one year only does not show up as a difference.
"""

from dataclasses import dataclass, field

from gongkai.formats.cells import ReportCells, Value
from gongkai.formats.checks import Finding, check_a6, check_a7
from gongkai.formats.registry import format_for_year
from gongkai.supervision.addresses import cell_label
from gongkai.supervision.aggregate import ADDITIVE_KINDS, Aggregate, aggregate_of, report_cells


@dataclass(frozen=True)
class Difference:
    address: str
    label: str
    parent: Value
    children: Value

    @property
    def difference(self) -> Value:
        return self.parent - self.children


@dataclass
class ParentCheck:
    parent: object
    year: int
    parent_cells: ReportCells | None  # None: the parent has published nothing for the year
    children: Aggregate
    differences: list[Difference] = field(default_factory=list)
    compared: int = 0  # cells both sides reported

    @property
    def possible(self) -> bool:
        return self.parent_cells is not None and bool(self.children.with_report)


def parent_vs_children(parent, children, year: int) -> ParentCheck:
    total = aggregate_of(children, year, published_only=True, name=f"{parent.name}下级机关合计")
    own = report_cells(parent, year, published_only=True)
    check = ParentCheck(parent, year, own, total)
    if not check.possible or own.format is not total.format:
        return check
    for address, column in total.format.cells():
        if column.kind not in ADDITIVE_KINDS:
            continue
        mine, theirs = own[address], total.cells[address]
        if mine is None or theirs is None:
            continue
        check.compared += 1
        if mine != theirs:
            check.differences.append(Difference(address, cell_label(total.format, address), mine, theirs))
    return check


@dataclass
class CrossYear:
    year: int
    agencies: list  # counted in both years
    left_out: list  # reported in only one of the two years (or in neither)
    findings: list[Finding] = field(default_factory=list)

    def labelled(self) -> list[tuple[Finding, list[str]]]:
        fmt = format_for_year(self.year)
        return [(f, [cell_label(fmt, a) for a in f.cells]) for f in self.findings]


def cross_year(agencies, year: int, *, published_only: bool, name: str) -> CrossYear:
    agencies = list(agencies)
    this = aggregate_of(agencies, year, published_only=published_only, name=name)
    try:
        before = aggregate_of(agencies, year - 1, published_only=published_only, name=name)
    except ValueError:
        return CrossYear(year, [], agencies)  # no format for the year before: nothing to compare with
    both = {a.pk for a in this.with_report} & {a.pk for a in before.with_report}
    common = [a for a in this.agencies if a.pk in both]
    result = CrossYear(year, common, [a for a in this.agencies if a.pk not in both])
    if not common:
        return result
    this = aggregate_of(common, year, published_only=published_only, name=name)
    before = aggregate_of(common, year - 1, published_only=published_only, name=name)
    result.findings = check_a6(this.cells, before.cells) + check_a7(this.cells, before.cells)
    return result
