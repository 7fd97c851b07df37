"""Workspace screens of the annual report (namespace `reports`).

Reports are loaded through gongkai.agencies.access.load_authorized, so another agency's report is a 404 and
a step the person's roles do not allow (the `report.*` actions) a 403 with its reason; the services check
again and refuse a step out of order with a Chinese message. Destructive or final steps (publish, unlock,
redraft) ask for confirmation on a page of their own.
"""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.agencies.access import agencies_visible_to, agencies_where, allowed_actions, load_authorized
from gongkai.formats.registry import get_format
from gongkai.formats.render.html import render_html_fragment
from gongkai.reports import services
from gongkai.reports.access import reports_visible_to
from gongkai.reports.charts import charts_by_section
from gongkai.reports.content import live_content, version_content
from gongkai.reports.deadlines import report_rows
from gongkai.reports.forms import (
    EarlyReasonForm,
    OpenReportForm,
    OpinionForm,
    PublishForm,
    ReasonForm,
    SectionsForm,
)
from gongkai.reports.markers import catalogue, to_markers, unknown_markers
from gongkai.reports.models import AnnualReport, FileKind, ReportFile, ReportStatus
from gongkai.reports.narrative import placeholders
from gongkai.reports.tasks import notify_leaders, publish_in_background
from gongkai.rules.report_review import publishes_early

# The steps of gongkai.rules.report_review and the permission each needs.
STEP_ACTIONS = {
    "edit": "report.edit",
    "redraft": "report.edit",
    "check": "report.check",
    "submit": "report.edit",
    "approve": "report.approve",
    "return": "report.approve",
    "publish": "report.publish",
    "correct": "report.unlock",
}
REFRESH_SECONDS = 3

CONTENT_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.HTML: "text/html; charset=utf-8",
    FileKind.SOURCE: "application/octet-stream",
}


def with_report(action: str | None = None):
    """The view gets the agency's report on the year of its address, if the person may take `action`."""
    return load_authorized(
        AnnualReport.objects.select_related("agency"), action, lookup={"agency__code": "code", "year": "year"}
    )


def _detail_url(report) -> str:
    return reverse("reports:detail", args=[report.agency.code, report.year])


@login_required
def index(request):
    agencies = agencies_visible_to(request.user).order_by("name")
    editable = agencies_where(request.user, "report.edit")
    form = OpenReportForm(request.POST or None, agencies=editable)
    if request.method == "POST" and form.is_valid():
        agency = next(a for a in editable if a.code == form.cleaned_data["agency"])
        try:
            report = services.open_report(agency, form.cleaned_data["year"], actor=request.user)
        except (ValueError, services.ReportError) as e:
            form.add_error("year", str(e))
        else:
            return redirect(_detail_url(report))
    return render(
        request,
        "reports/index.html",
        {
            "rows": report_rows(agencies, timezone.localdate()),
            "reports": reports_visible_to(request.user).order_by("agency__name", "-year"),
            "form": form,
            "can_open": editable.exists(),
        },
    )


def _preview(content) -> str:
    return render_html_fragment(
        content.cells,
        content.sections,
        content.contact,
        charts=charts_by_section(content.charts),
        for_page=True,
    )


def _offered(user, report) -> set[str]:
    """The steps this person may take on the report now."""
    allowed = allowed_actions(user, report.agency)
    return {step for step in services.steps(report) if STEP_ACTIONS[step] in allowed}


@login_required
@with_report()
def detail(request, report):
    content = live_content(report)
    version = report.latest_version()
    errors = [f for f in report.findings if f["severity"] == "error"]
    offered = _offered(request.user, report)
    return render(
        request,
        "reports/detail.html",
        {
            "report": report,
            "preview": _preview(content),
            "findings": report.findings,
            "errors": errors,
            "checked_current": bool(report.checked_fingerprint)
            and report.checked_fingerprint == content.fingerprint(),
            "versions": report.versions.prefetch_related("files").order_by("-number"),
            "latest": version,
            "unlocks": report.unlocks.select_related("unlocked_by"),
            "empty_sections": [
                n for n in services.required_of(content) if not (report.sections.get(n) or "").strip()
            ],
            "offered": offered,
            "early": publishes_early(report.year, timezone.localdate()) and not report.locked,
            "early_form": EarlyReasonForm(initial={"early_reason": report.early_reason}),
            "refresh": REFRESH_SECONDS if report.status == ReportStatus.PUBLISHING else None,
            "drafts": report.status != ReportStatus.PUBLISHED,
        },
    )


@login_required
@with_report("report.edit")
def edit(request, report):
    fmt = get_format(report.format_version)
    content = live_content(report)
    groups = catalogue(fmt, content.values)
    labels = {m.name: m.label for group in groups for m in group.markers}
    shown = {n: to_markers(text, labels) for n, text in report.sections.items()}
    form = SectionsForm(request.POST or None, fmt=fmt, initial=shown)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_sections(report, form.cleaned_data, actor=request.user)
        except services.ReportError as e:
            form.add_error(None, str(e))  # the typed text stays in the form
        else:
            unknown = [f"【{m}】" for text in saved.sections.values() for m in unknown_markers(text)]
            if unknown:
                messages.warning(
                    request,
                    f"正文已保存，但数据标记{'、'.join(unknown)}不存在，校验时将列为错误；"
                    "请从“可用数据”中选择正确的标记。",
                )
            else:
                messages.success(request, "正文已保存。报告需重新校验。")
            return redirect(_detail_url(report))
    used = set()
    for text in report.sections.values():
        used.update(placeholders(text))
    return render(
        request,
        "reports/edit.html",
        {"report": report, "form": form, "groups": groups, "used": used},
    )


def _service_step(request, report, step, success: str):
    try:
        step()
    except services.ReportError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, success)
    return redirect(_detail_url(report))


@login_required
@require_POST
@with_report("report.check")
def check(request, report):
    try:
        findings = services.check(report, actor=request.user)
    except services.ReportError as e:
        messages.error(request, str(e))
    else:
        errors = sum(f["severity"] == "error" for f in findings)
        if errors:
            messages.error(request, f"校验发现 {errors} 个须更正的错误，更正后重新校验，方可提请审定。")
        elif findings:
            messages.success(request, f"校验通过（另有警告 {len(findings)} 个，请核对），可提请领导审定。")
        else:
            messages.success(request, "校验通过，可提请领导审定。")
    return redirect(_detail_url(report))


@login_required
@require_POST
@with_report("report.edit")
def submit(request, report):
    return _service_step(
        request,
        report,
        lambda: services.submit(report, actor=request.user, notify=notify_leaders.enqueue),
        "已提请领导审定，领导将在工作台待办中看到该报告。",
    )


@login_required
@require_POST
@with_report("report.approve")
def approve(request, report):
    return _service_step(
        request, report, lambda: services.approve(report, actor=request.user), "已审定，可以发布。"
    )


@login_required
@with_report("report.approve")
def return_report(request, report):
    form = OpinionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.return_to_draft(report, actor=request.user, opinion=form.cleaned_data["opinion"])
        except services.ReportError as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, "已退回，报告编写人将按意见修改后重新提请审定。")
            return redirect(_detail_url(report))
    return render(request, "reports/return.html", {"report": report, "form": form})


@login_required
@require_POST
@with_report("report.edit")
def early_reason(request, report):
    form = EarlyReasonForm(request.POST)
    if form.is_valid():
        reason = form.cleaned_data["early_reason"]
        return _service_step(
            request,
            report,
            lambda: services.record_early_reason(report, actor=request.user, reason=reason),
            "已记录提前发布理由，请重新校验。" if reason.strip() else "已撤销提前发布理由。",
        )
    return redirect(_detail_url(report))


@login_required
@with_report()
def draft_download(request, report, kind):
    from gongkai.reports.drafts import draft_file

    if kind not in (FileKind.PDF, FileKind.DOCX):
        raise Http404("没有该文件")
    data = draft_file(live_content(report), kind)
    name = f"{report.agency.name}{report.year}年政府信息公开工作年度报告（草稿）.{kind}"
    return FileResponse(io.BytesIO(data), as_attachment=True, filename=name, content_type=CONTENT_TYPES[kind])


@login_required
@with_report("report.publish")
def publish(request, report):
    form = PublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_publication(
                report,
                actor=request.user,
                publish_later=publish_in_background.enqueue,
                reason=form.cleaned_data["reason"],
            )
        except services.ReportError as e:
            form.add_error(None, str(e))
        else:
            report.refresh_from_db()
            if report.status == ReportStatus.PUBLISHED:
                number = report.latest_version().number
                messages.success(request, f"已发布第{number}版，{report.year}年度记录已锁定。")
            else:
                messages.success(request, "已开始发布：正在生成 PDF 和 Word 文件，完成后本页自动显示结果。")
            return redirect(_detail_url(report))
    return render(
        request, "reports/publish.html", {"report": report, "form": form, "latest": report.latest_version()}
    )


@login_required
@with_report("report.unlock")
def unlock(request, report):
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.unlock_year(report, actor=request.user, reason=form.cleaned_data["reason"])
        except services.ReportError as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, f"{report.year}年度已解锁。更正记录后请重新校验、审定并发布更正版本。")
            return redirect(_detail_url(report))
    return render(request, "reports/unlock.html", {"report": report, "form": form})


@login_required
@with_report("report.edit")
def redraft(request, report):
    if request.method == "POST":
        return _service_step(
            request,
            report,
            lambda: services.redraft_section_one(report, actor=request.user),
            "第一部分已按当前记录重新起草。",
        )
    return render(request, "reports/redraft.html", {"report": report})


@login_required
@with_report()
def version_file(request, report, number, kind):
    return file_response(report, number, kind)


def file_response(report, number: int, kind: str) -> FileResponse:
    found = ReportFile.objects.filter(version__report=report, version__number=number, kind=kind).first()
    if found is None:
        raise Http404("没有该文件")
    suffix = {FileKind.SOURCE: "", FileKind.HTML: ".html"}.get(kind, f".{kind}")
    name = f"{report.agency.name}{report.year}年政府信息公开工作年度报告（第{number}版）{suffix}"
    if kind == FileKind.SOURCE:
        name = found.version.source_name or f"{report.agency.code}-{report.year}-source"
    # Every file is a download: the standalone HTML carries its own style sheet, which a page under the
    # site's Content-Security-Policy could not apply.
    content = io.BytesIO(bytes(found.content))
    response = FileResponse(content, as_attachment=True, filename=name, content_type=CONTENT_TYPES[kind])
    response["X-Content-SHA256"] = found.sha256
    return response


def version_preview(version) -> str:
    return _preview(version_content(version))
