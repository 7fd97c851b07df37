"""Every view of the URL configuration is protected by the CSRF middleware: none is csrf_exempt. (The
public forms are protected too; an API that authenticates by token would be declared here explicitly.)"""

from django.urls import URLPattern, URLResolver, get_resolver

ALLOWED_EXEMPT: set[str] = set()


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
        if getattr(view, "csrf_exempt", False) and route not in ALLOWED_EXEMPT
    ]
    assert not exempt, f"这些视图免除了 CSRF 校验：{exempt}"


def test_the_csrf_middleware_is_installed(settings):
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE


def test_a_post_without_the_token_is_refused(db, client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/apply/track/", {"reference": "X", "query_code": "Y"})
    assert response.status_code == 403
