"""Request bodies: one larger than settings.REQUEST_MAX_BYTES is refused before Django reads any of it (the
largest legitimate upload is a 20 MB attachment, and nothing bigger should fill the server's disk); a form
body that cannot be parsed (a charset other than UTF-8, a broken multipart) gets a Chinese 400 page."""

from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.urls import get_resolver


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_MAX_BYTES:
            return render(
                request,
                "security/too_large.html",
                {"limit_mb": settings.REQUEST_MAX_BYTES // (1024 * 1024)},
                status=413,
            )
        return self.get_response(request)


# Form bodies Django parses into request.POST; anything else (JSON, plain text) is left to the view.
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class MalformedBodyMiddleware:
    """Parse a form body once, up front, and answer 400 with a Chinese page if it cannot be parsed.

    Django refuses an urlencoded body declared in any charset but UTF-8, and a multipart body without a
    valid boundary, by raising when request.POST is first read — in the CSRF check, in a view, and again in
    the error handler, which made such a request a 500. Parsed here, before any of them, the request either
    goes on with its POST ready or ends with a 400 that reads nothing more and changes nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        content_type = request.META.get("CONTENT_TYPE", "").lower()
        if request.method not in ("GET", "HEAD", "OPTIONS") and content_type.startswith(FORM_TYPES):
            try:
                request.POST  # noqa: B018 — parsing is the point
                request.FILES  # noqa: B018
            except (
                BadRequest,
                SuspiciousOperation,
                MultiPartParserError,
                UnicodeDecodeError,
                ValueError,
            ) as exc:
                # The site's own 400 handler (gongkai/urls.py): a page, or JSON below /api/.
                return get_resolver().resolve_error_handler(400)(request, exc)
        return self.get_response(request)
