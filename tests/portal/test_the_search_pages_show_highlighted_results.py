import pytest

from tests.factories import make_item, make_personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def p():
    return make_personas()


def test_the_agency_search_shows_marked_titles_and_escapes_markup(client, p):
    make_item(p.agency, title="<i>关于</i>行政复议的公告")
    make_item(p.other_agency, title="民政局行政复议公告")
    html = client.get("/yqtyjrswj/search/", {"q": "复议"}).content.decode()
    assert "复议</mark>" in html
    assert "&lt;i&gt;关于&lt;/i&gt;" in html and "<i>关于</i>" not in html
    assert "民政局行政复议公告" not in html and "民政局行政<mark>" not in html


def test_the_site_search_covers_every_agency(client, p):
    make_item(p.agency, title="退役军人行政复议公告")
    make_item(p.other_agency, title="民政局行政复议公告")
    html = client.get("/search/", {"q": "复议"}).content.decode()
    assert "（共 2 条）" in html


def test_no_hits_says_so(client, p):
    html = client.get("/search/", {"q": "拆迁"}).content.decode()
    assert "没有找到与“拆迁”相关的政府信息" in html


def test_a_bad_year_gets_a_chinese_error_not_a_crash(client, p):
    response = client.get("/yqtyjrswj/search/", {"q": "复议", "year": "明年"})
    assert response.status_code == 200
    assert "请输入四位数字的年份。" in response.content.decode()


def test_a_draft_is_never_in_the_search_page(client, p):
    make_item(p.agency, title="行政复议草稿", status="draft")
    html = client.get("/yqtyjrswj/search/", {"q": "复议"}).content.decode()
    assert "行政复议草稿" not in html and "没有找到" in html
