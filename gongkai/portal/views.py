"""The public site. It shows what an agency publishes and how to reach it, never personal data."""

from django.shortcuts import get_object_or_404, render

from gongkai.agencies.models import Agency
from gongkai.agencies.tree import build_tree

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
