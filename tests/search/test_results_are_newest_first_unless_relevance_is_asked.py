import pytest

from gongkai.search.service import search_items
from tests.factories import make_item

from .conftest import at

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]


@pytest.fixture
def two_items(people):
    # The older item is about 复议 throughout; the newer one mentions it once in a long body.
    strong = make_item(
        people.agency, title="行政复议 复议 复议", summary="复议复议复议", published_at=at(2023)
    )
    weak = make_item(
        people.agency,
        title="年度工作总结",
        body="<p>" + "退役军人服务保障工作稳步推进。" * 40 + "另有行政复议一件。</p>",
        published_at=at(2026),
    )
    return strong, weak


def test_newest_first_by_default(two_items):
    strong, weak = two_items
    assert [hit.item.pk for hit in search_items("复议").hits] == [weak.pk, strong.pk]


def test_relevance_puts_the_better_match_first(two_items):
    strong, weak = two_items
    assert [hit.item.pk for hit in search_items("复议", order="relevance").hits] == [strong.pk, weak.pk]


def test_pages_hold_twenty_results(people):
    for n in range(25):
        make_item(people.agency, title=f"复议公告{n}", published_at=at(2025, 1, n + 1))
    first, second = search_items("复议"), search_items("复议", page=2)
    assert (first.total, first.num_pages, len(first.hits), len(second.hits)) == (25, 2, 20, 5)
    assert first.hits[0].item.title == "复议公告24" and second.hits[-1].item.title == "复议公告0"
    assert search_items("复议", page="不是数字").page == 1
