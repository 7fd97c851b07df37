"""Where gongkai keeps files, chosen by one setting for every kind of file.

Two named storages in settings.STORAGES hold everything uploaded:

- "default": files that may be published — the attachments of 主动公开 items (the portal serves those of
  published items; gongkai.portal.views.attachment).
- "private": files only a permission-checked view hands out — identity documents and delivery proof (also
  encrypted with the field key, gongkai.applications.file_storage), the sources of imported reports.

Both are folders under GONGKAI_DATA (media/ and private/) unless GONGKAI_S3_BUCKET names an S3-compatible
bucket (AWS S3, MinIO, 阿里云 OSS, 腾讯云 COS, 华为云 OBS), where they are the key prefixes media/ and
private/ of that one bucket (gongkai.storage.s3). The bucket is used as the operator made it: gongkai never
creates it, never changes its policy and never gives an object an address of its own — every file reaches a
browser through a gongkai view, after that view's checks. A FileField without a storage of its own uses
"default"; one that passes `storage=private` uses "private"; either way it follows the choice.

Letters (DOCX/PDF) and annual report files are kept in the database with their records, written in the same
transaction, so they are in every database backup and need no storage here.
"""

import os
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, storages

PUBLIC = "default"
PRIVATE = "private"
ADDRESSING_STYLES = {"auto", "path", "virtual"}


def file_storages(s3: dict | None) -> dict:
    """settings.STORAGES for local folders (s3 None) or for the bucket described by `s3` (bucket_name,
    endpoint_url, region_name, addressing_style, access_key, secret_key)."""
    static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    if not s3:
        return {
            PUBLIC: {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            PRIVATE: {"BACKEND": "gongkai.storage.PrivateFolder"},
            "staticfiles": static,
        }
    style = s3.get("addressing_style")
    if style and style not in ADDRESSING_STYLES:
        raise ImproperlyConfigured(
            f"GONGKAI_S3_ADDRESSING_STYLE 只能是 path、virtual 或 auto，而不是“{style}”"
        )
    options = {
        "bucket_name": s3["bucket_name"],
        "endpoint_url": s3.get("endpoint_url") or None,
        "region_name": s3.get("region_name") or None,
        "addressing_style": style or None,
        # Unset keys are left to boto3's own search (an instance role, ~/.aws), never to a default of ours.
        "access_key": s3.get("access_key") or None,
        "secret_key": s3.get("secret_key") or None,
        "signature_version": "s3v4",
        # Never overwrite: a second file under a name already taken gets a name of its own.
        "file_overwrite": False,
        # No ACL on any object: what the bucket's owner set applies, and nothing is made public by gongkai.
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 300,
        # A file larger than this being read is kept in a temporary file instead of memory.
        "max_memory_size": 2 * 1024 * 1024,
    }
    return {
        PUBLIC: {"BACKEND": "gongkai.storage.s3.PublicObjects", "OPTIONS": {**options, "location": "media"}},
        PRIVATE: {
            "BACKEND": "gongkai.storage.s3.PrivateObjects",
            "OPTIONS": {**options, "location": "private"},
        },
        "staticfiles": static,
    }


def on_object_storage() -> bool:
    return not isinstance(storages[PRIVATE], FileSystemStorage)


def where() -> str:
    """Where the files are, in words for the operator."""
    if on_object_storage():
        endpoint = storages[PRIVATE].endpoint_url
        return f"对象存储桶 {storages[PRIVATE].bucket_name}" + (f"，服务地址 {endpoint}" if endpoint else "")
    return f"本地磁盘 {settings.MEDIA_ROOT} 和 {settings.PRIVATE_FILES_ROOT}"


class StorageProblem(Exception):
    """A Chinese reason why the configured storage cannot be used."""


def check() -> list[str]:
    """Write, read back and delete a small file in each storage; a line per storage saying it works, or
    StorageProblem naming the storage and what the store answered."""
    from botocore.exceptions import BotoCoreError, ClientError

    lines = []
    for alias, label in ((PUBLIC, "公开文件（附件）"), (PRIVATE, "非公开文件（身份证明材料等）")):
        store = storages[alias]
        probe = f"gongkai-check/{uuid.uuid4().hex}.txt"
        content = f"gongkai {alias} {probe}".encode()
        try:
            name = store.save(probe, ContentFile(content))
            with store.open(name, "rb") as handle:
                same = handle.read() == content
            store.delete(name)
        except ClientError as exc:
            error = exc.response.get("Error", {})
            raise StorageProblem(
                f"{label}：对象存储拒绝了请求（{error.get('Code', '')} {error.get('Message', '')}）"
            ) from exc
        except (BotoCoreError, OSError) as exc:
            raise StorageProblem(f"{label}：无法写入或读取（{exc}）") from exc
        if not same:
            raise StorageProblem(f"{label}：读回的内容与写入的不同")
        lines.append(f"{label}：写入、读回、删除均正常")
    return lines


def bucket_prefixes() -> dict:
    """The two prefixes in the bucket, named as backups name them ("media", "private"): gongkai.storage.s3.Prefix."""
    from gongkai.storage.s3 import Prefix

    return {"media": Prefix(storages[PUBLIC]), "private": Prefix(storages[PRIVATE])}


class PrivateFolder(FileSystemStorage):
    """settings.PRIVATE_FILES_ROOT (read on every use, so tests can point it elsewhere). Its files have no
    address: views stream them after their permission checks."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_FILES_ROOT)

    @property
    def location(self):
        return str(settings.PRIVATE_FILES_ROOT.resolve())

    def url(self, name):
        raise ValueError("非公开文件没有网址")

    def overwrite(self, name: str, data: bytes) -> None:
        """Replace a file's content atomically: a new file beside it, renamed over it."""
        path = Path(self.path(name))
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".replace-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, settings.FILE_UPLOAD_PERMISSIONS or 0o600)
        os.replace(temporary, path)


class Delegating(Storage):
    """A storage that hands every call to `inner`, looked up on each call — so a model field made once at
    start-up follows settings.STORAGES, whatever it is at the time."""

    @property
    def inner(self) -> Storage:
        return storages[PRIVATE]

    def _open(self, name, mode="rb"):
        return self.inner.open(name, mode)

    def _save(self, name, content):
        return self.inner.save(name, content)

    def get_available_name(self, name, max_length=None):
        return self.inner.get_available_name(name, max_length)

    def generate_filename(self, filename):
        return self.inner.generate_filename(filename)

    def get_valid_name(self, name):
        return self.inner.get_valid_name(name)

    def delete(self, name):
        return self.inner.delete(name)

    def exists(self, name):
        return self.inner.exists(name)

    def listdir(self, path):
        return self.inner.listdir(path)

    def size(self, name):
        return self.inner.size(name)

    def url(self, name):
        return self.inner.url(name)

    def path(self, name):
        return self.inner.path(name)

    def get_modified_time(self, name):
        return self.inner.get_modified_time(name)


def private() -> Storage:
    """The private storage, as model fields take it (storage=private)."""
    return Delegating()
