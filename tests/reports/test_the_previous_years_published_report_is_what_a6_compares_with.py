"""A6/A7 compare with the previous year's report as published when there is one (here an imported 2024
report that carried one application forward), and with the previous year computed from records otherwise."""

import json
from datetime import date

import pytest

from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells, dumps
from gongkai.reports.checking import findings_for
from gongkai.reports.content import live_content
from gongkai.reports.services import open_report, store_imported
from tests.factories import make_agency
from tests.reports.placing import place

pytestmark = pytest.mark.django_db


def a6(agency, year):
    content = live_content(open_report(agency, year))
    return [f for f in findings_for(content, agency, year) if f["rule"] == "A6"]


def test_a6_reads_the_published_previous_report_and_else_the_records():
    agency = make_agency()
    place(agency, date(2024, 12, 20), outcome="granted", decided=date(2025, 1, 10))
    assert a6(agency, 2025) == []  # computed 2024: carried forward 1, and 2025 carried over 1

    published = ReportCells.blank(format_for_year(2024), agency.name, 2024)
    for address, _ in published.format.cells():
        published[address] = 0
    store_imported(agency, 2024, cells=json.loads(dumps(published.to_dict())))
    (finding,) = [f for f in a6(agency, 2025) if "section3.carried_over.total" in f["cells"]]
    assert finding["severity"] == "warning" and "2024 年报告" in finding["message"]
    assert {"id": "cell-section3.carried_over.total", "label": "carried_over.total"} in finding["anchors"]
