"""The tree shows, per agency, overdue applications, items published late under Art. 26, categories not
updated, and the report's state for the chosen year."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.agencies.models import AgencyKind, Role
from gongkai.disclosure.models import UpdateFrequency
from gongkai.reports.services import open_report
from gongkai.supervision.overview import overview, report_state
from tests.factories import (
    make_agency,
    make_application,
    make_category,
    make_item,
    make_person,
    publish_cells,
    sample_cells,
)

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 2)


def test_each_agency_gets_its_own_counts():
    root = make_agency(kind=AgencyKind.GOVERNMENT)
    busy, quiet = make_agency(parent=root), make_agency(parent=root)
    make_application(busy, received_on=date(2026, 9, 1))  # 20 working days ran out in October
    make_application(busy, received_on=date(2026, 10, 30))  # still within its time
    make_item(
        busy,
        formed_on=date(2025, 1, 6),
        published_at=datetime(2025, 6, 2, 10, tzinfo=ZoneInfo("Asia/Shanghai")),
    )
    make_category(busy, "工作动态", update_frequency=UpdateFrequency.MONTHLY)
    publish_cells(quiet, 2025, sample_cells(quiet, 2025))

    rows = {row.agency: row for row in overview([root, busy, quiet], 2025, TODAY)}

    assert (rows[busy].overdue, rows[busy].late_items, len(rows[busy].stale)) == (1, 1, 1)
    assert (rows[quiet].overdue, rows[quiet].late_items, rows[quiet].stale) == (0, 0, [])
    assert rows[quiet].report.key == "published" and not rows[quiet].attention
    assert rows[busy].report.key == "late"  # nothing drafted, and 31 January 2026 has passed
    assert [rows[a].depth for a in (root, busy, quiet)] == [0, 1, 1]


def test_report_states_missing_draft_failing_late_and_published():
    agency = make_agency()
    missing = report_state(agency, 2026, None, published=False, today=TODAY)
    assert (missing.key, missing.labels) == ("missing", ["尚未起草"])

    report = open_report(agency, 2026)
    assert report_state(agency, 2026, report, published=False, today=TODAY).key == "draft"
    report.findings = [{"rule": "A1", "severity": "error", "cells": [], "message": "不平衡"}]
    failing = report_state(agency, 2026, report, published=False, today=TODAY)
    assert failing.key == "failing" and "校验有错误" in failing.labels

    late = report_state(agency, 2025, None, published=False, today=TODAY)
    assert late.key == "late" and late.labels[-1] == "已逾期（应于2026年1月31日前发布）"
    government = make_agency(kind=AgencyKind.GOVERNMENT)
    assert report_state(government, 2025, None, published=False, today=date(2026, 3, 31)).key == "missing"


def test_the_tree_page_shows_the_counts_and_states():
    root = make_agency(kind=AgencyKind.GOVERNMENT)
    office = make_agency("乐清市民政局", parent=root)
    make_application(office, received_on=date(2026, 9, 1))
    client = Client()
    client.force_login(make_person(root, Role.SUPERVISOR))
    html = client.get(reverse("supervision:tree", args=[root.code]), {"year": 2025}).content.decode()
    row = html.split("乐清市民政局", 1)[1].split("</tr>", 1)[0]
    assert "<td>1</td>" in row
    assert "尚未起草；已逾期（应于2026年1月31日前发布）" in row
