"""The seeded table against python-holidays' China calendar, an independent source.

holidays.China(years=Y) lists the statutory holidays and the 调休 rest days, the latter named
'休息日（由 YYYY-MM-DD 调休）' after the weekend day that is worked in exchange. So both sides of the table
can be compared exactly: the weekday rest days, and the make-up workdays named in those entries.
Checked for 2019–2026 with holidays 0.109: no disagreement. If a future version disagrees, list the date
here with the reason rather than loosening the comparison.
"""

import re
from datetime import date

import holidays
import pytest

from gongkai.calendar.models import CalendarDay

YEARS = range(2019, 2027)
KNOWN_DISAGREEMENTS: dict[date, str] = {}
IN_LIEU = re.compile(r"由 (\d{4}-\d{2}-\d{2}) 调休")


def holidays_package(year: int) -> tuple[set[date], set[date]]:
    china = holidays.China(years=year)
    rest = {d for d in china if d.weekday() < 5}
    makeup = {date.fromisoformat(m) for name in china.values() for m in IN_LIEU.findall(name)}
    return rest, {d for d in makeup if d.year == year}


def table(year: int) -> tuple[set[date], set[date]]:
    days = CalendarDay.objects.filter(calendar_year__year=year)
    rest = set(days.filter(kind=CalendarDay.Kind.REST).values_list("date", flat=True))
    makeup = set(days.filter(kind=CalendarDay.Kind.WORKDAY).values_list("date", flat=True))
    return rest, makeup


@pytest.mark.django_db
@pytest.mark.parametrize("year", YEARS)
def test_the_weekday_rest_days_are_the_same(year):
    ours, theirs = table(year)[0], holidays_package(year)[0]
    assert ours - KNOWN_DISAGREEMENTS.keys() == theirs - KNOWN_DISAGREEMENTS.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("year", YEARS)
def test_the_make_up_workdays_are_the_same(year):
    ours, theirs = table(year)[1], holidays_package(year)[1]
    assert ours - KNOWN_DISAGREEMENTS.keys() == theirs - KNOWN_DISAGREEMENTS.keys()


def test_the_holidays_package_names_the_2020_extension():
    # Guards the comparison itself: the package must know about 国办发明电〔2020〕1号, or agreement on
    # 2020 would mean nothing.
    china = holidays.China(years=2020)
    assert china.get(date(2020, 1, 31)) == "春节延长假期"
    assert date(2020, 2, 1) not in holidays_package(2020)[1]
