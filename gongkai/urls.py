from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from gongkai.portal.site import favicon, switch_display
from gongkai.security.forms import ThrottledAdminAuthenticationForm

admin.site.site_header = "gongkai 系统配置"
admin.site.site_title = "gongkai 系统配置"
admin.site.index_title = "配置"
# The admin's log-in shows the same refusals as /accounts/login/ (the limits themselves are in the
# authentication backend, which both reach); its password change is the one throttled page.
admin.site.login_form = ThrottledAdminAuthenticationForm

# Error pages that must not read the request body again (400), speak JSON below /api/ (404), or be Chinese.
handler400 = "gongkai.errors.bad_request"
handler404 = "gongkai.errors.page_not_found"

urlpatterns = [
    path(
        "admin/password_change/",
        RedirectView.as_view(pattern_name="password_change"),
        name="admin_password_change",
    ),
    path("admin/", admin.site.urls),
    path("accounts/", include("gongkai.security.urls")),
    # The staff's pages under one prefix, so a public address is compared with it once, not nine times.
    path(
        "workspace/",
        include(
            [
                path("applications/", include("gongkai.applications.urls")),
                path("appeals/", include("gongkai.appeals.urls")),
                path("statistics/", include("gongkai.statistics.urls")),
                path("disclosure/", include("gongkai.disclosure.urls")),
                path("reports/", include("gongkai.reports.urls")),
                path("ledger/", include("gongkai.ledger.urls")),
                path("", include("gongkai.workspace.urls")),
                path("supervision/", include("gongkai.supervision.urls")),
                path("imports/", include("gongkai.importer.urls")),
            ]
        ),
    ),
    path("apply/", include("gongkai.applications.public_urls")),
    # Before the portal's /<code>/ addresses, which would otherwise take /api/ and /api/items/… ("api" is a
    # reserved agency code).
    path("api/", include("gongkai.api.urls")),
    # Browsers ask for /favicon.ico whatever the page links; the icon is a static file.
    path("favicon.ico", favicon, name="favicon"),
    # Standard or 适老化 display, remembered in a cookie ("display" is a reserved agency code).
    path("display/", switch_display, name="display"),
    # The portal before the agencies' reports: no address of one can take an address of the other, and an
    # item page (the busiest) is then tried after fewer patterns.
    path("", include("gongkai.portal.urls")),
    path("", include("gongkai.reports.public_urls")),
]
