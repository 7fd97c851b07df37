"""Items come in pages of at most 100, newest first, filtered by year, catalogue category (with its
subcategories) and time of last change; a malformed or out-of-range parameter is a 400 with a Chinese
message naming it — never a 500, whatever the query string."""

from datetime import datetime

import pytest
from django.utils import timezone

from gongkai.disclosure.models import Item
from tests.factories import make_category, make_item

from .reading import get_json

pytestmark = pytest.mark.django_db


def at(text: str):
    return timezone.make_aware(datetime.fromisoformat(text))


@pytest.fixture
def catalogue(personas):
    agency = personas.agency
    policy = make_category(agency, "政策文件", code="zcwj")
    notices = make_category(agency, "通知公告", code="tzgg", parent=policy)
    other = make_category(agency, "工作动态", code="gzdt")
    for day in range(1, 26):
        make_item(
            agency, title=f"2026年第{day}号", category=other, published_at=at(f"2026-03-{day:02d} 09:00")
        )
    make_item(agency, title="2025年的政策", category=policy, published_at=at("2025-06-01 09:00"))
    make_item(agency, title="2025年的通知", category=notices, published_at=at("2025-07-01 09:00"))
    return agency


def test_pages_split_the_items_without_gaps_or_repeats(client, catalogue):
    url = f"/api/agencies/{catalogue.code}/items/"
    pages = [get_json(client, url, {"page": n, "page_size": 10}) for n in (1, 2, 3)]

    assert [p["pages"] for p in pages] == [3, 3, 3] and pages[0]["count"] == 27
    titles = [i["title"] for p in pages for i in p["items"]]
    assert len(titles) == 27 == len(set(titles))
    assert titles[0] == "2026年第25号" and titles[-1] == "2025年的政策"  # newest first
    assert len(get_json(client, url)["items"]) == 20  # the default page size
    assert len(get_json(client, url, {"page_size": 100})["items"]) == 27


def test_filters_by_year_category_subtree_and_last_change(client, catalogue):
    url = f"/api/agencies/{catalogue.code}/items/"
    assert get_json(client, url, {"year": 2025})["count"] == 2
    assert {i["title"] for i in get_json(client, url, {"category": "zcwj"})["items"]} == {
        "2025年的政策",
        "2025年的通知",
    }
    assert [i["title"] for i in get_json(client, url, {"category": "tzgg"})["items"]] == ["2025年的通知"]

    Item.objects.filter(title="2026年第3号").update(updated_at=at("2026-10-01 08:00"))
    Item.objects.exclude(title="2026年第3号").update(updated_at=at("2026-04-01 08:00"))
    since = get_json(client, url, {"updated_since": "2026-09-30"})
    assert [i["title"] for i in since["items"]] == ["2026年第3号"]
    assert get_json(client, url, {"updated_since": "2026-10-01T08:00:00+08:00"})["count"] == 1
    assert get_json(client, url, {"updated_since": "2026-10-01T08:00:01+08:00"})["count"] == 0


def test_a_page_past_the_last_is_not_there(client, catalogue):
    # A page number the schema allows is not a bad request; the list merely has no such page yet.
    body = get_json(
        client, f"/api/agencies/{catalogue.code}/items/", {"page": "4", "page_size": "10"}, status=404
    )
    assert "没有第 4 页" in body["error"]["message"]


def test_an_unknown_category_is_not_there_either(client, catalogue):
    body = get_json(client, f"/api/agencies/{catalogue.code}/items/", {"category": "nosuch"}, status=404)
    assert body["error"]["parameter"] == "category" and "nosuch" in body["error"]["message"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"page": "0"}, "page"),
        ({"page": "-1"}, "page"),
        ({"page": "abc"}, "page"),
        ({"page": "１"}, "page"),  # a full-width digit
        ({"page": "9" * 40}, "page"),
        ({"page": ["1", "2"]}, "page"),
        ({"year": "二〇二五"}, "year"),
        ({"year": "99999"}, "year"),
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"updated_since": "2026-02-30"}, "updated_since"),
        ({"updated_since": "2026-13-01T00:00:00"}, "updated_since"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(client, catalogue, query, parameter):
    body = get_json(client, f"/api/agencies/{catalogue.code}/items/", query, status=400)
    assert body["error"]["status"] == 400
    assert body["error"]["parameter"] == parameter
    assert parameter in body["error"]["message"]


def test_no_query_string_makes_a_500(client, catalogue):
    queries = [
        "page=%00", "page_size=1e3", "year=2025.5", "updated_since=%FF%FE", "category=%E2%80%AE",
        "page=1&page_size=", "table=9", "version=abc", "updated_since=2026-01-01T25:00", "&&&==",
        "page=" + "%25" * 500, "year=-2025", "updated_since=0000-00-00",
        "category=%00", "category=a%00b", "version=%00", "table=%00",
    ]  # fmt: skip
    urls = [
        f"/api/agencies/{catalogue.code}/items/",
        "/api/agencies/%00/items/",
        "/api/items/%00/",
        "/api/agencies/x%00/reports/2025/aggregate/",
        f"/api/agencies/{catalogue.code}/reports/2025/",
        f"/api/agencies/{catalogue.code}/reports/2025.csv",
        f"/api/agencies/{catalogue.code}/reports/2025/aggregate.xlsx",
    ]
    for url in urls:
        for query in queries:
            response = client.get(f"{url}?{query}")
            assert response.status_code in (200, 400, 404), (url, query, response.status_code)
            assert response["Content-Type"].startswith("application/json")
            if response.status_code != 200:
                assert response.json()["error"]["message"]
