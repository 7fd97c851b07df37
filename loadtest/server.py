"""A throw-away gongkai installation served by gunicorn on a loopback port, for load and crash runs.

site = Installation(tmp_dir, database="sqlite")        # or "postgres" (needs DATABASE_URL's server)
site.prepare(items=20)                                  # migrate and seed in their own processes
url = site.start(workers=2)
site.kill()                                             # SIGKILL the master and every worker
site.destroy()                                          # drop the PostgreSQL database
"""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from base64 import urlsafe_b64encode
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_url(base: str, name: str) -> str:
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=f"/{name}"))


class Installation:
    def __init__(self, folder: Path, *, database: str = "sqlite", pg_url: str | None = None, name: str = ""):
        self.folder = Path(folder)
        self.database = database
        self.process: subprocess.Popen | None = None
        self.port = free_port()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "gongkai.settings",
            "GONGKAI_DATA": str(self.folder / "data"),
            "SECRET_KEY": secrets.token_urlsafe(40),
            "GONGKAI_FIELD_KEY": urlsafe_b64encode(secrets.token_bytes(32)).decode(),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_COOKIES": "0",
            "DEBUG": "0",
            "GONGKAI_APPLY_RATE_LIMIT": "1000000",
            "GONGKAI_APPLY_ID_RATE_LIMIT": "1000000",  # simulated applicants share one identity number
            "GONGKAI_TRACK_RATE_LIMIT": "1000000",
            "GONGKAI_SEARCH_RATE_LIMIT": "1000000",
            "GONGKAI_LOGIN_ADDRESS_LIMIT": "1000000",
            "TASKS_BACKEND": "django.tasks.backends.dummy.DummyBackend",
            "PYTHONPATH": str(ROOT),
        }
        self.pg_admin_url = None
        if database == "postgres":
            base = pg_url or os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres"
            self.db_name = name or f"gongkai_load_{secrets.token_hex(4)}"
            self.pg_admin_url = _pg_url(base, "postgres")
            self.env["DATABASE_URL"] = _pg_url(base, self.db_name)
        else:
            self.env.pop("DATABASE_URL", None)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _pg(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.pg_admin_url, autocommit=True) as conn:
            conn.execute(sql)

    def run(self, *args: str) -> str:
        result = subprocess.run(
            [PYTHON, *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=600
        )
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} 失败：\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def prepare(self, items: int = 0, *, seed: bool = True) -> dict:
        """Migrate an empty database, then (unless `seed` is false) add the people and items of a run."""
        (self.folder / "data").mkdir(parents=True, exist_ok=True)
        if self.database == "postgres":
            self._pg(f'DROP DATABASE IF EXISTS "{self.db_name}"')
            self._pg(f'CREATE DATABASE "{self.db_name}"')
        self.run("-m", "gongkai", "migrate")
        if not seed:
            return {}
        return json.loads(self.run("-m", "loadtest.seed", "setup", "--items", str(items)))

    def check(self, acknowledged: dict) -> dict:
        path = self.folder / "acknowledged.json"
        path.write_text(json.dumps(acknowledged, ensure_ascii=False), encoding="utf-8")
        return json.loads(self.run("-m", "loadtest.seed", "check", str(path)))

    def start(self, workers: int = 2, threads: int = 1) -> str:
        log = open(self.folder / "server.log", "ab")  # noqa: SIM115 — lives as long as the process
        self.process = subprocess.Popen(
            [
                str(Path(PYTHON).with_name("gunicorn")),
                "gongkai.wsgi",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "60",
                "--graceful-timeout",
                "2",
            ],  # fmt: skip
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=log,
            start_new_session=True,  # its own process group, so kill() reaches every worker
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/", timeout=5) as response:
                    if response.status == 200:
                        return self.url
            except OSError:
                time.sleep(0.2)
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn 退出：{(self.folder / 'server.log').read_text()[-2000:]}")
        raise RuntimeError("gunicorn 未能在 60 秒内启动")

    def kill(self) -> None:
        if self.process is not None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
            self.process = None

    def destroy(self) -> None:
        self.stop()
        if self.database == "postgres":
            self._pg(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
