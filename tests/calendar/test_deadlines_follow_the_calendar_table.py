from datetime import date

import pytest

from gongkai.calendar import workdays
from gongkai.calendar.models import CalendarDay, CalendarYear


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("receipt", "n", "deadline"),
    [
        ("2026-01-05", 20, "2026-02-02"),
        ("2026-02-06", 7, "2026-02-24"),
        ("2026-02-06", 20, "2026-03-12"),
        ("2025-09-26", 20, "2025-10-30"),
        ("2026-09-18", 20, "2026-10-22"),
        ("2026-04-30", 7, "2026-05-13"),
        ("2025-12-31", 20, "2026-01-29"),
        ("2026-01-30", 40, "2026-04-02"),
        ("2020-01-23", 1, "2020-02-03"),
    ],
)
def test_the_seeded_table_gives_the_regulation_vectors(receipt, n, deadline):
    assert workdays.add_workdays(date.fromisoformat(receipt), n) == date.fromisoformat(deadline)


@pytest.mark.django_db
def test_a_year_without_data_is_an_error_unless_provisional():
    with pytest.raises(workdays.MissingCalendarYear, match="2027"):
        workdays.add_workdays(date(2026, 12, 20), 20)
    assert workdays.add_workdays(date(2026, 12, 20), 20, allow_provisional=True) == (date(2027, 1, 15), True)


@pytest.mark.django_db
def test_a_deadline_moves_when_a_day_is_amended():
    assert workdays.add_workdays(date(2026, 3, 2), 1) == date(2026, 3, 3)
    # A (hypothetical) mid-year notice makes 2026-03-03 a rest day.
    year = CalendarYear.objects.get(year=2026)
    CalendarDay.objects.create(
        calendar_year=year, date=date(2026, 3, 3), kind=CalendarDay.Kind.REST, holiday="测试"
    )
    assert workdays.add_workdays(date(2026, 3, 2), 1) == date(2026, 3, 4)
    CalendarDay.objects.filter(date=date(2026, 3, 3)).get().delete()
    assert workdays.add_workdays(date(2026, 3, 2), 1) == date(2026, 3, 3)


@pytest.mark.django_db
def test_a_newly_entered_year_ends_the_missing_year_error():
    with pytest.raises(workdays.MissingCalendarYear):
        workdays.is_workday(date(2027, 1, 4))
    CalendarYear.objects.create(year=2027, notice_number="国办发明电〔2026〕9号", notice_title="测试")
    assert workdays.is_workday(date(2027, 1, 4))


@pytest.mark.django_db
def test_the_table_is_read_once_while_it_does_not_change(django_assert_num_queries):
    workdays.is_workday(date(2026, 1, 5))
    with django_assert_num_queries(0):
        workdays.add_workdays(date(2026, 1, 30), 40)
