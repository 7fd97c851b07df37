"""受理编号 are allocated under a lock: concurrent registrations never share or skip a number.

PostgreSQL: threads with their own connections. SQLite: processes on a database file (the in-memory test
database cannot show real locking), as in tests/audit.
"""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection

import gongkai
from gongkai.applications.models import Application
from tests.factories import make_agency, make_application

WRITERS, PER_WRITER = 5, 6
PROJECT_ROOT = Path(gongkai.__file__).resolve().parent.parent

REGISTER = """
import django, sys
django.setup()
from gongkai.agencies.models import Agency
from tests.factories import make_application
agency = Agency.objects.get(code="race")
for i in range(int(sys.argv[1])):
    make_application(agency)
"""
SETUP = """
import django
django.setup()
from tests.factories import make_agency
make_agency("并发测试机关", code="race")
"""
CHECK = """
import django
django.setup()
from gongkai.applications.models import Application
print(sorted(Application.objects.values_list("sequence", flat=True)) == list(range(1, Application.objects.count() + 1)))
print(Application.objects.count(), len(set(Application.objects.values_list("reference", flat=True))))
"""


@pytest.mark.django_db(transaction=True)
def test_threads_registering_at_once_get_consecutive_numbers():
    if connection.vendor == "sqlite":
        pytest.skip("SQLite is covered by the multi-process test below")
    agency = make_agency("并发测试机关", code="race")
    start = threading.Barrier(WRITERS)
    errors = []

    def register():
        try:
            start.wait()
            for _ in range(PER_WRITER):
                make_application(agency)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=register) for _ in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    sequences = sorted(Application.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, WRITERS * PER_WRITER + 1))
    assert len(set(Application.objects.values_list("reference", flat=True))) == WRITERS * PER_WRITER


def test_processes_registering_at_once_on_a_sqlite_file_get_consecutive_numbers(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        GONGKAI_DATA=str(tmp_path),
        DJANGO_SETTINGS_MODULE="gongkai.settings",
        PYTHONPATH=str(PROJECT_ROOT),
        SECRET_KEY="test-only-secret-key",
        GONGKAI_FIELD_KEY_FROM_SECRET="1",
        # The test is about numbering, not latency: on a loaded machine writers may queue a long time.
        SQLITE_BUSY_TIMEOUT="180",
    )

    def python(*args, **kwargs):
        return subprocess.Popen([sys.executable, *args], cwd=PROJECT_ROOT, env=env, text=True, **kwargs)

    assert python("-m", "django", "migrate", stdout=subprocess.DEVNULL).wait(timeout=180) == 0
    assert python("-c", SETUP).wait(timeout=60) == 0
    writers = [python("-c", REGISTER, str(PER_WRITER), stderr=subprocess.PIPE) for _ in range(WRITERS)]
    for w in writers:
        _, err = w.communicate(timeout=180)
        assert w.returncode == 0, err
    out, _ = python("-c", CHECK, stdout=subprocess.PIPE).communicate(timeout=60)
    assert out.splitlines() == ["True", f"{WRITERS * PER_WRITER} {WRITERS * PER_WRITER}"]
