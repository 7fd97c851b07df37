"""Every page's footer shows the site identity this installation is registered with; a reader may switch
to the 适老化 display, which is remembered and served even from kept pages."""

import pytest

from tests.factories import make_item, make_personas

pytestmark = pytest.mark.django_db


def test_the_footer_shows_the_configured_identity_and_links_the_records(client, settings):
    make_personas()
    settings.SITE_IDENTITY = {
        "sponsor": "乐清市人民政府办公室",
        "site_code": "3303820001",
        "icp": "浙ICP备12345678号",
        "police_record": "浙公网安备 33038202001234号",
        "contact": "0577-61234567",
    }
    html = client.get("/").content.decode()
    assert "主办单位：乐清市人民政府办公室" in html and "网站标识码：3303820001" in html
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">浙ICP备12345678号</a>' in html
    assert "code=33038202001234" in html and "联系方式：0577-61234567" in html
    assert "承办单位" not in html  # not configured, not shown


def test_without_configuration_the_footer_shows_no_empty_labels(client, settings):
    make_personas()
    settings.SITE_IDENTITY = {}
    html = client.get("/yqtyjrswj/").content.decode()
    assert "主办单位" not in html and "网站标识码" not in html


def test_the_elder_display_is_remembered_and_kept_pages_follow_it(client):
    p = make_personas()
    item = make_item(p.agency, title="优待证管理办法")
    address = f"/yqtyjrswj/items/{item.index_number}/"
    assert 'class="elder"' not in client.get(address).content.decode()  # kept in the standard display
    switched = client.get("/display/", {"mode": "elder", "next": address})
    assert switched.status_code == 302 and switched.url == address
    page = client.get(address).content.decode()
    assert '<html lang="zh-Hans" class="elder">' in page and "退出适老化模式" in page
    client.get("/display/", {"mode": "standard", "next": address})
    assert 'class="elder"' not in client.get(address).content.decode()


def test_the_display_switch_never_sends_a_reader_to_another_site(client):
    response = client.get("/display/", {"mode": "elder", "next": "https://evil.example/"})
    assert response.url == "/"


def test_the_favicon_address_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response.url.endswith(".svg")


def test_each_agency_tab_is_marked_current_on_its_pages(client):
    p = make_personas()
    item = make_item(p.agency, title="优待证管理办法")
    expected = {
        "/yqtyjrswj/guide/": ("信息公开指南", "page"),
        "/yqtyjrswj/catalogue/": ("主动公开目录", "page"),
        "/yqtyjrswj/list/": ("主动公开目录", "true"),
        f"/yqtyjrswj/items/{item.index_number}/": ("主动公开目录", "true"),
        "/yqtyjrswj/search/": ("检索", "page"),
        "/apply/yqtyjrswj/": ("依申请公开", "page"),
        "/yqtyjrswj/reports/": ("年度报告", "page"),
    }
    for address, (tab, current) in expected.items():
        html = client.get(address).content.decode()
        nav = html.split('class="agency-nav"')[1].split("</nav>")[0]
        assert nav.count("aria-current") == 1, address
        assert f'aria-current="{current}">{tab}</a>' in nav, address
