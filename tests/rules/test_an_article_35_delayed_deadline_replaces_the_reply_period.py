"""Art. 35: after asking for reasons, the agency may set a reasonable later deadline that replaces Art. 33."""

from datetime import date

import pytest

from gongkai.rules.clock import ClockError, Event, Status, compute_clock


def d(text):
    return date.fromisoformat(text)


RECEIVED = Event("received", d("2026-01-05"))
REASONS = Event("reasons_requested", d("2026-01-08"))
DELAYED = Event("delayed_deadline_set", d("2026-01-15"), deadline=d("2026-03-31"))


def test_the_delayed_deadline_becomes_the_reply_due_date(calendar):
    state = compute_clock([RECEIVED, REASONS, DELAYED], calendar)
    assert state.reply_due == d("2026-03-31")
    assert state.deadline_basis == "art35"
    assert state.status is Status.EXTENDED


def test_a_delayed_deadline_needs_reasons_requested_first(calendar):
    with pytest.raises(ClockError, match="说明理由"):
        compute_clock([RECEIVED, DELAYED], calendar)


def test_no_article_33_extension_after_a_delayed_deadline(calendar):
    with pytest.raises(ClockError, match="第三十五条"):
        compute_clock(
            [RECEIVED, REASONS, DELAYED, Event("extension_approved", d("2026-01-20"), workdays=5)], calendar
        )


def test_asking_for_reasons_alone_does_not_move_the_due_date(calendar):
    assert compute_clock([RECEIVED, REASONS], calendar).reply_due == d("2026-02-02")
