"""Several web servers: each has its own index on its own disk and applies its own outbox rows, so one
server lagging never changes what another serves, and a server that leaves stops collecting rows."""

import pytest

from gongkai.search import outbox
from gongkai.search.models import SearchOutbox
from gongkai.search.service import search_items
from tests.factories import make_item

pytestmark = pytest.mark.django_db


def on(settings, name):
    settings.SEARCH_NODE = name


def seen(query="复议"):
    results = search_items(query)
    return results.total, sorted(hit.item.title for hit in results.hits)


def test_a_change_reaches_every_server_and_each_applies_it_alone(people, settings):
    item = make_item(people.agency, title="行政复议公告")
    for name in ("web1", "web2"):
        on(settings, name)
        outbox.rebuild()
    assert outbox.build_path("x").parent.name == "web2"  # one folder per server
    item.title = "优待证公告"
    item.save()
    assert SearchOutbox.objects.filter(item_id=item.pk).count() == 2
    on(settings, "web1")
    assert outbox.apply() == 1
    for name in ("web1", "web2"):  # web2 has not applied it, and answers the same
        on(settings, name)
        assert seen() == (0, []) and seen("优待证") == (1, ["优待证公告"])
    assert list(SearchOutbox.objects.values_list("node_id", flat=True)) == ["web2"]


def test_a_server_that_leaves_no_longer_collects_changes(people, settings):
    for name in ("web1", "web2"):
        on(settings, name)
        outbox.rebuild()
    assert outbox.forget_node("web2") and not outbox.forget_node("web2")
    make_item(people.agency, title="行政复议公告")
    assert list(SearchOutbox.objects.values_list("node_id", flat=True)) == ["web1"]
