"""Every search the portal can make gives the same ids in the same order, and the same count, whether this
server's index answers or the database does — with the index current, and with changes still waiting."""

import datetime
import itertools

import pytest
from django.utils import timezone

from gongkai.search import outbox, service
from gongkai.search.service import search_items
from tests.factories import make_category, make_item

from .conftest import at

pytestmark = pytest.mark.django_db

WORDS = ["复议", "优待证", "养老服务", "防汛", "行政复议"]
QUERIES = ["复议", "优待证 申领", "行政复议", "防汛 复议", "", "没有这样的词", "（）"]


@pytest.fixture
def shelf(people):
    """Items of two agencies over three years, in nested categories, with ties in publication time."""
    parent = make_category(people.agency, "政策文件")
    child = make_category(people.agency, "规范性文件", parent=parent)
    other = make_category(people.other_agency, "通知公告")
    tie = at(2025, 6, 1)
    items = []
    for n, (word, agency, year) in enumerate(
        itertools.product(WORDS, (people.agency, people.other_agency), (2024, 2025, 2026))
    ):
        category = (parent, child, None)[n % 3] if agency == people.agency else other
        items.append(
            make_item(
                agency,
                title=f"关于{word}的公告{n}",
                summary=f"{word}申领说明" if n % 4 == 0 else "",
                body=f"<p>本文涉及{word}与优待证。</p>" if n % 5 == 0 else f"<p>{word}</p>",
                published_at=tie if n % 7 == 0 else at(year, 1 + n % 12, 1 + n % 27),
                category=category,
                publisher=agency.name if n % 2 else "乐清市人民政府办公室",
                validity="repealed" if n % 6 == 0 else "valid",
                kind="normative" if n % 4 == 1 else "general",
                document_number=f"乐政发〔{year}〕{n}号" if n % 3 == 0 else "",
            )
        )
    # Early on New Year's Day in Beijing is still the old year in UTC: the year filter reads local time.
    new_year = timezone.make_aware(datetime.datetime(2025, 1, 1, 3, 0))
    items.append(make_item(people.agency, title="复议元旦公告", published_at=new_year, kind="normative"))
    for status in ("draft", "withdrawn"):
        make_item(people.agency, title=f"复议优待证（{status}）", status=status)
    make_item(people.agency, title="复议优待证（依申请公开）", attribute="on_request")
    return {"items": items, "parent": parent, "child": child, "people": people}


def filter_sets(shelf):
    people = shelf["people"]
    return [
        {},
        {"agencies": [people.agency]},
        {"agencies": [people.agency], "category": shelf["parent"]},
        {"agencies": [people.agency], "category": shelf["child"].pk},
        {"year": 2025},
        {"publisher": "乐清市人民政府办公室"},
        {"validity": "repealed"},
        {"kind": "normative", "year": 2024},
    ]


def answer(query, backend, page_size=4, **options):
    """Every page of the search, as (total, ids in order)."""
    first = search_items(query, backend=backend, page_size=page_size, **options)
    ids = [hit.item.pk for hit in first.hits]
    for page in range(2, first.num_pages + 1):
        ids += [
            hit.item.pk
            for hit in search_items(query, backend=backend, page_size=page_size, page=page, **options).hits
        ]
    return first.total, ids


def compare_every_search(shelf, monkeypatch):
    def no_database_search(*args, **kwargs):
        raise AssertionError("the index should have answered")

    queries = QUERIES + [shelf["items"][0].document_number, shelf["items"][4].index_number]
    for query, filters in itertools.product(queries, filter_sets(shelf)):
        expected = answer(query, "database", **filters)
        with monkeypatch.context() as patch:
            patch.setattr(service, "matching_ids", no_database_search)
            assert answer(query, "index", **filters) == expected, (query, filters)
        # Relevance: the same items on the same number of pages (scores differ between engines).
        total, ids = answer(query, "database", order="relevance", **filters)
        index_total, index_ids = answer(query, "index", order="relevance", **filters)
        assert (index_total, sorted(index_ids)) == (total, sorted(ids)), (query, filters)


def test_a_current_index_answers_every_search_as_the_database_does(shelf, monkeypatch):
    outbox.rebuild()
    assert outbox.node_state().pending == []
    compare_every_search(shelf, monkeypatch)


def test_changes_still_waiting_for_the_index_are_already_in_the_results(shelf, monkeypatch):
    outbox.rebuild()
    items = shelf["items"]
    items[0].status = "withdrawn"
    items[0].save()
    items[1].title = "标题改为讲优待证申领"
    items[1].save()
    items[2].delete()
    make_item(shelf["people"].agency, title="新发布的复议公告", published_at=at(2025, 6, 1))
    make_item(shelf["people"].agency, title="新发布的优待证申领指南", published_at=at(2026, 12, 1))
    assert len(outbox.node_state().pending) == 5
    compare_every_search(shelf, monkeypatch)


@pytest.mark.parametrize("batch", [3, 45])
def test_items_published_at_one_instant_are_paged_by_id_as_the_database_does(people, batch):
    # A batch published at one instant: a run of equal times shorter than the index's margin around a
    # page is ordered from the window, a longer one from the text key; both must match the database.
    instant = at(2025, 3, 1)
    for n in range(batch):
        make_item(people.agency, title=f"批量发布的复议公告{n}", published_at=instant)
    for n in range(6):
        make_item(people.agency, title=f"复议公告{n}", published_at=at(2025, 1 + n % 2 * 4, 1 + n))
    outbox.rebuild()
    for size in (4, 7, 20):
        assert answer("复议", "index", size) == answer("复议", "database", size), size
