"""The data folder (settings.DATA_DIR: the SQLite database, uploads, identity documents, the generated
SECRET_KEY) belongs to the account gongkai runs as: the folder is kept 0700 and the SQLite files 0600,
whatever umask created them, so another local account cannot read the database or copy the scans.

protect(database_path)   called when a database connection opens (SecurityConfig connects it)
"""

import os
from pathlib import Path

from django.conf import settings

_done: set[str] = set()


def _restrict(path: Path, mode: int) -> None:
    try:
        if path.exists() and path.stat().st_uid == os.geteuid() and path.stat().st_mode & 0o777 != mode:
            path.chmod(mode)
    except OSError:
        pass  # a read-only or foreign file system: nothing better to do than carry on


def protect(database_path: str | None = None) -> None:
    data = Path(settings.DATA_DIR)
    key = f"{data}|{database_path}"
    if key in _done:
        return
    _restrict(data, 0o700)
    if database_path and not database_path.startswith(("file:", ":memory:")):
        for suffix in ("", "-wal", "-shm"):
            _restrict(Path(database_path + suffix), 0o600)
    _done.add(key)


def on_connection(sender, connection, **kwargs) -> None:
    protect(connection.settings_dict["NAME"] if connection.vendor == "sqlite" else None)
