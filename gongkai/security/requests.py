"""Refuse a request body larger than settings.REQUEST_MAX_BYTES before Django reads any of it: the
largest legitimate upload is a 20 MB attachment, and nothing bigger should fill the server's disk."""

from django.conf import settings
from django.shortcuts import render


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
