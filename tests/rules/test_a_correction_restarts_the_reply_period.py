"""Art. 30: one correction notice; the reply period runs again from the day the correction arrives."""

from datetime import date

from gongkai.rules.clock import Event, Status, compute_clock


def d(text):
    return date.fromisoformat(text)


RECEIVED = Event("received", d("2026-02-06"))
REQUESTED = Event("correction_requested", d("2026-02-10"), correction_deadline=d("2026-02-27"))


def test_no_reply_is_due_while_the_applicant_corrects(calendar):
    state = compute_clock([RECEIVED, REQUESTED], calendar)
    assert state.status is Status.AWAITING_CORRECTION
    assert state.reply_due is None
    assert state.correction_due == d("2026-02-27")
    assert state.correction_notice_due == d("2026-02-24")


def test_the_twenty_days_start_again_from_the_corrected_application(calendar):
    # 02-27 Fri (1), 02-28 Sat make-up day (2), 03-02…06 (7), 09…13 (12), 16…20 (17), 23, 24, 25 (20).
    events = [RECEIVED, REQUESTED, Event("correction_received", d("2026-02-26"))]
    state = compute_clock(events, calendar)
    assert state.reply_due == d("2026-03-25")
    assert state.clock_start == d("2026-02-26")
    assert state.status is Status.IN_PROGRESS


def test_the_application_is_deemed_abandoned_the_day_after_the_correction_deadline(calendar):
    on_deadline = compute_clock([RECEIVED, REQUESTED], calendar, as_of=d("2026-02-27"))
    after = compute_clock([RECEIVED, REQUESTED], calendar, as_of=d("2026-03-02"))
    assert on_deadline.status is Status.AWAITING_CORRECTION
    assert after.status is Status.ABANDONED_NO_CORRECTION
    assert after.status.label == "视为放弃（逾期未补正）"


def test_a_late_notice_or_a_late_correction_is_recorded_with_a_warning(calendar):
    late_notice = Event("correction_requested", d("2026-02-25"), correction_deadline=d("2026-03-06"))
    late_correction = Event("correction_received", d("2026-03-09"))
    state = compute_clock([RECEIVED, late_notice, late_correction], calendar)
    assert len(state.warnings) == 2
    assert "2026-02-24" in state.warnings[0]
    assert "2026-03-06" in state.warnings[1]
