"""One way to pick the agency a page works on, for a person who may act in several.

chosen_agency(request, agencies) -> Agency | None    ?agency=CODE (query or form) among `agencies` — a 404
                                                     for any other code, as for one that does not exist —
                                                     or the only one, or None: ask with agency_chooser
agency_chooser(request, agencies, *, title, prompt, section=None, link=None) -> the page that asks
agency_to_act_in(request, action, *, title, prompt, section=None, what=None) -> (Agency, None) or
                                                     (None, the page that asks); NotAllowed if nowhere
"""

from django.shortcuts import get_object_or_404, render

from gongkai.agencies.access import NotAllowed, agencies_where


def chosen_agency(request, agencies):
    code = request.GET.get("agency") or request.POST.get("agency")
    if code:
        return get_object_or_404(agencies, code=code)
    only = list(agencies[:2])
    return only[0] if len(only) == 1 else None


def agency_chooser(request, agencies, *, title: str, prompt: str, section=None, link=None):
    """`section` is the (label, address) of the part of the workspace the page belongs to, for the
    breadcrumb; `link(agency)` the address each agency leads to (by default this page with ?agency=)."""
    choices = [(agency, link(agency) if link else f"?agency={agency.code}") for agency in agencies]
    context = {"title": title, "prompt": prompt, "section": section, "choices": choices}
    return render(request, "agencies/choose_agency.html", context)


def agency_to_act_in(request, action: str, *, title: str, prompt: str, section=None, what: str | None = None):
    """The agency a new record is for, among those where the person may take `action`."""
    agencies = agencies_where(request.user, action)
    if not agencies.exists():
        raise NotAllowed(action, what=what)
    agency = chosen_agency(request, agencies)
    if agency is not None:
        return agency, None
    return None, agency_chooser(request, agencies, title=title, prompt=prompt, section=section)
