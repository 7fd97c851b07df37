import pytest

from gongkai.search.service import search_items
from tests.factories import make_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]


def test_drafts_reviews_filed_withdrawn_and_non_proactive_items_never_appear(people):
    shown = make_item(people.agency, title="行政复议公告（已发布）")
    for status in ("draft", "department_review", "secrecy_review", "leader_review", "filed", "withdrawn"):
        make_item(people.agency, title=f"行政复议公告（{status}）", status=status)
    make_item(people.agency, title="行政复议公告（依申请公开）", attribute="on_request")
    make_item(
        people.agency, title="行政复议公告（不予公开）", attribute="withheld", withheld_basis="process_info"
    )
    assert [hit.item.pk for hit in search_items("复议").hits] == [shown.pk]
    assert [hit.item.pk for hit in search_items("").hits] == [shown.pk]


def test_a_withdrawn_item_is_not_found_even_by_its_index_number(people):
    withdrawn = make_item(people.agency, title="撤回的公告", status="withdrawn")
    assert search_items(withdrawn.index_number).total == 0


def test_a_draft_is_not_found_by_its_document_number(people):
    make_item(people.agency, title="草稿", status="draft", document_number="乐退役军人〔2026〕9号")
    assert search_items("乐退役军人〔2026〕9号").total == 0


def test_search_can_be_limited_to_some_agencies(people):
    mine = make_item(people.agency, title="行政复议公告")
    make_item(people.other_agency, title="行政复议公告")
    assert [hit.item.pk for hit in search_items("复议", agencies=[people.agency]).hits] == [mine.pk]
