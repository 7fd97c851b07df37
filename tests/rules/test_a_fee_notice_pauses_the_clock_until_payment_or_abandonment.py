"""109号 (docs/law.md §5, §11): 20 working days to pay; unpaid → deemed abandoned."""

from datetime import date

import pytest

from gongkai.rules.clock import ClockError, ClockSettings, Event, Status, compute_clock


def d(text):
    return date.fromisoformat(text)


RECEIVED = Event("received", d("2026-01-05"))  # reply due 2026-02-02
NOTICE = Event("fee_notice_received", d("2026-01-12"))
PAID = Event("fee_paid", d("2026-01-16"))


def test_payment_is_due_twenty_working_days_after_the_notice_arrives(calendar):
    # 01-13…16 (4), 19…23 (9), 26…30 (14), 02-02…06 (19), 02-09 (20).
    state = compute_clock([RECEIVED, NOTICE], calendar)
    assert state.fee_payment_due == d("2026-02-09")
    assert state.status is Status.AWAITING_FEE


def test_the_days_until_payment_are_not_counted_by_default(calendar):
    state = compute_clock([RECEIVED, NOTICE, PAID], calendar)
    assert state.reply_due == d("2026-02-06")  # 02-02 + the four working days 01-13…16
    assert state.status is Status.IN_PROGRESS


def test_the_pause_can_be_switched_off(calendar):
    state = compute_clock([RECEIVED, NOTICE, PAID], calendar, settings=ClockSettings(fee_pauses_clock=False))
    assert state.reply_due == d("2026-02-02")


def test_an_unpaid_fee_abandons_the_application_after_the_payment_period(calendar):
    on_last_day = compute_clock([RECEIVED, NOTICE], calendar, as_of=d("2026-02-09"))
    after = compute_clock([RECEIVED, NOTICE], calendar, as_of=d("2026-02-10"))
    assert on_last_day.status is Status.AWAITING_FEE
    assert after.status is Status.ABANDONED_UNPAID
    assert after.status.label == "视为放弃（逾期未缴费）"
    assert after.overdue is False


def test_a_fee_paid_without_a_notice_is_refused(calendar):
    with pytest.raises(ClockError, match="没有待缴费的收费通知"):
        compute_clock([RECEIVED, PAID], calendar)


def test_a_second_notice_while_the_first_is_unpaid_is_refused(calendar):
    with pytest.raises(ClockError, match="尚未缴费"):
        compute_clock([RECEIVED, NOTICE, Event("fee_notice_received", d("2026-01-13"))], calendar)
