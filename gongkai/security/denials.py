"""Refused requests in the audit trail, counted per minute, actor and kind so that a flood of them writes
a handful of entries, not one each.

What counts as a refusal (one place: DeniedActionAuditMiddleware, plus the log-in backend and the password
change form, which refuse before any response exists):

    auth.refused       a log-in refused before its password was checked (address over limit, locked, …)
    password.refused   a password change refused after too many wrong current passwords
    csrf               a form posted without a valid CSRF token
    http.403           any other refusal of a signed-in person or an anonymous visitor
    http.404           a signed-in person asking for what is not theirs to see (another agency's record
                       answers 404); anonymous 404s are the web's noise and are not kept
    http.429           a request over a rate limit

note(request, kind, …) adds one to the minute's tally (table security_denialtally, outside the chain) and
writes every tally of an earlier minute to the chain as one `security.denied` entry with its count, the
address, the first path and reason. Completed minutes are also written when anyone logs in.
"""

import time

from django.db import connection, transaction

from gongkai import audit

from . import ratelimit
from .models import DenialTally


def _actor(request):
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def note(request, kind: str, **details) -> None:
    actor = _actor(request)
    minute = int(time.time() // 60)
    detail = "；".join(f"{k}={v}" for k, v in details.items())[:200]
    table = connection.ops.quote_name(DenialTally._meta.db_table)
    sql = (
        f'INSERT INTO {table} (minute, kind, actor_id, actor_name, address, "count", path, detail) '
        f"VALUES (%s, %s, %s, %s, %s, 1, %s, %s) "
        f"ON CONFLICT (minute, kind, actor_id, address) DO UPDATE SET "
        f'"count" = {table}."count" + 1'
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [
                minute,
                kind,
                actor.pk if actor else 0,
                actor.get_username()[:150] if actor else "",
                ratelimit.client_address(request)[:64],
                request.get_full_path()[:200],
                detail,
            ],
        )
    flush(before=minute)


def flush(before: int | None = None) -> int:
    """Write the tallies of minutes before `before` (default: the current minute) to the audit trail;
    returns how many entries were written."""
    before = int(time.time() // 60) if before is None else before
    if not DenialTally.objects.filter(minute__lt=before).exists():
        return 0
    written = 0
    with transaction.atomic():
        tallies = list(
            DenialTally.objects.select_for_update(skip_locked=True)
            .filter(minute__lt=before)
            .order_by("minute", "pk")
        )
        for tally in tallies:
            audit.record(
                "security.denied",
                actor=_Named(tally.actor_id, tally.actor_name) if tally.actor_id else None,
                details={
                    "kind": tally.kind,
                    "count": tally.count,
                    "minute": time.strftime("%Y-%m-%dT%H:%M:00Z", time.gmtime(tally.minute * 60)),
                    "ip": tally.address,
                    "path": tally.path,
                    "detail": tally.detail,
                },
            )
            written += 1
        DenialTally.objects.filter(pk__in=[t.pk for t in tallies]).delete()
    return written


class _Named:
    """The actor of a tally as the audit trail records one: the id and name, the user may be gone."""

    def __init__(self, pk, name):
        self.pk = pk
        self.name = name

    def get_username(self):
        return self.name

    def get_full_name(self):
        return ""

    def __str__(self):
        return self.name


def kind_of(request, response) -> str | None:
    """Which refusal a response is, if it is one worth keeping (see the module)."""
    status = response.status_code
    if status == 429:
        return "http.429"
    if status == 403:
        return getattr(request, "gongkai_denied", None) or "http.403"
    if status == 404 and _actor(request) is not None:
        return "http.404"
    return None


class DeniedActionAuditMiddleware:
    """Notes every refusal the views and the CSRF check answer; placed outside them so none is missed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        kind = kind_of(request, response)
        if kind is not None:
            note(request, kind, status=response.status_code)
        return response
