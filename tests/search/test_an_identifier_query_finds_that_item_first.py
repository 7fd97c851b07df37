import pytest

from gongkai.search.service import search_items
from tests.factories import make_item

from .conftest import at

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]


def test_a_document_number_puts_its_item_first_even_if_older(people):
    target = make_item(
        people.agency, title="优待证通知", document_number="乐退役军人〔2024〕12号", published_at=at(2024)
    )
    # A newer item that mentions the same number in its body would come first by date alone.
    make_item(
        people.agency, title="转发通知", body="<p>根据乐退役军人〔2024〕12号文件</p>", published_at=at(2026)
    )
    results = search_items("乐退役军人〔2024〕12号")
    assert results.hits[0].item.pk == target.pk
    assert results.hits[0].exact is True
    assert all(not hit.exact for hit in results.hits[1:])


def test_a_legacy_written_document_number_still_finds_the_item(people):
    target = make_item(people.agency, title="优待证通知", document_number="乐退役军人〔2024〕12号")
    assert search_items("乐退役军人[2024]12号").hits[0].item.pk == target.pk


def test_an_index_number_finds_exactly_its_item(people):
    first = make_item(people.agency, title="第一条", published_at=at(2025, 3))
    second = make_item(people.agency, title="第二条", published_at=at(2025, 4))
    results = search_items(second.index_number)
    assert results.hits[0].item.pk == second.pk and results.hits[0].exact
    assert first.pk not in [hit.item.pk for hit in results.hits if hit.exact]


def test_an_index_number_in_lower_case_is_still_recognised(people):
    uscc_based = make_item(people.agency, title="某公告")
    assert search_items(uscc_based.index_number.lower()).hits[0].item.pk == uscc_based.pk


def test_a_number_typed_in_full_width_mode_finds_its_item(people):
    # A Chinese keyboard left in full-width mode types ２０２４ and ／ －, not 2024 and / -.
    target = make_item(people.agency, title="优待证通知", document_number="乐退役军人〔2024〕12号")
    full_width = "乐退役军人〔２０２４〕１２号"
    hit = search_items(full_width).hits[0]
    assert hit.item.pk == target.pk and hit.exact
    assert "<mark>乐退役军人〔2024〕12号</mark>" in hit.document_number_html
    typed_index = target.index_number.replace("/", "／").replace("-", "－")
    assert search_items(typed_index).hits[0].item.pk == target.pk


def test_part_of_a_document_number_is_marked_where_it_matched_not_as_single_characters(people):
    make_item(
        people.agency,
        title="乐清市退役军人优待证办法",
        summary="乐清市发布的办法。",
        document_number="乐退役军人〔2024〕12号",
    )
    hit = search_items("乐退役").hits[0]
    # 乐退役 segments into 乐 and 退役: marking 乐 alone would mark the 乐 of 乐清市 as if that matched.
    assert "<mark>乐</mark>" not in hit.title_html and "<mark>乐</mark>" not in hit.summary_html
    assert "<mark>乐退役</mark>" in hit.document_number_html
    # A search for one character still marks it.
    assert "<mark>乐</mark>" in search_items("乐").hits[0].title_html


def test_a_result_found_by_its_keywords_alone_shows_them_marked(people):
    only_keywords = make_item(people.agency, title="年度工作说明", summary="说明。", keywords="乡村振兴")
    in_title = make_item(people.agency, title="乡村振兴工作通知", summary="通知。", keywords="乡村振兴")
    hits = {hit.item.pk: hit for hit in search_items("乡村振兴").hits}
    assert "<mark>乡村振兴</mark>" in hits[only_keywords.pk].keywords_html
    # Where the title already shows the match, the keywords are not repeated.
    assert hits[in_title.pk].keywords_html == ""
