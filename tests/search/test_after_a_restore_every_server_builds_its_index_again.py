"""A restore replaces the database the indexes describe: every server's index is set aside, searches use
the database meanwhile, and each server's follower builds its index again from the restored data."""

import pytest

from gongkai.cli import main
from gongkai.search import follower, outbox
from gongkai.search.models import SearchNode
from gongkai.search.service import search_items
from tests.factories import make_item, make_personas

pytestmark = pytest.mark.django_db(transaction=True)


def seen(query):
    return sorted(hit.item.title for hit in search_items(query).hits)


def test_a_restored_database_is_searched_and_indexed_as_it_was_backed_up(tmp_path, settings):
    settings.MEDIA_ROOT, settings.PRIVATE_FILES_ROOT = tmp_path / "media", tmp_path / "private"
    people = make_personas()
    make_item(people.agency, title="行政复议公告")
    outbox.rebuild()
    archive = tmp_path / "backup.tar.gz"
    assert main(["backup", str(archive)]) == 0
    make_item(people.agency, title="行政复议决定")  # after the backup: gone once restored
    outbox.apply()
    assert seen("复议") == ["行政复议公告", "行政复议决定"]

    assert main(["restore", str(archive), "--yes"]) == 0
    assert list(SearchNode.objects.values_list("index_token", flat=True)) == [""]
    assert seen("复议") == ["行政复议公告"]  # the database answers until the index is built again
    follower.keep_current()
    assert outbox.node_state().usable and seen("复议") == ["行政复议公告"]
