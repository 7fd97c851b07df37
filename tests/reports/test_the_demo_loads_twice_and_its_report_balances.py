"""The demo's 依申请公开 cases: loaded twice without duplicates, non-zero and balanced §三/§四 for 乐清市民政局
in 2025 and 2026, carried over between them; the seed agency's 2020 stays at zero."""

import pytest

from gongkai.agencies.models import Agency
from gongkai.appeals.models import Appeal
from gongkai.applications.models import Application
from gongkai.demo import load_demo
from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells
from gongkai.formats.checks import check_cells
from gongkai.reports.applications_cells import fill_cells
from gongkai.rules.outcomes import ApplicantType

pytestmark = pytest.mark.django_db


def report(agency, year):
    cells = ReportCells.blank(format_for_year(year), agency.name, year)
    fill_cells(cells, agency)
    return cells


@pytest.fixture
def demo():
    load_demo()
    return Agency.objects.get(code="yqsmzj")


def test_loading_twice_creates_nothing_more(demo):
    counts = (Application.objects.count(), Appeal.objects.count())
    load_demo()
    assert (Application.objects.count(), Appeal.objects.count()) == counts
    assert counts[0] > 10 and counts[1] >= 3


def test_the_demo_agencys_2026_sections_are_non_zero_and_pass_the_checks(demo):
    last, this = report(demo, 2025), report(demo, 2026)
    assert check_cells(last) == []
    assert check_cells(this, previous=last) == []
    assert this["section3.new_received.total"] > 0
    assert this["section3.carried_over.total"] > 0
    assert this["section3.carried_over.total"] == last["section3.carried_forward.total"]
    assert this["section3.total.total"] > 0
    assert this["section4.review.total"] + this["section4.litigation_direct.total"] > 0
    assert this["section4.litigation_after_review.total"] > 0


def test_the_demo_covers_every_applicant_type_and_channel_and_the_special_events(demo):
    cases = Application.objects.filter(agency=demo)
    assert set(cases.values_list("applicant_type", flat=True)) == {t.value for t in ApplicantType}
    assert {"in_person", "post_signed", "post_unsigned", "online", "fax", "email"} <= set(
        cases.values_list("channel", flat=True)
    )
    types = set(cases.values_list("events__type", flat=True))
    for event in (
        "correction_received",
        "consultation_answered",
        "extension_approved",
        "fee_paid",
        "withdrawn",
    ):
        assert event in types


def test_the_seed_agency_keeps_zero_applications_in_2020(demo):
    seed = Agency.objects.get(code="yqtyjrswj")
    cells = report(seed, 2020)
    assert all(cells[a] == 0 for a in cells.values if a.startswith(("section3.", "section4.")))
