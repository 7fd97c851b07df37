"""Every view of the URL configuration is protected by the CSRF middleware: none is csrf_exempt but the
open-data API's, declared here. (The public forms are protected too.) The API is read-only: its views answer
every method but GET, HEAD and OPTIONS with 405 before doing anything, which this test checks as well."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

# Read-only, and answering 405 to any other method itself (gongkai.api.responses.api_view).
ALLOWED_EXEMPT_PREFIXES = ("api/",)


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def test_no_view_is_csrf_exempt():
    exempt = [
        route
        for route, view in walk(get_resolver().url_patterns)
        if getattr(view, "csrf_exempt", False) and not route.startswith(ALLOWED_EXEMPT_PREFIXES)
    ]
    assert not exempt, f"这些视图免除了 CSRF 校验：{exempt}"


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "QUERY", "PROPFIND"])
def test_the_exempt_api_refuses_every_writing_or_unknown_method_with_405(method):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    for path in (
        "/api/",
        "/api/agencies/",
        "/api/agencies/x/reports/2025/",
        "/api/openapi.json",
        "/api/nope/",
    ):
        response = strict.generic(method, path, b"a=1", content_type="application/x-www-form-urlencoded")
        assert response.status_code == 405, (method, path)
        assert response.json()["error"]["status"] == 405
        assert "GET" in response["Allow"]


def test_the_csrf_middleware_is_installed(settings):
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE


def test_a_post_without_the_token_is_refused(db, client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/apply/track/", {"reference": "X", "query_code": "Y"})
    assert response.status_code == 403
