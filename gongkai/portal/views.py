"""The public site. It shows what an agency publishes and how to reach it, never personal data."""

import logging
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.shortcuts import get_object_or_404, render
from django.utils.csp import CSP
from django.utils.http import http_date
from django.views.decorators.csp import csp_override

from gongkai.agencies.models import Agency
from gongkai.agencies.tree import build_tree
from gongkai.disclosure.attachments import IMAGES
from gongkai.disclosure.models import (
    Attachment,
    CatalogueCategory,
    DisclosureAttribute,
    ItemEvent,
    ItemStatus,
)
from gongkai.disclosure.sanitize import sanitise_body
from gongkai.portal import frames, listing, page_cache
from gongkai.portal.attachments import public_attachments, public_body
from gongkai.portal.catalogue import category_items, category_tree, item_page_query, read_public_item
from gongkai.portal.forms import SearchForm
from gongkai.portal.guide import build_guide
from gongkai.portal.listing import ListForm
from gongkai.readahead import reads_ahead, sent_ahead
from gongkai.reports.public_views import is_report_column, published_versions
from gongkai.search.service import PAGE_SIZE, public_items, search_items
from gongkai.security import ratelimit
from gongkai.spreadsheets import ChunkReader

logger = logging.getLogger(__name__)

# "department" sorts before "government", so under a government its departments come before its townships.
SIBLING_ORDER = ("kind", "name")


def home(request):
    tree = build_tree(Agency.objects.order_by(*SIBLING_ORDER))
    return render(request, "portal/home.html", {"tree": tree})


def agency(request, code):
    agency = get_object_or_404(Agency, code=code)
    return render(
        request,
        "portal/agency.html",
        {
            "agency": agency,
            "ancestors": agency.ancestors(),
            "children": agency.children.order_by(*SIBLING_ORDER),
        },
    )


def guide(request, code):
    agency = get_object_or_404(Agency, code=code)
    return render(request, "portal/guide.html", {"agency": agency, "guide": build_guide(agency)})


def _agency(code: str, current: int) -> Agency:
    agency = page_cache.remembered(
        ("agency", code), current, lambda: Agency.objects.filter(code=code).first()
    )
    if agency is None:
        raise Http404("没有找到该机关。")
    return agency


def catalogue(request, code):
    return page_cache.serve(request, ("catalogue", code), lambda current: _catalogue(request, code, current))


def _catalogue(request, code, current):
    agency = _agency(code, current)
    latest = list(public_items().filter(agency=agency).order_by("-published_at", "-pk")[:10])
    for item in latest:
        item.agency = agency  # their links need the agency's code: the one already here
    return render(
        request,
        "portal/catalogue.html",
        {"agency": agency, "tree": category_tree(agency), "latest": latest},
    )


def category(request, code, category_code):
    page = request.GET.get("page")
    return page_cache.serve(
        request,
        ("category", code, category_code, page),
        lambda current: _category(request, code, category_code, page, current),
    )


def _category(request, code, category_code, page_number, current):
    agency = _agency(code, current)
    category = get_object_or_404(CatalogueCategory, agency=agency, code=category_code)
    page = Paginator(category_items(category), PAGE_SIZE).get_page(page_number)
    page.object_list = list(page.object_list)
    listing.attach_interpretations(page.object_list, agency)
    # The 年报 column lists the published annual reports themselves, as the 年度报告 page does.
    reports = published_versions(agency) if is_report_column(category) else None
    return render(
        request,
        "portal/category.html",
        {
            "agency": agency,
            "category": category,
            "reports": reports,
            "children": category.children.order_by("position", "code"),
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        },
    )


def catalogue_list(request, code):
    agency = get_object_or_404(Agency, code=code)
    form = ListForm(request.GET or None, agency=agency)
    valid = form.is_valid() if form.is_bound else True
    data = form.cleaned_data if form.is_bound and valid else {}
    sort = form.ordering() if form.is_bound else listing.DEFAULT_SORT
    items = listing.listed_items(
        agency,
        year=data.get("year"),
        category=data.get("category"),
        validity=data.get("validity") or "",
        sort=sort,
    )
    page = Paginator(items, listing.PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    listing.attach_interpretations(rows, agency)
    kept = request.GET.copy()
    kept.pop("page", None)
    filters = kept.copy()
    for name in ("sort", "dir"):
        filters.pop(name, None)
    columns = []
    for key, field in listing.COLUMNS:
        now = sort[1] if sort[0] == key else None
        flipped = filters.copy()
        flipped["sort"] = key
        flipped["dir"] = (
            "asc"
            if now == "desc"
            else "desc"
            if now == "asc"
            else ("asc" if key in ("index", "title", "number") else "desc")
        )
        columns.append(
            {
                "key": key,
                "label": listing.column_label(field),
                "sorted": {"asc": "ascending", "desc": "descending"}.get(now),
                "query": flipped.urlencode(),
            }
        )
    chosen = data.get("category")
    return render(
        request,
        "portal/catalogue_list.html",
        {
            "agency": agency,
            "form": form,
            "category": chosen,
            "columns": columns,
            "rows": rows,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            "query_string": kept.urlencode(),
            "sort_label": next(c["label"] for c in columns if c["key"] == sort[0]),
            "sort_dir": sort[1],
        },
    )


def catalogue_csv(request, code):
    agency = get_object_or_404(Agency, code=code)
    form = ListForm(request.GET or None, agency=agency)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    items = listing.listed_items(
        agency,
        year=data.get("year"),
        category=data.get("category"),
        validity=data.get("validity") or "",
        sort=form.ordering() if form.is_bound else listing.DEFAULT_SORT,
    )
    name = f"{agency.name}主动公开目录" + (f"（{data['category'].name}）" if data.get("category") else "")
    return FileResponse(
        ChunkReader(listing.csv_rows(items, agency, request.build_absolute_uri)),
        as_attachment=True,
        filename=f"{name}.csv",
        content_type="text/csv; charset=utf-8",
    )


@reads_ahead(item_page_query)
def item(request, code, ref):
    current, item = read_public_item(code, ref, sent_ahead(request))
    return page_cache.serve(
        request, ("item", code, ref), lambda current: _item(request, code, item, current), current=current
    )


def _item(request, code, item, current):
    agency = _agency(code, current)
    item.agency = agency
    if item.category_id:
        # The agency's few categories, read once per generation instead of joined on every page.
        categories = page_cache.remembered(
            ("categories", agency.pk),
            current,
            lambda: CatalogueCategory.objects.filter(agency=agency).in_bulk(),
        )
        item.category = categories.get(item.category_id) or item.category
    withdrawn = item.status == ItemStatus.WITHDRAWN
    withdrawn_event = (
        ItemEvent.objects.filter(item=item, to_status=ItemStatus.WITHDRAWN).order_by("-at").first()
        if withdrawn
        else None
    )
    interprets = item.interprets if item.interprets_id and item.interprets.is_public else None
    # Only what the links need, and only for the items that have any (known once per generation).
    interpreted = page_cache.remembered("interpreted", current, interpreted_ids)
    interpretations = (
        public_items()
        .filter(interprets=item)
        .select_related("agency")
        .only("pk", "title", "index_number", "agency__code")
        .order_by("-published_at")
        if item.pk in interpreted
        else []
    )
    attachments = public_attachments(item, agency.code) if item.has_attachments and not withdrawn else []
    # Sanitised on save already; again on output so no stored HTML ever reaches a reader unchecked.
    body = public_body(sanitise_body(item.body), item, agency.code, attachments) if not withdrawn else ""
    return frames.render(
        request,
        "portal/item.html",
        {
            "agency": agency,
            "item": item,
            "withdrawn": withdrawn,
            "withdrawn_on": withdrawn_event.at if withdrawn_event else item.updated_at,
            "body": body,
            "attachments": attachments,
            "interprets": interprets,
            "interpretations": interpretations,
        },
        frame_of=agency.pk,
        current=current,
    )


# Kept by browsers and proxies, but checked with the server (ETag) before each use: an unchanged file costs
# a 304 without its bytes, and a withdrawal (answered 410 from then on) takes effect at once.
ATTACHMENT_CACHE = "public, no-cache"
# A file is shown by the browser's own viewer (a picture opened from its link), which styles itself inline;
# it runs no script and may load nothing else.
FILE_CSP = {"default-src": [CSP.NONE], "img-src": [CSP.SELF], "style-src": [CSP.UNSAFE_INLINE]}


def attachment(request, code, pk):
    """An attachment of a public item, under its own name; 410 with the notice once the item is withdrawn."""
    agency = _agency(code, page_cache.generation())
    found = (
        Attachment.objects.select_related("item")
        .filter(pk=pk, item__agency=agency, item__attribute=DisclosureAttribute.PROACTIVE)
        .filter(item__status__in=[ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN])
        .first()
    )
    if found is None:
        raise Http404("没有找到该附件。")
    item = found.item
    item.agency = agency
    if item.status == ItemStatus.WITHDRAWN:
        event = ItemEvent.objects.filter(item=item, to_status=ItemStatus.WITHDRAWN).order_by("-at").first()
        return render(
            request,
            "portal/attachment_withdrawn.html",
            {"agency": agency, "item": item, "withdrawn_on": event.at if event else item.updated_at},
            status=410,
        )
    return _file(request, found)


@csp_override(FILE_CSP)
def _file(request, found):
    item = found.item
    etag = f'"{found.sha256}"'
    headers = {"ETag": etag, "Cache-Control": ATTACHMENT_CACHE}
    if item.published_at:
        headers["Last-Modified"] = http_date(max(item.published_at, found.uploaded_at).timestamp())
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
    else:
        try:
            content = found.file.open("rb")
        except FileNotFoundError:
            # The record is there but its file is not (a restore without files, a bucket emptied by hand):
            # the reader gets the ordinary 404 page, the operator a line in the log.
            logger.error("附件 %s 的文件 %s 不在存储中", found.pk, found.file.name)
            raise Http404("没有找到该附件。") from None
        # Streamed from storage in chunks (gongkai.storage: a folder or the bucket); images open in the
        # browser, documents download under their name.
        response = FileResponse(
            content,
            as_attachment=found.content_type not in IMAGES,
            filename=found.original_name,
            content_type=found.content_type,
        )
    for name, value in headers.items():
        response[name] = value
    return response


def interpreted_ids() -> set[int]:
    """The items that some public interpretation interprets (the partial index holds exactly these rows)."""
    return set(
        public_items().filter(interprets__isnull=False).values_list("interprets_id", flat=True).distinct()
    )


def _search(request, agency, *, advanced=False):
    form = SearchForm(request.GET or None, agency=agency)
    results = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        chosen = form.agency_choice()
        results = search_items(
            data["q"],
            agencies=[chosen] if chosen else None,
            category=data.get("category"),
            year=data["year"],
            publisher=data["publisher"],
            validity=data["validity"],
            kind=data["kind"],
            published_from=data["published_from"],
            published_to=data["published_to"],
            document_year=data["document_year"],
            order=data["order"] or "newest",
            page=request.GET.get("page"),
        )
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    if form.category_dropped:
        query_without_page.pop("category", None)  # the next pages search as this one did
    applied = form.applied_filters() if results is not None else []
    return render(
        request,
        "portal/search.html",
        {
            "agency": agency,
            "advanced": advanced,
            "form": form,
            "results": results,
            "query_string": query_without_page.urlencode(),
            "applied_filters": applied,
            # The same words with no filter (and, on an agency's page, across the whole site).
            "unfiltered_query": urlencode({"q": results.query})
            if results is not None and results.query
            else "",
        },
    )


# Search is the portal's most expensive page: counted per address, like the public forms.
@ratelimit.limited("search", "SEARCH_RATE_LIMIT", methods=("GET",))
def agency_search(request, code):
    return _search(request, get_object_or_404(Agency, code=code))


@ratelimit.limited("search", "SEARCH_RATE_LIMIT", methods=("GET",))
def site_search(request):
    return _search(request, None)


@ratelimit.limited("search", "SEARCH_RATE_LIMIT", methods=("GET",))
def advanced_search(request):
    return _search(request, None, advanced=True)
