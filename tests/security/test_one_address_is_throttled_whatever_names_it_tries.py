"""Trying many names from one address is stopped after LOGIN_ADDRESS_LIMIT failures an hour; another
address still logs in."""

import pytest

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_address_is_refused_after_its_limit_and_others_are_not(client, personas, settings):
    settings.LOGIN_ADDRESS_LIMIT = 3
    for n in range(3):
        client.post("/accounts/login/", {"username": f"guess{n}", "password": "wrong-password-1"})
    refused = client.post("/accounts/login/", {"username": "registrar", "password": PASSWORD})
    assert refused.status_code == 200
    assert "登录失败次数过多" in refused.content.decode()
    other = client.post(
        "/accounts/login/", {"username": "registrar", "password": PASSWORD}, REMOTE_ADDR="10.1.2.3"
    )
    assert other.status_code == 302
