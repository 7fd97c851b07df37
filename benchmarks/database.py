"""A database of its own for benchmarks, chosen before Django starts.

SQLite: var/bench/<scale>/gongkai.sqlite3 under the repository. PostgreSQL (when DATABASE_URL is set): the same
server, database `gongkai_bench_<scale>`, dropped and created afresh, so real data is never touched.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
BENCH_DIR = REPO / "var" / "bench"
PG_NAME = "gongkai_bench"


def _field_key() -> str:
    """The bench database's own key for applicants' names (the generated cases carry encrypted names)."""
    path = BENCH_DIR / "field_key"
    if not path.exists():
        from cryptography.fernet import Fernet

        path.write_text(Fernet.generate_key().decode())
    return path.read_text().strip()


def prepare(fresh: bool, scale: str = "small", pg_name: str | None = None) -> str:
    """Point the settings at the benchmark database of `scale` (recreated if `fresh`); return a description.

    On PostgreSQL the database is `pg_name`, or gongkai_bench_<scale>.
    """
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    os.environ["GONGKAI_BENCH_SCALE"] = scale
    data = BENCH_DIR / scale
    data.mkdir(exist_ok=True)
    os.environ["GONGKAI_DATA"] = str(data)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    os.environ.setdefault("GONGKAI_FIELD_KEY", _field_key())
    url = os.environ.get("DATABASE_URL")
    if not url:
        # Its own search-index folder: a build for one database removes the other database's builds.
        os.environ.setdefault("GONGKAI_SEARCH_INDEX", str(data / "search-index-sqlite"))
        path = data / "gongkai.sqlite3"
        if fresh:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"SQLite {path.relative_to(REPO)}"
    parts = urlsplit(url)
    name = pg_name or f"{PG_NAME}_{scale}"
    if fresh:
        import psycopg

        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    return f"PostgreSQL {parts.hostname}:{parts.port or 5432}/{name}"


def _vendor_file(kind: str) -> Path:
    vendor = "postgresql" if os.environ.get("DATABASE_URL") else "sqlite"
    return BENCH_DIR / f"{kind}-{os.environ['GONGKAI_BENCH_SCALE']}-{vendor}.json"


def save_stats(stats: dict) -> None:
    """What was generated, kept beside the database so that a --reuse run can say what it measures."""
    import json

    _vendor_file("generated").write_text(json.dumps(stats, ensure_ascii=False, indent=1))


def load_stats() -> dict:
    import json

    return json.loads(_vendor_file("generated").read_text())


def save_results(results: dict) -> None:
    import json

    _vendor_file("results").write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str))
