"""An agency's report counts its own applications and appeals only."""

from datetime import date

import pytest

from gongkai.reports.applications_cells import section3_cells, section4_cells
from tests.factories import make_agency, make_appeal
from tests.reports.placing import place

pytestmark = pytest.mark.django_db


def test_cases_of_a_sibling_agency_stay_out_of_this_agencys_sections():
    mine, theirs = make_agency(), make_agency()
    place(mine, date(2025, 5, 6), decided=date(2025, 5, 20), outcome="granted")
    place(theirs, date(2025, 5, 6), decided=date(2025, 5, 20), outcome="granted")
    place(theirs, date(2025, 12, 30))
    make_appeal(theirs, filed_on=date(2025, 6, 1))

    s3 = section3_cells(mine, 2025)
    s4 = section4_cells(mine, 2025)

    assert s3["section3.new_received.total"] == 1
    assert s3["section3.carried_forward.total"] == 0
    assert s4["section4.review.total"] == 0
    assert section4_cells(theirs, 2025)["section4.review.pending"] == 1
