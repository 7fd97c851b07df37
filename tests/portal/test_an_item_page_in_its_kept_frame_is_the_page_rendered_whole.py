"""An anonymous reader's item page is put together from the agency's kept frame and the item's own blocks
(gongkai.portal.frames). It must be the page the template renders whole, character for character: with
attachments and interpretations, withdrawn, in the 适老化 display, for an agency whose name needs escaping,
with the site identity shown, addressed by 索引号 (one that an address must encode) or by id, and asked for with a query string."""

import pytest
from django.core.cache import cache
from django.shortcuts import render as render_whole

from gongkai.disclosure import workflow
from gongkai.disclosure.models import Item
from gongkai.portal import frames
from gongkai.portal.site import DISPLAY_COOKIE, ELDER
from tests.disclosure.conftest import published_with_attachments
from tests.factories import PASSWORD, make_agency, make_item, make_personas

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def agency_pages(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SITE_IDENTITY = {"sponsor": "乐清市人民政府办公室", "icp": "浙ICP备12345678号"}
    people = make_personas()
    people.agency.name = '乐清市"退役军人"事务局 <试点> & 服务中心'
    people.agency.save()
    item, _ = published_with_attachments(
        people,
        "关于<优待证>申领点的公告",
        [("申领流程图.png", PNG), ("附件1：申领点一览表.png", PNG)],
        body='<p>流程如下：</p><p><img src="{image}" alt="流程"></p>',
        image="申领流程图.png",
    )
    make_item(people.agency, title="《优待证公告》解读", kind="interpretation", interprets=item)
    reading = make_item(people.agency, title="政策解读：申领流程", kind="interpretation", interprets=item)
    withdrawn = make_item(people.agency, title="已废止的通知")
    workflow.withdraw(withdrawn, people.leader, "政策已废止")
    without_number = make_item(people.agency, title="没有索引号的信息")
    Item.objects.filter(pk=without_number.pk).update(index_number=None)
    # An index number carried over from another system, with characters an address must encode.
    imported = make_item(people.agency, title="迁移来的信息")
    Item.objects.filter(pk=imported.pk).update(index_number="乐清退役-2019/001&'旧'")
    code = people.agency.code
    return people, [
        f"/{code}/items/{item.index_number}/",
        f"/{code}/items/{reading.index_number}/",
        f"/{code}/items/{withdrawn.index_number}/",
        f"/{code}/items/{without_number.pk}/",
        f"/{code}/items/乐清退役-2019/001&'旧'/",
        f"/{code}/items/{item.index_number}/?from=<b>首页</b>&amp;x='1'",
    ]


def whole(monkeypatch, client, url, **headers) -> str:
    def render_without_frame(request, template_name, context, *, frame_of, current):
        return render_whole(request, template_name, context)

    cache.clear()  # the kept page, so the view renders again
    with monkeypatch.context() as patch:
        patch.setattr(frames, "render", render_without_frame)
        response = client.get(url, **headers)
    cache.clear()
    return response.content.decode()


@pytest.mark.parametrize("elder", [False, True], ids=["standard", "elder"])
def test_every_kind_of_item_page_is_the_same_framed_as_rendered_whole(
    agency_pages, client, monkeypatch, elder
):
    if elder:
        client.cookies[DISPLAY_COOKIE] = ELDER
    for url in agency_pages[1]:
        expected = whole(monkeypatch, client, url)
        assert "乐清市人民政府办公室" in expected and "&lt;试点&gt;" in expected
        # Twice: the first builds the frame, the second uses the one kept.
        for _ in range(2):
            cache.clear()
            assert client.get(url).content.decode() == expected, url


def test_a_frame_is_not_reused_for_another_display_or_agency(agency_pages, client):
    standard = client.get(agency_pages[1][0]).content.decode()
    cache.clear()
    client.cookies[DISPLAY_COOKIE] = ELDER
    elder = client.get(agency_pages[1][0]).content.decode()
    assert 'class="elder"' in elder and 'class="elder"' not in standard

    other = make_agency("永嘉县人民政府办公室", code="yjxzfb")
    policy = make_item(other, title="永嘉的通知")
    page = client.get(f"/{other.code}/items/{policy.index_number}/").content.decode()
    assert "永嘉县人民政府办公室" in page and "事务局" not in page


def test_the_print_source_names_the_page_without_the_query_the_first_reader_typed(agency_pages, client):
    url = agency_pages[1][0]
    client.get(url + "?x=本站已停止服务")  # kept from this visit on
    page = client.get(url).content.decode()
    assert "本站已停止服务" not in page
    assert f"本页来源：http://testserver{url}</p>" in page


def test_a_signed_in_reader_gets_the_page_rendered_whole(agency_pages, client, monkeypatch):
    built = []
    monkeypatch.setattr(frames, "_frame", lambda *args: built.append(args) or [])
    assert client.login(username=agency_pages[0].registrar.username, password=PASSWORD)
    response = client.get(agency_pages[1][0])
    assert response.status_code == 200 and "关于&lt;优待证&gt;申领点的公告" in response.content.decode()
    assert built == []


def test_a_new_generation_builds_the_frame_again(agency_pages, client, django_capture_on_commit_callbacks):
    url = agency_pages[1][0]
    client.get(url)
    agency = agency_pages[0].agency
    with django_capture_on_commit_callbacks(execute=True):
        agency.name = "乐清市退役军人事务管理局"
        agency.save()
    page = client.get(url).content.decode()
    assert page.count("乐清市退役军人事务管理局") >= 2  # the crumbs and the agency's navigation
    assert "服务中心" not in page


def test_each_address_of_the_site_prints_its_own_name(agency_pages, client, settings):
    # One site served under two names: a page kept from a reader of one must not print the other's name.
    settings.ALLOWED_HOSTS = ["gk.yueqing.gov.cn", "xxgk.yueqing.gov.cn"]
    url = agency_pages[1][0]
    for host in ("gk.yueqing.gov.cn", "xxgk.yueqing.gov.cn", "gk.yueqing.gov.cn"):
        page = client.get(url, HTTP_HOST=host).content.decode()
        assert f"本页来源：http://{host}{url}</p>" in page


def test_a_name_the_site_does_not_answer_to_is_refused_and_never_printed(agency_pages, client, settings):
    settings.ALLOWED_HOSTS = ["gk.yueqing.gov.cn"]
    url = agency_pages[1][0]
    response = client.get(url, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "evil.example" not in response.content.decode()
    page = client.get(url, HTTP_HOST="gk.yueqing.gov.cn").content.decode()
    assert "evil.example" not in page and f"本页来源：http://gk.yueqing.gov.cn{url}</p>" in page
