import pytest
import time_machine

from tests.factories import make_personas


@pytest.fixture(autouse=True)
def today():
    """A fixed today after every date the tests use (cases may not be filed or closed in the future)."""
    with time_machine.travel("2026-11-02 10:00 +0800", tick=False):
        yield


@pytest.fixture
def personas(db):
    return make_personas()


@pytest.fixture
def logged_in(client):
    def log_in(user):
        client.force_login(user)
        return client

    return log_in
