"""How every /api/ view answers: JSON (numbers exact, dates in ISO 8601), errors as JSON with a Chinese
message, GET only, open to any origin (CORS), counted per client address (settings.API_RATE_LIMIT)."""

import functools
import json
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone

from gongkai.security import ratelimit

BUCKET = "api"
ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
JSON_TYPE = "application/json; charset=utf-8"


class ApiError(Exception):
    """A request the API refuses: the status and the Chinese message the client gets."""

    def __init__(self, status: int, message: str, *, parameter: str | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameter = parameter


def bad_parameter(parameter: str, message: str) -> ApiError:
    return ApiError(400, message, parameter=parameter)


def not_found(message: str) -> ApiError:
    return ApiError(404, message)


def _default(value):
    if isinstance(value, Decimal):
        # Amounts (万元) as JSON numbers, like the report's own JSON: 190.457379 keeps its digits.
        return float(value)
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"无法写入 JSON：{value!r}")


def to_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, default=_default)


def json_response(data, status: int = 200) -> HttpResponse:
    return HttpResponse(to_json(data), content_type=JSON_TYPE, status=status)


def error_response(status: int, message: str, parameter: str | None = None) -> HttpResponse:
    body = {"error": {"status": status, "message": message}}
    if parameter:
        body["error"]["parameter"] = parameter
    return json_response(body, status=status)


def open_to_every_origin(response: HttpResponse) -> HttpResponse:
    # Open data: any web page may read it. No credentials are involved, so "*" is safe.
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
    response["Access-Control-Expose-Headers"] = "Retry-After, Content-Disposition"
    response["Access-Control-Max-Age"] = "86400"
    return response


def api_view(view):
    """Decorate an /api/ view: method check, rate limit, CORS, and ApiError/Http404 as JSON."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":  # a browser's preflight: answer with the CORS headers alone
            response = HttpResponse(status=204)
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            return open_to_every_origin(response)
        if request.method not in ALLOWED_METHODS:
            response = error_response(405, f"开放数据接口只读，不接受 {request.method} 请求，请使用 GET。")
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            return open_to_every_origin(response)
        if not ratelimit.allowed(request, BUCKET, settings.API_RATE_LIMIT):
            wait = ratelimit.seconds_left(request, BUCKET)
            response = error_response(
                429,
                f"请求过于频繁：每个地址每小时最多 {settings.API_RATE_LIMIT} 次，请在 {wait} 秒后再试。",
            )
            response["Retry-After"] = str(wait)
            return open_to_every_origin(response)
        ratelimit.hit(request, BUCKET)
        try:
            response = view(request, *args, **kwargs)
        except ApiError as e:
            response = error_response(e.status, e.message, e.parameter)
        except Http404 as e:
            response = error_response(404, str(e) or "没有找到所请求的数据。")
        return open_to_every_origin(response)

    # Read-only and without sessions' effects: every method but GET, HEAD and OPTIONS gets the 405 above. The
    # CSRF check would otherwise answer a method it does not know (QUERY, PROPFIND) with its 403 page.
    wrapper.csrf_exempt = True
    return wrapper
