"""Applying the search outbox as a background task, queued once by every transaction that changes items.

With the database task backend the worker runs it within moments, which on a single server is all the
following there is; with tasks that run immediately (the test suite) the index is current as soon as the
change is committed. Other servers' followers apply their own rows (gongkai.search.follower).
"""

from django.db import transaction
from django.tasks import task

from gongkai.search import outbox


@task
def apply_search_outbox() -> int:
    return outbox.apply(wait=False)


def _enqueue() -> None:
    apply_search_outbox.enqueue()


def apply_after_commit() -> None:
    """Queue the task when the current transaction commits, once however many items it changed."""
    connection = transaction.get_connection()
    if any(func is _enqueue for _, func, _ in connection.run_on_commit):
        return
    transaction.on_commit(_enqueue)
