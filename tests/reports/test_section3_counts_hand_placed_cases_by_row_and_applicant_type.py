"""§三 of a year, for a few cases placed by hand: each counted in the right row and applicant column."""

from datetime import date

import pytest

from gongkai.formats import get_format
from gongkai.reports.applications_cells import section3_cells
from tests.factories import make_agency
from tests.reports.placing import place

pytestmark = pytest.mark.django_db


def test_each_case_lands_in_its_row_and_column_and_the_totals_add_up():
    agency = make_agency()
    place(agency, date(2024, 12, 20), decided=date(2025, 1, 10), outcome="granted")  # carried over, decided
    place(agency, date(2024, 11, 1), decided=date(2024, 11, 20))  # all in 2024: not in 2025
    place(
        agency,
        date(2025, 3, 3),
        applicant_type="commercial",
        decided=date(2025, 3, 20),
        outcome="denied_third_party",
    )
    place(agency, date(2025, 5, 6), decided=date(2025, 5, 20), outcome="partially_granted")
    place(agency, date(2025, 12, 15))  # open at the year's end
    place(
        agency,
        date(2025, 12, 22),
        applicant_type="legal_service",
        decided=date(2026, 1, 6),
        outcome="unable_not_held",
    )
    place(agency, date(2026, 1, 5), applicant_type="research")  # next year: not in 2025

    cells = section3_cells(agency, 2025, get_format("2021"))

    expected = {
        "new_received.natural_person": 2,
        "new_received.commercial": 1,
        "new_received.legal_service": 1,
        "new_received.total": 4,
        "carried_over.natural_person": 1,
        "carried_over.total": 1,
        "granted.natural_person": 1,
        "granted.total": 1,
        "partially_granted.natural_person": 1,
        "partially_granted.total": 1,
        "denied_third_party.commercial": 1,
        "denied_third_party.total": 1,
        "total.natural_person": 2,
        "total.commercial": 1,
        "total.total": 3,
        "carried_forward.natural_person": 1,
        "carried_forward.legal_service": 1,
        "carried_forward.total": 2,
    }
    nonzero = {address.removeprefix("section3."): n for address, n in cells.items() if n}
    assert nonzero == expected


def test_every_cell_of_the_format_is_present_and_an_agency_without_cases_has_zeros():
    agency = make_agency()
    fmt = get_format("2021")
    cells = section3_cells(agency, 2025, fmt)
    declared = {address for address, _ in fmt.cells() if address.startswith("section3.")}
    assert set(cells) == declared
    assert set(cells.values()) == {0}
