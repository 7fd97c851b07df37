from datetime import date

import pytest

from gongkai.calendar.models import CalendarDay, CalendarYear
from gongkai.rules.document_number import validate_document_number


@pytest.mark.django_db
def test_every_year_from_2019_to_2026_has_a_well_formed_notice_number():
    years = CalendarYear.objects.filter(year__range=(2019, 2026))
    assert [y.year for y in years] == list(range(2019, 2027))
    for y in years:
        validate_document_number(y.notice_number)
        assert y.notice_title == f"国务院办公厅关于{y.year}年部分节假日安排的通知"


@pytest.mark.django_db
def test_the_2026_notice_is_the_one_of_november_2025():
    y = CalendarYear.objects.get(year=2026)
    assert (y.notice_number, y.notice_date) == ("国办发明电〔2025〕7号", date(2025, 11, 4))
    assert y.notice_url == "https://www.gov.cn/zhengce/content/202511/content_7047090.htm"


@pytest.mark.django_db
def test_the_2020_spring_festival_extension_is_recorded_as_an_amendment():
    y = CalendarYear.objects.get(year=2020)
    assert y.amended and y.amendment_number == "国办发明电〔2020〕1号"
    assert CalendarDay.objects.get(date=date(2020, 1, 31)).kind == CalendarDay.Kind.REST
    # 2020-02-01 was a make-up Saturday in the original notice; after the extension it is a plain rest day.
    assert not CalendarDay.objects.filter(date=date(2020, 2, 1)).exists()


@pytest.mark.django_db
def test_only_exceptions_to_monday_to_friday_are_stored():
    for day in CalendarDay.objects.all():
        assert (day.date.weekday() >= 5) == (day.kind == CalendarDay.Kind.WORKDAY), day


@pytest.mark.django_db
def test_holiday_names_are_those_of_the_notices():
    names = set(CalendarDay.objects.values_list("holiday", flat=True))
    assert names == {"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"}
