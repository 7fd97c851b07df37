"""Workspace screens of the annual report (namespace `reports`).

Every lookup goes through gongkai.reports.access, so another agency's report is a 404; what a person may do
is decided by the services, whose Chinese errors are shown as messages. Destructive or final steps
(publish, unlock, redraft) ask for confirmation on a page of their own.
"""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.agencies.access import agencies_visible_to, roles_of
from gongkai.formats.registry import get_format
from gongkai.formats.render.html import render_html_fragment
from gongkai.reports import services
from gongkai.reports.access import abilities, reports_visible_to, visible_report
from gongkai.reports.charts import charts_by_section
from gongkai.reports.content import live_content, version_content
from gongkai.reports.deadlines import report_rows
from gongkai.reports.forms import OpenReportForm, PublishForm, ReasonForm, SectionsForm
from gongkai.reports.models import FileKind, ReportFile
from gongkai.reports.narrative import placeholders

CONTENT_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.HTML: "text/html; charset=utf-8",
    FileKind.SOURCE: "application/octet-stream",
}


# What each step asks of the person, and how a refusal is worded (403: the page exists, the step is not theirs).
ABILITY_NEEDED = {
    "can_edit": "编辑年度报告须由本机关的登记员或管理员办理。",
    "can_check": "校验年度报告须由本机关的登记员、管理员或领导办理。",
    "can_approve": "审定年度报告须由本机关的领导办理。",
    "can_publish": "发布年度报告须由本机关的登记员、管理员或领导办理。",
    "can_unlock": "解锁年度须由本机关的管理员办理。",
}


def _require_ability(request, report, ability: str) -> None:
    if not abilities(request.user, report)[ability]:
        raise PermissionDenied(ABILITY_NEEDED[ability])


def _detail_url(report) -> str:
    return reverse("reports:detail", args=[report.agency.code, report.year])


def _editing_agencies(user):
    return [a for a in agencies_visible_to(user).order_by("name") if roles_of(user, a) & services.EDIT_ROLES]


@login_required
def index(request):
    agencies = agencies_visible_to(request.user).order_by("name")
    editable = _editing_agencies(request.user)
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
            "can_open": bool(editable),
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


@login_required
def detail(request, code, year):
    report = visible_report(request.user, code, year)
    content = live_content(report)
    version = report.latest_version()
    return render(
        request,
        "reports/detail.html",
        {
            "report": report,
            "preview": _preview(content),
            "findings": report.findings,
            "checked_current": bool(report.checked_fingerprint)
            and report.checked_fingerprint == content.fingerprint(),
            "versions": report.versions.prefetch_related("files").order_by("-number"),
            "latest": version,
            "unlocks": report.unlocks.select_related("unlocked_by"),
            "empty_sections": [
                n for n in services.TEXT_SECTIONS if not (report.sections.get(n) or "").strip()
            ],
            **abilities(request.user, report),
        },
    )


@login_required
def edit(request, code, year):
    report = visible_report(request.user, code, year)
    _require_ability(request, report, "can_edit")
    fmt = get_format(report.format_version)
    content = live_content(report)
    form = SectionsForm(request.POST or None, fmt=fmt, initial=report.sections)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_sections(report, form.cleaned_data, actor=request.user)
        except services.ReportError as e:
            form.add_error(None, str(e))  # the typed text stays in the form
        else:
            messages.success(request, "正文已保存。报告需重新校验。")
            return redirect(_detail_url(report))
    used = set()
    for text in report.sections.values():
        used.update(placeholders(text))
    values = sorted(content.values.items(), key=lambda kv: (kv[0].startswith("section"), kv[0]))
    return render(
        request,
        "reports/edit.html",
        {"report": report, "form": form, "values": values, "used": used},
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
def check(request, code, year):
    report = visible_report(request.user, code, year)
    _require_ability(request, report, "can_check")
    try:
        findings = services.check(report, actor=request.user)
    except services.ReportError as e:
        messages.error(request, str(e))
    else:
        errors = sum(f["severity"] == "error" for f in findings)
        if errors:
            messages.error(request, f"校验发现 {errors} 个错误，请更正后重新校验。")
        else:
            messages.success(request, f"校验通过（警告 {len(findings)} 个），可提请领导审定。")
    return redirect(_detail_url(report))


@login_required
@require_POST
def approve(request, code, year):
    report = visible_report(request.user, code, year)
    _require_ability(request, report, "can_approve")
    return _service_step(
        request, report, lambda: services.approve(report, actor=request.user), "已审定，可以发布。"
    )


@login_required
def publish(request, code, year):
    report = visible_report(request.user, code, year)
    _require_ability(request, report, "can_publish")
    form = PublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.publish(report, actor=request.user, reason=form.cleaned_data["reason"])
        except services.ReportError as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, f"已发布第{version.number}版，{report.year}年度记录已锁定。")
            return redirect(_detail_url(report))
    return render(
        request, "reports/publish.html", {"report": report, "form": form, "latest": report.latest_version()}
    )


@login_required
def unlock(request, code, year):
    report = visible_report(request.user, code, year)
    _require_ability(request, report, "can_unlock")
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
def redraft(request, code, year):
    report = visible_report(request.user, code, year)
    _require_ability(request, report, "can_edit")
    if request.method == "POST":
        return _service_step(
            request,
            report,
            lambda: services.redraft_section_one(report, actor=request.user),
            "第一部分已按当前记录重新起草。",
        )
    return render(request, "reports/redraft.html", {"report": report})


@login_required
def version_file(request, code, year, number, kind):
    report = visible_report(request.user, code, year)
    return file_response(report, number, kind)


def file_response(report, number: int, kind: str) -> HttpResponse:
    found = ReportFile.objects.filter(version__report=report, version__number=number, kind=kind).first()
    if found is None:
        raise Http404("没有该文件")
    suffix = {FileKind.SOURCE: "", FileKind.HTML: ".html"}.get(kind, f".{kind}")
    name = f"{report.agency.name}{report.year}年政府信息公开工作年度报告（第{number}版）{suffix}"
    if kind == FileKind.SOURCE:
        name = found.version.source_name or f"{report.agency.code}-{report.year}-source"
    response = HttpResponse(bytes(found.content), content_type=CONTENT_TYPES[kind])
    # Every file is a download: the standalone HTML carries its own style sheet, which a page under the
    # site's Content-Security-Policy could not apply.
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    response["X-Content-SHA256"] = found.sha256
    return response


def version_preview(version) -> str:
    return _preview(version_content(version))
