"""The public pages of annual reports: per agency a list of its reports and a page per year, the latest
published version in HTML with PDF and DOCX downloads and the agency's contact block; earlier versions
stay listed with their correction reasons and remain downloadable. Drafts never appear here."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from gongkai.agencies.models import Agency
from gongkai.disclosure.models import CatalogueCategory, Item
from gongkai.reports.models import AnnualReport, FileKind, ReportVersion
from gongkai.reports.views import file_response, version_preview
from gongkai.search.service import category_subtree_ids, public_items

PUBLIC_FILES = (FileKind.PDF, FileKind.DOCX, FileKind.HTML, FileKind.SOURCE)
# How agencies name the 主动公开基本目录 column of their annual reports; that column shows the published
# reports themselves and whatever was published in it as ordinary information (reports from before gongkai,
# or put out as documents), and so does the 年度报告 page: the two never disagree.
REPORT_COLUMN_WORDS = ("年报", "年度报告")


def is_report_column(category) -> bool:
    return any(word in category.name for word in REPORT_COLUMN_WORDS)


def published_versions(agency) -> list[ReportVersion]:
    """The latest published version of each year's report, newest year first: the one list of the agency's
    annual reports, generated or imported, for the 年度报告 page and the catalogue's 年报 column."""
    versions = (
        ReportVersion.objects.filter(report__agency=agency)
        .select_related("report")
        .order_by("-report__year", "-number")
    )
    latest: dict[int, ReportVersion] = {}
    for version in versions:
        latest.setdefault(version.report.year, version)
    return list(latest.values())


def report_column_items(agency):
    """The public items the agency filed in its 年报 column (and below it), newest first."""
    columns = [c for c in CatalogueCategory.objects.filter(agency=agency) if is_report_column(c)]
    if not columns:
        return Item.objects.none()
    ids = set().union(*(category_subtree_ids(column) for column in columns))
    return (
        public_items()
        .filter(agency=agency, category_id__in=ids)
        .select_related("agency")
        .order_by("-published_at", "-pk")
    )


def report_list(request, code):
    agency = get_object_or_404(Agency, code=code)
    return render(
        request,
        "reports/public/list.html",
        {
            "agency": agency,
            "versions": published_versions(agency),
            "items": list(report_column_items(agency)),
            "section": "reports",
        },
    )


def report_page(request, code, year):
    agency = get_object_or_404(Agency, code=code)
    report = get_object_or_404(AnnualReport, agency=agency, year=year)
    versions = list(report.versions.prefetch_related("files").order_by("-number"))
    if not versions:
        raise Http404("该年度报告尚未发布")
    latest = versions[0]
    return render(
        request,
        "reports/public/page.html",
        {
            "agency": agency,
            "report": report,
            "latest": latest,
            "earlier": versions[1:],
            "body": version_preview(latest) if latest.cells else "",
            "section": "reports",
            # The open-data downloads of the §二–§四 tables (gongkai.api).
            "tables": (("2", "二"), ("3", "三"), ("4", "四")),
        },
    )


def report_file(request, code, year, number, kind):
    agency = get_object_or_404(Agency, code=code)
    report = get_object_or_404(AnnualReport, agency=agency, year=year)
    if kind not in PUBLIC_FILES:
        raise Http404
    if kind == FileKind.SOURCE:
        # The uploaded original stays with the staff unless the importer chose to publish it.
        version = get_object_or_404(ReportVersion, report=report, number=number)
        if not version.provenance.get("source_public"):
            raise Http404("原始文件不公开")
    return file_response(report, number, kind)
