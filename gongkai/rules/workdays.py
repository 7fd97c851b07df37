"""Working days (工作日) under the State Council's yearly holiday arrangement.

A day is a working day if it is a 调休上班 weekend day of its year, or a Monday–Friday that is not a rest day
of its year (docs/law.md §2.1). The data of a year comes from that year's 国务院办公厅 notice; a year
without data is an error, never a silent Monday–Friday guess, unless the caller explicitly asks for a
provisional answer (a deadline shown with a 临时 mark until the notice is published).

Counting convention (docs/law.md §2.2): the starting day is not counted; counting begins the day after `start`, and
the nth working day is the result. `include_start=True` counts the starting day itself when it is a working
day, for the case that the OGI convention turns out to differ (not settled by the 条例: docs/law.md §11).

Public API:
    YearCalendar(year, rest_days, makeup_workdays)   one year's exceptions to Monday–Friday
    TableCalendar(years)                              a calendar built from YearCalendar records
    WorkdayCalendar                                   protocol: year_data(year) -> YearCalendar | None
    is_workday(d, cal) -> bool
    add_workdays(start, n, cal) -> date
    add_workdays(start, n, cal, allow_provisional=True) -> WorkdayResult(date, provisional)
    count_workdays(start, end, cal) -> int            working days in (start, end]
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal, NamedTuple, Protocol, overload

SATURDAY = 5
ONE_DAY = timedelta(days=1)


class MissingCalendarYear(LookupError):
    """The calendar has no data for a year that a computation needs."""

    def __init__(self, year: int):
        self.year = year
        super().__init__(
            f"{year} 年的工作日历尚未录入（需依据国务院办公厅关于 {year} 年部分节假日安排的通知），无法计算工作日"
        )


@dataclass(frozen=True)
class YearCalendar:
    """One year's exceptions to the Monday–Friday week.

    rest_days: Monday–Friday dates that are not working days (holidays and 调休 rest days).
    makeup_workdays: Saturday/Sunday dates that are working days (调休上班).
    Weekend days inside a holiday need not be listed: they are rest days anyway.
    """

    year: int
    rest_days: frozenset[date] = field(default_factory=frozenset)
    makeup_workdays: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self):
        object.__setattr__(self, "rest_days", frozenset(self.rest_days))
        object.__setattr__(self, "makeup_workdays", frozenset(self.makeup_workdays))
        for d in self.rest_days | self.makeup_workdays:
            if d.year != self.year:
                raise ValueError(f"{d.isoformat()} 不属于 {self.year} 年")
        for d in self.rest_days:
            if d.weekday() >= SATURDAY:
                raise ValueError(f"{d.isoformat()} 是周末，本来就休息，不应列为休息日")
        for d in self.makeup_workdays:
            if d.weekday() < SATURDAY:
                raise ValueError(f"{d.isoformat()} 是周一至周五，不能列为调休上班日")


def fixed_date_holidays(year: int) -> YearCalendar:
    """A year whose holiday notice is not out yet, with what is certain already: the holidays on fixed
    solar dates under the 全国年节及纪念日放假办法 (2024 revision) — 元旦 1 January, 劳动节 1–2 May, 国庆节
    1–3 October. The lunar holidays (春节, 清明节, 端午节, 中秋节) and the 调休 days come only with the State
    Council's notice, so a date counted with this calendar stays provisional; but it never falls on one
    of these days."""
    days = [date(year, 1, 1), date(year, 5, 1), date(year, 5, 2), *(date(year, 10, d) for d in (1, 2, 3))]
    return YearCalendar(year, rest_days=frozenset(d for d in days if d.weekday() < SATURDAY))


class WorkdayCalendar(Protocol):
    """Anything that can give the data of a year, or None when the year has not been entered."""

    def year_data(self, year: int) -> YearCalendar | None: ...


class TableCalendar:
    """A calendar held in memory, built from YearCalendar records (one per year)."""

    def __init__(self, years: Iterable[YearCalendar] = ()):
        self._years = {y.year: y for y in years}

    def year_data(self, year: int) -> YearCalendar | None:
        return self._years.get(year)

    @property
    def years(self) -> list[int]:
        return sorted(self._years)


class WorkdayResult(NamedTuple):
    """A computed date, and whether it rests on a year without data (Monday–Friday assumed)."""

    date: date
    provisional: bool


def is_workday(d: date, cal: WorkdayCalendar) -> bool:
    """True if `d` is a working day. Raises MissingCalendarYear if `d`'s year has no data."""
    data = cal.year_data(d.year)
    if data is None:
        raise MissingCalendarYear(d.year)
    return _is_workday_in(d, data)


@overload
def add_workdays(
    start: date,
    n: int,
    cal: WorkdayCalendar,
    *,
    allow_provisional: Literal[False] = False,
    include_start: bool = False,
) -> date: ...
@overload
def add_workdays(
    start: date,
    n: int,
    cal: WorkdayCalendar,
    *,
    allow_provisional: Literal[True],
    include_start: bool = False,
) -> WorkdayResult: ...
def add_workdays(start, n, cal, *, allow_provisional=False, include_start=False):
    """The nth working day after `start` (the starting day is not counted).

    n == 0 gives `start` itself (an on-the-spot answer is due the same day).

    Without allow_provisional the result is a `date`, and a year without data on the way raises
    MissingCalendarYear. With allow_provisional=True the result is a WorkdayResult(date, provisional):
    years without data are counted as Monday–Friday and `provisional` says whether that happened, so the
    caller must show the date as provisional (临时) — the return type differs so that this cannot be missed.
    """
    if n < 0:
        raise ValueError("工作日数不能为负数")
    provisional = False
    if n == 0:
        return WorkdayResult(start, False) if allow_provisional else start
    d = start - ONE_DAY if include_start else start
    remaining = n
    while remaining:
        d += ONE_DAY
        data = cal.year_data(d.year)
        if data is None:
            if not allow_provisional:
                raise MissingCalendarYear(d.year)
            provisional = True
            working = d.weekday() < SATURDAY
        else:
            working = _is_workday_in(d, data)
        if working:
            remaining -= 1
    return WorkdayResult(d, provisional) if allow_provisional else d


def count_workdays(start: date, end: date, cal: WorkdayCalendar) -> int:
    """The number of working days d with start < d <= end (0 if end <= start).

    The same convention as add_workdays, so that count_workdays(s, add_workdays(s, n, cal), cal) == n; used
    to measure how much of a statutory period a pause (consultation, fee notice) has consumed.
    """
    return sum(1 for d in _days_after(start, end) if is_workday(d, cal))


def _days_after(start: date, end: date) -> Iterator[date]:
    d = start + ONE_DAY
    while d <= end:
        yield d
        d += ONE_DAY


def _is_workday_in(d: date, data: YearCalendar) -> bool:
    if d.weekday() >= SATURDAY:
        return d in data.makeup_workdays
    return d not in data.rest_days
