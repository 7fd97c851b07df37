import pytest
import time_machine

from tests.factories import make_personas


@pytest.fixture(autouse=True)
def today():
    """A fixed today in 2026, after every report year the tests publish."""
    with time_machine.travel("2026-11-02 10:00 +0800", tick=False):
        yield


@pytest.fixture
def personas(db):
    return make_personas()
