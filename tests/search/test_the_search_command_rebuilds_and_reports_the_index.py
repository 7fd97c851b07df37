"""`gongkai search rebuild|apply|status|forget`: an operator rebuilds this server's index with a progress
bar, sees every server's index and what waits for it, and retires a server."""

import pytest

from gongkai.cli import main
from gongkai.search import outbox
from gongkai.search.service import search_items
from tests.factories import make_item

pytestmark = pytest.mark.django_db


def test_rebuild_shows_progress_and_the_index_then_answers(people, capsys, settings):
    settings.SEARCH_NODE = "web1"
    for n in range(3):
        make_item(people.agency, title=f"行政复议公告{n}")
    make_item(people.agency, title="行政复议草稿", status="draft")
    assert main(["search", "rebuild"]) == 0
    out, err = capsys.readouterr()
    assert "已重建服务器 web1 的检索索引：3 条公开信息" in out
    assert "建立检索索引 [" in err and "100.0% 3/3" in err
    assert outbox.node_state().usable and search_items("复议").total == 3


def test_status_lists_each_server_and_what_waits_for_it(people, capsys, settings):
    assert main(["search", "status"]) == 0
    assert "还没有服务器建立检索索引" in capsys.readouterr().out
    for name in ("web1", "web2"):
        settings.SEARCH_NODE = name
        outbox.rebuild()
    make_item(people.agency, title="行政复议公告")
    settings.SEARCH_NODE = "web1"
    assert main(["search", "apply"]) == 0
    assert "已写入 1 项修改（服务器 web1）" in capsys.readouterr().out
    assert main(["search", "status"]) == 0
    rows = {line.split()[0]: line.split()[-1] for line in capsys.readouterr().out.splitlines()[2:]}
    assert rows == {"web1": "0", "web2": "1"}


def test_forget_retires_a_server_and_names_an_unknown_one(capsys, settings):
    settings.SEARCH_NODE = "web2"
    outbox.rebuild()
    assert main(["search", "forget", "web2"]) == 0
    assert main(["search", "forget", "web9"]) == 1
    assert "没有名为“web9”的服务器" in capsys.readouterr().err


def test_apply_before_any_build_and_a_server_without_an_index_say_what_to_do(capsys, settings):
    assert main(["search", "apply"]) == 1
    assert "请先运行 gongkai search rebuild" in capsys.readouterr().err
    settings.SEARCH_BACKEND = "database"
    assert main(["search", "rebuild"]) == 2
    assert "GONGKAI_SEARCH=database" in capsys.readouterr().err
    assert not outbox.node_folder().exists()
