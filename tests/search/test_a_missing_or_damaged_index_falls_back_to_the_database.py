"""A search never fails because of the index: without a usable one the database answers, and the
server's follower builds the index again."""

import shutil

import pytest

from gongkai.search import engine, follower, outbox, service
from gongkai.search.service import search_items
from tests.factories import make_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(people):
    return [make_item(people.agency, title=f"行政复议公告{n}") for n in range(3)]


def titles(query="复议"):
    return sorted(hit.item.title for hit in search_items(query).hits)


def current_build():
    return outbox.build_path(outbox.node_state().token)


def test_a_deleted_index_folder_falls_back_and_is_built_again(items):
    outbox.rebuild()
    shutil.rmtree(current_build())
    engine.forget_opened(current_build())
    assert titles() == ["行政复议公告0", "行政复议公告1", "行政复议公告2"]
    follower.keep_current()
    assert current_build().exists() and titles() == ["行政复议公告0", "行政复议公告1", "行政复议公告2"]


def test_damaged_index_files_fall_back_and_are_built_again(items):
    outbox.rebuild()
    (current_build() / "meta.json").write_text("{ not json")
    engine.forget_opened(current_build())
    assert titles() == ["行政复议公告0", "行政复议公告1", "行政复议公告2"]
    items[0].title = "优待证公告"
    items[0].save()
    assert outbox.apply() == 0  # the build is unreadable: rebuilt instead, from the database
    assert titles() == ["行政复议公告1", "行政复议公告2"] and titles("优待证") == ["优待证公告"]


def test_an_index_of_another_version_is_not_read(items, monkeypatch):
    outbox.rebuild()
    (current_build() / "gongkai-schema").write_text("0")
    engine.forget_opened(current_build())
    monkeypatch.setattr(service, "IndexMatches", None)  # reaching the index would fail loudly
    assert titles() == ["行政复议公告0", "行政复议公告1", "行政复议公告2"]


def test_a_server_too_far_behind_searches_the_database_until_it_catches_up(items, monkeypatch):
    outbox.rebuild()
    monkeypatch.setattr(outbox, "PENDING_LIMIT", 2)
    for item in items:
        item.title = item.title.replace("行政复议", "优待证")
        item.save()
    assert outbox.node_state().overflow
    assert titles() == [] and titles("优待证") == ["优待证公告0", "优待证公告1", "优待证公告2"]
    outbox.apply()
    assert not outbox.node_state().overflow and titles("优待证") == [
        "优待证公告0",
        "优待证公告1",
        "优待证公告2",
    ]


def test_a_server_set_to_search_the_database_never_builds_an_index(items, settings):
    settings.SEARCH_BACKEND = "database"
    assert follower.start() is None
    assert titles() == ["行政复议公告0", "行政复议公告1", "行政复议公告2"]
    assert not outbox.node_folder().exists()


def test_the_follower_builds_a_new_servers_index_then_applies_its_changes(items):
    assert outbox.node_state().token == ""
    assert follower.keep_current() == 3  # built: three public items
    items[1].status = "withdrawn"
    items[1].save()
    assert follower.keep_current() == 1  # applied: one change
    assert titles() == ["行政复议公告0", "行政复议公告2"]


def test_a_build_left_half_made_by_a_killed_rebuild_is_cleared_by_the_next(items):
    outbox.rebuild()
    first = current_build()
    half_made = outbox.node_folder() / "0123456789abcdef"
    half_made.mkdir()
    (half_made / "meta.json").write_text("{}")
    outbox.rebuild()
    assert current_build().exists() and not first.exists() and not half_made.exists()


def test_an_index_that_fails_half_way_through_a_search_still_answers(items, monkeypatch):
    outbox.rebuild()
    calls = []
    search = engine.search

    def fails_the_second_time(*args, **kwargs):
        calls.append(1)
        if len(calls) > 1:
            raise engine.IndexUnusable("检索索引无法查询：测试")
        return search(*args, **kwargs)

    monkeypatch.setattr(engine, "search", fails_the_second_time)
    # Page 9 is out of range: the first window is fetched, then the last page's, which fails.
    results = search_items("复议", page=9)
    assert (results.page, results.total) == (1, 3) and len(calls) == 2
