import pytest
import time_machine


@pytest.fixture(autouse=True)
def today():
    """A fixed today after every date the tests place cases on (appeals may not be filed in the future)."""
    with time_machine.travel("2026-11-02 10:00 +0800", tick=False):
        yield
