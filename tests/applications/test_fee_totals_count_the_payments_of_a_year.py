"""§六 states the 信息处理费 collected in the year: cases and yuan, counted from the payments."""

from datetime import date

import pytest

from gongkai.applications import services
from gongkai.applications.fees import fee_totals
from tests.factories import make_application

pytestmark = pytest.mark.django_db


def _charged(personas, agency, received_on, pages, paid_on=None):
    application, _ = make_application(agency, received_on=received_on)
    actor = personas.registrar if agency == personas.agency else personas.other_clerk
    services.record_event(
        application,
        "fee_notice_received",
        date=received_on,
        data={"fee_method": "per_page", "pages": pages},
        actor=actor,
    )
    if paid_on:
        services.record_event(application, "fee_paid", date=paid_on, actor=actor)
    return application


def test_only_payments_of_the_year_and_of_the_agency_count(personas):
    _charged(personas, personas.agency, date(2025, 12, 15), 40, paid_on=date(2025, 12, 18))  # 100 in 2025
    _charged(personas, personas.agency, date(2025, 12, 29), 31, paid_on=date(2026, 1, 5))  # 10 in 2026
    _charged(personas, personas.agency, date(2026, 3, 2), 100, paid_on=date(2026, 3, 4))  # 700 in 2026
    _charged(personas, personas.agency, date(2026, 3, 2), 200)  # notice only: nothing collected
    _charged(personas, personas.other_agency, date(2026, 3, 2), 40, paid_on=date(2026, 3, 3))

    totals = fee_totals(personas.agency, 2026)
    assert (totals.cases, totals.amount) == (2, 710)
    totals = fee_totals(personas.agency, 2025)
    assert (totals.cases, totals.amount) == (1, 100)
    assert fee_totals(personas.agency, 2024).cases == 0
