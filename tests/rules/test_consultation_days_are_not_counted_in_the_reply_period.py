"""Art. 32–34: the working days a consultation runs do not count; the due date moves by as many days."""

from datetime import date

from gongkai.rules.clock import Event, Status, compute_clock


def d(text):
    return date.fromisoformat(text)


RECEIVED = Event("received", d("2026-01-05"))  # reply due 2026-02-02 without a pause
SENT = Event("consultation_sent", d("2026-01-12"), party="third_party")


def test_an_early_answer_moves_the_due_date_by_the_days_it_took(calendar):
    # Paused: 01-13, 14, 15, 16 (four working days) → 02-02 plus four working days.
    events = [RECEIVED, SENT, Event("consultation_answered", d("2026-01-16"), party="third_party")]
    state = compute_clock(events, calendar)
    assert state.reply_due == d("2026-02-06")
    assert state.paused_workdays == 4
    assert state.status is Status.IN_PROGRESS


def test_a_silent_third_party_pauses_the_clock_for_the_whole_window(calendar):
    # Window: 15 working days after 01-12 → 02-02. Counted before: 01-06…09 and 01-12 (5); the other
    # 15 come after 02-02: 02-03…06 (4), 09…13 (9), 14 Sat make-up (10), 24…27 (14), 28 Sat make-up (15).
    state = compute_clock([RECEIVED, SENT], calendar)
    assert state.consultation_answer_due == d("2026-02-02")
    assert state.reply_due == d("2026-02-28")
    assert state.status is Status.IN_CONSULTATION


def test_once_the_window_has_passed_the_case_is_handled_again(calendar):
    state = compute_clock([RECEIVED, SENT], calendar, as_of=d("2026-02-03"))
    assert state.status is Status.IN_PROGRESS
    assert state.reply_due == d("2026-02-28")


def test_an_answer_after_the_window_does_not_stretch_the_pause(calendar):
    events = [RECEIVED, SENT, Event("consultation_answered", d("2026-02-05"), party="third_party")]
    state = compute_clock(events, calendar)
    assert state.reply_due == d("2026-02-28")
    assert state.warnings


def test_a_co_producing_agency_has_the_same_window(calendar):
    sent = Event("consultation_sent", d("2026-01-12"), party="agency")
    answered = Event("consultation_answered", d("2026-01-16"))  # party may be left out when one is open
    state = compute_clock([RECEIVED, sent, answered], calendar)
    assert state.reply_due == d("2026-02-06")


def test_overlapping_consultations_pause_each_working_day_once(calendar):
    events = [
        RECEIVED,
        SENT,
        Event("consultation_sent", d("2026-01-14"), party="agency"),
        Event("consultation_answered", d("2026-01-16"), party="third_party"),
        Event("consultation_answered", d("2026-01-20"), party="agency"),
    ]
    # Paused: 01-13…16 and 01-15…20 together are 01-13, 14, 15, 16, 19, 20 — six working days.
    state = compute_clock(events, calendar)
    assert state.paused_workdays == 6
    assert state.reply_due == d("2026-02-10")


def test_a_decision_ends_an_unanswered_consultation(calendar):
    events = [RECEIVED, SENT, Event("decided", d("2026-01-20"))]
    # Paused 01-13…20: six working days.
    state = compute_clock(events, calendar)
    assert state.reply_due == d("2026-02-10")
    assert state.consultation_answer_due == d("2026-02-02")
    assert state.status is Status.DECIDED
