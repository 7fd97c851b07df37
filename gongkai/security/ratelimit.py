"""Fixed-window counters in Django's cache (settings.CACHES), for public forms, log-in and the API.

    if not ratelimit.allowed(request, "apply", limit):   # refuse before doing the work
        ...
    ratelimit.hit(request, "apply")                        # count what was done

    @ratelimit.limited("api", "API_RATE_LIMIT")            # a view: 429 in Chinese over the limit
    def view(request): ...

Counters are per client address by default; `key=` counts something else (e.g. a user name). The address
is REMOTE_ADDR: behind a reverse proxy, the proxy must set it from the real client (e.g. gunicorn's
--forwarded-allow-ips), since a client-supplied X-Forwarded-For header could be forged. With several app
servers, CACHES must be shared (database or Redis cache) for a limit to hold across them.
"""

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

WINDOW_SECONDS = 3600


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR") or "unknown"


def count(request, bucket: str, *, key: str | None = None) -> int:
    return cache.get(_key(request, bucket, key)) or 0


def allowed(request, bucket: str, limit: int, *, key: str | None = None) -> bool:
    """True if another attempt fits under `limit` in the current window (does not count it)."""
    return count(request, bucket, key=key) < limit


def hit(request, bucket: str, *, key: str | None = None, window: int = WINDOW_SECONDS) -> int:
    """Count one attempt; returns the count in the window so far."""
    name = _key(request, bucket, key)
    if cache.add(name, 1, window):
        cache.set(f"{name}:ends", time.time() + window, window)
        return 1
    try:
        return cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.add(name, 1, window)
        cache.set(f"{name}:ends", time.time() + window, window)
        return 1


def clear(request, bucket: str, *, key: str | None = None) -> None:
    cache.delete(_key(request, bucket, key))


def limited(bucket: str, setting: str, *, methods=("POST",), template="security/limited.html"):
    """Decorate a view: requests of `methods` over settings.<setting> per hour get a Chinese 429 page;
    every such request is counted, whatever the view answers."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in methods:
                if not allowed(request, bucket, getattr(settings, setting)):
                    return render(request, template, {}, status=429)
                hit(request, bucket)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def _key(request, bucket: str, key: str | None) -> str:
    who = key if key is not None else client_address(request)
    # Hashed so that any text (a user name with spaces or CJK) makes a valid cache key.
    return f"ratelimit:{bucket}:{hashlib.sha256(who.encode('utf-8')).hexdigest()[:32]}"


def seconds_left(request, bucket: str, *, key: str | None = None, window: int = WINDOW_SECONDS) -> int:
    """Seconds until the current window ends and the count starts again (for a Retry-After header)."""
    ends = cache.get(f"{_key(request, bucket, key)}:ends")
    if ends is None:
        return window
    return max(1, int(ends - time.time() + 0.999))
