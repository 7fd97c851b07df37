"""Workspace screens of the report import (namespace `imports`): upload, review side by side, save, discard.

Every lookup goes through gongkai.importer.pending, so another agency's pending import is a 404; who may act
is decided by the services, whose Chinese errors are shown on the page. Saving and discarding ask for
confirmation on a page of their own.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from gongkai.agencies.access import NotAllowed, authorized
from gongkai.formats.registry import get_format
from gongkai.importer import external
from gongkai.importer import pending as services
from gongkai.importer.corrections import cell_names
from gongkai.importer.forms import CorrectionForm, ExternalAgencyForm, SaveForm, UploadForm
from gongkai.importer.models import ImportStatus, PendingImport
from gongkai.importer.review import anchored, tables, unread_entries, unread_reasons
from gongkai.importer.tasks import read_pending_import
from gongkai.importer.uploads import KINDS
from gongkai.rules.report_review import under_read

OPEN = (ImportStatus.READING, ImportStatus.UNREADABLE, ImportStatus.PENDING)
# How often the status page of a reading in progress asks again, in seconds.
REFRESH_SECONDS = 3


def _review_url(pending) -> str:
    return reverse("imports:review", args=[pending.pk])


def _actable(request, pk):
    return authorized(request.user, PendingImport.objects.select_related("agency"), "report.import", pk=pk)


@login_required
def index(request):
    agencies = services.importing_agencies(request.user)
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        agencies=agencies,
        initial={"agency": request.GET.get("agency")},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            agency = next(a for a in agencies if a.code == form.cleaned_data["agency"])
            upload = form.cleaned_data["file"]
            try:
                pending = services.upload(
                    agency,
                    form.content,
                    upload.name,
                    actor=request.user,
                    read_later=read_pending_import.enqueue,
                )
            except services.ImportRefused as e:
                form.add_error("file", str(e))
            else:
                messages.success(request, f"已上传“{pending.source_name}”。")
                return redirect(_review_url(pending))
        status = 400
    imports = services.imports_visible_to(request.user).filter(agency__in=agencies)
    return render(
        request,
        "importer/index.html",
        {
            "form": form,
            "can_upload": bool(agencies),
            "can_add_agency": bool(external.supervised_parents(request.user)),
            "pending": imports.filter(status__in=OPEN),
            "done": imports.exclude(status__in=OPEN)[:20],
        },
        status=status,
    )


def _initial(pending, cells) -> dict:
    from gongkai.formats.layout import format_value

    initial = {"year": pending.year, "format_version": pending.format_version}
    for address, column in cells.format.cells():
        initial[address] = format_value(cells[address], column.kind) or cells.cell_text.get(address, "")
    return initial


def _reading(request, pending):
    """The page of an import still being read (it refreshes itself) or that could not be read (why)."""
    from django.utils import timezone

    waited = int((timezone.now() - pending.uploaded_at).total_seconds())
    return render(
        request,
        "importer/reading.html",
        {
            "pending": pending,
            "kind_label": KINDS.get(pending.kind, pending.kind),
            "refresh": REFRESH_SECONDS if pending.is_reading else None,
            "waited": waited,
        },
    )


@login_required
def review(request, pk):
    pending = _actable(request, pk)
    if pending.status in (ImportStatus.READING, ImportStatus.UNREADABLE):
        return _reading(request, pending)
    fmt = get_format(pending.format_version)
    cells = services.cells_of(pending)
    editable = pending.is_pending
    form = CorrectionForm(
        request.POST if request.method == "POST" and editable else None,
        fmt=fmt,
        initial=_initial(pending, cells),
    )
    status = 200
    if request.method == "POST" and editable:
        if form.is_valid():
            try:
                pending = services.correct(
                    pending,
                    values=form.values,
                    year=form.cleaned_data["year"],
                    format_version=form.cleaned_data["format_version"],
                    actor=request.user,
                    read_later=read_pending_import.enqueue,
                )
            except services.ImportRefused as e:
                form.add_error(None, str(e))
            else:
                if pending.is_reading:
                    messages.success(
                        request, "已保存更正；正在按更正的年度和格式重新读取文件，读完后本页自动显示结果。"
                    )
                else:
                    messages.success(request, "已保存更正，并重新检查。")
                return redirect(_review_url(pending))
        status = 400
    names = cell_names(fmt)
    unread = unread_reasons(pending)
    return render(
        request,
        "importer/review.html",
        {
            "pending": pending,
            "kind_label": KINDS.get(pending.kind, pending.kind),
            "form": form,
            "editable": editable,
            "tables": tables(pending, cells, form),
            "findings": anchored(services.findings_of(pending), pending, names),
            "lines": pending.source_lines,
            "cell_lines": set(pending.result.get("line_of", {}).values()),
            "unread_lines": {u["line"] for u in unread.values() if u.get("line") is not None},
            "unread_count": len(unread),
            "unread_entries": unread_entries(pending, names),
            "read_count": len(pending.result.get("provenance", {})),
            "total_count": len(cells.values),
            "title_agency": pending.result.get("agency", ""),
            "source_info": pending.result.get("source", {}),
            "published": services.published_version(pending.agency, pending.year),
        },
        status=status,
    )


@login_required
def save(request, pk):
    pending = _actable(request, pk)
    if not pending.is_pending:
        messages.error(request, f"该导入已{pending.get_status_display()}。")
        return redirect(_review_url(pending))
    published = services.published_version(pending.agency, pending.year)
    cells = services.cells_of(pending)
    read, total = services.read_share(cells)
    under = under_read(read, total)
    form = SaveForm(
        request.POST if request.method == "POST" else None,
        replacing=published is not None,
        unread=total - read,
        total=total,
        under=under,
        stated=services.stated_date(cells),
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                version = services.save(
                    pending,
                    actor=request.user,
                    reason=data["reason"],
                    published_on=data["published_on"],
                    confirmed_unread=data["confirm_unread"],
                    publish_source=data["publish_source"],
                )
            except services.ImportRefused as e:
                form.add_error(None, str(e))
            else:
                messages.success(
                    request,
                    f"已保存为{pending.agency.name}{pending.year}年度的已发布报告（第{version.number}版）。",
                )
                return redirect(_review_url(pending))
        status = 400
    return render(
        request,
        "importer/save.html",
        {
            "pending": pending,
            "form": form,
            "published": published,
            "under": under,
            "read": read,
            "total": total,
        },
        status=status,
    )


@login_required
def discard(request, pk):
    pending = _actable(request, pk)
    if not pending.may_discard:
        messages.error(request, f"该导入已{pending.get_status_display()}。")
        return redirect(_review_url(pending))
    if request.method == "POST":
        try:
            services.discard(pending, actor=request.user)
        except services.ImportRefused as e:
            messages.error(request, str(e))
        else:
            messages.success(request, f"已放弃导入“{pending.source_name}”。")
        return redirect("imports:index")
    return render(request, "importer/discard.html", {"pending": pending})


@login_required
def source(request, pk):
    pending = _actable(request, pk)
    source = pending.source.open("rb")
    response = FileResponse(
        source, as_attachment=True, filename=pending.source_name, content_type="application/octet-stream"
    )
    response["X-Content-SHA256"] = pending.source_sha256
    return response


@login_required
def agency_new(request):
    parents = external.supervised_parents(request.user)
    if not parents:
        raise NotAllowed("agency.add_external")
    form = ExternalAgencyForm(request.POST or None, parents=parents)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                agency = external.create_external_agency(
                    name=data["name"],
                    code=data["code"],
                    uscc=data["uscc"],
                    kind=data["kind"],
                    parent=next(a for a in parents if a.code == data["parent"]),
                    actor=request.user,
                )
            except services.ImportRefused as e:
                form.add_error(None, str(e))
            else:
                messages.success(request, f"已新建机关“{agency.name}”，可以为其上传年度报告。")
                return redirect(f"{reverse('imports:index')}?agency={agency.code}")
        status = 400
    return render(request, "importer/agency_new.html", {"form": form}, status=status)
