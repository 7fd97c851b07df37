import datetime

import pytest
from django.utils import timezone

from gongkai.disclosure import workflow
from tests.factories import make_category, make_item, make_personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def p():
    return make_personas()


def test_the_metadata_block_comes_before_the_body(client, p):
    item = make_item(
        p.agency,
        title="关于印发优待证办法的通知",
        category=make_category(p.agency, "政策文件"),
        topic="民政、扶贫、救灾",
        publisher="乐清市退役军人事务局",
        formed_on=datetime.date(2025, 6, 3),
        published_at=timezone.make_aware(datetime.datetime(2025, 6, 5, 9)),
        document_number="乐退役军人〔2025〕7号",
        validity="valid",
        body="<p>正文第一段。</p>",
    )
    html = client.get(f"/yqtyjrswj/items/{item.index_number}/").content.decode()
    for label, value in [
        ("索引号", item.index_number),
        ("主题分类", "民政、扶贫、救灾"),
        ("发布机构", "乐清市退役军人事务局"),
        ("成文日期", "2025-06-03"),
        ("发布日期", "2025-06-05"),
        ("文号", "乐退役军人〔2025〕7号"),
        ("有效性", "有效"),
    ]:
        assert f'<th scope="row">{label}</th><td>{value}' in html, label
    assert html.index('class="item-meta"') < html.index("正文第一段。")


def test_an_item_is_also_found_by_its_id(client, p):
    item = make_item(p.agency, title="按编号访问")
    assert "按编号访问" in client.get(f"/yqtyjrswj/items/{item.pk}/").content.decode()


def test_an_item_of_another_agency_is_not_served_under_this_one(client, p):
    item = make_item(p.other_agency, title="民政局信息")
    assert client.get(f"/yqtyjrswj/items/{item.index_number}/").status_code == 404


@pytest.mark.parametrize("status", ["draft", "department_review", "secrecy_review", "leader_review", "filed"])
def test_unpublished_items_are_404(client, p, status):
    item = make_item(p.agency, title="未发布", status=status)
    assert client.get(f"/yqtyjrswj/items/{item.pk}/").status_code == 404


def test_a_published_item_that_is_not_proactive_is_404(client, p):
    item = make_item(p.agency, title="依申请公开", attribute="on_request")
    assert client.get(f"/yqtyjrswj/items/{item.index_number}/").status_code == 404


def test_a_withdrawn_item_shows_a_notice_with_its_date_instead_of_the_body(client, p):
    item = make_item(p.agency, title="将被撤回", body="<p>撤回前的正文</p>", status="published")
    with time_machine_at(datetime.datetime(2026, 2, 10, 10, tzinfo=datetime.UTC)):
        workflow.withdraw(item, p.leader, "内容已过时")
    response = client.get(f"/yqtyjrswj/items/{item.index_number}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "该信息已撤回" in html and "2026-02-10" in html
    assert "撤回前的正文" not in html


def time_machine_at(moment):
    import time_machine

    return time_machine.travel(moment, tick=False)
