"""Every /api/ request is counted per client address (settings.API_RATE_LIMIT an hour, from
GONGKAI_API_RATE_LIMIT): over the limit the client gets a 429 in JSON with a Chinese message and a
Retry-After of the seconds left in the window; other addresses are not affected, and the window ends."""

import pytest
import time_machine

pytestmark = pytest.mark.django_db


def test_requests_over_the_limit_get_429_with_retry_after(client, personas, settings):
    settings.API_RATE_LIMIT = 3
    with time_machine.travel("2026-11-02 10:00 +0800", tick=False) as clock:
        for url in ("/api/agencies/", "/api/openapi.json", f"/api/agencies/{personas.agency.code}/"):
            assert client.get(url).status_code == 200
        clock.shift(600)  # ten minutes into the hour
        refused = client.get(f"/api/agencies/{personas.agency.code}/reports/")

        assert refused.status_code == 429
        assert refused["Content-Type"].startswith("application/json")
        assert "请求过于频繁" in refused.json()["error"]["message"]
        assert refused["Retry-After"] == "3000"
        assert refused["Access-Control-Allow-Origin"] == "*"
        assert client.get("/api/agencies/", REMOTE_ADDR="10.9.9.9").status_code == 200
        # Downloads count too.
        assert client.get(f"/api/agencies/{personas.agency.code}/reports/2025.xlsx").status_code == 429
        clock.shift(3001)  # the hour is over
        assert client.get("/api/agencies/").status_code == 200


def test_the_limit_comes_from_the_environment(monkeypatch):
    import importlib

    import gongkai.settings

    monkeypatch.setenv("GONGKAI_API_RATE_LIMIT", "17")
    try:
        assert importlib.reload(gongkai.settings).API_RATE_LIMIT == 17
    finally:
        monkeypatch.delenv("GONGKAI_API_RATE_LIMIT")
        importlib.reload(gongkai.settings)
