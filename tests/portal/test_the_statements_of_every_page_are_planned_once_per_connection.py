"""The few statements a portal page runs on every request (the portal's generation, the item, a search
page's rows) are prepared on PostgreSQL once per connection and then only executed. Django opens its
connections with psycopg's preparation off, which silently refused every request to prepare; and
psycopg keys a prepared statement by its parameters' types, which for integers followed their size."""

import pytest
from django.db import connection

from gongkai.statements import prepared_cursor

pytestmark = pytest.mark.django_db

PAGE = "SELECT id FROM auth_user WHERE id IN (%s, %s, %s) AND is_active = %s"


def kept_statements() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement, generic_plans + custom_plans FROM pg_prepared_statements")
        return dict(cursor.fetchall())


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_a_statement_is_prepared_once_whatever_the_size_of_its_ids():
    # Small and large ids mixed differently each time: one statement, executed six times.
    for ids in ([1, 2, 3], [40_000, 5, 6], [7, 3_000_000_000, 80_000], [9, 10, 11], [2**40, 1, 2], [3, 4, 5]):
        with prepared_cursor() as cursor:
            cursor.execute(PAGE, [*ids, True])
            cursor.fetchall()
    kept = {text: runs for text, runs in kept_statements().items() if "auth_user" in text}
    assert len(kept) == 1, kept
    assert list(kept.values()) == [6]


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_a_boolean_stays_a_boolean():
    with prepared_cursor() as cursor:
        cursor.execute("SELECT pg_typeof(%s)::text, pg_typeof(%s)::text", [True, 7])
        assert cursor.fetchone() == ("boolean", "bigint")


def test_the_cursor_answers_on_every_database():
    with prepared_cursor() as cursor:
        cursor.execute("SELECT %s + %s", [40_000, 2])
        assert cursor.fetchone()[0] == 40_002
