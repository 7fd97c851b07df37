"""A case open on 31 December is 结转下年度 in that year and 上年结转 in the next (rule A6)."""

from datetime import date

import pytest

from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells
from gongkai.formats.checks import check_a6
from gongkai.reports.applications_cells import fill_cells, section3_cells
from tests.factories import make_agency
from tests.reports.placing import place

pytestmark = pytest.mark.django_db


def test_a_case_decided_on_the_first_working_day_of_the_year_is_carried_over():
    agency = make_agency()
    place(agency, date(2025, 12, 29), applicant_type="social", decided=date(2026, 1, 5), outcome="granted")

    old = section3_cells(agency, 2025)
    new = section3_cells(agency, 2026)

    assert old["section3.new_received.social"] == 1
    assert old["section3.total.social"] == 0
    assert old["section3.carried_forward.social"] == 1
    assert new["section3.carried_over.social"] == 1
    assert new["section3.granted.social"] == 1
    assert new["section3.carried_forward.social"] == 0


def test_a_case_decided_on_31_december_is_not_carried_forward():
    agency = make_agency()
    place(agency, date(2025, 12, 10), decided=date(2025, 12, 31), outcome="granted")
    assert section3_cells(agency, 2025)["section3.carried_forward.total"] == 0
    assert section3_cells(agency, 2026)["section3.carried_over.total"] == 0


def test_a_case_open_for_two_new_years_is_carried_each_time():
    agency = make_agency()
    place(agency, date(2024, 12, 2), decided=date(2026, 2, 2), outcome="unable_not_held")
    assert section3_cells(agency, 2024)["section3.carried_forward.total"] == 1
    middle = section3_cells(agency, 2025)
    assert (middle["section3.carried_over.total"], middle["section3.carried_forward.total"]) == (1, 1)
    assert section3_cells(agency, 2026)["section3.unable_not_held.total"] == 1


def test_carried_over_equals_last_years_carried_forward_for_every_column():
    agency = make_agency()
    place(agency, date(2024, 12, 16), decided=date(2025, 1, 6), outcome="granted")
    place(agency, date(2025, 12, 15), applicant_type="commercial")
    place(
        agency,
        date(2025, 12, 16),
        applicant_type="other_org",
        decided=date(2026, 1, 9),
        outcome="rejected_repeat",
    )
    place(agency, date(2025, 6, 2), decided=date(2025, 6, 20), outcome="granted")
    reports = {}
    for year in (2024, 2025, 2026):
        reports[year] = ReportCells.blank(format_for_year(year), agency.name, year)
        fill_cells(reports[year], agency)
    assert reports[2025]["section3.carried_forward.total"] == 2
    assert check_a6(reports[2025], previous=reports[2024]) == []
    assert check_a6(reports[2026], previous=reports[2025]) == []
