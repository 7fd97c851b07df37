"""A decided case is answered when delivered (signing date or posting date); withdrawal ends it too."""

from datetime import date

import pytest

from gongkai.rules.clock import ClockError, DeliveryMethod, Event, Status, compute_clock


def d(text):
    return date.fromisoformat(text)


RECEIVED = Event("received", d("2026-01-05"))  # reply due 2026-02-02
DECIDED = Event("decided", d("2026-01-30"))


def test_a_decided_case_waits_for_delivery(calendar):
    state = compute_clock([RECEIVED, DECIDED], calendar)
    assert state.status is Status.DECIDED
    assert state.status.label == "已答复"
    assert state.decided_on == d("2026-01-30")


def test_posting_on_the_due_date_is_in_time(calendar):
    state = compute_clock([RECEIVED, DECIDED, Event("delivered", d("2026-02-02"), method="post")], calendar)
    assert state.status is Status.DELIVERED
    assert state.delivery_method is DeliveryMethod.POST
    assert state.answered_late is False


def test_signing_the_day_after_the_due_date_is_late(calendar):
    state = compute_clock([RECEIVED, DECIDED, Event("delivered", d("2026-02-03"), method="direct")], calendar)
    assert state.answered_late is True


def test_an_answer_on_the_spot_is_due_the_same_day(calendar):
    events = [
        RECEIVED,
        Event("decided", d("2026-01-05")),
        Event("delivered", d("2026-01-05"), method="direct"),
    ]
    state = compute_clock(events, calendar)
    assert state.answered_late is False


def test_a_withdrawn_application_owes_no_reply(calendar):
    state = compute_clock([RECEIVED, Event("withdrawn", d("2026-01-20"))], calendar, as_of=d("2026-03-01"))
    assert state.status is Status.WITHDRAWN
    assert state.overdue is False
    assert state.workdays_left is None


@pytest.mark.parametrize(
    "last",
    [Event("withdrawn", d("2026-02-05")), Event("delivered", d("2026-02-05"), method="post")],
)
def test_nothing_may_follow_a_delivery(calendar, last):
    delivered = Event("delivered", d("2026-02-02"), method="direct")
    with pytest.raises(ClockError, match="送达"):
        compute_clock([RECEIVED, DECIDED, delivered, last], calendar)


def test_nothing_may_follow_a_withdrawal(calendar):
    with pytest.raises(ClockError, match="撤回"):
        compute_clock([RECEIVED, Event("withdrawn", d("2026-01-20")), DECIDED], calendar)


def test_delivery_needs_a_decision_first(calendar):
    with pytest.raises(ClockError, match="尚未作出答复决定"):
        compute_clock([RECEIVED, Event("delivered", d("2026-01-20"), method="post")], calendar)
