"""Each agency's report on last year: its status and its due date (31 January; 31 March for a government's
own report, gongkai.rules.report_dates), for the workspace and the reminders.

    report_rows(agencies, today) -> [ReportRow]   one per agency, for the year due this season
"""

from dataclasses import dataclass
from datetime import date

from gongkai.reports.models import AnnualReport, ReportStatus
from gongkai.rules.report_dates import report_due


@dataclass(frozen=True)
class ReportRow:
    agency: object
    year: int
    due: date
    report: AnnualReport | None
    days_left: int  # negative when overdue

    @property
    def published(self) -> bool:
        return self.report is not None and self.report.versions.exists()

    @property
    def status_label(self) -> str:
        if self.report is None:
            return "尚未起草"
        if self.published and self.report.status == ReportStatus.PUBLISHED:
            return "已发布"
        label = ReportStatus(self.report.status).label
        return f"{label}（更正中）" if self.published else label

    @property
    def overdue(self) -> bool:
        return self.days_left < 0 and not self.published


def report_rows(agencies, today: date) -> list[ReportRow]:
    year = today.year - 1
    agencies = list(agencies)
    reports = {r.agency_id: r for r in AnnualReport.objects.filter(agency__in=agencies, year=year)}
    rows = []
    for agency in agencies:
        due = report_due(year, government=agency.is_government)
        rows.append(ReportRow(agency, year, due, reports.get(agency.pk), (due - today).days))
    return sorted(rows, key=lambda r: (r.published, r.due, r.agency.name))
