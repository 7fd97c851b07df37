"""The supervisor's tree: for every agency of a subtree, what needs the supervisor's attention.

    overview(agencies, year, today) -> [AgencyRow]   parents before children, each with its depth

Per agency: applications past their reply date (the work queues' clock, derived from the events on every
request, never a stored date), items published late under Art. 26 in `year`, catalogue categories that
missed their update frequency as of `today`, and the state of the annual report on `year`.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from gongkai.applications.fields import without_personal_data
from gongkai.applications.models import Application
from gongkai.applications.queues import build_queues
from gongkai.disclosure.models import Item
from gongkai.disclosure.timeliness import late_items, stale_categories
from gongkai.formats.checks import ERROR
from gongkai.reports.models import AnnualReport, ReportStatus, ReportVersion
from gongkai.rules.report_dates import report_due
from gongkai.supervision.aggregate import in_tree_order

MISSING, DRAFT, FAILING, LATE, PUBLISHED = "missing", "draft", "failing", "late", "published"


@dataclass(frozen=True)
class ReportState:
    """The report on a year as the supervisor sees it: published or not, late or not, checks failing."""

    year: int
    due: date
    report: AnnualReport | None
    published: bool
    late: bool
    failing: bool

    @property
    def key(self) -> str:
        if self.published:
            return PUBLISHED
        if self.late:
            return LATE
        if self.failing:
            return FAILING
        return DRAFT if self.report is not None else MISSING

    @property
    def labels(self) -> list[str]:
        if self.report is None:
            labels = ["尚未起草"]
        elif self.published:
            labels = ["已发布" if self.report.status == ReportStatus.PUBLISHED else "已发布（更正中）"]
        else:
            labels = [ReportStatus(self.report.status).label]
        if self.failing:
            labels.append("校验有错误")
        if self.late:
            labels.append(f"已逾期（应于{self.due.year}年{self.due.month}月{self.due.day}日前发布）")
        return labels


def report_state(agency, year: int, report, *, published: bool, today: date) -> ReportState:
    due = report_due(year, government=agency.is_government)
    failing = (
        report is not None
        and report.status != ReportStatus.PUBLISHED
        and any(f.get("severity") == ERROR for f in report.findings or [])
    )
    return ReportState(year, due, report, published, late=not published and today > due, failing=failing)


@dataclass
class AgencyRow:
    agency: object
    depth: int
    report: ReportState
    overdue: int = 0
    late_items: int = 0
    stale: list = field(default_factory=list)  # StaleCategory

    @property
    def attention(self) -> bool:
        return bool(self.overdue or self.late_items or self.stale or self.report.key != PUBLISHED)


def _depths(agencies) -> dict[int, int]:
    ids = {a.pk for a in agencies}
    parent = {a.pk: a.parent_id for a in agencies}
    depths: dict[int, int] = {}

    def depth(pk):
        if pk not in depths:
            up = parent[pk]
            depths[pk] = 0 if up not in ids else depth(up) + 1
        return depths[pk]

    for a in agencies:
        depth(a.pk)
    return depths


def overview(agencies, year: int, today: date) -> list[AgencyRow]:
    agencies = in_tree_order(list(agencies))
    ids = [a.pk for a in agencies]
    depths = _depths(agencies)
    reports = {r.agency_id: r for r in AnnualReport.objects.filter(agency_id__in=ids, year=year)}
    published = set(
        ReportVersion.objects.filter(report__agency_id__in=ids, report__year=year).values_list(
            "report__agency_id", flat=True
        )
    )
    overdue = Counter(
        row.application.agency_id
        for row in build_queues(
            without_personal_data(Application.objects.filter(agency_id__in=ids)), today
        ).overdue
    )
    late = Counter(
        row.item.agency_id for row in late_items(Item.objects.filter(agency_id__in=ids), year=year)
    )
    rows = []
    for agency in agencies:
        state = report_state(
            agency, year, reports.get(agency.pk), published=agency.pk in published, today=today
        )
        rows.append(
            AgencyRow(
                agency,
                depths[agency.pk],
                state,
                overdue=overdue[agency.pk],
                late_items=late[agency.pk],
                stale=stale_categories(agency, today),
            )
        )
    return rows
