"""The few statements a portal page runs on every request (the portal's generation, the item, a search
page's rows) are prepared on PostgreSQL once per connection and then only executed. Django opens its
connections with psycopg's preparation off, which silently refused every request to prepare; and
psycopg keys a prepared statement by its parameters' types, which for integers followed their size."""

import pytest
from django.db import connection

from gongkai.statements import prepared_cursor

pytestmark = pytest.mark.django_db

PAGE = "SELECT id FROM auth_user WHERE id IN (%s, %s, %s) AND is_active = %s"


def runs_of_the_one_statement_on(table: str) -> int:
    """How often the connection ran its prepared statement on `table`; fails unless there is exactly one."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement, generic_plans + custom_plans FROM pg_prepared_statements")
        kept = {text: runs for text, runs in cursor.fetchall() if table in text}
    assert len(kept) == 1, kept
    return next(iter(kept.values()))


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_a_statement_is_prepared_once_whatever_the_size_of_its_ids():
    # Small and large ids mixed differently each time: one statement, executed six times.
    for ids in ([1, 2, 3], [40_000, 5, 6], [7, 3_000_000_000, 80_000], [9, 10, 11], [2**40, 1, 2], [3, 4, 5]):
        with prepared_cursor() as cursor:
            cursor.execute(PAGE, [*ids, True])
            cursor.fetchall()
    assert runs_of_the_one_statement_on("auth_user") == 6


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_a_boolean_stays_a_boolean():
    with prepared_cursor() as cursor:
        cursor.execute("SELECT pg_typeof(%s)::text, pg_typeof(%s)::text", [True, 7])
        assert cursor.fetchone() == ("boolean", "bigint")


def test_the_cursor_answers_on_every_database():
    with prepared_cursor() as cursor:
        cursor.execute("SELECT %s + %s", [40_000, 2])
        assert cursor.fetchone()[0] == 40_002


def test_statements_taking_turns_each_give_their_own_answer():
    # SQLite's cursor keeps each text's rewriting into its placeholders; a literal %% stays a percent.
    for number in range(3):
        with prepared_cursor() as cursor:
            cursor.execute("SELECT %s || '%%'", [f"第{number}次"])
            assert cursor.fetchone()[0] == f"第{number}次%"
        with prepared_cursor() as cursor:
            cursor.execute("SELECT %s * 2", [number])
            assert cursor.fetchone()[0] == number * 2


def test_each_statement_is_seen_by_the_query_log(django_assert_num_queries):
    with django_assert_num_queries(2) as captured:
        for number in range(2):
            with prepared_cursor() as cursor:
                cursor.execute("SELECT %s", [number])
                cursor.fetchone()
    assert all("SELECT" in query["sql"] for query in captured.captured_queries)


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_a_results_page_is_one_statement_whatever_its_length(settings):
    from gongkai.search.service import search_items
    from tests.factories import make_item, make_personas

    settings.SEARCH_BACKEND = "database"
    agency = make_personas().agency
    for number in range(7):
        make_item(agency, title=f"{'防汛' if number < 3 else '慈善'}工作通知{number}")
    assert [len(search_items(query).hits) for query in ("防汛", "慈善", "通知")] == [3, 4, 7]
    assert runs_of_the_one_statement_on("disclosure_item") == 3


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_the_connection_keeps_one_cursor_for_its_statements():
    # Making a cursor and Django's wrapper for every statement cost a third of the round trip.
    with prepared_cursor() as first:
        first.execute("SELECT 1")
        first.fetchone()
    with prepared_cursor() as second:
        second.execute("SELECT 2")
        assert second.fetchone() == (2,)
    assert second is first


def test_a_statement_run_while_another_is_read_gets_its_own_cursor():
    with prepared_cursor() as outer:
        outer.execute("SELECT %s UNION ALL SELECT %s", [1, 2])
        with prepared_cursor() as inner:
            inner.execute("SELECT %s", [30])
            assert inner.fetchone() == (30,)
        assert sorted(outer.fetchall()) == [(1,), (2,)]


def test_a_failed_statement_raises_djangos_error_and_spoils_its_transaction_as_usual():
    from django.db import DatabaseError, transaction

    with transaction.atomic():
        with pytest.raises(DatabaseError) as raised, prepared_cursor() as cursor:
            cursor.execute("SELECT no_such_column FROM auth_user")
        assert type(raised.value).__module__ == "django.db.utils"  # Django's class, not the driver's
        if connection.vendor == "postgresql":
            # The database refuses what follows until the transaction is rolled back.
            with pytest.raises(DatabaseError), prepared_cursor() as cursor:
                cursor.execute("SELECT 1")
        transaction.set_rollback(True)
    with prepared_cursor() as cursor:
        cursor.execute("SELECT %s", [3])
        assert cursor.fetchone() == (3,)


@pytest.mark.django_db(transaction=True)
def test_after_the_connection_is_closed_the_next_statement_opens_a_new_one():
    with prepared_cursor() as cursor:
        cursor.execute("SELECT %s", [1])
        assert cursor.fetchone() == (1,)
    connection.close()
    with prepared_cursor() as cursor:
        cursor.execute("SELECT %s", [2])
        assert cursor.fetchone() == (2,)


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_the_kept_cursor_does_not_keep_a_finished_threads_connection_alive():
    import gc
    import threading
    import weakref

    from django.db import connections

    held = []

    def in_a_thread():
        with prepared_cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        held.append(weakref.ref(connections["default"]))
        connections["default"].close()

    worker = threading.Thread(target=in_a_thread)
    worker.start()
    worker.join()
    gc.collect()
    assert held[0]() is None
