"""Kept PostgreSQL connections are checked before each request (CONN_HEALTH_CHECKS) without a round trip
when nothing has happened to them, and found unusable when the server has ended the session — so a
reader gets a page, not an error, after a restart (gongkai.postgresql)."""

import time

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif("connection.vendor != 'postgresql'"),
]


@pytest.fixture
def kept():
    """A second connection to the same database, as a server process keeps one between requests."""
    other = connection.copy()
    other.ensure_connection()
    yield other
    other.close()


def last_statement(pid: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT query FROM pg_stat_activity WHERE pid = %s", [pid])
        return cursor.fetchone()[0]


def test_the_backend_is_gongkais():
    assert connection.settings_dict["ENGINE"] == "gongkai.postgresql"
    assert connection.settings_dict["CONN_HEALTH_CHECKS"]


def test_a_quiet_connection_is_usable_without_a_query(kept):
    with kept.cursor() as cursor:
        cursor.execute("SELECT 'the last page'")
    pid = kept.connection.info.backend_pid
    assert kept.is_usable()
    assert last_statement(pid) == "SELECT 'the last page'"


def test_a_connection_the_server_ended_is_not_usable_and_is_replaced(kept):
    pid = kept.connection.info.backend_pid
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    deadline = time.monotonic() + 10
    while kept.is_usable() and time.monotonic() < deadline:
        time.sleep(0.05)  # the server's farewell reaches the socket shortly after
    assert not kept.is_usable()

    # What Django does at the start of a request with health checks on: check, and reconnect if needed.
    kept.health_check_done = False
    kept.close_if_health_check_failed()
    with kept.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
    assert kept.connection.info.backend_pid != pid


def test_a_connection_in_a_transaction_is_asked(kept):
    kept.connection.execute("BEGIN")
    kept.connection.execute("SELECT 'inside'")
    assert kept.is_usable()  # asked with a query, which works inside the transaction
    kept.connection.execute("ROLLBACK")
