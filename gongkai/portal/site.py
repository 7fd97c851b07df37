"""What every page shows of the installation and of the reader's choice of display.

Site identity (主办单位, 承办单位, 网站标识码, ICP 备案号, 公安机关备案号, contact) is set per installation in
environment variables (settings.SITE_IDENTITY, docs/configuration.md): it is decided once when the site is
registered with its domain, together with ALLOWED_HOSTS, and changes only with a new registration — not
something to edit in a form — and it costs no query on a page.

The 适老化 display (larger type and spacing, higher contrast) is a cookie the reader sets with a plain
link; the server writes the class on <html>, so it works without JavaScript, and kept portal pages are
kept once per display (gongkai.portal.page_cache).
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponseRedirect
from django.templatetags.static import static
from django.utils.http import url_has_allowed_host_and_scheme

DISPLAY_COOKIE = "gongkai_display"
ELDER = "elder"
STANDARD = "standard"
COOKIE_SECONDS = 365 * 24 * 3600
POLICE_RECORD_LINK = "https://beian.mps.gov.cn/#/query/webSearch?code={}"
ICP_LINK = "https://beian.miit.gov.cn/"


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links: send them to the static icon."""
    return HttpResponseRedirect(static("gongkai/favicon.svg"))


def page_address(request) -> str:
    """The page's full address as a printout names its source: without the query string, which a kept
    page would otherwise show every later reader as the first one typed it."""
    return request.build_absolute_uri(request.path)


def display_mode(request) -> str:
    return ELDER if request.COOKIES.get(DISPLAY_COOKIE) == ELDER else STANDARD


def switch_display(request):
    """Remember the chosen display and go back to the page the reader came from (on this site only)."""
    mode = ELDER if request.GET.get("mode") == ELDER else STANDARD
    back = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=False):
        back = "/"
    response = HttpResponseRedirect(back)
    if mode == ELDER:
        response.set_cookie(
            DISPLAY_COOKIE,
            ELDER,
            max_age=COOKIE_SECONDS,
            samesite="Lax",
            httponly=True,
            secure=request.is_secure(),
        )
    else:
        response.delete_cookie(DISPLAY_COOKIE, samesite="Lax")
    return response


@dataclass(frozen=True)
class SiteIdentity:
    sponsor: str = ""  # 主办单位
    operator: str = ""  # 承办单位
    site_code: str = ""  # 网站标识码
    icp: str = ""  # ICP 备案号, e.g. 浙ICP备12345678号
    police_record: str = ""  # 公安机关备案号, e.g. 浙公网安备 33038202001234号
    contact: str = ""  # 联系方式: telephone, e-mail or address, as the site shows it

    @property
    def police_record_code(self) -> str:
        """The digits of the 公安机关备案号, which the record's public page is looked up by."""
        return "".join(re.findall(r"\d", self.police_record))

    @property
    def police_record_url(self) -> str:
        code = self.police_record_code
        return POLICE_RECORD_LINK.format(code) if code else ""

    @property
    def icp_url(self) -> str:
        return ICP_LINK if self.icp else ""

    @property
    def configured(self) -> bool:
        return any((self.sponsor, self.operator, self.site_code, self.icp, self.police_record, self.contact))


def identity() -> SiteIdentity:
    values = getattr(settings, "SITE_IDENTITY", {}) or {}
    return SiteIdentity(
        **{name: (values.get(name) or "").strip() for name in SiteIdentity.__dataclass_fields__}
    )


def context(request) -> dict:
    """Template context for every page: the site identity, the display, and the portal tab being read."""
    match = getattr(request, "resolver_match", None)
    return {
        "site_identity": identity(),
        "display_mode": display_mode(request),
        "portal_tab": _tab(match),
        # The tab's own page is the current page; a page inside the tab (an item, a report) is in it.
        "portal_tab_current": "page" if match is not None and match.url_name in LANDING_PAGES else "true",
    }


# Which tab of an agency's navigation a page belongs to (its aria-current).
TABS = {
    "portal:guide": "guide",
    "portal:catalogue": "catalogue",
    "portal:catalogue_list": "catalogue",
    "portal:category": "catalogue",
    "portal:item": "catalogue",
    "portal:agency_search": "search",
    "apply:form": "apply",
}


LANDING_PAGES = {"guide", "catalogue", "agency_search", "list", "form"}


def _tab(match) -> str:
    if match is None:
        return ""
    if match.namespace == "public_reports":
        return "reports"
    return TABS.get(f"{match.namespace}:{match.url_name}", "")
