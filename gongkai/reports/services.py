"""What people do with an annual report. Views stay thin; every step is one transaction and audited.

    open_report(agency, year, *, actor) -> AnnualReport      the report, drafted from the records if new
    save_sections(report, sections, *, actor)                staff text, 【markers】 stored as placeholders
    redraft_section_one(report, *, actor)                    gongkai's §一 statistical draft again
    record_early_reason(report, *, actor, reason)            why the year is published before it ends
    check(report, *, actor) -> list[finding]                 A1–A10 and completeness; 已校验 when no error
    submit(report, *, actor, notify=None)                    提请审定: the leader's 待办
    approve(report, *, actor)                                the leader's 审定 of the checked content
    return_to_draft(report, *, actor, opinion)               the leader's 退回 with 意见
    request_publication(report, *, actor, publish_later, reason="")   发布中: the worker publishes it
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
from gongkai.reports.checking import completeness, errors_in, findings_for
from gongkai.reports.content import live_content
from gongkai.reports.drafting import draft_sections
from gongkai.reports.markers import from_markers
from gongkai.reports.markers import names as marker_names
from gongkai.reports.models import (
    AnnualReport,
    FileKind,
    Origin,
    ReportFile,
    ReportStatus,
    ReportVersion,
    YearUnlock,
)
from gongkai.rules.report_review import next_steps, publishes_early, required_sections

STEP_NAMES = {
    "edit": "编辑正文",
    "redraft": "重新起草",
    "check": "校验",
    "submit": "提请审定",
    "approve": "审定",
    "return": "退回",
    "publish": "发布",
}


class ReportError(Exception):
    """A step that is not allowed; str(error) is the message shown to the person."""


def steps(report: AnnualReport) -> frozenset[str]:
    return next_steps(report.status, locked=report.locked)


def _require_step(report: AnnualReport, step: str) -> None:
    if step in steps(report):
        return
    if report.status == ReportStatus.PUBLISHING:
        raise ReportError("报告正在发布，请稍候。")
    if report.locked:
        raise ReportError(
            f"{report.year}年度报告已发布，年度记录已锁定，不能{STEP_NAMES[step]}；如需更正，请由管理员解锁年度后发布更正版本。"
        )
    if report.status == ReportStatus.SUBMITTED:
        raise ReportError("报告已提请领导审定，审定或退回前不能修改。")
    raise ReportError(
        {
            "submit": "只有校验通过（没有错误）的报告可以提请审定。",
            "approve": "只有已提请审定的报告可以审定。",
            "return": "只有已提请审定的报告可以退回。",
            "publish": "报告须先经校验并由领导审定，才能发布。",
        }.get(step, f"当前状态（{report.get_status_display()}）不能{STEP_NAMES[step]}。")
    )


def required_of(content) -> tuple[str, ...]:
    fees = content.facts.get("fees", {})
    return required_sections(
        fees_charged=bool(fees.get("cases")), fees_in_section6=content.cells.format.fees_in_section6
    )


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
    if report.status in (
        ReportStatus.CHECKED,
        ReportStatus.SUBMITTED,
        ReportStatus.APPROVED,
        ReportStatus.PUBLISHING,
    ):
        report.status = ReportStatus.DRAFT
    report.checked_fingerprint = ""
    report.approved_at = report.approved_by = None


def save_sections(report: AnnualReport, sections: dict, *, actor) -> AnnualReport:
    """Save the text as typed; 【markers】 of known figures are stored as placeholders, a marker nobody knows
    stays as typed (nothing is lost) and the check reports it as an error."""
    report = _fresh(report)
    require(actor, "report.edit", report.agency)
    _require_step(report, "edit")
    content = live_content(report)
    labels = marker_names(content.cells.format, content.values)
    cleaned = {}
    for number in SECTION_NUMBERS:
        text = (sections.get(number) or "").replace("\r\n", "\n").strip()
        cleaned[number] = from_markers(text, labels)
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
    _require_step(report, "redraft")
    content = live_content(report)
    drafted = draft_sections(report.agency, report.year, content.cells.format, content.facts, content.values)
    sections = dict(report.sections)
    sections["一"] = drafted["一"]
    return save_sections(report, sections, actor=actor)


def _fresh(report: AnnualReport) -> AnnualReport:
    """The stored report: a caller's copy may predate the last edit."""
    return AnnualReport.objects.select_related("agency").get(pk=report.pk)


def record_early_reason(report: AnnualReport, *, actor, reason: str) -> AnnualReport:
    """Why the report is published before its year ends; recorded, audited, and checked again."""
    report = _fresh(report)
    require(actor, "report.edit", report.agency, what="填写提前发布理由")
    _require_step(report, "edit")
    reason = (reason or "").strip()
    with transaction.atomic():
        report = _locked(report)
        report.early_reason = reason
        _back_to_draft(report)
        report.save()
        audit.record(
            "report.early_reason",
            actor=actor,
            agency=report.agency,
            target=report,
            details={"reason": reason},
        )
    return report


def check(report: AnnualReport, *, actor, today=None) -> list[dict]:
    report = _fresh(report)
    require(actor, "report.check", report.agency)
    _require_step(report, "check")
    content = live_content(report)
    findings = completeness(report, content, today or timezone.localdate())
    findings += findings_for(content, report.agency, report.year)
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


def submit(report: AnnualReport, *, actor, notify=None) -> AnnualReport:
    """提请审定: the checked report waits on the leaders' 待办; `notify(report_id)` (the screens pass the
    background task that mails the leaders) runs once the step is committed."""
    report = _fresh(report)
    require(actor, "report.edit", report.agency, what="提请审定")
    _require_step(report, "submit")
    _still_as_checked(report)
    with transaction.atomic():
        report = _locked(report)
        report.status = ReportStatus.SUBMITTED
        report.submitted_at = timezone.now()
        report.submitted_by = actor
        report.save()
        audit.record("report.submit", actor=actor, agency=report.agency, target=report, details={})
        if notify is not None:
            pk = report.pk
            transaction.on_commit(lambda: notify(pk))
    return report


def approve(report: AnnualReport, *, actor) -> AnnualReport:
    report = _fresh(report)
    require(actor, "report.approve", report.agency)
    _require_step(report, "approve")
    _still_as_checked(report)
    with transaction.atomic():
        report = _locked(report)
        report.status = ReportStatus.APPROVED
        report.approved_at = timezone.now()
        report.approved_by = actor
        report.return_opinion = ""
        report.save()
        audit.record("report.approve", actor=actor, agency=report.agency, target=report, details={})
    return report


def return_to_draft(report: AnnualReport, *, actor, opinion: str) -> AnnualReport:
    """退回: the leader sends the report back with an opinion the office sees on the report."""
    report = _fresh(report)
    require(actor, "report.approve", report.agency, what="退回年度报告")
    _require_step(report, "return")
    opinion = (opinion or "").strip()
    if not opinion:
        raise ReportError("退回须填写意见，说明需要修改的内容。")
    with transaction.atomic():
        report = _locked(report)
        _back_to_draft(report)
        report.return_opinion = opinion
        report.returned_at = timezone.now()
        report.returned_by = actor
        report.save()
        audit.record(
            "report.return", actor=actor, agency=report.agency, target=report, details={"opinion": opinion}
        )
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


def _publishable(report: AnnualReport, reason: str, today=None):
    """The content to publish, or ReportError saying what stands in the way."""
    if report.status not in (ReportStatus.APPROVED, ReportStatus.PUBLISHING):
        raise ReportError("报告须先经校验并由领导审定，才能发布。")
    previous = report.latest_version()
    if previous is not None and not reason:
        raise ReportError(f"该报告已发布第{previous.number}版；发布更正版本须说明更正理由。")
    if publishes_early(report.year, today or timezone.localdate()) and not report.early_reason.strip():
        raise ReportError(f"{report.year}年尚未结束，提前发布须先记录提前发布理由。")
    content = live_content(report)
    empty = [n for n in required_of(content) if not (report.sections.get(n) or "").strip()]
    if empty:
        raise ReportError(f"第{'、'.join(empty)}部分尚未填写，不能发布。")
    return _still_as_checked(report)


def request_publication(report: AnnualReport, *, actor, publish_later, reason: str = "") -> AnnualReport:
    """发布中: the approved report is published by the background worker (rendering takes seconds):
    `publish_later(report_id, actor_id)` queues it (the screens pass gongkai.reports.tasks'
    publish_in_background.enqueue) once the state is committed."""
    report = _fresh(report)
    require(actor, "report.publish", report.agency)
    reason = (reason or "").strip()
    if report.status == ReportStatus.PUBLISHING:
        raise ReportError("报告正在发布，请稍候。")
    _publishable(report, reason)
    with transaction.atomic():
        report = _locked(report)
        report.status = ReportStatus.PUBLISHING
        report.publish_reason = reason
        report.publish_error = ""
        report.save()
        audit.record(
            "report.publish.request",
            actor=actor,
            agency=report.agency,
            target=report,
            details={"reason": reason},
        )
        pk, actor_pk = report.pk, actor.pk
        transaction.on_commit(lambda: publish_later(pk, actor_pk))
    return report


def publication_failed(report: AnnualReport, message: str) -> None:
    """The worker could not publish: the report is approved again, with the reason shown on its page."""
    with transaction.atomic():
        report = _locked(report)
        if report.status == ReportStatus.PUBLISHING:
            report.status = ReportStatus.APPROVED
        report.publish_error = message
        report.save()


def publish(report: AnnualReport, *, actor, reason: str = "") -> ReportVersion:
    report = _fresh(report)
    require(actor, "report.publish", report.agency)
    reason = (reason or "").strip()
    content = _publishable(report, reason)
    files = render_files(content)
    with transaction.atomic():
        report = _locked(report)
        previous = report.latest_version()
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
        report.publish_reason = report.publish_error = ""
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
