"""A fixed-window counter per client address in Django's cache (settings.CACHES).

The address is REMOTE_ADDR: behind a reverse proxy, the proxy must set it from the real client (e.g.
gunicorn's --forwarded-allow-ips), since a client-supplied X-Forwarded-For header could be forged.
"""

from django.core.cache import cache

WINDOW_SECONDS = 3600


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR") or "unknown"


def allowed(request, bucket: str, limit: int) -> bool:
    """True if another attempt fits under `limit` in the current window (does not count it)."""
    return (cache.get(_key(request, bucket)) or 0) < limit


def hit(request, bucket: str) -> None:
    key = _key(request, bucket)
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, WINDOW_SECONDS)


def _key(request, bucket: str) -> str:
    return f"ratelimit:{bucket}:{client_address(request)}"
