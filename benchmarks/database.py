"""A database of its own for benchmarks, chosen before Django starts.

SQLite: var/bench/bench.sqlite3 under the repository. PostgreSQL (when DATABASE_URL is set): the same
server, database `gongkai_bench`, dropped and created afresh, so real data is never touched.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
BENCH_DIR = REPO / "var" / "bench"
PG_NAME = "gongkai_bench"


def prepare(fresh: bool, name: str = "") -> str:
    """Point the settings at the benchmark database (recreated if `fresh`); return a description.

    A `name` gives a benchmark a database of its own (var/bench/NAME/, `gongkai_bench_NAME`), so that it
    can run beside the others without dropping their data.
    """
    data_dir = BENCH_DIR / name if name else BENCH_DIR
    data_dir.mkdir(parents=True, exist_ok=True)
    os.environ["GONGKAI_DATA"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    url = os.environ.get("DATABASE_URL")
    if not url:
        path = data_dir / "gongkai.sqlite3"
        if fresh:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"SQLite {path.relative_to(REPO)}"
    parts = urlsplit(url)
    database = f"{PG_NAME}_{name}" if name else PG_NAME
    if fresh:
        import psycopg

        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}"')
            conn.execute(f'CREATE DATABASE "{database}"')
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{database}"))
    return f"PostgreSQL {parts.hostname}:{parts.port or 5432}/{database}"
