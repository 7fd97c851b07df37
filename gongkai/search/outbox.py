"""Keeping this server's search index in step with the database.

Each server is a node (settings.SEARCH_NODE, the host name by default) with an index of its own under
settings.SEARCH_INDEX_DIR/<node>/<token>/. The database says which build a node serves (its
index_token) and holds the node's outbox: the items changed since (see gongkai.search.models).

- apply(): read this node's outbox rows, re-read those items from the database, replace their documents,
  commit the index, then delete the rows. A crash in between leaves the rows, and applying them again
  gives the same index.
- rebuild(): a new build in a directory of its own from every public item, then one database transaction
  makes it current and deletes the rows it covers — only the rows that existed before the items were read,
  so a change made during a rebuild is applied afterwards and never lost. Searches keep using the old
  build (or the database) until the switch.
- forget_all(): after a restore the indexes describe a database that no longer exists; every node
  builds again.

Applying and rebuilding on one node take the node's lock file, so two processes never interleave them.
"""

import fcntl
import functools
import logging
import secrets
import shutil
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from gongkai.search import engine
from gongkai.search.documents import all_indexed_items, indexed_items, public_items
from gongkai.search.models import SearchNode, SearchOutbox

log = logging.getLogger(__name__)

# A node with more rows than this waiting is too far behind to be corrected at query time: searches on
# it use the database until its follower has caught up.
PENDING_LIMIT = 500
APPLY_BATCH = 5_000


def node_name() -> str:
    return settings.SEARCH_NODE


def node_folder() -> Path:
    return Path(settings.SEARCH_INDEX_DIR) / node_name()


def build_path(token: str) -> Path:
    return _build_path(settings.SEARCH_INDEX_DIR, node_name(), token)


@functools.lru_cache(maxsize=64)
def _build_path(index_dir, node: str, token: str) -> Path:
    # Kept: every search names its build, and composing the path each time cost a tenth of a search.
    return Path(index_dir) / node / token


@contextmanager
def node_lock(wait: bool = True):
    """Hold this node's index lock; yields False (and holds nothing) if not `wait` and another holds it."""
    folder = node_folder()
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class NodeState:
    """What a search on this node needs from the database: the build it serves and the items pending."""

    def __init__(self, token: str, pending: list[int], overflow: bool):
        self.token = token
        self.pending = pending
        self.overflow = overflow

    @property
    def usable(self) -> bool:
        return bool(self.token) and not self.overflow


# The state each node last read in this process, by database: what a search may assume (assumed_state).
_last_seen: dict[tuple[str, str], NodeState] = {}


def _seen_key() -> tuple[str, str]:
    return node_name(), str(connection.settings_dict["NAME"])


def assumed_state() -> NodeState | None:
    """The state this process read last, if a search may assume it: a usable build with nothing waiting.

    A search that assumes it reads the current state with the page's rows and compares (see
    gongkai.search.service): equal, and the answer is the one reading the state first would have given.
    """
    state = _last_seen.get(_seen_key())
    return state if state is not None and state.usable and not state.pending else None


def node_state() -> NodeState:
    # One query, read before the index is reloaded, so that an outbox row seen as applied (deleted) is
    # already in the index the search then reads.
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT n.index_token, o.item_id FROM {SearchNode._meta.db_table} n
                LEFT JOIN {SearchOutbox._meta.db_table} o ON o.node_id = n.name
                WHERE n.name = %s ORDER BY o.id LIMIT %s""",
            [node_name(), PENDING_LIMIT + 1],
        )
        rows = cursor.fetchall()
    if not rows:
        state = NodeState("", [], False)
    else:
        pending = [item_id for _, item_id in rows if item_id is not None]
        state = NodeState(rows[0][0], pending, overflow=len(pending) > PENDING_LIMIT)
    _last_seen[_seen_key()] = state
    return state


def register_node() -> SearchNode:
    """This node, created if new; from its creation on, every change to an item is queued for it."""
    node, _ = SearchNode.objects.get_or_create(name=node_name())
    return node


def rebuild(progress: Callable[[int, int], None] | None = None) -> int:
    """A fresh build of this node's index from the database, made current when complete; returns its size."""
    with node_lock():
        return _rebuild(progress)


def _rebuild(progress) -> int:
    with transaction.atomic():
        register_node()  # committed before the rows are read, so later changes are queued
    covered = list(SearchOutbox.objects.filter(node_id=node_name()).values_list("pk", flat=True))
    total = public_items().count()
    token = secrets.token_hex(8)
    path = build_path(token)
    index = engine.create(path)
    writer = engine.writer(index, engine.BUILD_HEAP_BYTES)
    done = 0
    try:
        for batch in all_indexed_items():
            for item in batch:
                writer.add_document(engine.document(item))
            done += len(batch)
            if progress:
                progress(done, total)
        writer.commit()
        writer.wait_merging_threads()
    except BaseException:
        shutil.rmtree(path, ignore_errors=True)
        raise
    with transaction.atomic():
        node = SearchNode.objects.select_for_update().get(name=node_name())
        node.index_token, node.built_at = token, timezone.now()
        node.save(update_fields=["index_token", "built_at"])
        _delete_rows(covered)
    # Earlier builds go (and any a killed rebuild left half-made); processes still reading the old build
    # keep its open files until they next look at the database and open this one.
    for folder in node_folder().iterdir():
        if folder.is_dir() and folder.name != token:
            shutil.rmtree(folder, ignore_errors=True)
            engine.forget_opened(folder)
    return done


def _delete_rows(ids: list[int]) -> None:
    for start in range(0, len(ids), 900):  # under SQLite's limit of parameters per statement
        SearchOutbox.objects.filter(pk__in=ids[start : start + 900]).delete()


def _usable_build(token: str):
    if not token:
        return None
    try:
        return engine.open_index(build_path(token))
    except engine.IndexUnusable as exc:
        log.warning("%s", exc)
        return None


def apply(wait: bool = True) -> int:
    """Bring this node's index up to date: returns the number of outbox rows applied.

    A node never built, or whose build is missing or unreadable, is rebuilt. With `wait` False, returns 0
    at once if another process holds the node's lock (it is applying already).
    """
    if not SearchNode.objects.filter(name=node_name()).exists():
        return 0  # this server serves no index: nothing is queued for it
    with node_lock(wait) as held:
        if not held:
            return 0
        node = SearchNode.objects.get(name=node_name())
        index = _usable_build(node.index_token)
        if index is None:
            log.warning("检索索引（服务器 %s）不可用，正在重建", node.name)
            _rebuild(None)
            return 0
        applied = 0
        while True:
            rows = list(
                SearchOutbox.objects.filter(node_id=node.name)
                .order_by("pk")
                .values_list("pk", "item_id")[:APPLY_BATCH]
            )
            if not rows:
                break
            changed = {item_id for _, item_id in rows}
            try:
                engine.replace(index, changed, indexed_items(changed))
            except engine.IndexUnusable as exc:
                log.warning("%s；正在重建（服务器 %s）", exc, node.name)
                _rebuild(None)
                return 0
            _delete_rows([pk for pk, _ in rows])
            applied += len(rows)
        if applied:
            SearchNode.objects.filter(name=node.name).update(applied_at=timezone.now())
        return applied


def forget_all() -> None:
    """Every node builds its index again (after the database was replaced, e.g. by a restore)."""
    SearchNode.objects.update(index_token="")
    SearchOutbox.objects.all().delete()


def forget_node(name: str) -> bool:
    """Stop queueing changes for a server that no longer searches (its rows are deleted with it)."""
    deleted, _ = SearchNode.objects.filter(name=name).delete()
    return bool(deleted)
