"""docs/law.md §2.1: a working day is a make-up weekend day, or a Monday–Friday that is not a rest day."""

from datetime import date

import pytest

from gongkai.rules.workdays import YearCalendar, is_workday


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2026-01-04", True),  # Sunday, 调休上班 for New Year
        ("2026-01-02", False),  # Friday, New Year holiday
        ("2026-02-28", True),  # Saturday, 调休上班 after the Spring Festival
        ("2026-02-23", False),  # Monday, last day of the Spring Festival break
        ("2026-03-07", False),  # an ordinary Saturday
        ("2026-03-09", True),  # an ordinary Monday
        ("2020-01-19", True),  # Sunday, 调休上班 before the 2020 Spring Festival
        ("2020-01-31", False),  # Friday, rest under the 2020 extension
        ("2020-02-01", False),  # Saturday: was a make-up workday, became rest with the extension
        ("2020-02-02", False),  # Sunday, extension
        ("2020-02-03", True),  # Monday, work resumed
        ("2023-01-02", False),  # Monday, New Year 2023 (break began 2022-12-31)
    ],
)
def test_a_day_is_a_working_day_according_to_the_table(calendar, day, expected):
    assert is_workday(date.fromisoformat(day), calendar) is expected


def test_a_year_record_refuses_a_weekend_rest_day():
    with pytest.raises(ValueError, match="周末"):
        YearCalendar(2026, rest_days={date(2026, 3, 7)})


def test_a_year_record_refuses_a_weekday_as_make_up_workday():
    with pytest.raises(ValueError, match="周一至周五"):
        YearCalendar(2026, makeup_workdays={date(2026, 3, 9)})


def test_a_year_record_refuses_a_date_of_another_year():
    with pytest.raises(ValueError, match="不属于 2026 年"):
        YearCalendar(2026, rest_days={date(2025, 12, 31)})
