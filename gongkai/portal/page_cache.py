"""Rendered item pages, kept while nothing the portal shows has changed.

An item page is read far more often than anything on it changes, and rendering it costs several times
the work of answering the request. A rendered page is kept in the cache under its full address (the name
the site was reached by included, since a printed page names it) together with
the portal's generation — a number in the database that grows after every committed save or delete of an
agency, a disclosure record (catalogue, items, their events and attachments) or an annual report — so every server process
sees a change at its next request, which a per-process cache could not be told otherwise. The day is part
of the key because validity is read against today; entries also expire after PAGE_CACHE_SECONDS, which
bounds what a lost increment (a process killed between its commit and the increment) could leave behind.

Only anonymous readers with no messages waiting get a kept page: signed-in staff see their own header.

The same generation also keeps, per process, the few records every page reads (an agency by its code,
its categories, which items have interpretations): `remembered` computes them once per generation.
"""

import hashlib
import time
from collections.abc import Callable
from contextlib import suppress

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone

from gongkai.portal.models import PortalGeneration
from gongkai.portal.site import display_mode
from gongkai.statements import fetchone

SHOWN_APPS = ("agencies", "disclosure", "reports")


def generation() -> int:
    # Plain SQL: this is the one query of a kept page, and building the ORM query cost more than running it.
    row = fetchone(f"SELECT number FROM {PortalGeneration._meta.db_table} WHERE id = 1")
    return row[0] if row else 0


def _advance() -> None:
    if not PortalGeneration.objects.filter(pk=1).update(number=F("number") + 1):
        PortalGeneration.objects.get_or_create(pk=1, defaults={"number": 1})


def changed(**kwargs) -> None:
    # After the commit, in a short statement of its own: inside the writer's transaction the row would be
    # locked until commit and serialise every publication.
    transaction.on_commit(_advance)


def cacheable(request) -> bool:
    if request.method != "GET" or request.user.is_authenticated:
        return False
    storage = getattr(request, "_messages", None)
    return not (storage is not None and len(storage))


def key(*parts, current: int | None = None) -> str:
    # Hashed: an address can be long, and a shared (database) cache keeps keys of 255 characters at most.
    address = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()
    number = generation() if current is None else current
    return f"portal-page:{address}:{number}:{timezone.localdate().isoformat()}"


def get(page_key: str) -> str | None:
    return cache.get(page_key)


def put(page_key: str, html: str) -> None:
    cache.set(page_key, html, settings.PAGE_CACHE_SECONDS)


def serve(
    request, parts: tuple, render: Callable[[int], HttpResponse], current: int | None = None
) -> HttpResponse:
    """The page named by `parts`, from the cache for an anonymous reader, else `render(generation)` (kept).

    `current` is the generation when the caller read it already, with its own first statement."""
    if current is None:
        current = generation()
    # Kept once per display (standard or 适老化), which the page's markup carries, and per address of the
    # site: the printed page names the address it was read at.
    page_key = None
    if cacheable(request):
        page_key = key(*parts, display_mode(request), request.scheme, request.get_host(), current=current)
    if page_key is not None and (html := get(page_key)) is not None:
        return HttpResponse(html)
    response = render(current)
    if page_key is not None and response.status_code == 200:
        put(page_key, response.content.decode())
    return response


_remembered: dict = {}
# Agencies, their categories and their page frames (gongkai.portal.frames): a few per agency read.
REMEMBERED_MAX = 2048


def forget_remembered(**kwargs) -> None:
    """Drop everything `remembered` keeps (a test whose database was rolled back may see a generation
    number again that meant other records before; a changed setting may change what a frame shows)."""
    _remembered.clear()


setting_changed.connect(forget_remembered, dispatch_uid="portal-remembered-settings")


def remembered(name, current: int, compute: Callable[[], object]):
    """`compute()`, kept in this process while the portal's generation stays `current` (and
    PAGE_CACHE_SECONDS at most, like the pages). None is not kept: addresses that name nothing must
    not fill the memory."""
    now = time.monotonic()
    entry = _remembered.get(name)
    if entry is None or entry[0] != current or now - entry[1] > settings.PAGE_CACHE_SECONDS:
        entry = (current, now, compute())
        if entry[2] is None:
            _remembered.pop(name, None)
            return None
        if name not in _remembered and len(_remembered) >= REMEMBERED_MAX:
            # The longest kept; another thread may be dropping the same one, or adding one just now.
            with suppress(KeyError, RuntimeError, StopIteration):
                _remembered.pop(next(iter(_remembered)))
        _remembered[name] = entry
    return entry[2]


def connect() -> None:
    for app in SHOWN_APPS:
        for model in apps.get_app_config(app).get_models():
            post_save.connect(changed, sender=model, dispatch_uid=f"portal-page-{model._meta.label}-save")
            post_delete.connect(changed, sender=model, dispatch_uid=f"portal-page-{model._meta.label}-delete")
