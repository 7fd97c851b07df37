"""What people do with an annual report. Views stay thin; every step is one transaction and audited.

    open_report(agency, year, *, actor) -> AnnualReport      the report, drafted from the records if new
    save_sections(report, sections, *, actor)                staff text; unknown placeholders refused
    redraft_section_one(report, *, actor)                    gongkai's §一 statistical draft again
    check(report, *, actor) -> list[finding]                 A1–A10; 已校验 when no error
    approve(report, *, actor)                                the leader's 审定 of the checked content
    publish(report, *, actor, reason="") -> ReportVersion    files, checksums, the year locked
    unlock_year(report, *, actor, reason)                    an administrator opens the year, audited
    store_imported(agency, year, *, cells, sections, source_name, source, provenance, actor, reason)
                                                             a report published elsewhere, as a version

ReportError carries the Chinese message for the person; a step their roles do not allow (the `report.*`
actions of gongkai.agencies.access) is NotAllowed.
"""

import hashlib
import json

from django.db import transaction
from django.utils import timezone

from gongkai import audit
from gongkai.agencies.access import require
from gongkai.formats.cells import CellsError, cells_from_dict
from gongkai.formats.declaration import SECTION_NUMBERS
from gongkai.formats.registry import format_for_year
from gongkai.reports import charts as chart_data
from gongkai.reports.checking import errors_in, findings_for
from gongkai.reports.content import live_content
from gongkai.reports.drafting import draft_sections
from gongkai.reports.models import (
    AnnualReport,
    FileKind,
    Origin,
    ReportFile,
    ReportStatus,
    ReportVersion,
    YearUnlock,
)
from gongkai.reports.narrative import unknown_placeholders

# Sections that are text only and must not be empty when the report is published.
TEXT_SECTIONS = ("一", "五", "六")


class ReportError(Exception):
    """A step that is not allowed; str(error) is the message shown to the person."""


def _locked(report: AnnualReport) -> AnnualReport:
    return AnnualReport.objects.select_for_update().select_related("agency").get(pk=report.pk)


def open_report(agency, year: int, *, actor=None) -> AnnualReport:
    """The agency's report on `year`, created with gongkai's draft if it does not exist yet."""
    fmt = format_for_year(year)  # ValueError (Chinese) for a year no format covers
    existing = AnnualReport.objects.filter(agency=agency, year=year).first()
    if existing is not None:
        return existing
    if actor is not None:
        require(actor, "report.edit", agency, what="新建年度报告")
    with transaction.atomic():
        report = AnnualReport(agency=agency, year=year, format_version=fmt.version)
        content = live_content(report)
        report.sections = draft_sections(agency, year, fmt, content.facts, content.values)
        report.save()
        audit.record("report.create", actor=actor, agency=agency, target=report, details={"year": year})
    return report


def _back_to_draft(report: AnnualReport) -> None:
    if report.status in (ReportStatus.CHECKED, ReportStatus.APPROVED):
        report.status = ReportStatus.DRAFT
    report.checked_fingerprint = ""
    report.approved_at = report.approved_by = None


def save_sections(report: AnnualReport, sections: dict, *, actor) -> AnnualReport:
    report = _fresh(report)
    require(actor, "report.edit", report.agency)
    content = live_content(report)
    problems = []
    cleaned = {}
    for number in SECTION_NUMBERS:
        text = (sections.get(number) or "").replace("\r\n", "\n").strip()
        for name in unknown_placeholders(text, content.values):
            problems.append(f"第{number}部分：数据占位“{{{{{name}}}}}”不存在，请从“可用数据”中选择。")
        cleaned[number] = text
    if problems:
        raise ReportError("".join(problems))
    with transaction.atomic():
        report = _locked(report)
        changed = [n for n in SECTION_NUMBERS if report.sections.get(n, "") != cleaned[n]]
        report.sections = cleaned
        if changed:
            _back_to_draft(report)
            if report.status == ReportStatus.PUBLISHED:
                report.status = ReportStatus.DRAFT  # a correction of a published report starts here
        report.save()
        audit.record(
            "report.edit", actor=actor, agency=report.agency, target=report, details={"sections": changed}
        )
    return report


def redraft_section_one(report: AnnualReport, *, actor) -> AnnualReport:
    report = _fresh(report)
    require(actor, "report.edit", report.agency, what="重新起草")
    content = live_content(report)
    drafted = draft_sections(report.agency, report.year, content.cells.format, content.facts, content.values)
    sections = dict(report.sections)
    sections["一"] = drafted["一"]
    return save_sections(report, sections, actor=actor)


def _fresh(report: AnnualReport) -> AnnualReport:
    """The stored report: a caller's copy may predate the last edit."""
    return AnnualReport.objects.select_related("agency").get(pk=report.pk)


def check(report: AnnualReport, *, actor) -> list[dict]:
    report = _fresh(report)
    require(actor, "report.check", report.agency)
    content = live_content(report)
    findings = findings_for(content, report.agency, report.year)
    with transaction.atomic():
        report = _locked(report)
        report.findings = findings
        report.checked_at = timezone.now()
        report.checked_by = actor
        if errors_in(findings):
            _back_to_draft(report)
            if report.status == ReportStatus.PUBLISHED:
                report.status = ReportStatus.DRAFT
        else:
            report.checked_fingerprint = content.fingerprint()
            report.approved_at = report.approved_by = None
            report.status = ReportStatus.CHECKED
        report.save()
        audit.record(
            "report.check",
            actor=actor,
            agency=report.agency,
            target=report,
            details={"errors": sum(f["severity"] == "error" for f in findings), "findings": len(findings)},
        )
    return findings


def _still_as_checked(report: AnnualReport):
    """The live content, or ReportError when it differs from what was checked (records or text changed)."""
    content = live_content(report)
    if content.fingerprint() != report.checked_fingerprint:
        with transaction.atomic():
            locked = _locked(report)
            _back_to_draft(locked)
            locked.save()
        raise ReportError("校验后报告内容（数据或正文）已发生变化，请重新校验。")
    return content


def approve(report: AnnualReport, *, actor) -> AnnualReport:
    report = _fresh(report)
    require(actor, "report.approve", report.agency)
    if report.status != ReportStatus.CHECKED:
        raise ReportError("只有已校验且没有错误的报告可以审定。")
    _still_as_checked(report)
    with transaction.atomic():
        report = _locked(report)
        report.status = ReportStatus.APPROVED
        report.approved_at = timezone.now()
        report.approved_by = actor
        report.save()
        audit.record("report.approve", actor=actor, agency=report.agency, target=report, details={})
    return report


def _file(version: ReportVersion, kind: str, content: bytes) -> ReportFile:
    return ReportFile.objects.create(
        version=version,
        kind=kind,
        content=content,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )


def render_files(content) -> dict[str, bytes]:
    from gongkai.formats.render import render

    charts = chart_data.charts_by_section(content.charts)
    return {
        FileKind.PDF: render("pdf", content.cells, content.sections, content.contact, charts=charts),
        FileKind.DOCX: render("docx", content.cells, content.sections, content.contact, charts=charts),
        FileKind.HTML: render("html", content.cells, content.sections, content.contact, charts=charts),
    }


def publish(report: AnnualReport, *, actor, reason: str = "") -> ReportVersion:
    report = _fresh(report)
    require(actor, "report.publish", report.agency)
    reason = (reason or "").strip()
    if report.status != ReportStatus.APPROVED:
        raise ReportError("报告须先经校验并由领导审定，才能发布。")
    empty = [n for n in TEXT_SECTIONS if not (report.sections.get(n) or "").strip()]
    if empty:
        raise ReportError(f"第{'、'.join(empty)}部分尚未填写，不能发布。")
    content = _still_as_checked(report)
    files = render_files(content)
    with transaction.atomic():
        report = _locked(report)
        previous = report.latest_version()
        if previous is not None and not reason:
            raise ReportError(f"该报告已发布第{previous.number}版；发布更正版本须说明更正理由。")
        version = ReportVersion.objects.create(
            report=report,
            number=(previous.number + 1) if previous else 1,
            origin=Origin.GENERATED,
            format_version=report.format_version,
            cells=content.cells_json(),
            sections=content.sections,
            sections_template=content.template,
            facts=json.loads(json.dumps(content.facts, ensure_ascii=False, default=str)),
            findings=report.findings,
            contact=content.contact,
            charts=chart_data.to_json(content.charts),
            reason=reason,
            content_sha256=content.fingerprint(),
            published_at=timezone.now(),
            published_by=actor,
        )
        for kind, data in files.items():
            _file(version, kind, data)
        report.status = ReportStatus.PUBLISHED
        report.locked = True
        report.save()
        YearUnlock.objects.filter(report=report, relocked_at__isnull=True).update(
            relocked_at=version.published_at
        )
        audit.record(
            "report.publish",
            actor=actor,
            agency=report.agency,
            target=report,
            details={
                "version": version.number,
                "reason": reason,
                "content_sha256": version.content_sha256,
                "files": {f.kind: f.sha256 for f in version.files.all()},
            },
        )
    return version


def unlock_year(report: AnnualReport, *, actor, reason: str) -> YearUnlock:
    report = _fresh(report)
    require(actor, "report.unlock", report.agency, what=f"解锁{report.year}年度")
    reason = (reason or "").strip()
    if not reason:
        raise ReportError("解锁须说明理由。")
    with transaction.atomic():
        report = _locked(report)
        if not report.locked:
            raise ReportError(f"{report.year}年度未锁定。")
        report.locked = False
        report.save()
        unlock = YearUnlock.objects.create(report=report, reason=reason, unlocked_by=actor)
        audit.record(
            "report.year.unlock",
            actor=actor,
            agency=report.agency,
            target=report,
            details={"year": report.year, "reason": reason},
        )
    return unlock


def store_imported(
    agency,
    year: int,
    *,
    cells: dict,
    sections: dict | None = None,
    source_name: str = "",
    source: bytes | None = None,
    provenance: dict | None = None,
    published_at=None,
    actor=None,
    reason: str = "",
) -> ReportVersion:
    """A report the agency published outside gongkai (read by the importer), stored as its published version.

    `cells` is the JSON of docs/report-format.md (cells may be null: blank in the source); the source file is kept
    with its SHA-256; the year is locked like any published year. A second import is a new version, whose
    `reason` is kept with it.
    """
    try:
        parsed = cells_from_dict(cells)
    except CellsError as e:
        raise ReportError(f"导入的单元格有误：{e}") from None
    sections = {n: (sections or {}).get(n, "") for n in SECTION_NUMBERS}
    canonical = json.dumps(
        {"cells": cells, "sections": sections}, sort_keys=True, ensure_ascii=False, default=str
    )
    with transaction.atomic():
        report, _ = AnnualReport.objects.get_or_create(
            agency=agency, year=year, defaults={"format_version": parsed.format.version, "sections": sections}
        )
        report = _locked(report)
        previous = report.latest_version()
        version = ReportVersion.objects.create(
            report=report,
            number=(previous.number + 1) if previous else 1,
            origin=Origin.IMPORTED,
            format_version=parsed.format.version,
            cells=cells,
            sections=sections,
            sections_template=sections,
            reason=reason or ("" if previous is None else "重新导入"),
            content_sha256=hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
            source_name=source_name,
            provenance=provenance or {},
            published_at=published_at or timezone.now(),
            published_by=actor,
        )
        if source is not None:
            _file(version, FileKind.SOURCE, source)
        report.status = ReportStatus.PUBLISHED
        report.locked = True
        report.save()
        audit.record(
            "report.import",
            actor=actor,
            agency=agency,
            target=report,
            details={
                "version": version.number,
                "source": source_name,
                "sha256": version.content_sha256,
                **({"reason": reason} if reason else {}),
            },
        )
    return version
