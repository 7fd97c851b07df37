"""An agency's cells for a year: its latest published version; its draft (computed from the records) only
when drafts are asked for; nothing when it has not started a report."""

from datetime import date

import pytest

from gongkai.reports.services import open_report
from gongkai.supervision.aggregate import aggregate, report_cells
from tests.factories import make_agency, publish_cells, sample_cells
from tests.reports.placing import place

pytestmark = pytest.mark.django_db


def test_a_draft_is_counted_only_when_drafts_are_asked_for():
    parent = make_agency()
    drafting = make_agency(parent=parent)
    place(drafting, date(2025, 3, 3), decided=date(2025, 3, 20), outcome="granted")
    place(drafting, date(2025, 4, 1), decided=date(2025, 4, 20), outcome="granted")
    open_report(drafting, 2025)
    published = sample_cells(parent, 2025, seed=3)
    publish_cells(parent, 2025, published)

    assert report_cells(drafting, 2025, published_only=True) is None
    draft = report_cells(drafting, 2025, published_only=False)
    assert draft["section3.granted.total"] == 2

    only_published = aggregate(parent, 2025, published_only=True)
    with_drafts = aggregate(parent, 2025, published_only=False)
    address = "section3.granted.total"
    assert only_published.cells[address] == published[address]
    assert with_drafts.cells[address] == published[address] + 2
    assert only_published.without_report == [drafting]
    assert with_drafts.without_report == []


def test_an_agency_that_has_not_started_its_report_has_no_cells():
    agency = make_agency()
    place(agency, date(2025, 3, 3), decided=date(2025, 3, 20), outcome="granted")
    assert report_cells(agency, 2025, published_only=False) is None


def test_the_published_version_wins_over_the_records():
    agency = make_agency()
    place(agency, date(2025, 3, 3), decided=date(2025, 3, 20), outcome="granted")
    published = sample_cells(agency, 2025, seed=5)
    publish_cells(agency, 2025, published)
    cells = report_cells(agency, 2025, published_only=False)
    assert cells.values == published.values
