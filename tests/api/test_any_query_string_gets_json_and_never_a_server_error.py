"""Whatever query string a client sends to any /api/ address — any parameter, any text, repeated, NUL and
full-width digits included — the answer is JSON (or the download) with 200, 400 or 404, never a 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_item, publish_cells, sample_cells

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=150, suppress_health_check=list(HealthCheck), deadline=None)
NAMES = st.sampled_from(["page", "page_size", "year", "category", "updated_since", "table", "version", "x"])
VALUES = st.one_of(
    st.text(st.characters(blacklist_categories=["Cs"]), max_size=30),
    st.integers(-(10**12), 10**12).map(str),
    st.sampled_from(["1", "100", "101", "2025", "2026-01-01", "2026-01-01T00:00:00+08:00", "３", "1e3"]),
)
QUERIES = st.lists(st.tuples(NAMES, VALUES), max_size=4)
PATHS = st.sampled_from(
    [
        "/api/agencies/{code}/items/",
        "/api/agencies/{code}/reports/",
        "/api/agencies/{code}/reports/2025/",
        "/api/agencies/{code}/reports/2025.csv",
        "/api/agencies/{code}/reports/2025.xlsx",
        "/api/agencies/{parent}/reports/2025/aggregate/",
        "/api/agencies/{parent}/reports/2025/aggregate.csv",
        "/api/items/{index_number}/",
    ]
)


@pytest.fixture
def records(personas, settings):
    settings.API_RATE_LIMIT = 10**6
    publish_cells(personas.agency, 2025, sample_cells(personas.agency, 2025))
    item = make_item(personas.agency)
    return {
        "code": personas.agency.code,
        "parent": personas.government.code,
        "index_number": item.index_number,
    }


@FUZZ
@given(path=PATHS, query=QUERIES)
def test_any_query_string(client, records, path, query):
    response = client.get(path.format(**records), _multi(query))
    assert response.status_code in (200, 400, 404), (path, query, response.status_code)
    if response.status_code != 200:
        assert response.json()["error"]["message"]


def _multi(query):
    out: dict[str, list[str]] = {}
    for name, value in query:
        out.setdefault(name, []).append(value)
    return out
