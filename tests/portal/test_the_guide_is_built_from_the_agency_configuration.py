import pytest

from tests.factories import make_category, make_personas

pytestmark = pytest.mark.django_db


def test_the_guide_shows_contact_lines_time_limits_fees_and_categories(client):
    p = make_personas()
    agency = p.agency
    agency.address = "浙江省乐清市示例路 1 号"
    agency.office_hours = "工作日 8:30—12:00，14:30—17:30"
    agency.fax = "0577-00000000"
    agency.save()
    make_category(agency, "机构职能", code="jgzn")
    html = client.get("/yqtyjrswj/guide/").content.decode()
    assert "<h1>乐清市退役军人事务局政府信息公开指南</h1>" in html
    for value in (
        "浙江省乐清市示例路 1 号",
        "工作日 8:30—12:00，14:30—17:30",
        "0577-61882068",
        "0577-00000000",
        "1809263171@qq.com",
        "办公室",
    ):
        assert value in html
    assert "20 个工作日内予以答复" in html
    assert "最长不超过 20 个工作日" in html
    assert "国办函〔2020〕109号" in html and "信息处理费" in html
    assert 'href="/yqtyjrswj/catalogue/jgzn/">机构职能</a>' in html
    assert 'href="/apply/yqtyjrswj/"' in html


def test_a_guide_of_an_agency_without_contact_lines_says_so(client):
    make_personas()
    html = client.get("/yqsmzj/guide/").content.decode()
    assert "暂未公布" in html and "尚未设置主动公开目录" in html
