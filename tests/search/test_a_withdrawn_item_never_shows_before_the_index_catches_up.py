"""Between a change and the moment this server's index applies it, a reader already sees the change."""

import pytest

from gongkai.search import outbox
from gongkai.search.models import SearchOutbox
from tests.factories import make_item

from .conftest import at, shown

pytestmark = pytest.mark.django_db


def test_a_withdrawal_is_out_of_the_results_before_the_index_applies_it(people):
    kept = make_item(people.agency, title="行政复议公告", published_at=at(2025))
    withdrawn = make_item(people.agency, title="行政复议决定", published_at=at(2026))
    outbox.rebuild()
    assert shown("复议") == (2, [withdrawn.pk, kept.pk])
    withdrawn.status = "withdrawn"
    withdrawn.save()
    assert outbox.node_state().pending == [withdrawn.pk]  # the index has not applied it
    assert shown("复议") == (1, [kept.pk])
    outbox.apply()
    assert outbox.node_state().pending == [] and shown("复议") == (1, [kept.pk])


def test_a_new_publication_and_an_edit_are_found_before_the_index_applies_them(people):
    edited = make_item(people.agency, title="行政复议公告", published_at=at(2024))
    outbox.rebuild()
    edited.title = "优待证申领公告"
    edited.save()
    new = make_item(people.agency, title="优待证换发通知", published_at=at(2026))
    assert shown("复议") == (0, [])
    assert shown("优待证") == (2, [new.pk, edited.pk])
    outbox.apply()
    assert shown("优待证") == (2, [new.pk, edited.pk])


def test_an_item_made_private_behind_the_outbox_is_still_never_shown(people):
    # Should an outbox row ever be lost, the page is still read with the public condition: the item
    # is not shown (only the count, from the index, can be off until the next rebuild).
    private = make_item(people.agency, title="行政复议决定书")
    outbox.rebuild()
    private.attribute = "on_request"
    private.save()
    SearchOutbox.objects.all().delete()
    total, items = shown("复议")
    assert items == [] and total == 1
    outbox.rebuild()
    assert shown("复议") == (0, [])


def test_changes_that_bypass_the_orm_are_queued_by_the_database(people):
    from django.db import connection

    from gongkai.disclosure.models import Item

    item = make_item(people.agency, title="行政复议公告")
    outbox.rebuild()
    Item.objects.filter(pk=item.pk).update(summary="只改内容概述")  # not a column the index holds
    assert outbox.node_state().pending == []
    Item.objects.filter(pk=item.pk).update(status="withdrawn")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM disclosure_item WHERE id = %s", [item.pk])
    assert outbox.node_state().pending == [item.pk, item.pk]
    assert shown("复议") == (0, [])
