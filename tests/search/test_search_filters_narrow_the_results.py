import pytest

from gongkai.search.service import search_items
from tests.factories import make_category, make_item

from .conftest import at

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]


def titles(results):
    return {hit.item.title for hit in results.hits}


def test_category_filter_includes_its_subcategories(people):
    parent = make_category(people.agency, "政策文件")
    child = make_category(people.agency, "规范性文件", parent=parent)
    other = make_category(people.agency, "机构职能")
    make_item(people.agency, title="复议甲", category=parent)
    make_item(people.agency, title="复议乙", category=child)
    make_item(people.agency, title="复议丙", category=other)
    assert titles(search_items("复议", category=parent)) == {"复议甲", "复议乙"}
    assert titles(search_items("复议", category=child.pk)) == {"复议乙"}


def test_year_publisher_validity_and_kind_filters(people):
    make_item(people.agency, title="复议A", published_at=at(2024), publisher="乐清市退役军人事务局")
    make_item(
        people.agency, title="复议B", published_at=at(2025), publisher="乐清市民政局", validity="repealed"
    )
    make_item(people.agency, title="复议C", published_at=at(2025), kind="normative")
    assert titles(search_items("复议", year=2024)) == {"复议A"}
    assert titles(search_items("复议", publisher="乐清市民政局")) == {"复议B"}
    assert titles(search_items("复议", validity="repealed")) == {"复议B"}
    assert titles(search_items("复议", kind="normative")) == {"复议C"}
    assert titles(search_items("", year=2025)) == {"复议B", "复议C"}
