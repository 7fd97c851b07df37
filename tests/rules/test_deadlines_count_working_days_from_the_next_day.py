"""docs/law.md §2.2: counting starts the day after `start`; the nth working day is the deadline."""

from datetime import date

import pytest

from gongkai.rules.workdays import add_workdays, count_workdays

# (receipt, working days, deadline) — every vector of docs/law.md §2.3, plus 2020 and 2019 cases.
VECTORS = [
    ("2026-01-05", 20, "2026-02-02"),
    ("2026-02-06", 7, "2026-02-24"),  # 02-14 (Sat) counts; 02-15…02-23 do not
    ("2026-02-06", 20, "2026-03-12"),
    ("2025-09-26", 20, "2025-10-30"),  # 09-28 (Sun) counts; 10-01…10-08 do not; 10-11 (Sat) counts
    ("2026-09-18", 20, "2026-10-22"),
    ("2026-04-30", 7, "2026-05-13"),
    ("2025-12-31", 20, "2026-01-29"),  # crosses the year: 01-01…01-03 rest, 01-04 (Sun) works
    ("2026-01-30", 40, "2026-04-02"),  # 20 + the maximum extension of 20
]


@pytest.mark.parametrize(("receipt", "n", "deadline"), VECTORS)
def test_the_deadline_is_the_nth_working_day_after_receipt(calendar, receipt, n, deadline):
    assert add_workdays(date.fromisoformat(receipt), n, calendar) == date.fromisoformat(deadline)


@pytest.mark.parametrize(("receipt", "n", "deadline"), VECTORS)
def test_counting_back_over_the_period_gives_the_same_number_of_working_days(calendar, receipt, n, deadline):
    assert count_workdays(date.fromisoformat(receipt), date.fromisoformat(deadline), calendar) == n


def test_a_make_up_saturday_counts_as_a_working_day(calendar):
    # Friday 2026-02-13 + 1 working day is Saturday 2026-02-14 (调休上班 before the Spring Festival).
    assert add_workdays(date(2026, 2, 13), 1, calendar) == date(2026, 2, 14)


def test_the_2020_spring_festival_extension_makes_the_last_days_of_january_rest(calendar):
    # Without the extension 01-31 (Fri) would be a working day and 02-01 (Sat) a make-up workday.
    assert add_workdays(date(2020, 1, 23), 1, calendar) == date(2020, 2, 3)
    assert count_workdays(date(2020, 1, 30), date(2020, 2, 2), calendar) == 0


def test_the_adjusted_2019_labour_day_holiday_is_used(calendar):
    # 国办发明电〔2019〕3号: 05-01…05-04 rest, 04-28 (Sun) and 05-05 (Sun) worked.
    assert add_workdays(date(2019, 4, 26), 1, calendar) == date(2019, 4, 28)
    assert add_workdays(date(2019, 4, 30), 1, calendar) == date(2019, 5, 5)


def test_zero_working_days_is_the_day_itself_for_on_the_spot_answers(calendar):
    assert add_workdays(date(2026, 2, 15), 0, calendar) == date(2026, 2, 15)


def test_a_negative_number_of_working_days_is_refused(calendar):
    with pytest.raises(ValueError, match="负数"):
        add_workdays(date(2026, 3, 2), -1, calendar)


def test_counting_may_include_the_starting_day_when_configured(calendar):
    # Monday 2026-01-05 is itself a working day, so it becomes day 1 and the deadline moves one day earlier.
    assert add_workdays(date(2026, 1, 5), 20, calendar, include_start=True) == date(2026, 1, 30)
    # A holiday start is not counted even then.
    assert add_workdays(date(2026, 1, 1), 1, calendar, include_start=True) == date(2026, 1, 4)


def test_count_is_zero_when_the_end_is_not_after_the_start(calendar):
    assert count_workdays(date(2026, 3, 2), date(2026, 3, 2), calendar) == 0
    assert count_workdays(date(2026, 3, 2), date(2026, 2, 2), calendar) == 0
