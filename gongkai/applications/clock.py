"""The statutory clock of a stored case: its events handed to the pure clock with the database calendar.

Nothing here is stored, so due dates follow every calendar amendment. Counting convention (the clock's,
gongkai.rules.clock): N working days after a date start counting on the next day; consultation days (and,
by default, days waiting for a fee) are not counted.

    clock_events(application, extra=None) -> list[rules Event]
    clock_state(application, as_of=None) -> CaseClock         raises ClockError
    check_events(application, new_event) -> CaseClock         what the case would be with one more event
    next_events(application, as_of=None) -> {EventType: NextEvent}   what may be recorded next (ClockError)

A period that runs into a year whose holiday notice is not yet in the calendar table (every case received
from late November on) is counted Monday–Friday for that year, less its fixed-date holidays (元旦, 劳动节, 国庆节), as gongkai.rules.workdays allows with
allow_provisional, and the result says so (`provisional_years`), to be shown as 临时 until the notice is
entered — refusing to compute would stop all work in December.
"""

from datetime import date

from django.utils import timezone

from gongkai.calendar.workdays import current_calendar
from gongkai.rules.clock import ClockState, Event, EventType, NextEvent, allowed_events, compute_clock
from gongkai.rules.workdays import WorkdayCalendar, YearCalendar, fixed_date_holidays

CLOCK_FIELDS = ("workdays", "correction_deadline", "party", "deadline", "method")
DATE_FIELDS = ("correction_deadline", "deadline")


def to_clock_event(event) -> Event:
    """A stored ApplicationEvent (or anything with type, date and data) as the clock's Event."""
    fields = {}
    for name in CLOCK_FIELDS:
        value = (event.data or {}).get(name)
        if value is None:
            continue
        if name in DATE_FIELDS and isinstance(value, str):
            value = date.fromisoformat(value)
        fields[name] = value
    return Event(type=event.type, date=event.date, **fields)


CLOCK_KINDS = frozenset(t.value for t in EventType)


def _stored_events(application) -> list:
    """The live events the clock counts (not the internal ones: assignment, notes), in the order they
    happened. A prefetch (queues, lists) is used when present."""
    cache = getattr(application, "_prefetched_objects_cache", {})
    events = cache.get("events")
    if events is None:
        events = application.events.all()
    events = [e for e in events if e.type in CLOCK_KINDS and e.voided_at is None]
    return sorted(events, key=lambda e: (e.date, e.pk or 0))


def clock_events(application, extra=None) -> list[Event]:
    events = [to_clock_event(e) for e in _stored_events(application)]
    if extra is not None:
        events.append(extra)
    return events


class ProvisionalCalendar:
    """The calendar table, with years it lacks counted Monday–Friday; remembers which years those were."""

    def __init__(self, base: WorkdayCalendar):
        self.base = base
        self.missing: set[int] = set()

    def year_data(self, year: int) -> YearCalendar:
        data = self.base.year_data(year)
        if data is None:
            self.missing.add(year)
            return fixed_date_holidays(year)
        return data


class CaseClock:
    """The clock's ClockState (every attribute passes through) plus the years counted provisionally."""

    def __init__(self, state: ClockState, provisional_years: set[int]):
        self.state = state
        self.provisional_years = sorted(provisional_years)

    @property
    def provisional(self) -> bool:
        return bool(self.provisional_years)

    def __getattr__(self, name):
        return getattr(self.state, name)


def _compute(events, as_of=None) -> CaseClock:
    calendar = ProvisionalCalendar(current_calendar())
    state = compute_clock(events, calendar, as_of=as_of)
    return CaseClock(state, calendar.missing)


def _as_of(application, events) -> date:
    """Today, or the last event's date if one was recorded ahead of today."""
    return max(timezone.localdate(), max((e.date for e in events), default=application.received_on))


def clock_state(application, as_of: date | None = None) -> CaseClock:
    """Where the case stands on `as_of` (today by default; never before its last event)."""
    events = clock_events(application)
    return _compute(events, as_of or _as_of(application, events))


def next_events(application, as_of: date | None = None) -> dict[EventType, NextEvent]:
    """The events the law lets come next in the case on `as_of` (as clock_state), by type."""
    events = clock_events(application)
    calendar = ProvisionalCalendar(current_calendar())
    allowed = allowed_events(events, calendar, as_of=as_of or _as_of(application, events))
    return {event.type: event for event in allowed}


def check_events(application, new_event: Event) -> CaseClock:
    """The state after adding `new_event`; raises ClockError when the clock refuses it."""
    return _compute(clock_events(application, new_event))
