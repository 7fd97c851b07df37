"""Open data: every /api/ answer — JSON, downloads, errors — allows GET from any origin, and a browser's
preflight gets the CORS headers; the site's security headers (CSP, nosniff, frame and referrer policy)
stay on every answer, the human page /api/ included."""

import pytest

from tests.factories import publish_cells, sample_cells

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls(personas):
    code = personas.agency.code
    publish_cells(personas.agency, 2025, sample_cells(personas.agency, 2025))
    return [
        "/api/",
        "/api/openapi.json",
        "/api/agencies/",
        f"/api/agencies/{code}/reports/2025/",
        f"/api/agencies/{code}/reports/2025.csv?table=3",
        f"/api/agencies/{code}/reports/2025.xlsx",
        f"/api/agencies/{code}/reports/2025/aggregate/",
        "/api/agencies/nosuch/",  # a 404
        f"/api/agencies/{code}/items/?page=0",  # a 400
    ]


def test_every_answer_is_open_to_any_origin_with_the_security_headers(client, urls):
    for url in urls:
        response = client.get(url, HTTP_ORIGIN="https://data.example.org")
        assert response.status_code in (200, 400, 404)
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert "GET" in response["Access-Control-Allow-Methods"]
        assert "default-src 'self'" in response["Content-Security-Policy"], url
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "same-origin"
        # Open data carries no session: nothing here depends on who asks.
        assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies


def test_a_preflight_gets_the_cors_headers_and_no_body(client, urls):
    response = client.options(
        "/api/agencies/", HTTP_ORIGIN="https://data.example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.content == b""


def test_the_rest_of_the_site_is_not_opened(client, urls, personas):
    assert "Access-Control-Allow-Origin" not in client.get("/")
    assert "Access-Control-Allow-Origin" not in client.get(f"/{personas.agency.code}/reports/2025/")
