"""Whatever the cases, the computed §三/§四 satisfy A1, A2, A3 and A5 — and A6 against the year before."""

import random
from datetime import date, timedelta

import pytest

from gongkai.appeals.services import close_appeal
from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells
from gongkai.formats.checks import check_cells
from gongkai.reports.applications_cells import fill_cells
from gongkai.rules.outcomes import ApplicantType, Outcome
from tests.factories import make_agency, make_appeal
from tests.reports.placing import place

pytestmark = pytest.mark.django_db

APPEAL_KINDS = ["review", "litigation_direct", "litigation_after_review"]


def busy_agency(seed: int):
    rng = random.Random(seed)
    agency = make_agency()
    outcomes = [o for o in Outcome if o is not Outcome.OTHER_NO_CORRECTION]
    for _ in range(40):
        received = date(2024, 10, 1) + timedelta(days=rng.randrange(720))
        ending = rng.choice(["decided", "decided", "withdrawn", "open", "corrected"])
        later = received + timedelta(days=rng.randrange(1, 30))
        kwargs = {"applicant_type": rng.choice(list(ApplicantType))}
        if ending == "decided":
            kwargs.update(decided=later, outcome=rng.choice(outcomes))
        elif ending == "withdrawn":
            kwargs.update(withdrawn=later)
        elif ending == "corrected":
            kwargs.update(
                corrected=later, decided=later + timedelta(days=rng.randrange(1, 20)), outcome="granted"
            )
        place(agency, received, **kwargs)
    for _ in range(8):
        filed = date(2024, 6, 1) + timedelta(days=rng.randrange(800))
        appeal = make_appeal(agency, kind=rng.choice(APPEAL_KINDS), filed_on=filed)
        closed = filed + timedelta(days=rng.randrange(30, 300))
        if closed < date(2026, 11, 2) and rng.random() < 0.7:
            close_appeal(
                appeal, closed_on=closed, result=rng.choice(["upheld", "corrected", "other"]), actor=None
            )
    return agency


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_arithmetic_rule_finds_an_error_in_three_consecutive_years(seed):
    agency = busy_agency(seed)
    previous = None
    totals = 0
    for year in (2024, 2025, 2026):
        cells = ReportCells.blank(format_for_year(year), agency.name, year)
        fill_cells(cells, agency)
        findings = check_cells(cells, previous=previous)
        assert findings == [], [f.describe() for f in findings]
        totals += cells["section3.total.total"]
        previous = cells
    # Not a vacuous pass: the cases were counted somewhere.
    assert totals > 0
