"""2021 has three （六）其他处理 rows where 2019 has one; the same cases fill one or the other."""

from datetime import date

import pytest

from gongkai.formats import get_format
from gongkai.reports.applications_cells import section3_cells
from tests.factories import make_agency
from tests.reports.placing import place

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency():
    agency = make_agency()
    place(
        agency,
        date(2025, 3, 3),
        corrected=date(2025, 3, 10),
        decided=date(2025, 4, 1),
        outcome="other_no_correction",
    )
    place(agency, date(2025, 4, 1), decided=date(2025, 4, 20), outcome="other_unpaid_fee")
    place(agency, date(2025, 5, 6), decided=date(2025, 5, 20), outcome="other_misc")
    place(agency, date(2025, 5, 7), decided=date(2025, 5, 21), outcome="rejected_petition")
    return agency


def test_the_2021_format_keeps_the_three_other_rows_apart(agency):
    cells = section3_cells(agency, 2025, get_format("2021"))
    for row in ("other_no_correction", "other_unpaid_fee", "other_misc", "rejected_petition"):
        assert cells[f"section3.{row}.natural_person"] == 1
    assert cells["section3.total.natural_person"] == 4


def test_the_2019_format_counts_them_together_under_other(agency):
    cells = section3_cells(agency, 2025, get_format("2019"))
    assert cells["section3.other.natural_person"] == 3
    assert cells["section3.rejected_petition.natural_person"] == 1
    assert cells["section3.total.natural_person"] == 4
    assert not any(address.startswith("section3.other_") for address in cells)
