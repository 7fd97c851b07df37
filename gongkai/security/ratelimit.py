"""Fixed-window counters for public forms, log-in and the API.

    if not ratelimit.allowed(request, "apply", limit):   # refuse before doing the work
        ...
    ratelimit.hit(request, "apply")                        # count what was done

    @ratelimit.limited("api", "API_RATE_LIMIT")            # a view: 429 in Chinese over the limit
    def view(request): ...

Counters are per client address by default; `key=` counts something else (e.g. a user name). The address
is REMOTE_ADDR, which gongkai.security.proxies sets from X-Forwarded-For when the request comes through a
proxy listed in GONGKAI_TRUSTED_PROXIES (never from the header alone, which anyone can write).

Where the counts live (settings.RATE_LIMIT_STORE):
- "database" (the default unless DEBUG): a row per window in the security_ratecounter table, counted with
  one INSERT … ON CONFLICT DO UPDATE … RETURNING, the same SQL on SQLite and PostgreSQL. Every worker
  process and every app server on the database shares it, and no two requests can count apart.
- "memory" (DEBUG): Django's cache of the process, enough for one development server.
"""

import functools
import hashlib
import random
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.shortcuts import render

WINDOW_SECONDS = 3600
# One hit in this many also deletes windows that ended, so the table holds only live windows.
SWEEP_EVERY = 200


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR") or "unknown"


def _shared() -> bool:
    return getattr(settings, "RATE_LIMIT_STORE", "database") == "database"


def count(request, bucket: str, *, key: str | None = None) -> int:
    name = _key(request, bucket, key)
    if not _shared():
        return cache.get(name) or 0
    found = _row(name)
    return found[0] if found and found[1] > time.time() else 0


def allowed(request, bucket: str, limit: int, *, key: str | None = None) -> bool:
    """True if another attempt fits under `limit` in the current window (does not count it)."""
    return count(request, bucket, key=key) < limit


def hit(request, bucket: str, *, key: str | None = None, window: int = WINDOW_SECONDS) -> int:
    """Count one attempt; returns the count in the window so far."""
    name = _key(request, bucket, key)
    if _shared():
        return _hit_row(name, window)
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
    name = _key(request, bucket, key)
    if _shared():
        from .models import RateCounter

        RateCounter.objects.filter(key=name).delete()
    else:
        cache.delete(name)


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


def seconds_left(request, bucket: str, *, key: str | None = None, window: int = WINDOW_SECONDS) -> int:
    """Seconds until the current window ends and the count starts again (for a Retry-After header)."""
    name = _key(request, bucket, key)
    if _shared():
        found = _row(name)
        ends = found[1] if found else None
    else:
        ends = cache.get(f"{name}:ends")
    if ends is None or ends <= time.time():
        return window
    return max(1, int(ends - time.time() + 0.999))


def _key(request, bucket: str, key: str | None) -> str:
    who = key if key is not None else client_address(request)
    # Hashed so that any text (a user name with spaces or CJK) makes a valid cache key.
    return f"ratelimit:{bucket}:{hashlib.sha256(who.encode('utf-8')).hexdigest()[:32]}"


def _table() -> str:
    from .models import RateCounter

    return connection.ops.quote_name(RateCounter._meta.db_table)


def _row(name: str):
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT "count", window_ends FROM {_table()} WHERE "key" = %s', [name])
        return cursor.fetchone()


def _hit_row(name: str, window: int) -> int:
    now = time.time()
    table = _table()
    # A window that has ended starts again at 1; the row's old values are what the CASEs read.
    sql = (
        f'INSERT INTO {table} ("key", "count", window_ends) VALUES (%s, 1, %s) '
        f'ON CONFLICT ("key") DO UPDATE SET '
        f'"count" = CASE WHEN {table}.window_ends <= %s THEN 1 ELSE {table}."count" + 1 END, '
        f"window_ends = CASE WHEN {table}.window_ends <= %s THEN excluded.window_ends "
        f"ELSE {table}.window_ends END "
        f'RETURNING "count"'
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [name, now + window, now, now])
        counted = cursor.fetchone()[0]
        if random.randrange(SWEEP_EVERY) == 0:
            cursor.execute(f"DELETE FROM {table} WHERE window_ends < %s", [now])
    return counted
