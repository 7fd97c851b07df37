"""§四: a case counts in each year from filing to closing — 尚未审结 while open at 31 December, then under
its result in the year it closes."""

from datetime import date

import pytest

from gongkai.appeals.services import close_appeal
from gongkai.formats import get_format
from gongkai.reports.applications_cells import section4_cells
from tests.factories import make_agency, make_appeal

pytestmark = pytest.mark.django_db


def nonzero(cells):
    return {address.removeprefix("section4."): n for address, n in cells.items() if n}


def test_each_block_counts_its_cases_by_result_and_a_pending_case_moves_into_the_next_year():
    agency = make_agency()
    review = make_appeal(agency, kind="review", filed_on=date(2025, 3, 1))
    close_appeal(review, closed_on=date(2025, 5, 20), result="upheld", actor=None)
    corrected = make_appeal(agency, kind="review", filed_on=date(2025, 6, 1))
    close_appeal(corrected, closed_on=date(2025, 8, 1), result="corrected", actor=None)
    make_appeal(agency, kind="review", filed_on=date(2025, 11, 20))  # open at the end of 2025, still open
    suit = make_appeal(agency, kind="litigation_direct", filed_on=date(2025, 9, 9), body="乐清市人民法院")
    close_appeal(suit, closed_on=date(2026, 3, 3), result="other", actor=None)
    after = make_appeal(agency, kind="litigation_after_review", filed_on=date(2025, 7, 1), review=review)
    close_appeal(after, closed_on=date(2025, 12, 31), result="upheld", actor=None)
    early = make_appeal(agency, kind="review", filed_on=date(2024, 4, 1))
    close_appeal(early, closed_on=date(2024, 6, 1), result="upheld", actor=None)  # all in 2024

    assert nonzero(section4_cells(agency, 2025, get_format("2021"))) == {
        "review.upheld": 1,
        "review.corrected": 1,
        "review.pending": 1,
        "review.total": 3,
        "litigation_direct.pending": 1,
        "litigation_direct.total": 1,
        "litigation_after_review.upheld": 1,
        "litigation_after_review.total": 1,
    }
    assert nonzero(section4_cells(agency, 2026, get_format("2021"))) == {
        "review.pending": 1,
        "review.total": 1,
        "litigation_direct.other": 1,
        "litigation_direct.total": 1,
    }


def test_a_case_filed_next_year_is_not_counted_and_every_cell_is_there():
    agency = make_agency()
    make_appeal(agency, filed_on=date(2026, 2, 2))
    fmt = get_format("2019")
    cells = section4_cells(agency, 2025, fmt)
    assert set(cells) == {address for address, _ in fmt.cells() if address.startswith("section4.")}
    assert set(cells.values()) == {0}
