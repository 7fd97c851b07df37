"""Art. 33: one extension, of at most 20 working days, approved on or before the current due date."""

from datetime import date

import pytest

from gongkai.rules.clock import ClockError, Event, compute_clock


def d(text):
    return date.fromisoformat(text)


RECEIVED = Event("received", d("2026-01-30"))  # reply due 2026-03-05


def extension(on, workdays):
    return Event("extension_approved", d(on), workdays=workdays)


def test_an_extension_adds_its_working_days_to_the_due_date(calendar):
    state = compute_clock([RECEIVED, extension("2026-03-02", 5)], calendar)
    # 03-05 Thu + 5 working days: 03-06, 09, 10, 11, 12.
    assert state.reply_due == d("2026-03-12")
    assert state.extension_workdays == 5


def test_an_extension_may_be_approved_on_the_due_date_itself(calendar):
    assert compute_clock([RECEIVED, extension("2026-03-05", 20)], calendar).reply_due == d("2026-04-02")


def test_an_extension_after_the_due_date_is_refused(calendar):
    with pytest.raises(ClockError, match="届满前"):
        compute_clock([RECEIVED, extension("2026-03-06", 10)], calendar)


@pytest.mark.parametrize("workdays", [21, 0, -3])
def test_an_extension_outside_one_to_twenty_working_days_is_refused(calendar, workdays):
    with pytest.raises(ClockError, match="20 个工作日"):
        compute_clock([RECEIVED, extension("2026-02-27", workdays)], calendar)


def test_a_second_extension_is_refused(calendar):
    with pytest.raises(ClockError, match="只能批准一次"):
        compute_clock([RECEIVED, extension("2026-02-27", 5), extension("2026-03-10", 5)], calendar)


def test_the_due_date_a_late_extension_is_checked_against_includes_consultation_days(calendar):
    # Consultation days 02-03, 04, 05 move 03-05 to 03-10, so an extension approved on 03-10 is in time.
    events = [
        RECEIVED,
        Event("consultation_sent", d("2026-02-02"), party="third_party"),
        Event("consultation_answered", d("2026-02-05"), party="third_party"),
        extension("2026-03-10", 1),
    ]
    assert compute_clock(events, calendar).reply_due == d("2026-03-11")
