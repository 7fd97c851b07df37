"""The follower (another process on the same server) commits changes to the index a web process keeps
open. The web process reloads its reader only when a commit has replaced the index's meta.json, and the
next search must see every commit: the document the follower added, and its removal."""

import pytest
import tantivy

from gongkai.search import engine, outbox
from gongkai.search.documents import SearchFilters, indexed_items
from tests.factories import make_item

pytestmark = pytest.mark.django_db


def found(index, word: str) -> list[int]:
    query = engine.build_query([word], SearchFilters(), set())
    return engine.search(index, query, newest=True, offset=0, limit=20).ids


def test_the_followers_commits_are_seen_and_nothing_else_is_reloaded(people, settings):
    settings.SEARCH_BACKEND = "index"
    first = make_item(people.agency, title="行政复议决定书")
    outbox.rebuild()
    path = outbox.build_path(outbox.node_state().token)
    kept = engine.open_index(path)  # the web process's
    assert found(kept, "复议") == [first.pk]
    assert found(kept, "复议") == [first.pk]  # no commit in between: the same reader

    second = make_item(people.agency, title="复议听证公告")
    follower = tantivy.Index.open(str(path))  # the follower's own handle, as in its own process
    engine.replace(follower, [second.pk], indexed_items([second.pk]))
    assert sorted(found(kept, "复议")) == sorted([first.pk, second.pk])

    engine.replace(follower, [first.pk], [])
    assert found(kept, "复议") == [second.pk]
