"""An item page's statement goes to PostgreSQL as the request arrives, and the database runs it while the
middleware does (gongkai.readahead). Nothing a reader or the staff see may change: the same page, a
signed-in reader's session read while the statement is in flight, a refused request leaving the
connection free for the next one, a failed statement reported where it is read, and a server that forgot
the prepared statement costing nobody an error. These run outside a test transaction, as requests do:
inside one nothing is sent ahead."""

import os
import resource
import select
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction

from gongkai import readahead, statements
from gongkai.disclosure.models import Item
from tests.factories import make_item, make_personas

on_postgresql = pytest.mark.skipif("connection.vendor != 'postgresql'")
pytestmark = pytest.mark.django_db(transaction=True)


def page_of(client, item, **headers):
    cache.clear()  # a first visit: rendered, not kept
    return client.get(f"/{item.agency.code}/items/{item.index_number}/", **headers)


@pytest.fixture
def sent(monkeypatch):
    """What the middleware sent ahead on each request (None where it sent nothing)."""
    seen = []

    def recording(sql, params):
        ahead = statements.send_ahead(sql, params)
        seen.append(ahead)
        return ahead

    monkeypatch.setattr(readahead, "send_ahead", recording)
    return seen


@on_postgresql
def test_the_page_is_the_one_rendered_without_sending_ahead(client, settings, sent):
    p = make_personas()
    item = make_item(p.agency, title="关于开展防汛防台工作的通知", body="<p>各乡镇：做好防汛工作。</p>")
    ahead = page_of(client, item)
    assert ahead.status_code == 200
    assert len(sent) == 1 and sent[0] is not None, "the statement was not sent ahead"
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != "gongkai.readahead.ReadAheadMiddleware"]
    assert page_of(client, item).content == ahead.content
    assert "关于开展防汛防台工作的通知" in ahead.content.decode()


@on_postgresql
def test_an_item_nobody_may_see_is_404_when_sent_ahead(client, sent):
    p = make_personas()
    draft = make_item(p.agency, title="草稿", status="draft")
    missing = client.get(f"/{p.agency.code}/items/000000000/2099-99999/")
    by_id = client.get(f"/{p.agency.code}/items/{draft.pk}/")
    assert (missing.status_code, by_id.status_code) == (404, 404)
    assert all(ahead is not None for ahead in sent)
    assert "页面不存在" in missing.content.decode()


@on_postgresql
def test_a_signed_in_reader_gets_the_page_with_their_own_header(client, sent):
    # The session and the user are read from the database while the item's statement is in flight.
    p = make_personas()
    item = make_item(p.agency, title="关于调整优待证的公告")
    client.force_login(p.registrar)
    page = page_of(client, item).content.decode()
    assert "关于调整优待证的公告" in page
    assert "工作台" in page and "工作人员登录" not in page
    assert sent[-1] is not None


@on_postgresql
def test_a_request_refused_before_its_view_leaves_the_connection_free(client, settings, sent):
    p = make_personas()
    item = make_item(p.agency, title="公告")
    settings.ALLOWED_HOSTS = ["gongkai.example"]
    refused = page_of(client, item, HTTP_HOST="evil.example")
    assert refused.status_code == 400
    assert sent[-1] is not None
    assert connection.ahead is None
    assert Item.objects.filter(pk=item.pk).exists()
    assert page_of(client, item, HTTP_HOST="gongkai.example").status_code == 200


@on_postgresql
def test_a_statement_in_flight_is_read_before_anything_else_uses_the_connection():
    make_personas()
    ahead = statements.send_ahead("SELECT count(*) FROM auth_user WHERE username <> %s", ["nobody"])
    assert ahead is not None
    # The ORM, a transaction and a plain cursor, each while the answer is still unread.
    assert User.objects.filter(username="registrar").exists()
    with transaction.atomic():
        User.objects.filter(username="leader").update(first_name="领导")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 41 + 1")
        assert cursor.fetchone() == (42,)
    users = User.objects.count()
    assert statements.fetchone("SELECT count(*) FROM auth_user WHERE username <> %s", ["nobody"], ahead) == (
        users,
    )


@on_postgresql
def test_code_that_takes_the_raw_connection_finds_it_free():
    ahead = statements.send_ahead("SELECT %s::text", ["在途"])
    connection.ensure_connection()  # what code reaching psycopg's connection itself calls first
    assert connection.connection.execute("SELECT 2").fetchone() == (2,)
    assert statements.fetchone("SELECT %s::text", ["在途"], ahead) == ("在途",)


@on_postgresql
def test_a_failed_statement_is_reported_to_its_reader_and_nobody_else():
    ahead = statements.send_ahead("SELECT 1 / %s", [0])
    assert User.objects.count() == 0  # not blamed for the division
    with pytest.raises(DatabaseError, match="division by zero"):
        statements.fetchone("SELECT 1 / %s", [0], ahead)
    assert statements.fetchone("SELECT 1 / %s", [4]) == (0,)


@on_postgresql
def test_a_forgotten_prepared_statement_is_run_again_and_prepared_again():
    first = statements.send_ahead("SELECT %s::text || '号'", ["1"])
    assert statements.fetchone("SELECT %s::text || '号'", ["1"], first) == ("1号",)
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # what a pooler does between sessions
    lost = statements.send_ahead("SELECT %s::text || '号'", ["2"])
    assert statements.fetchone("SELECT %s::text || '号'", ["2"], lost) == ("2号",)
    again = statements.send_ahead("SELECT %s::text || '号'", ["3"])
    assert again.answered()
    assert statements.fetchone("SELECT %s::text || '号'", ["3"], again) == ("3号",)


@on_postgresql
def test_a_connection_closed_while_the_statement_was_in_flight_is_opened_again():
    ahead = statements.send_ahead("SELECT %s::text || '件'", ["3"])
    connection.close()
    assert not ahead.answered()
    assert statements.fetchone("SELECT %s::text || '件'", ["3"], ahead) == ("3件",)


@on_postgresql
def test_an_answer_is_only_taken_for_the_statement_it_answers():
    ahead = statements.send_ahead("SELECT %s::int * 2", [21])
    assert statements.fetchone("SELECT %s::int * 2", [5], ahead) == (10,)
    assert statements.fetchone("SELECT %s::int * 2", [21], ahead) == (42,)
    # Equal is not enough: True == 1, but it is another statement with another answer.
    ahead = statements.send_ahead("SELECT pg_typeof(%s)::text", [1])
    assert statements.fetchone("SELECT pg_typeof(%s)::text", [True], ahead) == ("boolean",)


@on_postgresql
def test_after_a_rollback_the_statement_is_prepared_again_in_the_same_batch():
    # psycopg drops every prepared statement after a rollback when it holds any of its own; the next
    # statement sent ahead must still be answered, not run a second time.
    statements.fetchone("SELECT %s::int + 1", [1])  # one of psycopg's own
    first = statements.send_ahead("SELECT %s::text || '次'", ["1"])
    assert first.answered()
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        User.objects.count()
        raise ZeroDivisionError
    after = statements.send_ahead("SELECT %s::text || '次'", ["2"])
    assert after.answered() and statements.fetchone("SELECT %s::text || '次'", ["2"], after) == ("2次",)
    # And on a connection where psycopg held none (nothing was dropped), preparing anew meets no old name.
    connection.close()
    kept = statements.send_ahead("SELECT %s::text || '回'", ["1"])
    assert kept.answered()
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        raise ZeroDivisionError
    again = statements.send_ahead("SELECT %s::text || '回'", ["2"])
    assert again.answered() and statements.fetchone("SELECT %s::text || '回'", ["2"], again) == ("2回",)


@on_postgresql
def test_a_connection_numbered_past_1024_files_still_sends_and_checks():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 1200:
        pytest.skip("this machine allows fewer than 1,200 open files")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 1200), hard))
    connection.close()  # its descriptor, freed, would be the new connection's
    held = [os.open(os.devnull, os.O_RDONLY) for _ in range(1100)]
    try:
        connection.ensure_connection()
        assert connection.connection.fileno() >= 1024
        ahead = statements.send_ahead("SELECT %s::text", ["第1025个"])
        assert ahead.answered()  # waited for, not given up and run again
        assert statements.fetchone("SELECT %s::text", ["第1025个"], ahead) == ("第1025个",)
        assert connection.is_usable()
    finally:
        connection.close()
        for descriptor in held:
            os.close(descriptor)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


@on_postgresql
def test_an_interrupted_wait_closes_the_connection_and_the_statement_is_run_again(monkeypatch):
    sql = "SELECT %s::text || '条' FROM pg_sleep(0.3)"
    ahead = statements.send_ahead(sql, ["7"])

    def interrupted():
        raise KeyboardInterrupt  # a worker told to stop while it waits for the answer

    with monkeypatch.context() as patched:
        patched.setattr(select, "poll", interrupted)
        with pytest.raises(KeyboardInterrupt):
            ahead.collect()
    assert connection.connection is None  # not left half read for the next request
    assert statements.fetchone(sql, ["7"], ahead) == ("7条",)


def test_an_address_with_a_nul_is_404_with_the_usual_headers(client):
    p = make_personas()
    response = client.get(f"/{p.agency.code}/items/a%00b/")
    assert response.status_code == 404
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "页面不存在" in response.content.decode()


def test_nothing_is_sent_inside_a_transaction_or_while_every_statement_is_logged(
    django_assert_num_queries,
):
    with transaction.atomic():
        assert statements.send_ahead("SELECT %s", [1]) is None
    with django_assert_num_queries(1):
        assert statements.send_ahead("SELECT %s", [1]) is None
        assert statements.fetchone("SELECT %s", [1]) == (1,)
    if connection.vendor != "postgresql":
        assert statements.send_ahead("SELECT %s", [1]) is None


def test_the_page_is_served_on_every_database(client):
    p = make_personas()
    item = make_item(p.agency, title="关于公布政府信息公开指南的通知")
    with mock.patch.object(readahead, "send_ahead", wraps=statements.send_ahead) as sending:
        assert "关于公布政府信息公开指南的通知" in page_of(client, item).content.decode()
    sending.assert_called_once()
