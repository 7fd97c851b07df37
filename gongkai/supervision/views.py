"""Supervision pages of the workspace (namespace `supervision`): thin over the modules of this app.

Every page starts from gongkai.supervision.access: an agency the person cannot see is a 404, one they see
without a supervising role a 403, and only the part of its subtree they may see is shown or summed.
"""

import io

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe

from gongkai.formats.layout import report_grids
from gongkai.formats.render.charts import chart_svg
from gongkai.formats.render.html import table_html
from gongkai.supervision import exports
from gongkai.supervision.access import roots_for, supervised_agency, visible_subtree
from gongkai.supervision.aggregate import aggregate_of, report_cells
from gongkai.supervision.charts import agencies_chart, trend_chart, trend_years
from gongkai.supervision.consistency import cross_year, parent_vs_children
from gongkai.supervision.forms import ChoiceForm
from gongkai.supervision.metrics import METRICS, show
from gongkai.supervision.overview import overview

DOWNLOADS = {
    "csv": ("text/csv; charset=utf-8", exports.cells_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exports.cells_xlsx),
}


def _choices(request):
    form = ChoiceForm(request.GET or None, today=timezone.localdate())
    if not request.GET:
        form = ChoiceForm({"year": timezone.localdate().year - 1}, today=timezone.localdate())
    return form, *form.choices()


def _tables(cells) -> str:
    """The official §二–§四 tables of the report renderers (width attributes: the page has a strict CSP)."""
    parts = []
    for grid in report_grids(cells):
        parts.append(f"<h3>{cells.format.numbered_title(grid.number)}</h3>")
        parts.append(table_html(grid, width_attributes=True))
    return mark_safe("\n".join(parts))  # noqa: S308 — table_html escapes every text it writes


def _metrics(cells) -> list[dict]:
    return [{"metric": m, "value": show(m, m.compute(cells))} for m in METRICS.values()]


@login_required
def index(request):
    return render(request, "supervision/index.html", {"roots": roots_for(request.user)})


@login_required
def tree(request, code):
    root = supervised_agency(request.user, code)
    form, year, _drafts, _metric = _choices(request)
    agencies = visible_subtree(request.user, root)
    return render(
        request,
        "supervision/tree.html",
        {"root": root, "form": form, "year": year, "rows": overview(agencies, year, timezone.localdate())},
    )


@login_required
def total(request, code):
    root = supervised_agency(request.user, code)
    form, year, drafts, _metric = _choices(request)
    agencies = visible_subtree(request.user, root)
    summed = aggregate_of(agencies, year, published_only=not drafts, name=root.name)
    children = [a for a in agencies if a.parent_id == root.pk]
    return render(
        request,
        "supervision/total.html",
        {
            "root": root,
            "form": form,
            "year": year,
            "drafts": drafts,
            "total": summed,
            "tables": _tables(summed.cells),
            "metrics": _metrics(summed.cells),
            "parent_check": parent_vs_children(root, children, year) if children else None,
            "cross_year": cross_year(agencies, year, published_only=not drafts, name=root.name),
        },
    )


@login_required
def compare(request, code):
    root = supervised_agency(request.user, code)
    form, year, drafts, metric_key = _choices(request)
    metric = METRICS[metric_key]
    agencies = visible_subtree(request.user, root)
    summed = aggregate_of(agencies, year, published_only=not drafts, name=root.name)
    bars, per_agency = agencies_chart(summed, metric)
    years = trend_years(year, 2019)
    columns, per_year = trend_chart(agencies, years, metric, name=root.name)
    return render(
        request,
        "supervision/compare.html",
        {
            "root": root,
            "form": form,
            "year": year,
            "metric": metric,
            "bars": mark_safe(chart_svg(bars)) if bars else None,  # noqa: S308 — chart_svg escapes labels
            "columns": mark_safe(chart_svg(columns)) if columns else None,  # noqa: S308
            "per_agency": [(a, show(metric, v)) for a, v in per_agency],
            "per_year": [(y, show(metric, v)) for y, v in per_year],
        },
    )


def _download(cells, name: str, kind: str, aggregate=None) -> FileResponse:
    if kind not in DOWNLOADS:
        raise Http404("只提供 CSV 和 XLSX 格式。")
    content_type, build = DOWNLOADS[kind]
    content = io.BytesIO(build(cells, aggregate))
    return FileResponse(content, as_attachment=True, filename=f"{name}.{kind}", content_type=content_type)


@login_required
def total_download(request, code, year, kind):
    root = supervised_agency(request.user, code)
    drafts = request.GET.get("drafts") == "on"
    try:
        summed = aggregate_of(
            visible_subtree(request.user, root), year, published_only=not drafts, name=root.name
        )
    except ValueError as e:
        raise Http404(str(e)) from None
    return _download(summed.cells, f"{root.name}{year}年汇总", kind, summed)


@login_required
def agency_download(request, code, year, kind):
    agency = supervised_agency(request.user, code)
    try:
        cells = report_cells(agency, year, published_only=False)
    except ValueError as e:
        raise Http404(str(e)) from None
    if cells is None:
        raise Http404(f"{agency.name}尚无{year}年度报告。")
    return _download(cells, f"{agency.name}{year}年报告表格", kind)
