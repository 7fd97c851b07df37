"""Portal searches are counted per client address (the API to come uses the same limiter): over the
limit the reader gets a Chinese 429 page, and other addresses are not affected."""

import pytest

pytestmark = pytest.mark.django_db


def test_searches_over_the_limit_get_429(client, personas, settings):
    settings.SEARCH_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get("/search/", {"q": "通知"}).status_code == 200
    refused = client.get(f"/{personas.agency.code}/search/", {"q": "通知"})
    assert refused.status_code == 429
    assert "请稍后再试" in refused.content.decode()
    assert client.get("/search/", {"q": "通知"}, REMOTE_ADDR="10.9.9.9").status_code == 200
