"""Only what the public may see leaves through the API: items that are published and 主动公开 (never a draft,
an item under review, one signed off as 依申请公开 or 不予公开, or a withdrawn one), and report years with
a published version (never a report still in draft, and never in an aggregate)."""

import pytest

from gongkai.reports.services import open_report
from tests.factories import make_category, make_item, publish_cells, sample_cells

from .reading import get_json

pytestmark = pytest.mark.django_db


def test_only_published_proactive_items_are_listed_or_served(client, personas):
    agency = personas.agency
    category = make_category(agency, "通知公告")
    shown = make_item(agency, title="已发布的通知", category=category)
    hidden = [
        make_item(agency, title="草稿", status="draft"),
        make_item(agency, title="待领导签发", status="leader_review"),
        make_item(agency, title="依申请公开", status="filed", attribute="on_request"),
        make_item(agency, title="已撤回的通知", status="withdrawn"),
        # Published status with a non-proactive attribute (bad data) must not leak either.
        make_item(agency, title="不予公开", attribute="withheld", withheld_basis="state_secret"),
    ]

    listed = get_json(client, f"/api/agencies/{agency.code}/items/")
    by_category = get_json(client, f"/api/agencies/{agency.code}/items/", {"category": category.code})

    assert [i["title"] for i in listed["items"]] == ["已发布的通知"] and listed["count"] == 1
    assert [i["index_number"] for i in by_category["items"]] == [shown.index_number]
    assert get_json(client, f"/api/items/{shown.index_number}/")["title"] == "已发布的通知"
    for item in hidden:
        if item.index_number:  # the withdrawn and the wrongly published one have a 索引号
            body = get_json(client, f"/api/items/{item.index_number}/", status=404)
            assert "没有索引号为" in body["error"]["message"]
    everything = client.get(f"/api/agencies/{agency.code}/items/", {"page_size": "100"}).content.decode()
    for item in hidden:
        assert item.title not in everything


def test_a_draft_report_is_neither_listed_nor_served_nor_aggregated(client, personas):
    agency = personas.agency
    open_report(agency, 2025, actor=personas.registrar)  # in progress, not published
    publish_cells(personas.other_agency, 2025, sample_cells(personas.other_agency, 2025, seed=2))

    assert get_json(client, f"/api/agencies/{agency.code}/reports/")["reports"] == []
    refused = get_json(client, f"/api/agencies/{agency.code}/reports/2025/", status=404)
    assert refused["error"]["message"] == f"{agency.name}尚未发布2025年度的政府信息公开工作年度报告。"
    for suffix in (".csv?table=3", ".xlsx"):
        assert client.get(f"/api/agencies/{agency.code}/reports/2025{suffix}").status_code == 404

    total = get_json(client, f"/api/agencies/{personas.government.code}/reports/2025/aggregate/")
    assert total["coverage"]["with_report"] == [personas.other_agency.code]
    assert agency.code in total["coverage"]["without_report"]
