import pytest

from tests.factories import make_agency, make_personas

pytestmark = pytest.mark.django_db


def test_the_agency_page_shows_name_and_every_contact_line(client):
    p = make_personas()
    agency = p.agency
    agency.address = "浙江省乐清市示例路 1 号"
    agency.postcode = "325600"
    agency.office_hours = "工作日 8:30—12:00，14:30—17:30"
    agency.fax = "0577-00000000"
    agency.disclosure_office_head = "张三"
    agency.save()

    html = client.get("/yqtyjrswj/").content.decode()
    assert "<h1>乐清市退役军人事务局</h1>" in html
    for label, value in [
        ("政府信息公开工作机构", "办公室"),
        ("办公地址", "浙江省乐清市示例路 1 号"),
        ("办公时间", "工作日 8:30—12:00，14:30—17:30"),
        ("联系电话", "0577-61882068"),
        ("传真", "0577-00000000"),
        ("电子邮箱", "1809263171@qq.com"),
        ("网站", "http://www.yueqing.gov.cn/"),
    ]:
        assert f"<dt>{label}</dt>" in html and value in html
    assert "325600" in html
    # The office head is a person; the public page does not name them.
    assert "张三" not in html


def test_missing_contact_lines_say_so_instead_of_staying_empty(client):
    make_agency("某某局", code="mmj")
    html = client.get("/mmj/").content.decode()
    assert html.count("暂未公布") == 7


def test_the_agency_page_shows_where_the_agency_sits_in_the_tree(client):
    p = make_personas()
    html = client.get("/yqszf/").content.decode()
    assert 'aria-current="page">乐清市人民政府' in html
    assert "下级机关" in html and p.agency.name in html
    bureau = client.get("/yqtyjrswj/").content.decode()
    assert '<a href="/yqszf/">乐清市人民政府</a>' in bureau
