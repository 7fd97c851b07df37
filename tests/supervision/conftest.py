import pytest
import time_machine


@pytest.fixture(autouse=True)
def today():
    """A fixed today in 2026, after every report year the tests use."""
    with time_machine.travel("2026-11-02 10:00 +0800", tick=False):
        yield
