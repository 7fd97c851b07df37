"""Correcting a case's record (architecture principle 4) and the Art. 30 limit named before saving."""

from datetime import date

import pytest

from gongkai.rules.clock import ClockError, Event, EventType, Status, compute_clock
from gongkai.rules.corrections import check_replacement, check_void, limits_passed, upcoming_limit


def d(text):
    return date.fromisoformat(text)


RECEIVED = Event("received", d("2026-01-05"))  # Art. 30 notice due 2026-01-14, reply due 2026-02-02
NOTICE = Event("correction_requested", d("2026-01-08"), correction_deadline=d("2026-01-20"))
CORRECTED = Event("correction_received", d("2026-01-12"))


def test_voiding_a_correction_notice_with_nothing_after_it_puts_the_clock_back_on_the_receipt(calendar):
    state = check_void([RECEIVED, NOTICE], 1, calendar)
    assert state.status is Status.REGISTERED
    assert state.reply_due == d("2026-02-02")


def test_a_correction_notice_cannot_be_voided_while_the_correction_it_asked_for_stands(calendar):
    with pytest.raises(ClockError, match="作废“发出补正告知”后，其余记录不成立"):
        check_void([RECEIVED, NOTICE, CORRECTED], 1, calendar)


def test_the_receipt_cannot_be_voided_only_corrected(calendar):
    with pytest.raises(ClockError, match="不能作废"):
        check_void([RECEIVED, NOTICE], 0, calendar)
    state = check_replacement([RECEIVED, NOTICE], 0, Event("received", d("2026-01-06")), calendar)
    assert state.received_on == d("2026-01-06")


def test_a_replaced_event_moves_the_clock_to_the_corrected_date(calendar):
    later = Event("correction_received", d("2026-01-19"))
    state = check_replacement([RECEIVED, NOTICE, CORRECTED], 2, later, calendar)
    assert state.clock_start == d("2026-01-19")
    assert state.reply_due > compute_clock([RECEIVED, NOTICE, CORRECTED], calendar).reply_due


def test_a_replacement_that_breaks_the_order_of_the_case_is_refused(calendar):
    before_notice = Event("correction_received", d("2026-01-07"))
    with pytest.raises(ClockError, match="更正后的记录不成立"):
        check_replacement([RECEIVED, NOTICE, CORRECTED], 2, before_notice, calendar)


def test_a_correction_notice_after_seven_working_days_names_the_limit_it_passes(calendar):
    late = Event("correction_requested", d("2026-01-15"), correction_deadline=d("2026-01-30"))
    passed = limits_passed([RECEIVED], late, calendar)
    assert len(passed) == 1
    assert "7 个工作日的期限 2026-01-14" in passed[0] and "第三十条" in passed[0]
    assert limits_passed([RECEIVED], NOTICE, calendar) == ()


def test_re_entering_a_late_notice_is_confirmed_again(calendar):
    late = Event("correction_requested", d("2026-01-15"), correction_deadline=d("2026-01-30"))
    also_late = Event("correction_requested", d("2026-01-16"), correction_deadline=d("2026-01-30"))
    assert limits_passed([RECEIVED, late], also_late, calendar, replacing=1)


def test_the_form_shows_the_correction_limit_and_whether_today_is_past_it(calendar):
    state = compute_clock([RECEIVED], calendar)
    on_time = upcoming_limit(state, EventType.CORRECTION_REQUESTED, d("2026-01-14"))
    late = upcoming_limit(state, EventType.CORRECTION_REQUESTED, d("2026-01-15"))
    assert on_time.latest == d("2026-01-14") and not on_time.passed
    assert late.passed and "今天已超过该期限" in late.text and "第三十条" in late.text
    assert upcoming_limit(state, EventType.WITHDRAWN, d("2026-01-15")) is None
