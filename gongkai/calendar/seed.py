"""The 2019–2026 table, seeded from the `chinesecalendar` package with each year's State Council notice.

Used by the data migration (with historical models) and by tests that run after a database flush. The
notice numbers were checked against published copies of each notice; only 2026 has an official URL on
record. The schedules themselves are tabulated in docs/law.md §2.4.
"""

from datetime import date, timedelta

FIRST_YEAR, LAST_YEAR = 2019, 2026

TITLE = "国务院办公厅关于{year}年部分节假日安排的通知"

NOTICES = {
    2019: {
        "notice_number": "国办发明电〔2018〕15号",
        "notice_date": date(2018, 12, 4),
        "amendment_number": "国办发明电〔2019〕3号",
        "amendment_notes": "《国务院办公厅关于调整2019年劳动节假期安排的通知》（2019年3月22日）："
        "5月1日至4日放假调休，共4天；4月28日（星期日）、5月5日（星期日）上班。",
    },
    2020: {
        "notice_number": "国办发明电〔2019〕16号",
        "notice_date": date(2019, 11, 21),
        "amendment_number": "国办发明电〔2020〕1号",
        "amendment_notes": "《国务院办公厅关于延长2020年春节假期的通知》（2020年1月26日）：春节假期延长至2月2日，"
        "2月3日起正常上班；1月31日休息，原定2月1日（星期六）上班改为休息。",
    },
    2021: {"notice_number": "国办发明电〔2020〕27号", "notice_date": date(2020, 11, 25)},
    2022: {"notice_number": "国办发明电〔2021〕11号", "notice_date": date(2021, 10, 25)},
    2023: {"notice_number": "国办发明电〔2022〕16号", "notice_date": date(2022, 12, 8)},
    2024: {"notice_number": "国办发明电〔2023〕7号", "notice_date": date(2023, 10, 25)},
    2025: {"notice_number": "国办发明电〔2024〕12号", "notice_date": date(2024, 11, 12)},
    2026: {
        "notice_number": "国办发明电〔2025〕7号",
        "notice_date": date(2025, 11, 4),
        "notice_url": "https://www.gov.cn/zhengce/content/202511/content_7047090.htm",
    },
}


NOTICE_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
}


def days_from_chinesecalendar(year: int) -> list[tuple[date, str, str]]:
    """(date, kind, holiday name) for each exception to Monday–Friday in `year`."""
    import chinese_calendar
    from chinese_calendar.constants import Holiday

    # The notices' own names (清明节, not chinesecalendar's short 清明).
    chinese_names = {h.value: h.chinese for h in Holiday} | NOTICE_NAMES
    rows = []
    day = date(year, 1, 1)
    while day.year == year:
        weekend = day.weekday() >= 5
        working = chinese_calendar.is_workday(day)
        if weekend == working:  # a weekday off, or a weekend day worked
            _, name = chinese_calendar.get_holiday_detail(day)
            rows.append((day, "workday" if working else "rest", chinese_names.get(name, name or "")))
        day += timedelta(days=1)
    return rows


def seed(CalendarYear, CalendarDay) -> None:
    """Create the years 2019–2026 that are not in the table yet (models passed in: works in migrations)."""
    import chinese_calendar

    source = f"chinesecalendar {getattr(chinese_calendar, '__version__', '')}".strip()
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        if CalendarYear.objects.filter(year=year).exists():
            continue
        notice = dict(NOTICES[year])
        record = CalendarYear.objects.create(
            year=year,
            notice_title=TITLE.format(year=year),
            source=source,
            amended=bool(notice.get("amendment_number")),
            **notice,
        )
        CalendarDay.objects.bulk_create(
            CalendarDay(calendar_year=record, date=d, kind=kind, holiday=name)
            for d, kind, name in days_from_chinesecalendar(year)
        )
