"""A search assumes the index state this server read last and checks it in the statement that reads the
page's rows: one statement per search, and still exact when something changed since."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.search import outbox
from gongkai.search.service import search_items
from tests.factories import make_item

from .conftest import at, shown

pytestmark = pytest.mark.django_db


def test_a_search_after_the_first_is_one_statement(people):
    make_item(people.agency, title="行政复议公告", published_at=at(2025))
    outbox.rebuild()
    search_items("复议")  # the first reads the state on its own
    with CaptureQueriesContext(connection) as queries:
        results = search_items("复议")
    assert results.total == 1 and len(results.hits) == 1
    assert len(queries.captured_queries) == 1


def test_a_change_queued_since_the_state_was_read_is_seen(people):
    kept = make_item(people.agency, title="行政复议公告", published_at=at(2025))
    withdrawn = make_item(people.agency, title="行政复议决定", published_at=at(2026))
    outbox.rebuild()
    assert shown("复议") == (2, [withdrawn.pk, kept.pk])
    withdrawn.status = "withdrawn"
    withdrawn.save()
    new = make_item(people.agency, title="行政复议告知", published_at=at(2027))
    # Nothing read the state in between: the search assumed "nothing waiting" and must notice.
    assert shown("复议") == (2, [new.pk, kept.pk])
    outbox.apply()
    assert shown("复议") == (2, [new.pk, kept.pk])


def test_a_rebuild_since_the_state_was_read_is_seen(people):
    first = make_item(people.agency, title="行政复议公告", published_at=at(2025))
    outbox.rebuild()
    assert shown("复议") == (1, [first.pk])
    second = make_item(people.agency, title="行政复议决定", published_at=at(2026))
    outbox.rebuild()  # a new build: the state this process saw names one that is gone
    assert shown("复议") == (2, [second.pk, first.pk])


def test_a_node_removed_since_the_state_was_read_falls_back_to_the_database(people):
    item = make_item(people.agency, title="行政复议公告", published_at=at(2025))
    outbox.rebuild()
    assert shown("复议") == (1, [item.pk])
    outbox.forget_node(outbox.node_name())
    item.status = "withdrawn"
    item.save()
    assert shown("复议") == (0, [])
