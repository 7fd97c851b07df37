"""The loop that keeps this server's index current, run beside the background worker.

Every server that answers searches runs one (in `gongkai worker`, and in `gongkai serve`/`demo`, which
have no worker). Each round applies the node's outbox; a node that has no build yet — a new server, or
after a restore — builds one first, while its searches use the database. Between rounds a search checks
the few rows still waiting against the database itself, so the interval bounds only how long the index
does that extra work, never what a reader sees.
"""

import logging
import threading

from django.conf import settings
from django.db import close_old_connections, connections

from gongkai.search import outbox

log = logging.getLogger(__name__)


def keep_current() -> int:
    """One round: build this node's index if it has none, then apply what is waiting."""
    node = outbox.SearchNode.objects.filter(name=outbox.node_name()).first()
    if node is None or not node.index_token:
        log.warning("正在建立检索索引（服务器 %s）", outbox.node_name())
        return outbox.rebuild()
    return outbox.apply(wait=False)


def follow(stop: threading.Event, interval: float) -> None:
    while not stop.is_set():
        try:
            keep_current()
        except Exception:  # the loop must outlive a bad round; searches fall back to the database meanwhile
            log.exception("检索索引更新失败（服务器 %s），%s 秒后重试", outbox.node_name(), interval)
        finally:
            close_old_connections()
            connections.close_all()
        stop.wait(interval)


def start() -> threading.Event | None:
    """Start following in a daemon thread (nothing when search uses the database); set the event to stop."""
    if settings.SEARCH_BACKEND != "index":
        return None
    stop = threading.Event()
    thread = threading.Thread(
        target=follow, args=(stop, settings.SEARCH_FOLLOW_SECONDS), name="search-follower", daemon=True
    )
    thread.start()
    return stop
