"""After a 补正 the reply period restarts from the corrected application, and so does the year it counts in."""

from datetime import date

import pytest

from gongkai.formats import get_format
from gongkai.formats.cells import ReportCells
from gongkai.formats.checks import check_cells
from gongkai.reports.applications_cells import fill_cells, section3_cells
from tests.factories import make_agency
from tests.reports.placing import place

pytestmark = pytest.mark.django_db


def test_a_case_received_in_december_and_corrected_in_january_is_new_in_january_only():
    agency = make_agency()
    place(
        agency, date(2025, 12, 22), corrected=date(2026, 1, 8), decided=date(2026, 1, 20), outcome="granted"
    )

    before = section3_cells(agency, 2025, get_format("2021"))
    after = section3_cells(agency, 2026, get_format("2021"))

    assert before["section3.new_received.natural_person"] == 0
    assert before["section3.carried_forward.natural_person"] == 0
    assert after["section3.new_received.natural_person"] == 1
    assert after["section3.carried_over.natural_person"] == 0
    assert after["section3.granted.natural_person"] == 1


def test_a_correction_within_the_same_year_changes_nothing_but_the_date():
    agency = make_agency()
    place(agency, date(2025, 3, 3), corrected=date(2025, 3, 12), decided=date(2025, 4, 1), outcome="granted")
    cells = section3_cells(agency, 2025, get_format("2021"))
    assert cells["section3.new_received.total"] == 1
    assert cells["section3.granted.total"] == 1


def test_both_years_still_balance_and_carry_over_when_a_correction_crosses_new_year():
    agency = make_agency()
    place(agency, date(2025, 12, 22), corrected=date(2026, 1, 8))
    place(agency, date(2025, 12, 23))
    reports = {}
    for year in (2025, 2026):
        reports[year] = ReportCells.blank(get_format("2021"), agency.name, year)
        fill_cells(reports[year], agency)
    assert not [f for f in check_cells(reports[2025]) if f.rule in ("A1", "A2", "A3", "A5")]
    assert not check_cells(reports[2026], previous=reports[2025])
