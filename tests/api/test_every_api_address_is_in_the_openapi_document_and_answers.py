"""The OpenAPI 3.1 document at /api/openapi.json describes every /api/ address of the URL configuration,
and every path it documents answers 200 with the media type it declares; the cells' schema names exactly
the keys a report is served with. The human page /api/ lists every address with a working example."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import make_item, publish_cells, sample_cells

from .reading import get_json

pytestmark = pytest.mark.django_db

OPENAPI_PARAM = re.compile(r"\{(\w+)\}")
DJANGO_PARAM = re.compile(r"<(?:\w+:)?(\w+)>")


def api_routes() -> list[str]:
    """Every route below /api/ in the URL configuration, written as OpenAPI paths."""
    found = []

    def walk(patterns, prefix):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                found.append("/" + DJANGO_PARAM.sub(r"{\1}", prefix + str(entry.pattern)))

    walk(get_resolver().url_patterns, "")
    return [r for r in found if r.startswith("/api/")]


@pytest.fixture
def published(personas):
    agency = personas.agency
    publish_cells(agency, 2025, sample_cells(agency, 2025))
    item = make_item(agency, title="2026年工作要点")
    return {"code": agency.code, "year": "2025", "index_number": item.index_number}


def test_every_address_is_documented(client, published):
    document = get_json(client, "/api/openapi.json")
    assert document["openapi"].startswith("3.1")
    routes = set(api_routes()) - {"/api/{rest}"}  # the JSON 404 for every other address
    assert routes, "没有找到 /api/ 的地址"
    assert routes == set(document["paths"])


def test_every_documented_path_answers_as_declared(client, published):
    document = get_json(client, "/api/openapi.json")
    for path, item in document["paths"].items():
        operation = item["get"]
        required = [p for p in operation["parameters"] if p["required"] and p["in"] == "query"]
        url = OPENAPI_PARAM.sub(lambda m: published[m.group(1)], path)
        query = {p["name"]: p["schema"]["enum"][0] for p in required}
        response = client.get(url, query)
        assert response.status_code == 200, (url, response.status_code, response.content[:200])
        (media_type,) = operation["responses"]["200"]["content"]
        assert response["Content-Type"].startswith(media_type), (url, response["Content-Type"])
        for parameter in OPENAPI_PARAM.findall(path):
            assert parameter in [p["name"] for p in operation["parameters"] if p["in"] == "path"]
        assert "404" in operation["responses"] or not OPENAPI_PARAM.search(path)


def test_the_cells_schema_names_the_keys_a_report_is_served_with(client, published):
    document = get_json(client, "/api/openapi.json")
    schema = document["components"]["schemas"]["ReportCells2021"]["properties"]
    served = get_json(client, f"/api/agencies/{published['code']}/reports/2025/")["cells"]
    for section in ("section2", "section3", "section4"):
        assert set(schema[section]["properties"]) == set(served[section])
        for key, node in schema[section]["properties"].items():
            assert set(node["properties"]) == set(served[section][key])
    assert (
        schema["section3"]["properties"]["new_received"]["description"] == "一、本年新收政府信息公开申请数量"
    )


def test_the_page_lists_every_address_with_a_working_example(client, published):
    page = client.get("/api/")
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    html = page.content.decode()
    assert "开放数据接口" in html
    document = get_json(client, "/api/openapi.json")
    for path in document["paths"]:
        assert f"GET {path}" in html
    examples = re.findall(r'<td[^>]*><a href="([^"]+)">', html)
    assert len(examples) == len(document["paths"])
    for example in examples:
        assert client.get(example.replace("&amp;", "&")).status_code == 200, example
