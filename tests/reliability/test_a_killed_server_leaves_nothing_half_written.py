"""While applicants submit online and a leader signs items off, the server (gunicorn, master and workers)
is killed with SIGKILL and started again. Afterwards every acknowledged 受理编号 exists exactly once,
every acknowledged 签发 is published with its 索引号, no application or item is half-written, and the
audit chain verifies — on a SQLite file and on PostgreSQL (same code; the database follows the suite's)."""

import http.client
import os
import threading
import time

from loadtest.client import Client
from loadtest.scenario import apply_online, sign_off
from loadtest.server import Installation

# Each phase (before the kill, after the restart) runs until this much was acknowledged, or the deadline.
PHASE_APPLICATIONS = 5
PHASE_DEADLINE = 40


def wait_for(acknowledged, applications, published):
    deadline = time.monotonic() + PHASE_DEADLINE
    while time.monotonic() < deadline:
        if len(acknowledged["references"]) >= applications and len(acknowledged["published"]) >= published:
            return
        time.sleep(0.1)


# The connection dropped: refused or reset while the server is down, or cut in the middle of an answer
# when the kill comes as it is being sent. Nothing was acknowledged then, which is what the checks use.
LOST = (OSError, http.client.IncompleteRead)


def work(site, setup, stop, acknowledged, errors):
    def applicant(worker):
        client, n = Client(site.url), 0
        while not stop.is_set():
            n += 1
            try:
                acknowledged["references"].append(apply_online(client, setup["agency"], worker * 100000 + n))
            except LOST:
                client = Client(site.url)  # the server is down or restarting
                time.sleep(0.05)
            except Exception as exc:  # a wrong answer from a running server
                errors.append(repr(exc))

    def leader():
        client = None
        pending = list(setup["pending"])
        while not stop.is_set() and pending:
            try:
                if client is None:
                    client = Client(site.url)
                    client.log_in(setup["leader"], setup["password"])
                pk = pending[0]
                if sign_off(client, pk):
                    acknowledged["published"].append(pk)
                pending.pop(0)
            except LOST:
                client = None
                time.sleep(0.05)
            except Exception as exc:
                errors.append(repr(exc))
                pending.pop(0)

    threads = [threading.Thread(target=applicant, args=(w,)) for w in range(3)]
    threads.append(threading.Thread(target=leader))
    for thread in threads:
        thread.start()
    return threads


def test_sigkill_during_writes_loses_nothing_acknowledged(tmp_path):
    database = "postgres" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    site = Installation(tmp_path, database=database)
    try:
        started = time.monotonic()
        setup = site.prepare(items=20)
        site.start(workers=2)
        print(f"prepared and started in {time.monotonic() - started:.1f} s")
        acknowledged = {"references": [], "published": [], "pending": setup["pending"]}
        errors: list[str] = []
        stop = threading.Event()
        threads = work(site, setup, stop, acknowledged, errors)
        wait_for(acknowledged, PHASE_APPLICATIONS, 1)
        time.sleep(0.3)  # let requests be in flight when the kill comes
        before_kill = len(acknowledged["references"])
        print(f"killed after {time.monotonic() - started:.1f} s with {before_kill} acknowledged")
        site.kill()
        site.start(workers=2)
        print(f"restarted at {time.monotonic() - started:.1f} s")
        wait_for(acknowledged, before_kill + PHASE_APPLICATIONS, len(acknowledged["published"]) + 1)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        site.stop()
        print(
            f"stopped at {time.monotonic() - started:.1f} s: {len(acknowledged['references'])} applications"
        )

        assert not errors, errors[:5]
        assert before_kill > 0 and len(acknowledged["references"]) > before_kill
        assert acknowledged["published"]
        result = site.check(acknowledged)
        assert result["problems"] == []
        assert result["applications"] >= len(acknowledged["references"])
        assert result["published"] >= len(acknowledged["published"])
        assert result["audit"].startswith("审计链完整")
    finally:
        site.destroy()
