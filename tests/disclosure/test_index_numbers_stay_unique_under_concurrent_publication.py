"""Leaders signing at the same moment must never be given the same 索引号.

PostgreSQL: threads, each with its own connection, race for the counter row lock. SQLite: the test
database is in memory with shared-cache locking, so the signers are separate processes on a database
file — as app-server workers would be — relying on the settings' IMMEDIATE transactions.
"""

import datetime
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection

import gongkai
from gongkai.disclosure import workflow
from gongkai.disclosure.models import Item, ItemStatus
from tests.factories import make_personas

SIGNERS, PER_SIGNER = 4, 5
PROJECT_ROOT = Path(gongkai.__file__).resolve().parent.parent


def awaiting_signature(people, n):
    return [
        Item.objects.create(
            agency=people.agency,
            drafter=people.registrar,
            title=f"通知{i}",
            formed_on=datetime.date(2026, 3, 2),
            status=ItemStatus.LEADER_REVIEW,
        )
        for i in range(n)
    ]


@pytest.mark.django_db(transaction=True)
def test_threads_signing_at_once_get_distinct_consecutive_numbers():
    if connection.vendor == "sqlite":
        pytest.skip("SQLite is covered by the multi-process test below")
    people = make_personas()
    items = awaiting_signature(people, SIGNERS * PER_SIGNER)
    start = threading.Barrier(SIGNERS)
    errors = []

    def sign(batch):
        try:
            start.wait()
            for item in batch:
                workflow.approve(item, people.leader)
        except Exception as exc:  # reported below; a thread's exception would otherwise be lost
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign, args=(items[i::SIGNERS],)) for i in range(SIGNERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    seqs = sorted(Item.objects.values_list("index_seq", flat=True))
    assert seqs == list(range(1, SIGNERS * PER_SIGNER + 1))


SETUP = """
import datetime, django
django.setup()
from gongkai.disclosure.models import Item, ItemStatus
from tests.factories import make_personas
people = make_personas()
for i in range(int(__import__("sys").argv[1])):
    Item.objects.create(agency=people.agency, drafter=people.registrar, title=f"通知{i}",
                        formed_on=datetime.date(2026, 3, 2), status=ItemStatus.LEADER_REVIEW)
"""
SIGN = """
import sys, django
django.setup()
from django.contrib.auth.models import User
from gongkai.disclosure import workflow
from gongkai.disclosure.models import Item
leader = User.objects.get(username="leader")
signer, signers = int(sys.argv[1]), int(sys.argv[2])
for pk in sorted(Item.objects.values_list("pk", flat=True))[signer::signers]:
    workflow.approve(Item.objects.get(pk=pk), leader)
"""
NUMBERS = """
import django
django.setup()
from gongkai.disclosure.models import Item
print(sorted(Item.objects.values_list("index_seq", flat=True)))
print(Item.objects.values("index_number").distinct().count())
"""


def test_processes_signing_at_once_on_a_sqlite_file_get_distinct_consecutive_numbers(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        GONGKAI_DATA=str(tmp_path), DJANGO_SETTINGS_MODULE="gongkai.settings", PYTHONPATH=str(PROJECT_ROOT)
    )

    def python(*args, **kwargs):
        return subprocess.Popen([sys.executable, *args], cwd=PROJECT_ROOT, env=env, text=True, **kwargs)

    total = SIGNERS * PER_SIGNER
    assert python("-m", "django", "migrate", stdout=subprocess.DEVNULL).wait(timeout=120) == 0
    setup = python("-c", SETUP, str(total), stderr=subprocess.PIPE)
    assert setup.wait(timeout=60) == 0, setup.stderr.read()
    signers = [python("-c", SIGN, str(s), str(SIGNERS), stderr=subprocess.PIPE) for s in range(SIGNERS)]
    for s in signers:
        _, err = s.communicate(timeout=120)
        assert s.returncode == 0, err
    out, _ = python("-c", NUMBERS, stdout=subprocess.PIPE).communicate(timeout=60)

    assert out.splitlines() == [str(list(range(1, total + 1))), str(total)]
