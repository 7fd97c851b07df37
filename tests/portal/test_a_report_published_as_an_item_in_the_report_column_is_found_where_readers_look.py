"""Agencies published their annual reports as ordinary 主动公开 items in the catalogue's 年报 column long
before gongkai made them. A reader looking for one goes to that column or to the 年度报告 page; both must
list such items beside the reports gongkai publishes, and the catalogue's count must include them —
before, the column said 0条 and “暂无已发布的年度报告” while the catalogue list showed the reports."""

import datetime
import re

import pytest
from django.utils import timezone

from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells
from gongkai.importer.pending import store
from tests.factories import make_category, make_item, make_personas

pytestmark = pytest.mark.django_db


def published(year: int):
    return timezone.make_aware(datetime.datetime(year + 1, 1, 20, 9))


def column_count(catalogue_html: str, name: str) -> int:
    found = re.search(re.escape(name) + r"</a>\s*<span[^>]*>（(\d+)条）", catalogue_html)
    assert found, f"{name} 不在目录树中"
    return int(found[1])


@pytest.fixture
def column_with_two_reports_as_items():
    p = make_personas()
    column = make_category(p.agency, "政府信息公开年报", code="gknb")
    for year in (2023, 2024):
        make_item(
            p.agency, title=f"{year}年政府信息公开工作年度报告", category=column, published_at=published(year)
        )
    make_item(p.agency, title="2022年政府信息公开工作年度报告（草稿）", category=column, status="draft")
    return p, column


def test_the_column_page_and_the_report_page_list_the_items_newest_first(
    client, column_with_two_reports_as_items
):
    p, column = column_with_two_reports_as_items
    page = client.get(f"/{p.agency.code}/catalogue/{column.code}/").content.decode()
    reports = client.get(f"/{p.agency.code}/reports/").content.decode()
    for html in (page, reports):
        assert "暂无已发布的年度报告" not in html
        assert html.index("2024年政府信息公开工作年度报告") < html.index("2023年政府信息公开工作年度报告")
        assert "草稿" not in html
    assert "在主动公开目录年报栏目中发布的信息" in reports


def test_the_catalogue_counts_the_items_of_the_column(client, column_with_two_reports_as_items):
    p, column = column_with_two_reports_as_items
    catalogue = client.get(f"/{p.agency.code}/catalogue/").content.decode()
    assert column_count(catalogue, column.name) == 2


def test_a_report_gongkai_published_and_the_items_are_listed_and_counted_together(
    client, column_with_two_reports_as_items
):
    p, column = column_with_two_reports_as_items
    cells = ReportCells.blank(format_for_year(2020), p.agency.name, 2020)
    cells.sections = {"一": "本报告统计期限为2020年1月1日至2020年12月31日。", "六": "2021年1月28日"}
    store(p.agency, cells, source=b"x", source_name="a.pdf", notes={}, actor=None, confirmed_unread=True)

    catalogue = client.get(f"/{p.agency.code}/catalogue/").content.decode()
    assert column_count(catalogue, column.name) == 3
    page = client.get(f"/{p.agency.code}/catalogue/{column.code}/").content.decode()
    reports = client.get(f"/{p.agency.code}/reports/").content.decode()
    for html in (page, reports):
        assert f"{p.agency.name}2020年政府信息公开工作年度报告" in html
        assert "2024年政府信息公开工作年度报告" in html
    assert "本栏目发布的其他信息" in page


def test_an_agency_with_neither_says_there_is_none(client):
    p = make_personas()
    column = make_category(p.agency, "政府信息公开年报", code="gknb")
    for url in (f"/{p.agency.code}/catalogue/{column.code}/", f"/{p.agency.code}/reports/"):
        assert "暂无已发布的年度报告" in client.get(url).content.decode()
