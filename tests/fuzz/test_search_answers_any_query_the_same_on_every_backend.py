"""Search takes any query on every backend — query-language operators, quotes, 10,000 characters, control
characters — and answers with results or a Chinese message, never an error; and for any combination of
real words and filters the index and the database give the same count and the same first page."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gongkai.disclosure.models import Item
from gongkai.search import outbox
from gongkai.search.service import search_items
from tests.factories import make_item, make_personas

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=80, suppress_health_check=list(HealthCheck), deadline=None)
VOCABULARY = [
    "复议",
    "行政复议",
    "优待证",
    "申领",
    "养老服务",
    "防汛",
    "通知",
    "2025",
    "covid-19",
    "3.5",
    "a+b",
]
HOSTILE = [
    'title:复议 AND NOT 优待证 OR "防汛',
    '"复议" NEAR/2 优待证 * ? ( ) [ ] { } ^ ~ \\ -复议 +优待证',
    "复议' OR 1=1; DROP TABLE disclosure_item; --",
    "\x00\x01\x08\x1f复议\x7f\u202e\ufeff",
    "复" * 10_000,
    "a" * 10_000,
    "复议 " * 3_000,
]


@pytest.fixture
def shelf(db):
    people = make_personas()
    for n, words in enumerate(
        ["行政复议 优待证", "养老服务 通知 2025", "防汛 covid-19 3.5", "a+b 申领 复议"] * 3
    ):
        make_item(
            people.agency if n % 2 else people.other_agency,
            title=f"{words}（{n}）",
            kind="normative" if n % 3 else "general",
        )
    make_item(people.agency, title="行政复议（草稿）", status="draft")
    outbox.rebuild()
    return people


@pytest.mark.parametrize("query", HOSTILE)
@pytest.mark.parametrize("backend", ["index", "database"])
def test_hostile_text_answers_results_or_a_message(shelf, query, backend):
    results = search_items(query, backend=backend)
    assert results.hits or "没有找到" in results.message
    shown = [hit.item.pk for hit in results.hits]
    assert Item.objects.filter(pk__in=shown, status="published").count() == len(shown)


@pytest.mark.parametrize("query", HOSTILE)
def test_the_search_page_answers_hostile_text_in_chinese(client, shelf, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "检索结果" in html or "检索词不能超过 100 个字" in html or "空字符" in html


@FUZZ
@given(
    words=st.lists(st.sampled_from(VOCABULARY), max_size=3),
    kind=st.sampled_from(["", "normative", "general"]),
    per_agency=st.booleans(),
    order=st.sampled_from(["newest", "relevance"]),
    page=st.one_of(st.integers(-2, 4), st.sampled_from([10**20, -(10**20), "9" * 40, "第二页"])),
)
@example(words=[], kind="", per_agency=False, order="newest", page=1)
def test_real_words_give_the_same_answer_on_index_and_database(shelf, words, kind, per_agency, order, page):
    options = {"kind": kind, "order": order, "page": page, "page_size": 3}
    if per_agency:
        options["agencies"] = [shelf.agency]
    query = " ".join(words)
    by_index, by_database = (
        search_items(query, backend="index", **options),
        search_items(query, backend="database", **options),
    )
    assert (by_index.total, by_index.page, by_index.num_pages) == (
        by_database.total,
        by_database.page,
        by_database.num_pages,
    )
    if order == "newest":
        assert [hit.item.pk for hit in by_index.hits] == [hit.item.pk for hit in by_database.hits]
    else:
        assert len(by_index.hits) == len(by_database.hits)
