import pytest
from django.db import connection

from gongkai.search.backends import FTS_TABLE, GIN_INDEX
from gongkai.search.service import public_items, search_items
from tests.factories import make_item

pytestmark = pytest.mark.django_db


def explain(qs) -> str:
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {'QUERY PLAN ' if connection.vendor == 'sqlite' else ''}{sql}", params)
        return "\n".join(str(row) for row in cursor.fetchall())


def service_queryset(query, monkeypatch):
    """The queryset the service really runs, captured from its paginator."""
    captured = {}
    from gongkai.search import service

    class Spy(service.Paginator):
        def __init__(self, object_list, *args, **kwargs):
            captured["qs"] = object_list
            super().__init__(object_list, *args, **kwargs)

    monkeypatch.setattr(service, "Paginator", Spy)
    search_items(query)
    return captured["qs"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN index exists on PostgreSQL only")
def test_postgresql_answers_a_word_query_from_the_gin_index(people, monkeypatch):
    for n in range(30):
        make_item(people.agency, title=f"优待证申领通知{n}")
    make_item(people.agency, title="行政复议公告")
    qs = service_queryset("复议", monkeypatch)
    with connection.cursor() as cursor:
        # On a table this small every plan costs nothing; turning off whole-table scans (sequential,
        # or a btree walked end to end) stands in for a big table. SET LOCAL ends with the test's
        # transaction. The GIN index can only be chosen if it was built on the ORM's own expression.
        cursor.execute("ANALYZE disclosure_item")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        # Where every row is published, a bitmap over a status index costs as little as the GIN index
        # and the planner may take either; those indexes are dropped for this test's transaction only.
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'disclosure_item' AND indexdef LIKE %s",
            ["%status%"],
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{name}"')
        plan = explain(qs)
    assert GIN_INDEX in plan, plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 table exists on SQLite only")
def test_sqlite_answers_a_word_query_from_the_fts5_table(people, monkeypatch):
    make_item(people.agency, title="行政复议公告")
    plan = explain(service_queryset("复议", monkeypatch))
    assert "VIRTUAL TABLE INDEX" in plan and FTS_TABLE in plan, plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 table exists on SQLite only")
def test_the_fts5_table_follows_inserts_updates_and_deletes(people):
    item = make_item(people.agency, title="行政复议公告")

    def matches(word):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [f'"{word}"'])
            return [row[0] for row in cursor.fetchall()]

    assert matches("复议") == [item.pk]
    item.title = "优待证通知"
    item.save()
    assert matches("复议") == [] and matches("优待证") == [item.pk]
    public_items().filter(pk=item.pk).delete()
    assert matches("优待证") == []
