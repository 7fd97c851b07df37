"""What a report says right now: cells and facts from the records, the narrative rendered with them, the
charts, the contact block — and the same for a published version, read back from what it froze.

    live_content(report) -> Content        the working draft, computed from records now
    version_content(version) -> Content    a published version, exactly as published
    current_content(report) -> Content     the published version if there is one, else the draft
    previous_cells(agency, year) -> ReportCells | None   for A6/A7: the previous year's published version,
                                                         else computed from the records
"""

import hashlib
import json
from dataclasses import dataclass, field

from gongkai.formats.cells import ReportCells, cells_from_dict, dumps
from gongkai.formats.declaration import SECTION_NUMBERS
from gongkai.formats.registry import format_for_year
from gongkai.reports import charts as chart_data
from gongkai.reports.narrative import bindings, render_sections


@dataclass
class Content:
    cells: ReportCells
    facts: dict
    template: dict  # the narrative as stored, placeholders included
    sections: dict  # the narrative as read, numbers filled in
    values: dict  # every bindable name → value
    charts: list
    contact: dict
    findings: list = field(default_factory=list)
    version: object = None

    def cells_json(self) -> dict:
        """The shape of docs/report-format.md as plain JSON (amounts as numbers)."""
        return json.loads(dumps(self.cells.to_dict(sections={})))

    def fingerprint(self) -> str:
        content = {"cells": self.cells_json(), "sections": self.sections, "facts": self.facts}
        canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def document(self) -> dict:
        """The JSON of `gongkai report build`: cells, sections 一 … 六, facts, findings, the contact block
        (as the HTML shows it) and the publication date (null for a draft)."""
        out = self.cells_json()
        out["sections"] = {n: self.sections.get(n, "") for n in SECTION_NUMBERS}
        out["contact"] = {"agency": self.cells.agency, **self.contact}
        out["published_on"] = published_on(self.version) if self.version is not None else None
        out["facts"] = json.loads(json.dumps(self.facts, ensure_ascii=False, default=str))
        out["findings"] = list(self.findings)
        if self.version is not None:
            out["version"] = {
                "number": self.version.number,
                "published_at": self.version.published_at.isoformat(),
                "origin": self.version.origin,
                "content_sha256": self.version.content_sha256,
            }
        return out


def published_on(version) -> str:
    """The day the version was published (an imported report: the date its source states), ISO 8601."""
    from django.utils import timezone

    return timezone.localtime(version.published_at).date().isoformat()


def computed_cells(agency, year: int) -> ReportCells:
    from gongkai.reports.compute import build_cells

    return build_cells(agency, year)


def live_content(report) -> Content:
    from gongkai.reports.compute import contact_of
    from gongkai.reports.facts import report_facts

    cells = computed_cells(report.agency, report.year)
    facts = report_facts(report.agency, report.year, cells)
    values = bindings(cells, facts)
    template = {n: report.sections.get(n, "") for n in SECTION_NUMBERS}
    return Content(
        cells=cells,
        facts=facts,
        template=template,
        sections=render_sections(template, values),
        values=values,
        charts=chart_data.report_charts(report.agency, report.year, cells),
        contact=contact_of(report.agency),
    )


def version_content(version) -> Content:
    cells = cells_from_dict(version.cells)
    cells.sections = {}
    return Content(
        cells=cells,
        facts=version.facts,
        template=version.sections_template,
        sections=version.sections,
        values={},
        charts=chart_data.from_json(version.charts),
        contact=version.contact,
        findings=version.findings,
        version=version,
    )


def current_content(report) -> Content:
    version = report.latest_version()
    return version_content(version) if version is not None else live_content(report)


def previous_cells(agency, year: int) -> ReportCells | None:
    from gongkai.reports.models import AnnualReport

    try:
        format_for_year(year - 1)
    except ValueError:
        return None  # no format for that year: nothing to compare with
    report = AnnualReport.objects.filter(agency=agency, year=year - 1).first()
    version = report.latest_version() if report else None
    if version is not None:
        cells = cells_from_dict(version.cells)
        # The previous report's agency name may have been written differently in an imported source.
        cells.agency = agency.name
        return cells
    return computed_cells(agency, year - 1)
