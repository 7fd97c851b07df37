"""With an "as of" date the clock tells staff what is overdue and how many working days remain."""

from datetime import date

import pytest

from gongkai.rules.clock import ClockError, Event, compute_clock


def d(text):
    return date.fromisoformat(text)


RECEIVED = Event("received", d("2026-01-05"))  # reply due 2026-02-02 (Mon)


@pytest.mark.parametrize(
    ("as_of", "left", "overdue"),
    [
        ("2026-01-28", 3, False),  # 01-29, 01-30, 02-02
        ("2026-01-31", 1, False),  # a Saturday: only 02-02 remains
        ("2026-02-02", 0, False),
        ("2026-02-03", -1, True),
        ("2026-02-09", -5, True),  # 02-03…06 and 02-09
    ],
)
def test_working_days_left_count_down_and_turn_negative(calendar, as_of, left, overdue):
    state = compute_clock([RECEIVED], calendar, as_of=d(as_of))
    assert state.workdays_left == left
    assert state.overdue is overdue


def test_a_decided_but_undelivered_answer_can_still_be_overdue(calendar):
    state = compute_clock([RECEIVED, Event("decided", d("2026-01-30"))], calendar, as_of=d("2026-02-04"))
    assert state.overdue is True


def test_the_as_of_date_cannot_precede_the_events(calendar):
    with pytest.raises(ClockError, match="早于最后一个事件"):
        compute_clock([RECEIVED, Event("decided", d("2026-01-30"))], calendar, as_of=d("2026-01-20"))


def test_without_an_as_of_date_nothing_is_judged(calendar):
    state = compute_clock([RECEIVED], calendar)
    assert state.overdue is None
    assert state.workdays_left is None
