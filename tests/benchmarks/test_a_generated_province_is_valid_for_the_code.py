"""The benchmark generator writes straight into the tables; what it writes must be what gongkai's own code
accepts, or the benchmarks would time something gongkai never sees."""

from datetime import date

import pytest
from django.db.models import Prefetch

from benchmarks.province import FIRST_YEAR, NAMES, SCALES
from gongkai.agencies.models import Agency, Level
from gongkai.applications.clock import clock_state
from gongkai.applications.models import Application, ApplicationEvent
from gongkai.disclosure.models import Item
from gongkai.formats.checks import check_cells
from gongkai.reports.compute import build_cells
from gongkai.rules.clock import Status
from gongkai.rules.outcomes import Outcome
from gongkai.search.indexing import tokens_for
from gongkai.search.service import search_items

pytestmark = pytest.mark.django_db(transaction=True)
YEARS = range(FIRST_YEAR, FIRST_YEAR + SCALES["tiny"].years)


def test_the_agencies_form_one_tree_under_the_province(province):
    root = Agency.objects.get(parent=None)
    assert root.level == Level.PROVINCE
    assert Agency.subtree_ids([root.pk]) == set(Agency.objects.values_list("pk", flat=True))
    assert Agency.objects.count() == SCALES["tiny"].agencies


def test_the_clock_accepts_every_generated_case(province):
    cases = Application.objects.prefetch_related(Prefetch("events", queryset=ApplicationEvent.objects.all()))
    # clock_state raises ClockError for events no real case could have.
    statuses = {clock_state(case, as_of=date(2026, 6, 30)).status for case in cases}
    assert {Status.DELIVERED, Status.WITHDRAWN, Status.DECIDED} <= statuses
    assert statuses - {Status.DELIVERED, Status.WITHDRAWN, Status.DECIDED}, "some cases are still open"
    outcomes = set(ApplicationEvent.objects.filter(type="decided").values_list("data__outcome", flat=True))
    assert outcomes <= {o.value for o in Outcome} and len(outcomes) > 5


def test_every_agencys_report_balances_under_the_arithmetic_checks(province):
    received = 0
    for agency in Agency.objects.all():
        previous = None
        for year in YEARS:
            cells = build_cells(agency, year)
            findings = check_cells(cells, previous=previous)
            assert findings == [], [f.describe() for f in findings]
            received += cells["section3.new_received.total"]
            previous = cells
    # Every case is counted as received exactly once, in the year its receipt (or correction) came.
    assert received == Application.objects.count() == SCALES["tiny"].applications


def test_the_items_carry_the_search_tokens_gongkai_computes(province):
    for item in Item.objects.all():
        assert item.search_tokens == tokens_for(item), item.pk
    assert search_items("优待证").total > 0


def test_the_portal_shows_a_generated_catalogue_and_item(province, client):
    item = Item.objects.filter(status="published").exclude(index_number=None).select_related("agency").first()
    assert client.get(f"/{item.agency.code}/catalogue/").status_code == 200
    page = client.get(f"/{item.agency.code}/items/{item.index_number}/")
    assert page.status_code == 200 and item.title in page.content.decode()


def test_the_applicants_names_decrypt(province):
    assert {a.applicant_name for a in Application.objects.all()[:50]} <= set(NAMES)
