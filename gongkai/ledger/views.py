"""Workspace screens of the work ledger (namespace `ledger`): the year's entries and sums, entering one,
importing a file, deleting with confirmation. Seeing needs any role in the agency; entering needs the
registrar or admin role. Another agency's entry is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from gongkai.agencies.access import agencies_visible_to, roles_of
from gongkai.agencies.models import Role
from gongkai.ledger.forms import EntryForm, ImportForm
from gongkai.ledger.models import LedgerEntry
from gongkai.ledger.services import delete_entry, import_entries, record_entry, year_totals
from gongkai.statistics.services import messages_of

ENTRY_ROLES = {Role.REGISTRAR, Role.ADMIN}


def _agency(request):
    agencies = agencies_visible_to(request.user).order_by("name")
    code = request.GET.get("agency") or request.POST.get("agency")
    if code:
        return get_object_or_404(agencies, code=code), agencies
    return (agencies[0] if len(agencies) == 1 else None), agencies


def _year(request) -> int:
    try:
        return int(request.GET.get("year") or request.POST.get("year") or timezone.localdate().year - 1)
    except ValueError:
        return timezone.localdate().year - 1


def _list_url(agency, year) -> str:
    return f"{reverse('ledger:index')}?agency={agency.code}&year={year}"


@login_required
def index(request):
    agency, agencies = _agency(request)
    if agency is None:
        return render(request, "ledger/choose_agency.html", {"agencies": agencies})
    year = _year(request)
    can_enter = bool(roles_of(request.user, agency) & ENTRY_ROLES)
    form = EntryForm(request.POST or None)
    if request.method == "POST":
        if not can_enter:
            raise PermissionDenied("登记工作台账需要您在本机关担任登记员或管理员。")
        if form.is_valid():
            try:
                entry = record_entry(agency, actor=request.user, **form.cleaned_data)
            except PermissionDenied as e:  # the year is locked (gongkai.reports.locks): say why on the form
                form.add_error(None, str(e))
            except ValidationError as e:
                for message in messages_of(e):
                    form.add_error(None, message)
            else:
                messages.success(request, f"已登记：{entry}")
                return redirect(_list_url(agency, entry.date.year))
    entries = LedgerEntry.objects.filter(agency=agency, date__year=year).select_related("entered_by")
    return render(
        request,
        "ledger/index.html",
        {
            "agency": agency,
            "year": year,
            "years": range(timezone.localdate().year, 2018, -1),
            "entries": entries.order_by("kind", "date", "pk"),
            "totals": year_totals(agency, year),
            "form": form,
            "can_enter": can_enter,
        },
    )


@login_required
def import_file(request):
    agency, _ = _agency(request)
    if agency is None or not roles_of(request.user, agency) & ENTRY_ROLES:
        raise PermissionDenied("导入工作台账需要您在本机关担任登记员或管理员。")
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = import_entries(agency, upload.read(), upload.name, actor=request.user)
        if result.ok:
            messages.success(request, f"已导入台账 {result.entries} 条。")
            return redirect(_list_url(agency, _year(request)))
    return render(request, "ledger/import.html", {"agency": agency, "form": form, "result": result})


@login_required
def delete(request, pk):
    entry = get_object_or_404(LedgerEntry.objects.filter(agency__in=agencies_visible_to(request.user)), pk=pk)
    if not roles_of(request.user, entry.agency) & ENTRY_ROLES:
        raise PermissionDenied("删除工作台账需要您在本机关担任登记员或管理员。")
    error = None
    if request.method == "POST":
        try:
            delete_entry(entry, actor=request.user)
        except PermissionDenied as e:  # the year is locked (gongkai.reports.locks)
            error = str(e)
        else:
            messages.success(request, "已删除该台账条目。")
            return redirect(_list_url(entry.agency, entry.date.year))
    return render(request, "ledger/delete.html", {"entry": entry, "error": error})
