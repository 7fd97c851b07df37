"""A year without data is an explicit error, or — only when asked for — a visibly provisional result."""

from datetime import date

import pytest

from gongkai.rules.workdays import (
    MissingCalendarYear,
    WorkdayResult,
    add_workdays,
    count_workdays,
    is_workday,
)


def test_is_workday_raises_for_a_year_without_data(calendar):
    with pytest.raises(MissingCalendarYear, match="2027 年的工作日历尚未录入") as raised:
        is_workday(date(2027, 3, 1), calendar)
    assert raised.value.year == 2027


def test_a_deadline_running_into_a_year_without_data_raises(calendar):
    with pytest.raises(MissingCalendarYear, match="2027"):
        add_workdays(date(2026, 12, 28), 20, calendar)


def test_counting_over_a_year_without_data_raises(calendar_without):
    with pytest.raises(MissingCalendarYear, match="2025"):
        count_workdays(date(2024, 12, 20), date(2025, 1, 10), calendar_without(2025))


def test_a_provisional_deadline_assumes_monday_to_friday_and_says_so(calendar):
    # From Monday 2026-12-28: 12-29…12-31 are days 1–3; 2027 supplies days 4–20 as plain Monday–Friday
    # (01-01 is day 4, 01-25 day 20), although 01-01 will certainly be a holiday.
    result = add_workdays(date(2026, 12, 28), 20, calendar, allow_provisional=True)
    assert result == WorkdayResult(date(2027, 1, 25), provisional=True)


def test_a_provisional_request_inside_known_years_is_not_marked(calendar):
    result = add_workdays(date(2026, 1, 30), 40, calendar, allow_provisional=True)
    assert result == WorkdayResult(date(2026, 4, 2), provisional=False)


def test_a_provisional_request_ending_before_the_missing_year_is_not_marked(calendar):
    result = add_workdays(date(2026, 12, 28), 3, calendar, allow_provisional=True)
    assert result == WorkdayResult(date(2026, 12, 31), provisional=False)


def test_the_provisional_result_unpacks_as_date_and_flag(calendar_without):
    deadline, provisional = add_workdays(date(2026, 2, 6), 7, calendar_without(2026), allow_provisional=True)
    # The Monday–Friday guess ignores the Spring Festival: 02-17 instead of the real 02-24.
    assert (deadline, provisional) == (date(2026, 2, 17), True)
