"""Attack: spread guesses over two app servers (two gunicorn processes on loopback sharing one database, as
the suite's database is SQLite or PostgreSQL), hoping each counts only its own. The tracking limit and the
log-in limits are counted once for both; the client's address is the rightmost hop that the trusted proxy
(127.0.0.1, GONGKAI_TRUSTED_PROXIES) reports, so a forged address further left changes nothing, while a
different real client is counted apart. (The installation's data folder is checked on the way: 0700, with
the SQLite file 0600.)"""

import copy
import os
import stat
import threading
from urllib.parse import urlencode

from loadtest.client import Client
from loadtest.server import Installation, free_port

TRACK_LIMIT = 4
ADDRESS_LIMIT = 6


def post(client: Client, path: str, fields: dict, forwarded_for: str):
    token = client.csrf_token(path)
    body = urlencode({**fields, "csrfmiddlewaretoken": token}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": forwarded_for}
    return client.request("POST", path, body, headers)


def test_two_servers_count_as_one(tmp_path):
    database = "postgres" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    first = Installation(tmp_path, database=database)
    first.env.update(
        GONGKAI_TRACK_RATE_LIMIT=str(TRACK_LIMIT),
        GONGKAI_LOGIN_ADDRESS_LIMIT=str(ADDRESS_LIMIT),
        GONGKAI_TRUSTED_PROXIES="127.0.0.1",
    )
    second = None
    try:
        first.prepare(seed=False)
        if database == "sqlite":  # the data folder and the database file are the service account's alone
            data = first.folder / "data"
            assert stat.S_IMODE(data.stat().st_mode) == 0o700
            assert stat.S_IMODE((data / "gongkai.sqlite3").stat().st_mode) == 0o600
        second = copy.copy(first)
        second.port = free_port()
        starting = threading.Thread(target=second.start, kwargs={"workers": 1})
        starting.start()
        first.start(workers=1)
        starting.join()
        servers = [Client(first.url), Client(second.url)]
        track = {"reference": "YQ-2026-00001", "query_code": "ABCDEFGH"}

        statuses = [
            post(servers[n % 2], "/apply/track/", track, "203.0.113.5").status for n in range(TRACK_LIMIT)
        ]
        assert statuses == [200] * TRACK_LIMIT
        # Both servers refuse the next one, and a forged address on the left does not help.
        assert post(servers[0], "/apply/track/", track, "203.0.113.5").status == 429
        assert post(servers[1], "/apply/track/", track, "198.51.100.1, 203.0.113.5").status == 429
        # Another client behind the same proxy is counted apart.
        assert post(servers[1], "/apply/track/", track, "203.0.113.6").status == 200

        wrong = {"password": "wrong-password-1"}
        for n in range(ADDRESS_LIMIT):
            page = post(servers[n % 2], "/accounts/login/", {**wrong, "username": f"guess{n}"}, "203.0.113.7")
            assert page.status == 200 and "用户名或密码不正确" in page.text
        for server in servers:
            page = post(server, "/accounts/login/", {**wrong, "username": "another"}, "203.0.113.7")
            assert "登录失败次数过多" in page.text
        page = post(servers[1], "/accounts/login/", {**wrong, "username": "another"}, "203.0.113.8")
        assert "登录失败次数过多" not in page.text and "用户名或密码不正确" in page.text
    finally:
        if second is not None:
            second.stop()
        first.destroy()
