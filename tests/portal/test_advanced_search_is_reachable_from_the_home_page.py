import datetime

import pytest
from django.utils import timezone

from tests.factories import make_agency, make_category, make_item, make_personas

pytestmark = pytest.mark.django_db


def test_the_home_page_links_advanced_search_which_filters_by_agency_category_dates_and_document_year(
    client, settings
):
    settings.SEARCH_BACKEND = "database"
    p = make_personas()
    other = make_agency("乐清市民政局")
    rules = make_category(p.agency, "规范性文件", code="gfxwj")
    when = timezone.make_aware(datetime.datetime(2024, 5, 1, 9))
    make_item(
        p.agency, title="优待证办法", document_number="乐退役发〔2023〕3号", category=rules, published_at=when
    )
    make_item(p.agency, title="优待证说明", published_at=when)
    make_item(other, title="优待证通知", document_number="乐民发〔2023〕1号", published_at=when)
    home = client.get("/").content.decode()
    assert 'href="/search/advanced/"' in home
    page = client.get("/search/advanced/").content.decode()
    for label in ("机关", "目录类目", "发布日期从", "发布日期至", "文号年份", "有效性"):
        assert f">{label}</label>" in page
    response = client.get(
        "/search/advanced/",
        {
            "q": "优待证",
            "agency": "yqtyjrswj",
            "category": rules.pk,
            "published_from": "2024-05-01",
            "published_to": "2024-05-01",
            "document_year": "2023",
        },
    )
    assert [hit.item.title for hit in response.context["results"].hits] == ["优待证办法"]


def test_wrong_dates_get_a_chinese_message_and_another_agencys_category_is_dropped_with_a_notice(client):
    p = make_personas()
    other = make_agency("乐清市民政局")
    theirs = make_category(other, "机构职能")
    html = client.get(
        "/search/advanced/",
        {
            "agency": p.agency.code,
            "category": theirs.pk,
            "published_from": "2024-06-01",
            "published_to": "2024-05-01",
        },
    ).content.decode()
    # The reader changed the agency and left the category: told so, not stopped by an error on it.
    assert "原先选择的目录类目不属于现在选择的机关" in html and "请选择所选机关的目录类目" not in html
    assert "结束日期不能早于开始日期" in html
