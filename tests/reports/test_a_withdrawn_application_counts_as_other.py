"""A withdrawn application is settled in the year of withdrawal, as （六）其他处理 — “3.其他” in 2021."""

from datetime import date

import pytest

from gongkai.formats import get_format
from gongkai.reports.applications_cells import section3_cells
from tests.factories import make_agency
from tests.reports.placing import place

pytestmark = pytest.mark.django_db


def test_a_withdrawal_counts_under_other_misc_in_2021_and_other_in_2019():
    agency = make_agency()
    place(agency, date(2025, 4, 1), applicant_type="research", withdrawn=date(2025, 4, 8))
    cells_2021 = section3_cells(agency, 2025, get_format("2021"))
    cells_2019 = section3_cells(agency, 2025, get_format("2019"))
    assert cells_2021["section3.other_misc.research"] == 1
    assert cells_2021["section3.total.research"] == 1
    assert cells_2021["section3.carried_forward.research"] == 0
    assert cells_2019["section3.other.research"] == 1


def test_a_withdrawal_in_the_next_year_leaves_the_case_carried_forward():
    agency = make_agency()
    place(agency, date(2025, 12, 24), withdrawn=date(2026, 1, 7))
    assert section3_cells(agency, 2025)["section3.carried_forward.total"] == 1
    new_year = section3_cells(agency, 2026)
    assert new_year["section3.carried_over.total"] == 1
    assert new_year["section3.other_misc.total"] == 1
