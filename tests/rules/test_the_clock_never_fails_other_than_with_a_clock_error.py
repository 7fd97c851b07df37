"""Properties over random event lists: only ClockError escapes, and the reply period is never short."""

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.rules.clock import ClockError, Event, EventType, compute_clock
from gongkai.rules.workdays import add_workdays, is_workday

START = date(2019, 1, 2)
# Late enough to cross years, early enough that 20 + 20 + 15 + 20 working days stay inside 2026.
END = date(2025, 6, 30)


@st.composite
def event_lists(draw):
    first = draw(st.dates(min_value=START, max_value=END))
    events = [Event("received", first)]
    day = first
    for _ in range(draw(st.integers(0, 8))):
        day = day + timedelta(days=draw(st.integers(0, 15)))
        kind = draw(st.sampled_from([t for t in EventType if t is not EventType.RECEIVED]))
        extra = {}
        if kind is EventType.CORRECTION_REQUESTED:
            extra["correction_deadline"] = day + timedelta(days=draw(st.integers(-2, 30)))
        elif kind is EventType.EXTENSION_APPROVED:
            extra["workdays"] = draw(st.integers(-1, 25))
        elif kind in (EventType.CONSULTATION_SENT, EventType.CONSULTATION_ANSWERED):
            extra["party"] = draw(st.sampled_from(["third_party", "agency"]))
        elif kind is EventType.DELAYED_DEADLINE_SET:
            extra["deadline"] = day + timedelta(days=draw(st.integers(-5, 90)))
        elif kind is EventType.DELIVERED:
            extra["method"] = draw(st.sampled_from(["direct", "post"]))
        events.append(Event(kind, day, **extra))
    return events


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(events=event_lists(), as_of_offset=st.one_of(st.none(), st.integers(0, 60)))
def test_random_events_give_a_state_or_a_clock_error(calendar, events, as_of_offset):
    as_of = None if as_of_offset is None else events[-1].date + timedelta(days=as_of_offset)
    try:
        state = compute_clock(events, calendar, as_of=as_of)
    except ClockError as exc:
        assert str(exc)  # always a reason
        return
    if state.deadline_basis in ("art33", "art33_extended"):
        # No pause or extension ever shortens the Art. 33 period.
        assert state.reply_due >= add_workdays(state.clock_start, 20 + state.extension_workdays, calendar)
    assert state.status.label


@st.composite
def consultations(draw):
    received = draw(st.dates(min_value=START, max_value=END))
    events = [Event("received", received)]
    day = received
    for _ in range(draw(st.integers(1, 3))):
        sent = day + timedelta(days=draw(st.integers(0, 12)))
        answered = sent + timedelta(days=draw(st.integers(0, 30)))
        events += [
            Event("consultation_sent", sent, party="third_party"),
            Event("consultation_answered", answered, party="third_party"),
        ]
        day = answered
    return events


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(events=consultations())
def test_exactly_twenty_unpaused_working_days_lead_to_the_due_date(calendar, events):
    state = compute_clock(events, calendar)
    windows = []
    for sent, answered in zip(events[1::2], events[2::2], strict=True):
        window_end = add_workdays(sent.date, 15, calendar)
        windows.append((sent.date, min(answered.date, window_end)))
    counted = 0
    day = state.clock_start
    while day < state.reply_due:
        day += timedelta(days=1)
        if is_workday(day, calendar) and not any(a < day <= b for a, b in windows):
            counted += 1
    assert counted == 20
    assert is_workday(state.reply_due, calendar)
    assert not any(a < state.reply_due <= b for a, b in windows)


# The same promise for events as they arrive from outside (the CLI's JSON, an import): any JSON value in
# any field gives a state, a ClockError or a MissingCalendarYear — never a TypeError or KeyError.
JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.dates(min_value=START, max_value=END).map(date.isoformat),
)
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.lists(inner, max_size=3), max_leaves=5)
FIELDS = ["type", "date", "workdays", "correction_deadline", "party", "deadline", "method"]


@st.composite
def raw_events(draw):
    events = []
    for _ in range(draw(st.integers(0, 6))):
        event = {}
        for field in draw(st.lists(st.sampled_from(FIELDS), unique=True)):
            if field == "type" and draw(st.booleans()):
                event[field] = draw(st.sampled_from([t.value for t in EventType]))
            elif field == "party" and draw(st.booleans()):
                event[field] = draw(st.sampled_from(["third_party", "agency"]))
            elif field == "method" and draw(st.booleans()):
                event[field] = draw(st.sampled_from(["direct", "post"]))
            else:
                event[field] = draw(JSON_VALUES)
        events.append(draw(st.one_of(st.just(event), JSON_VALUES)) if draw(st.integers(0, 9)) == 0 else event)
    return events


@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(items=raw_events())
def test_any_json_event_list_gives_a_state_or_a_reason(calendar, items):
    from gongkai.rules.clock import parse_events
    from gongkai.rules.workdays import MissingCalendarYear

    try:
        state = compute_clock(parse_events(items), calendar)
    except (ClockError, MissingCalendarYear) as exc:
        assert str(exc)
        return
    assert state.status.label
