import datetime

import pytest
from django.utils import timezone

from tests.factories import make_category, make_item, make_personas

pytestmark = pytest.mark.django_db


def at(day):
    return timezone.make_aware(datetime.datetime(2025, 1, 1, 9)) + datetime.timedelta(days=day)


def test_a_category_pages_its_items_newest_first(client):
    p = make_personas()
    category = make_category(p.agency, "通知公告", code="tzgg")
    for n in range(23):
        make_item(p.agency, title=f"公告第{n:02d}号", category=category, published_at=at(n))
    first = client.get("/yqtyjrswj/catalogue/tzgg/").content.decode()
    second = client.get("/yqtyjrswj/catalogue/tzgg/?page=2").content.decode()
    assert first.count("公告第") == 20 and second.count("公告第") == 3
    assert first.index("公告第22号") < first.index("公告第03号")
    assert "公告第02号" in second and "公告第02号" not in first
    assert "共 2 页，23 条" in first
    assert client.get("/yqtyjrswj/catalogue/tzgg/?page=99").content.decode().count("公告第") == 3


def test_lists_leave_out_drafts_withdrawn_and_non_proactive_items(client):
    p = make_personas()
    category = make_category(p.agency, "通知公告", code="tzgg")
    make_item(p.agency, title="公开的公告", category=category)
    make_item(p.agency, title="草稿公告", category=category, status="draft")
    make_item(p.agency, title="撤回公告", category=category, status="withdrawn")
    make_item(p.agency, title="依申请公开公告", category=category, attribute="on_request", status="filed")
    for url in ("/yqtyjrswj/catalogue/tzgg/", "/yqtyjrswj/catalogue/"):
        html = client.get(url).content.decode()
        assert "公开的公告" in html
        assert "草稿公告" not in html and "撤回公告" not in html and "依申请公开公告" not in html


def test_the_catalogue_tree_counts_subcategory_items_in_the_parent(client):
    p = make_personas()
    parent = make_category(p.agency, "政策文件", code="zcwj")
    child = make_category(p.agency, "规范性文件", code="gfxwj", parent=parent)
    make_item(p.agency, title="甲", category=parent)
    make_item(p.agency, title="乙", category=child)
    html = client.get("/yqtyjrswj/catalogue/").content.decode()
    assert '政策文件</a>\n      <span class="count">（2条）' in html
    assert '规范性文件</a>\n      <span class="count">（1条）' in html


def test_an_unknown_category_is_404(client):
    make_personas()
    assert client.get("/yqtyjrswj/catalogue/nothing/").status_code == 404
