import pytest

from gongkai.disclosure.models import Item
from gongkai.search.indexing import index_item
from tests.factories import make_item

pytestmark = pytest.mark.django_db


def test_tokens_cover_title_number_index_keywords_summary_and_body(people):
    item = make_item(
        people.agency,
        title="关于行政复议的通知",
        document_number="乐退役军人〔2025〕3号",
        keywords="优待证",
        summary="申领办法说明",
        body="<p>办理<b>流程</b></p>",
    )
    tokens = set(Item.objects.get(pk=item.pk).search_tokens.split())
    assert {"复议", "2025", "优待证", "申领", "流程"} <= tokens
    assert item.index_number.split("/")[1].lower() in Item.objects.get(pk=item.pk).search_tokens


def test_changing_the_title_changes_the_tokens(people):
    item = make_item(people.agency, title="旧标题通知")
    item.title = "退役军人优待证"
    item.save()
    assert "优待证" in Item.objects.get(pk=item.pk).search_tokens.split()


def test_a_partial_save_of_a_searched_field_also_refreshes_the_tokens(people):
    item = make_item(people.agency, title="旧标题通知")
    item.title = "退役军人优待证"
    item.save(update_fields=["title"])
    assert "优待证" in Item.objects.get(pk=item.pk).search_tokens.split()


def test_index_item_repairs_a_row_changed_behind_the_orms_back(people):
    item = make_item(people.agency, title="旧标题")
    Item.objects.filter(pk=item.pk).update(title="新的复议通知")
    index_item(Item.objects.get(pk=item.pk))
    assert "复议" in Item.objects.get(pk=item.pk).search_tokens.split()
