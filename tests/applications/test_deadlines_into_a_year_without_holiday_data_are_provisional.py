"""A reply period that runs into a year the calendar table lacks is counted Monday–Friday for that year
and marked 临时, so December's cases can still be handled; entering the year's notice moves the date."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications import services
from gongkai.applications.clock import clock_state
from gongkai.calendar.models import CalendarDay, CalendarYear
from tests.factories import make_application

pytestmark = pytest.mark.django_db


@time_machine.travel(date(2026, 12, 21), tick=False)
def test_a_december_case_gets_a_provisional_due_date_and_accepts_events(personas, logged_in):
    application, _ = make_application(personas.agency, received_on=date(2026, 12, 21))
    state = clock_state(application)
    assert state.provisional and state.provisional_years == [2027]
    # Eight working days are left in 2026 (12-22…12-31); twelve more Monday–Friday days in 2027, less New
    # Year's Day, a holiday on a fixed date whatever the notice says.
    assert state.reply_due == date(2027, 1, 19)
    services.record_event(
        application,
        "extension_approved",
        date=date(2026, 12, 21),
        data={"workdays": 5},
        actor=personas.registrar,
    )
    page = (
        logged_in(personas.registrar)
        .get(reverse("applications:detail", args=[application.pk]))
        .content.decode()
    )
    assert "临时" in page and "2027 年的放假安排尚未录入" in page


@time_machine.travel(date(2026, 12, 21), tick=False)
def test_entering_the_years_notice_replaces_the_provisional_date(personas):
    application, _ = make_application(personas.agency, received_on=date(2026, 12, 21))
    year = CalendarYear.objects.create(
        year=2027, notice_title="测试通知", notice_number="国办发明电〔2026〕0号"
    )
    CalendarDay.objects.create(calendar_year=year, date=date(2027, 1, 1), kind=CalendarDay.Kind.REST)
    state = clock_state(application)
    assert not state.provisional
    assert state.reply_due == date(2027, 1, 19)  # New Year's Day no longer counts
