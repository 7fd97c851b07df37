import pytest

from gongkai.search.service import search_items
from tests.factories import make_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]


def test_fuyi_finds_an_item_that_only_says_xingzheng_fuyi(people):
    wanted = make_item(people.agency, title="关于行政复议案件办理情况的公告")
    make_item(people.agency, title="关于开展优待证申领工作的通知")
    results = search_items("复议")
    assert [hit.item.pk for hit in results.hits] == [wanted.pk]


def test_a_word_in_the_body_only_is_found_too(people):
    wanted = make_item(people.agency, title="公告", body="<p>申请人不服的，可以依法申请行政复议。</p>")
    assert [hit.item.pk for hit in search_items("复议").hits] == [wanted.pk]


def test_every_query_word_must_match(people):
    both = make_item(people.agency, title="行政复议与行政诉讼")
    make_item(people.agency, title="行政复议")
    assert [hit.item.pk for hit in search_items("复议 诉讼").hits] == [both.pk]


def test_a_query_with_no_hits_says_so_and_suggests_other_words(people):
    make_item(people.agency, title="关于行政复议案件办理情况的公告")
    results = search_items("拆迁补偿")
    assert results.total == 0 and results.hits == []
    assert "没有找到与“拆迁补偿”相关的政府信息" in results.message
    assert "更换或减少检索词" in results.message


def test_a_filtered_query_with_no_hits_suggests_removing_the_filters(people):
    make_item(people.agency, title="行政复议公告", validity="valid")
    results = search_items("复议", validity="repealed")
    assert results.total == 0
    assert "去掉部分筛选条件" in results.message
