"""The public site. It shows what an agency publishes and how to reach it, never personal data."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from gongkai.agencies.models import Agency
from gongkai.agencies.tree import build_tree
from gongkai.disclosure.models import CatalogueCategory, ItemEvent, ItemStatus
from gongkai.disclosure.sanitize import sanitise_body
from gongkai.portal import page_cache
from gongkai.portal.catalogue import category_items, category_tree, find_public_item
from gongkai.portal.forms import SearchForm
from gongkai.portal.guide import build_guide
from gongkai.search.service import PAGE_SIZE, public_items, search_items
from gongkai.security import ratelimit

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


def catalogue(request, code):
    agency = get_object_or_404(Agency, code=code)
    latest = list(public_items().filter(agency=agency).order_by("-published_at", "-pk")[:10])
    for item in latest:
        item.agency = agency  # their links need the agency's code: the one already here
    return render(
        request,
        "portal/catalogue.html",
        {"agency": agency, "tree": category_tree(agency), "latest": latest},
    )


def category(request, code, category_code):
    agency = get_object_or_404(Agency, code=code)
    category = get_object_or_404(CatalogueCategory, agency=agency, code=category_code)
    page = Paginator(category_items(category), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/category.html",
        {
            "agency": agency,
            "category": category,
            "children": category.children.order_by("position", "code"),
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        },
    )


def item(request, code, ref):
    keep = page_cache.cacheable(request)
    if keep:
        page_key = page_cache.key("item", code, ref)
        html = page_cache.get(page_key)
        if html is not None:
            return HttpResponse(html)
    response = _item(request, code, ref)
    if keep and response.status_code == 200:
        page_cache.put(page_key, response.content.decode())
    return response


def _item(request, code, ref):
    agency = get_object_or_404(Agency, code=code)
    item = find_public_item(agency, ref.strip("/"))
    withdrawn = item.status == ItemStatus.WITHDRAWN
    withdrawn_event = (
        ItemEvent.objects.filter(item=item, to_status=ItemStatus.WITHDRAWN).order_by("-at").first()
        if withdrawn
        else None
    )
    interprets = item.interprets if item.interprets_id and item.interprets.is_public else None
    # Only what the links need: the list is on every item page, and most items have no interpretation.
    interpretations = (
        public_items()
        .filter(interprets=item)
        .select_related("agency")
        .only("pk", "title", "index_number", "agency__code")
        .order_by("-published_at")
    )
    return render(
        request,
        "portal/item.html",
        {
            "agency": agency,
            "item": item,
            "withdrawn": withdrawn,
            "withdrawn_on": withdrawn_event.at if withdrawn_event else item.updated_at,
            # Sanitised on save already; again on output so no stored HTML ever reaches a reader unchecked.
            "body": sanitise_body(item.body) if not withdrawn else "",
            "interprets": interprets,
            "interpretations": interpretations,
        },
    )


def _search(request, agency):
    form = SearchForm(request.GET or None, agency=agency)
    results = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        results = search_items(
            data["q"],
            agencies=[agency] if agency else None,
            category=data.get("category"),
            year=data["year"],
            publisher=data["publisher"],
            validity=data["validity"],
            kind=data["kind"],
            order=data["order"] or "newest",
            page=request.GET.get("page"),
        )
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    return render(
        request,
        "portal/search.html",
        {
            "agency": agency,
            "form": form,
            "results": results,
            "query_string": query_without_page.urlencode(),
        },
    )


# Search is the portal's most expensive page: counted per address, like the public forms.
@ratelimit.limited("search", "SEARCH_RATE_LIMIT", methods=("GET",))
def agency_search(request, code):
    return _search(request, get_object_or_404(Agency, code=code))


@ratelimit.limited("search", "SEARCH_RATE_LIMIT", methods=("GET",))
def site_search(request):
    return _search(request, None)
