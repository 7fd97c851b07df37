"""allowed_events answers which events may be recorded next, with their limits: one correction notice and
none once handling began (Art. 30), one extension of at most the configured working days before the reply
period runs out (Art. 33), a delayed deadline only after reasons were asked for (Art. 35), a payment only
while a fee notice waits, delivery only after the decision. What it offers the clock accepts; what it
leaves out the clock refuses, except a second consultation while one is awaited and anything but the
decision once a case is deemed abandoned."""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.rules.clock import (
    ClockError,
    ClockSettings,
    Event,
    EventType,
    NextEvent,
    Party,
    Status,
    allowed_events,
    compute_clock,
)


def d(text):
    return date.fromisoformat(text)


RECEIVED = Event("received", d("2026-01-30"))  # reply due 2026-03-05
NOTICE = Event("correction_requested", d("2026-02-02"), correction_deadline=d("2026-02-20"))
CONSULTED = Event("consultation_sent", d("2026-02-02"), party="third_party")


def offered(events, calendar, **kwargs):
    return {e.type: e for e in allowed_events(events, calendar, **kwargs)}


def test_a_fresh_case_may_be_corrected_consulted_extended_charged_decided_or_withdrawn(calendar):
    fresh = offered([RECEIVED], calendar)
    assert list(fresh) == [
        EventType.CORRECTION_REQUESTED,
        EventType.CONSULTATION_SENT,
        EventType.EXTENSION_APPROVED,
        EventType.REASONS_REQUESTED,
        EventType.FEE_NOTICE_RECEIVED,
        EventType.DECIDED,
        EventType.WITHDRAWN,
    ]
    assert all(e.not_before == d("2026-01-30") for e in fresh.values())


def test_an_extension_is_offered_once_up_to_the_configured_maximum_until_the_due_date(calendar):
    extension = offered([RECEIVED], calendar)[EventType.EXTENSION_APPROVED]
    assert (extension.max_workdays, extension.latest) == (20, d("2026-03-05"))
    shorter = offered([RECEIVED], calendar, settings=ClockSettings(max_extension_workdays=15))
    assert shorter[EventType.EXTENSION_APPROVED].max_workdays == 15

    extended = [RECEIVED, Event("extension_approved", d("2026-03-02"), workdays=5)]
    assert EventType.EXTENSION_APPROVED not in offered(extended, calendar)
    # Reasons asked for after the due date: no date is left on which an extension could be approved.
    late = [RECEIVED, Event("reasons_requested", d("2026-03-06"))]
    assert EventType.EXTENSION_APPROVED not in offered(late, calendar)


def test_the_latest_extension_date_counts_the_consultation_days(calendar):
    answered = [RECEIVED, CONSULTED, Event("consultation_answered", d("2026-02-05"), party="third_party")]
    assert offered(answered, calendar)[EventType.EXTENSION_APPROVED].latest == d("2026-03-10")


def test_a_correction_is_requested_once_and_nothing_else_is_handled_meanwhile(calendar):
    correcting = offered([RECEIVED, NOTICE], calendar)
    assert list(correcting) == [EventType.CORRECTION_RECEIVED, EventType.DECIDED, EventType.WITHDRAWN]
    corrected = offered([RECEIVED, NOTICE, Event("correction_received", d("2026-02-10"))], calendar)
    assert EventType.CORRECTION_REQUESTED not in corrected
    assert EventType.CORRECTION_RECEIVED not in corrected
    assert EventType.CONSULTATION_SENT in corrected


def test_no_correction_is_requested_once_handling_began(calendar):
    assert EventType.CORRECTION_REQUESTED not in offered([RECEIVED, CONSULTED], calendar)


def test_a_consultation_waits_for_its_answer_from_the_party_asked(calendar):
    consulting = offered([RECEIVED, CONSULTED], calendar)
    assert consulting[EventType.CONSULTATION_ANSWERED].parties == (Party.THIRD_PARTY,)
    assert EventType.CONSULTATION_SENT not in consulting
    # Once its 15 working days have run out, another consultation may be sent; the answer may still come.
    expired = offered([RECEIVED, CONSULTED], calendar, as_of=d("2026-03-02"))
    assert {EventType.CONSULTATION_SENT, EventType.CONSULTATION_ANSWERED} <= set(expired)


def test_a_delayed_deadline_needs_reasons_first_and_is_set_once(calendar):
    assert EventType.DELAYED_DEADLINE_SET not in offered([RECEIVED], calendar)
    asked = [RECEIVED, Event("reasons_requested", d("2026-02-02"))]
    assert EventType.REASONS_REQUESTED not in offered(asked, calendar)
    assert EventType.DELAYED_DEADLINE_SET in offered(asked, calendar)
    delayed = offered(
        [*asked, Event("delayed_deadline_set", d("2026-02-03"), deadline=d("2026-04-30"))], calendar
    )
    assert EventType.DELAYED_DEADLINE_SET not in delayed
    assert EventType.EXTENSION_APPROVED not in delayed


def test_a_fee_is_paid_while_its_notice_waits_and_an_unpaid_case_is_only_closed(calendar):
    charged = [RECEIVED, Event("fee_notice_received", d("2026-02-02"))]
    waiting = offered(charged, calendar, as_of=d("2026-02-10"))
    assert EventType.FEE_PAID in waiting and EventType.FEE_NOTICE_RECEIVED not in waiting
    assert list(offered(charged, calendar, as_of=d("2026-04-01"))) == [EventType.DECIDED]


def test_a_case_not_corrected_in_time_is_only_closed_with_its_decision(calendar):
    assert list(offered([RECEIVED, NOTICE], calendar, as_of=d("2026-02-23"))) == [EventType.DECIDED]


def test_after_the_decision_only_delivery_and_after_delivery_or_withdrawal_nothing(calendar):
    decided = [RECEIVED, Event("decided", d("2026-02-10"))]
    assert list(offered(decided, calendar)) == [EventType.DELIVERED]
    assert offered([*decided, Event("delivered", d("2026-02-11"), method="post")], calendar) == {}
    assert offered([RECEIVED, Event("withdrawn", d("2026-02-02"))], calendar) == {}


def test_impossible_events_get_the_clocks_reason(calendar):
    with pytest.raises(ClockError, match="第一个事件必须是"):
        allowed_events([Event("decided", d("2026-01-30"))], calendar)


# --- what is offered and what the clock accepts agree -------------------------------------------------


def instance(next_event, day=None, workdays=None) -> Event:
    """The event offered, on `day` (its earliest date by default) with fields inside its limits."""
    day = day or next_event.not_before
    fields = {
        EventType.CORRECTION_REQUESTED: {"correction_deadline": day + timedelta(days=10)},
        EventType.CONSULTATION_SENT: {"party": "agency"},
        EventType.CONSULTATION_ANSWERED: {"party": next_event.parties[0]} if next_event.parties else {},
        EventType.EXTENSION_APPROVED: {"workdays": workdays or next_event.max_workdays or 20},
        EventType.DELAYED_DEADLINE_SET: {"deadline": day + timedelta(days=30)},
        EventType.DELIVERED: {"method": "post"},
    }.get(next_event.type, {})
    return Event(next_event.type, day, **fields)


def accepted(events, calendar) -> bool:
    try:
        compute_clock(events, calendar)
    except ClockError:
        return False
    return True


@st.composite
def histories(draw):
    """(events so far, as_of) pairs along a case that only ever takes an offered step."""
    return draw(st.dates(min_value=date(2019, 1, 2), max_value=date(2025, 6, 30))), draw(
        st.lists(st.tuples(st.integers(0, 12), st.integers(0, 6), st.integers(1, 20)), max_size=8)
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(history=histories(), as_of_offset=st.one_of(st.none(), st.integers(0, 40)))
def test_what_is_offered_is_accepted_and_what_is_left_out_is_refused(calendar, history, as_of_offset):
    received, steps = history
    events = [Event("received", received)]
    for choice, days_later, workdays in steps:
        as_of = None if as_of_offset is None else events[-1].date + timedelta(days=as_of_offset)
        next_events = allowed_events(events, calendar, as_of=as_of)
        offered_types = {e.type for e in next_events}
        for next_event in next_events:
            assert accepted([*events, instance(next_event)], calendar), next_event
        status = compute_clock(events, calendar, as_of=as_of).status
        for left_out in set(EventType) - offered_types:
            probe = instance(NextEvent(left_out, events[-1].date))
            if accepted([*events, probe], calendar):
                # The two choices that go further than the clock.
                assert (left_out is EventType.CONSULTATION_SENT and status is Status.IN_CONSULTATION) or (
                    status in (Status.ABANDONED_NO_CORRECTION, Status.ABANDONED_UNPAID)
                ), (left_out, status)
        if not next_events:
            break
        step = next_events[choice % len(next_events)]
        day = step.not_before + timedelta(days=days_later)
        if step.latest is not None:
            day = min(day, step.latest)
        events.append(instance(step, day, workdays=min(workdays, step.max_workdays or workdays)))
        assert accepted(events, calendar), events[-1]
