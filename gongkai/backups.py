"""Backup and restore of a whole installation: the database and the uploaded files, in one archive.

    backup(path) -> Manifest        online: the site keeps running while it is taken
    restore(path) -> Manifest       replaces the database and the files; stop the app servers first

The archive is a gzip'd tar holding manifest.json, the database — SQLite through its online backup API
(a consistent copy even while others write), PostgreSQL as `pg_dump -Fc` — and files/media,
files/private (published attachments, identity documents, delivery proof, imported report sources): from
the folders under GONGKAI_DATA, or from the prefixes media/ and private/ of the bucket when the files are on
object storage (gongkai.storage), copied as stored — identity documents stay encrypted. The archive is the
same either way, so a backup taken on disk restores into a bucket and the other way round: that is how an
installation moves its files. Restoring makes the files exactly those of the backup: in a bucket it puts
every object back first and only then deletes the ones under media/ and private/ that the backup does not
have (nothing else in the bucket is touched). It holds no keys: SECRET_KEY
and GONGKAI_FIELD_KEY are kept apart from backups (without the field key the encrypted personal data in
a backup cannot be read, which is the point).
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.db import connection
from django.utils import timezone

from gongkai import storage
from gongkai.env import env_str
from gongkai.search.outbox import forget_all as forget_search_indexes

FORMAT = "gongkai-backup/1"
SQLITE_MEMBER = "database.sqlite3"
PG_MEMBER = "database.pgdump"


class BackupError(Exception):
    """A Chinese reason why a backup or restore could not be done."""


@dataclass
class Manifest:
    engine: str
    created_at: str
    tables: dict[str, int] = field(default_factory=dict)
    files: int = 0
    database_sha256: str = ""
    # Where the files were taken from: "disk" or "s3" (informative: either restores to either).
    file_storage: str = "disk"

    def as_json(self) -> bytes:
        return json.dumps({"format": FORMAT, **self.__dict__}, ensure_ascii=False, indent=2).encode()


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"不支持备份 {vendor} 数据库")
    return vendor


def file_roots() -> dict[str, Path]:
    return {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_FILES_ROOT)}


def table_counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _pg_env() -> tuple[list[str], dict]:
    db = connection.settings_dict
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or env_str("PGPASSWORD", "")}
    return args, env


def _run(command: list[str], env: dict) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"找不到 {command[0]}：请安装 PostgreSQL 客户端工具（Debian：postgresql-client）")
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} 失败：{result.stderr.strip()[:500]}")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backup(path: Path) -> Manifest:
    path = Path(path)
    engine = _engine()
    manifest = Manifest(engine=engine, created_at=timezone.now().isoformat(), tables=table_counts())
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        if engine == "sqlite":
            dump = work / SQLITE_MEMBER
            connection.ensure_connection()
            target = sqlite3.connect(dump)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
        else:
            dump = work / PG_MEMBER
            args, env = _pg_env()
            _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(dump), *args], env)
        manifest.database_sha256 = _sha256(dump)
        partial = path.with_name(path.name + ".partial")
        # Only the operator's account may read a backup: it holds the database and the private files.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            archive.add(dump, arcname=dump.name)
            if storage.on_object_storage():
                manifest.file_storage = "s3"
                manifest.files = _add_objects(archive)
            else:
                for name, root in file_roots().items():
                    if root.exists():
                        for file in sorted(p for p in root.rglob("*") if p.is_file()):
                            archive.add(file, arcname=f"files/{name}/{file.relative_to(root)}")
                            manifest.files += 1
            info = tarfile.TarInfo("manifest.json")
            data = manifest.as_json()
            info.size = len(data)
            info.mtime = int(timezone.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
        partial.replace(path)  # a backup interrupted half-way never looks like a finished one
    return manifest


def read_manifest(path: Path) -> dict:
    try:
        with tarfile.open(path, "r:gz") as archive:
            member = archive.extractfile("manifest.json")
            data = json.loads(member.read())
    except (OSError, KeyError, tarfile.TarError, json.JSONDecodeError, AttributeError) as exc:
        raise BackupError(f"{path} 不是 gongkai 备份文件：{exc}") from exc
    if data.get("format") != FORMAT:
        raise BackupError(f"{path} 的备份格式“{data.get('format')}”无法识别")
    return data


def _private(root: Path) -> None:
    """Restored files are the service account's alone, like uploaded ones (0600 files, 0700 folders)."""
    for folder, _, names in os.walk(root):
        os.chmod(folder, 0o700)
        for name in names:
            os.chmod(os.path.join(folder, name), 0o600)


def restore(path: Path) -> dict:
    path = Path(path)
    engine = _engine()
    manifest = read_manifest(path)
    if manifest["engine"] != engine:
        raise BackupError(
            f"备份来自 {manifest['engine']} 数据库，当前为 {engine}；请把 DATABASE_URL 指向同类数据库再恢复"
        )
    if storage.on_object_storage():
        _reach_bucket()  # before anything is replaced: a restore never stops half-way for a wrong key
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        with tarfile.open(path, "r:gz") as archive:
            archive.extractall(work, filter="data")  # no absolute paths, no '..', no devices
        dump = work / (SQLITE_MEMBER if engine == "sqlite" else PG_MEMBER)
        if _sha256(dump) != manifest["database_sha256"]:
            raise BackupError("备份中的数据库文件校验值不符，文件可能已损坏，未恢复")
        if engine == "sqlite":
            connection.ensure_connection()
            source = sqlite3.connect(dump)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
        else:
            connection.close()  # pg_restore drops and recreates the tables: hold no locks on them
            args, env = _pg_env()
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    *args,
                    str(dump),
                ],
                env,
            )
        # Every server's search index describes the database just replaced: each builds its own again.
        forget_search_indexes()
        if storage.on_object_storage():
            _restore_objects(work / "files")
        else:
            for name, root in file_roots().items():
                source_dir = work / "files" / name
                if root.exists():
                    shutil.rmtree(root)
                if source_dir.exists():
                    shutil.copytree(source_dir, root)
                    _private(root)
    return manifest


def _add_objects(archive: tarfile.TarFile) -> int:
    """Every object under the bucket's two prefixes into the archive, streamed as stored; how many."""
    count = 0
    try:
        for folder, prefix in storage.bucket_prefixes().items():
            for name in prefix.names():
                size, body = prefix.read(name)
                info = tarfile.TarInfo(f"files/{folder}/{name}")
                info.size, info.mode = size, 0o600
                info.mtime = int(timezone.now().timestamp())
                archive.addfile(info, body)
                count += 1
    except BotoCoreError as exc:
        raise BackupError(f"读取对象存储失败：{exc}") from exc
    except ClientError as exc:
        raise BackupError(f"读取对象存储失败：{_bucket_error(exc)}") from exc
    return count


def _reach_bucket() -> None:
    try:
        for prefix in storage.bucket_prefixes().values():
            prefix.names()
    except BotoCoreError as exc:
        raise BackupError(f"无法访问对象存储，未恢复：{exc}") from exc
    except ClientError as exc:
        raise BackupError(f"无法访问对象存储，未恢复：{_bucket_error(exc)}") from exc


def _restore_objects(files: Path) -> None:
    """The bucket's two prefixes made to hold exactly the archive's files: all put first, then the others
    deleted, so an interrupted restore loses nothing of the backup and can simply be run again."""
    try:
        for folder, prefix in storage.bucket_prefixes().items():
            source = files / folder
            wanted = (
                sorted(p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file())
                if source.exists()
                else []
            )
            for name in wanted:
                prefix.put(name, source / name)
            prefix.delete(sorted(set(prefix.names()) - set(wanted)))
    except BotoCoreError as exc:
        raise BackupError(f"写入对象存储失败：{exc}") from exc
    except ClientError as exc:
        raise BackupError(f"写入对象存储失败：{_bucket_error(exc)}") from exc


def _bucket_error(exc: ClientError) -> str:
    error = exc.response.get("Error", {})
    return f"{error.get('Code', '')} {error.get('Message', '')}".strip() or str(exc)
