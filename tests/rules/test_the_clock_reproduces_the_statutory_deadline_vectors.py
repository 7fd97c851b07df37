"""docs/law.md §2.3: the deadline vectors, run through the clock rather than the calendar alone."""

from datetime import date

import pytest

from gongkai.rules.clock import Event, Status, compute_clock


def d(text):
    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("received", "reply_due"),
    [
        ("2026-01-05", "2026-02-02"),
        ("2026-02-06", "2026-03-12"),
        ("2025-09-26", "2025-10-30"),
        ("2025-12-31", "2026-01-29"),
        ("2026-09-18", "2026-10-22"),
    ],
)
def test_the_reply_is_due_twenty_working_days_after_receipt(calendar, received, reply_due):
    state = compute_clock([Event("received", d(received))], calendar)
    assert state.reply_due == d(reply_due)
    assert state.status is Status.REGISTERED
    assert state.deadline_basis == "art33"


@pytest.mark.parametrize(
    ("received", "notice_due"),
    [("2026-02-06", "2026-02-24"), ("2026-04-30", "2026-05-13")],
)
def test_a_correction_notice_is_due_seven_working_days_after_receipt(calendar, received, notice_due):
    state = compute_clock([Event("received", d(received))], calendar)
    assert state.correction_notice_due == d(notice_due)


def test_the_longest_extension_gives_forty_working_days(calendar):
    events = [Event("received", d("2026-01-30")), Event("extension_approved", d("2026-02-27"), workdays=20)]
    state = compute_clock(events, calendar)
    assert state.reply_due == d("2026-04-02")
    assert state.status is Status.EXTENDED
    assert state.deadline_basis == "art33_extended"


def test_nothing_is_due_that_never_started(calendar):
    state = compute_clock([Event("received", d("2026-01-05"))], calendar)
    assert state.correction_due is None
    assert state.consultation_answer_due is None
    assert state.fee_payment_due is None
