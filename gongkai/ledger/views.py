"""Workspace screens of the work ledger (namespace `ledger`): the year's entries and sums, entering one,
importing a file, deleting with confirmation. Seeing needs any role in the agency; entering needs the
registrar or admin role. Another agency's entry is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from gongkai.agencies.access import NotAllowed, agencies_visible_to, allows, load_authorized, require
from gongkai.agencies.chooser import agency_chooser, chosen_agency
from gongkai.ledger.forms import EntryForm, ImportForm
from gongkai.ledger.models import LedgerEntry
from gongkai.ledger.services import delete_entry, import_entries, record_entry, year_totals
from gongkai.statistics.services import messages_of

TITLE = "工作台账"


def _agency(request):
    return chosen_agency(request, agencies_visible_to(request.user).order_by("name"))


def _year(request) -> int:
    try:
        return int(request.GET.get("year") or request.POST.get("year") or timezone.localdate().year - 1)
    except ValueError:
        return timezone.localdate().year - 1


def _list_url(agency, year) -> str:
    return f"{reverse('ledger:index')}?agency={agency.code}&year={year}"


@login_required
def index(request):
    agency = _agency(request)
    if agency is None:
        agencies = agencies_visible_to(request.user).order_by("name")
        return agency_chooser(request, agencies, title=TITLE, prompt="请选择机关：")
    year = _year(request)
    can_enter = allows(request.user, "ledger.enter", agency)
    form = EntryForm(request.POST or None)
    if request.method == "POST":
        if not can_enter:
            raise NotAllowed("ledger.enter", agency)
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
    agency = _agency(request)
    if agency is None:
        raise NotAllowed("ledger.enter", what="导入工作台账")
    require(request.user, "ledger.enter", agency, what="导入工作台账")
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
@load_authorized(LedgerEntry, "ledger.enter", what="删除工作台账")
def delete(request, entry):
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
