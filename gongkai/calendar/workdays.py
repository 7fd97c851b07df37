"""Working-day arithmetic backed by the calendar table; deadlines everywhere call these.

The table is read once per process and kept in memory. It is dropped when a year or a day is saved or
deleted in this process (signals, and again after commit), and re-read at most RELOAD_SECONDS later in other
processes (workers, other app servers), which see no signals; calendar amendments are rare and announced
days or weeks ahead, so that delay is harmless.

    add_workdays(d, n) -> date                                   raises MissingCalendarYear
    add_workdays(d, n, allow_provisional=True) -> WorkdayResult  (date, provisional)
    is_workday(d) -> bool
    count_workdays(start, end) -> int                            working days in (start, end]
"""

import threading
import time
from datetime import date

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from gongkai.rules import workdays as rules
from gongkai.rules.workdays import MissingCalendarYear, WorkdayResult

__all__ = [
    "MissingCalendarYear",
    "WorkdayResult",
    "add_workdays",
    "count_workdays",
    "current_calendar",
    "is_workday",
]

RELOAD_SECONDS = 300

_lock = threading.Lock()
_cached: rules.TableCalendar | None = None
_loaded_at = 0.0


def current_calendar() -> rules.TableCalendar:
    """The table as a pure-rules calendar (cached)."""
    global _cached, _loaded_at
    with _lock:
        if _cached is None or time.monotonic() - _loaded_at > RELOAD_SECONDS:
            _cached, _loaded_at = _load(), time.monotonic()
        return _cached


def invalidate() -> None:
    global _cached
    with _lock:
        _cached = None


def is_workday(d: date) -> bool:
    return rules.is_workday(d, current_calendar())


def add_workdays(d: date, n: int, *, allow_provisional: bool = False, include_start: bool = False):
    """See gongkai.rules.workdays.add_workdays: a date, or WorkdayResult when allow_provisional=True."""
    return rules.add_workdays(
        d, n, current_calendar(), allow_provisional=allow_provisional, include_start=include_start
    )


def count_workdays(start: date, end: date) -> int:
    return rules.count_workdays(start, end, current_calendar())


def _load() -> rules.TableCalendar:
    from .models import CalendarDay, CalendarYear

    rest: dict[int, set[date]] = {}
    makeup: dict[int, set[date]] = {}
    years = list(CalendarYear.objects.values_list("year", flat=True))
    for day, kind in CalendarDay.objects.values_list("date", "kind"):
        (makeup if kind == CalendarDay.Kind.WORKDAY else rest).setdefault(day.year, set()).add(day)
    return rules.TableCalendar(
        rules.YearCalendar(y, frozenset(rest.get(y, ())), frozenset(makeup.get(y, ()))) for y in years
    )


def _table_changed(**kwargs) -> None:
    invalidate()
    # A read inside the same transaction may have cached uncommitted rows; drop them again after commit.
    transaction.on_commit(invalidate)


def connect_signals() -> None:
    from .models import CalendarDay, CalendarYear

    for model in (CalendarYear, CalendarDay):
        post_save.connect(_table_changed, sender=model, dispatch_uid=f"calendar-cache-{model.__name__}-save")
        post_delete.connect(
            _table_changed, sender=model, dispatch_uid=f"calendar-cache-{model.__name__}-delete"
        )
