"""The counts are aggregate queries: their number does not grow with the number of cases."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.reports.applications_cells import section3_cells, section4_cells
from tests.factories import make_agency, make_appeal
from tests.reports.placing import place

pytestmark = pytest.mark.django_db


def queries(agency) -> int:
    with CaptureQueriesContext(connection) as captured:
        section3_cells(agency, 2025)
        section4_cells(agency, 2025)
    return len(captured)


def test_ten_times_the_cases_take_the_same_number_of_queries():
    agency = make_agency()
    place(agency, date(2025, 3, 3), decided=date(2025, 3, 20), outcome="granted")
    make_appeal(agency, filed_on=date(2025, 4, 1))
    few = queries(agency)
    for day in range(1, 11):
        place(agency, date(2025, 6, day), decided=date(2025, 7, day), outcome="partially_granted")
        make_appeal(agency, kind="litigation_direct", filed_on=date(2025, 6, day))
    assert queries(agency) == few <= 4
