"""The open-data views: thin, read-only, published things only. Each is declared once in
gongkai.api.endpoints, which gives both its URL and its part of the OpenAPI document."""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import Resolver404, resolve

from gongkai.api import aggregates, params, published, tables
from gongkai.api.documents import (
    agency_detail,
    agency_summary,
    item_detail,
    item_summary,
    report_detail,
    report_summary,
)
from gongkai.api.endpoints import ENDPOINTS
from gongkai.api.openapi import document
from gongkai.api.responses import api_view, json_response, not_found
from gongkai.reports.models import ReportVersion
from gongkai.search.service import public_items


def _resolves(address: str) -> bool:
    try:
        return resolve(address).url_name != "unknown"
    except Resolver404:
        return False


def _linker(request):
    return request.build_absolute_uri


class _Placeholders(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def _example_values() -> dict:
    """Real values for the examples on the page: an agency with both public items and a published report
    where there is one, so that every example answers with data; else whatever has data."""
    values = _Placeholders()
    versions = ReportVersion.objects.select_related("report__agency").order_by("-published_at")
    reported = versions.values("report__agency_id")
    item = (
        public_items()
        .filter(agency_id__in=reported)
        .exclude(index_number=None)
        .order_by("-published_at")
        .first()
    )
    if item is not None:
        version = versions.filter(report__agency_id=item.agency_id).first()
    else:
        version = versions.first()
        item = public_items().exclude(index_number=None).order_by("-published_at").first()
    if version is not None:
        values.update(code=version.report.agency.code, year=version.report.year)
    if item is not None:
        values["index_number"] = item.index_number
        values.setdefault("code", item.agency.code)
    return values


@api_view
def index(request):
    values = _example_values()
    endpoints = [(e, "/api/" + e.example.format_map(values)) for e in ENDPOINTS]
    context = {
        "endpoints": endpoints,
        "limit": settings.API_RATE_LIMIT,
        "code": values["code"],
        "year": values["year"],
        "site": request.build_absolute_uri("/").rstrip("/"),
    }
    return render(request, "api/index.html", context)


@api_view
def openapi_document(request):
    return json_response(document(server=request.build_absolute_uri("/").rstrip("/")))


@api_view
def agencies(request):
    ordered = published.agencies_in_tree_order()
    children: dict[int, list[str]] = {}
    for a in ordered:
        if a.parent_id:
            children.setdefault(a.parent_id, []).append(a.code)
    link = _linker(request)
    return json_response(
        {
            "count": len(ordered),
            "agencies": [agency_summary(a, children.get(a.pk, []), link) for a in ordered],
        }
    )


@api_view
def agency(request, code):
    found = published.agency(code)
    children = list(found.children.order_by(*published.SIBLING_ORDER).values_list("code", flat=True))
    return json_response(agency_detail(found, children, _linker(request)))


@api_view
def items(request, code):
    found = published.agency(code)
    query = request.GET
    page_number, size = params.page_and_size(query)
    category = params.text(query, "category")
    listed = published.items_of(
        found,
        year=params.year(query),
        category_code=category,
        updated_since=params.moment(query, "updated_since"),
    )
    page = published.page_of(listed, page_number, size)
    link = _linker(request)
    return json_response(
        {
            "agency": found.code,
            "count": page.paginator.count,
            "page": page.number,
            "page_size": size,
            "pages": page.paginator.num_pages,
            "items": [item_summary(i, link) for i in page.object_list],
        }
    )


@api_view
def item(request, index_number):
    return json_response(item_detail(published.public_item(index_number.strip("/")), _linker(request)))


@api_view
def reports(request, code):
    found = published.agency(code)
    by_year: dict[int, list] = {}
    for version in published.published_versions(found):
        by_year.setdefault(version.report.year, []).append(version)
    link = _linker(request)
    return json_response(
        {
            "agency": found.code,
            "reports": [report_summary(y, versions, found.code, link) for y, versions in by_year.items()],
        }
    )


def _version(request, code, year):
    found = published.agency(code)
    number = params.integer(request.GET, "version", low=1)
    version = published.published_version(found, params.path_year(year), number)
    return version, published.version_cells(version)


@api_view
def report(request, code, year):
    version, cells = _version(request, code, year)
    return json_response(report_detail(version, cells, _linker(request)))


@api_view
def report_csv(request, code, year):
    number = tables.table_number(request.GET, required=True)
    _, cells = _version(request, code, year)
    return tables.csv_download(cells, number)


@api_view
def report_xlsx(request, code, year):
    number = tables.table_number(request.GET, required=False)
    _, cells = _version(request, code, year)
    return tables.xlsx_download(cells, number)


def _aggregate(code, year):
    root = published.agency(code)
    return root, aggregates.published_aggregate(root, params.path_year(year))


@api_view
def aggregate(request, code, year):
    root, total = _aggregate(code, year)
    return json_response(aggregates.aggregate_document(root, total, _linker(request)))


@api_view
def aggregate_csv(request, code, year):
    number = tables.table_number(request.GET, required=True)
    _, total = _aggregate(code, year)
    return tables.csv_download(total.cells, number)


@api_view
def aggregate_xlsx(request, code, year):
    number = tables.table_number(request.GET, required=False)
    _, total = _aggregate(code, year)
    return tables.xlsx_download(total.cells, number)


@api_view
def unknown(request, rest):
    if not rest.endswith("/") and _resolves(f"/api/{rest}/"):  # what APPEND_SLASH would have done
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"/api/{rest}/" + (f"?{query}" if query else ""))
    raise not_found(f"开放数据接口没有地址 /api/{rest[:80]}；全部地址见 /api/openapi.json。")
