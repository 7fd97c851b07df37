"""Appends from several writers at once must never fork the chain.

PostgreSQL: threads of this process, each with its own connection, race for the head row lock.
SQLite: the test database is in memory with shared-cache locking, which ignores busy_timeout, so the
writers are separate processes on a database file — as gunicorn workers would be — relying on the
IMMEDIATE transaction mode of the settings.
"""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection

import gongkai
from gongkai import audit
from gongkai.audit.models import AuditEntry

WRITERS, PER_WRITER = 6, 10
PROJECT_ROOT = Path(gongkai.__file__).resolve().parent.parent

APPEND = """
import django, sys
django.setup()
from gongkai import audit
for i in range(int(sys.argv[2])):
    audit.record("test.concurrent", details={"worker": int(sys.argv[1]), "i": i})
"""
VERIFY = """
import django
django.setup()
from gongkai import audit
from gongkai.audit.models import AuditEntry
print(list(AuditEntry.objects.values_list("sequence", flat=True)) == list(range(1, AuditEntry.objects.count() + 1)))
print(audit.verify().message)
"""


@pytest.mark.django_db(transaction=True)
def test_threads_appending_at_once_produce_one_unbroken_chain():
    if connection.vendor == "sqlite":
        pytest.skip("SQLite is covered by the multi-process test below")
    start = threading.Barrier(WRITERS)
    errors = []

    def append(worker):
        try:
            start.wait()
            for i in range(PER_WRITER):
                audit.record("test.concurrent", details={"worker": worker, "i": i})
        except Exception as exc:  # reported below; a thread's exception would otherwise be lost
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=append, args=(w,)) for w in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    assert list(AuditEntry.objects.values_list("sequence", flat=True)) == list(
        range(1, WRITERS * PER_WRITER + 1)
    )
    result = audit.verify()
    assert result.ok, result.message
    assert result.count == WRITERS * PER_WRITER


def test_processes_appending_at_once_to_a_sqlite_file_produce_one_unbroken_chain(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        GONGKAI_DATA=str(tmp_path), DJANGO_SETTINGS_MODULE="gongkai.settings", PYTHONPATH=str(PROJECT_ROOT)
    )

    def python(*args, **kwargs):
        return subprocess.Popen([sys.executable, *args], cwd=PROJECT_ROOT, env=env, text=True, **kwargs)

    assert python("-m", "django", "migrate", "audit", stdout=subprocess.DEVNULL).wait(timeout=120) == 0
    writers = [
        python("-c", APPEND, str(w), str(PER_WRITER * 3), stderr=subprocess.PIPE) for w in range(WRITERS)
    ]
    for w in writers:
        _, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
    check = python("-c", VERIFY, stdout=subprocess.PIPE)
    out, _ = check.communicate(timeout=60)
    assert out.splitlines() == ["True", f"审计链完整（{WRITERS * PER_WRITER * 3} 条）"]
