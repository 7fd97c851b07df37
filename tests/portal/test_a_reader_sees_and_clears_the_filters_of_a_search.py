"""A reader who filtered a search sees which filters are on, can clear them in one step keeping the words,
is not stopped by a category left over from another agency, and is offered the whole site when an
agency's own search finds nothing."""

import re

import pytest

from tests.factories import make_agency, make_category, make_item, make_personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(settings):
    settings.SEARCH_BACKEND = "database"
    p = make_personas()
    other = make_agency("乐清市民政局")
    rules = make_category(p.agency, "规范性文件", code="gfxwj")
    theirs = make_category(other, "行政复议信息", code="xzfy")
    make_item(p.agency, title="优待证办法", category=rules, validity="valid")
    make_item(other, title="优待证复议决定", category=theirs)
    return p, other, rules, theirs


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_the_applied_filters_are_listed_and_cleared_in_one_step(client, site):
    p, other, rules, theirs = site
    html = client.get("/search/", {"q": "优待证", "agency": other.code, "validity": "valid"}).content.decode()
    assert "已按以下条件筛选：机关：乐清市民政局；有效性：有效。清除筛选" in text(html)
    assert re.search(r'<details class="search-form__filters" open>', html)
    clear = re.search(r'<a href="(\?[^"]*)">清除筛选</a>', html).group(1)
    cleared = client.get("/search/" + clear.replace("&amp;", "&")).content.decode()
    assert "已按以下条件筛选" not in cleared
    assert "（共 2 条）" in text(cleared)  # the words kept, both agencies again
    unfiltered = client.get("/search/", {"q": "优待证"}).content.decode()
    assert "已按以下条件筛选" not in unfiltered and '<details class="search-form__filters">' in unfiltered


def test_a_category_left_from_another_agency_does_not_stop_the_search(client, site):
    p, other, rules, theirs = site
    # The reader had 民政局 and its category, then switched the agency to the seed agency.
    html = client.get(
        "/search/", {"q": "优待证", "agency": p.agency.code, "category": theirs.pk}
    ).content.decode()
    assert "原先选择的目录类目不属于现在选择的机关" in text(html)
    assert "优待证办法" in text(html) and "（共 1 条）" in text(html)
    assert "请更正" not in html
    # The next pages search as this one did, without the dropped category.
    assert (
        f"category={theirs.pk}"
        not in client.get(
            "/search/", {"q": "优待证", "agency": p.agency.code, "category": theirs.pk}
        ).context["query_string"]
    )


def test_an_agencys_search_that_finds_nothing_offers_the_whole_site(client, site):
    p, other, rules, theirs = site
    html = client.get(f"/{p.agency.code}/search/", {"q": "复议决定"}).content.decode()
    link = re.search(r'<a href="(/search/\?[^"]*)">在全站检索“复议决定”</a>', html).group(1)
    found = client.get(link.replace("&amp;", "&")).content.decode()
    assert "优待证复议决定" in text(found)


def test_each_result_says_which_number_is_which(client, site):
    p, other, rules, theirs = site
    item = make_item(p.agency, title="优待证通知", document_number="乐退役军人〔2024〕12号")
    page = text(client.get("/search/", {"q": "优待证通知"}).content.decode())
    assert f"文号：乐退役军人〔2024〕12号 · 索引号：{item.index_number} · 发布日期：" in page


def test_a_search_without_words_says_it_lists_everything(client, site):
    p, other, rules, theirs = site
    assert "未输入检索词，下面列出全部公开政府信息。" in text(
        client.get("/search/", {"q": ""}).content.decode()
    )
    filtered = client.get("/search/", {"q": "", "agency": other.code}).content.decode()
    assert "未输入检索词，下面列出符合筛选条件的公开政府信息。" in text(filtered)
    assert "未输入检索词" not in text(client.get("/search/", {"q": "优待证"}).content.decode())
