"""An agency, year, version or item that does not exist is a 404 with a Chinese message in JSON, as is any
other address below /api/; an address missing its final slash is redirected like the rest of the site."""

import pytest

from tests.factories import publish_cells, sample_cells

from .reading import get_json

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(personas):
    publish_cells(personas.agency, 2025, sample_cells(personas.agency, 2025))
    return personas.agency


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/agencies/nosuch/", "没有代码为“nosuch”的机关。"),
        ("/api/agencies/不存在/items/", "没有代码为“不存在”的机关。"),
        ("/api/agencies/nosuch/reports/", "没有代码为“nosuch”的机关。"),
        (
            "/api/agencies/yqtyjrswj/reports/2019/",
            "乐清市退役军人事务局尚未发布2019年度的政府信息公开工作年度报告。",
        ),
        (
            "/api/agencies/yqtyjrswj/reports/二〇二五/",
            "没有“二〇二五”年度的报告：年度应为四位数字，例如 2025。",
        ),
        ("/api/agencies/yqtyjrswj/reports/1000/aggregate/", "1000 年没有适用的年度报告格式"),
        ("/api/agencies/yqtyjrswj/reports/2024/aggregate/", "均未发布2024年度"),
        ("/api/items/005275134/2099-00001/", "没有索引号为“005275134/2099-00001”的公开政府信息。"),
        ("/api/nothing/here/", "开放数据接口没有地址 /api/nothing/here/"),
    ],
)
def test_unknown_things_are_a_json_404_in_chinese(client, published, url, message):
    body = get_json(client, url, status=404)
    assert message in body["error"]["message"]
    assert body["error"]["status"] == 404


def test_a_missing_final_slash_is_redirected(client, published):
    response = client.get("/api/agencies/yqtyjrswj/reports", {"x": "1"})
    assert response.status_code == 301
    assert response["Location"] == "/api/agencies/yqtyjrswj/reports/?x=1"


def test_writing_is_refused_with_405(client, published):
    for method in (client.post, client.put, client.delete):
        response = method("/api/agencies/yqtyjrswj/reports/2025/")
        assert response.status_code == 405
        assert "只读" in response.json()["error"]["message"]
        assert "GET" in response["Allow"]


def test_an_address_no_route_can_match_is_still_a_json_404(client, published):
    # A line break in the path matches no URL pattern at all, not even the catch-all below /api/.
    for url in ("/api/items/%0A/", "/api/%0A", "/api/agencies/yqtyjrswj/%0D%0A/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"].startswith("application/json"), url
        assert "/api/openapi.json" in response.json()["error"]["message"]
        assert response["Access-Control-Allow-Origin"] == "*"
    assert "页面不存在" in client.get("/nothing/%0A/").content.decode()  # the site's own page elsewhere
