"""A staff session ends after 30 idle minutes, and 12 hours after log-in however busy; the person is sent to
the log-in page with a Chinese explanation."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def log_in(client):
    response = client.post("/accounts/login/", {"username": "registrar", "password": PASSWORD})
    assert response.status_code == 302


def test_thirty_idle_minutes_end_the_session(client, personas):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        log_in(client)
        traveller.shift(timedelta(minutes=29))
        assert client.get("/workspace/").status_code == 200
        traveller.shift(timedelta(minutes=29))  # idle time counts from the last request
        assert client.get("/workspace/").status_code == 200
        traveller.shift(timedelta(minutes=31))
        response = client.get("/workspace/", follow=True)
        assert response.redirect_chain[0][0].startswith("/accounts/login/?next=/workspace/")
        assert "长时间未操作" in response.content.decode()
        assert "_auth_user_id" not in client.session


def test_twelve_hours_after_log_in_the_session_ends_however_busy(client, personas):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        log_in(client)
        for _ in range(12 * 3 + 2):
            traveller.shift(timedelta(minutes=20))
            if client.get("/workspace/").status_code != 200:
                break
        response = client.get("/workspace/", follow=True)
        assert "超过最长时限" in response.content.decode()


def test_the_limits_come_from_settings(client, personas, settings):
    settings.SESSION_IDLE_SECONDS = 120
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        log_in(client)
        traveller.shift(timedelta(minutes=3))
        assert client.get("/workspace/").status_code == 302
