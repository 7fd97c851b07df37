"""The two storages of gongkai.storage on an S3-compatible bucket (django-storages with boto3)."""

import mimetypes

from django.core.files.base import ContentFile
from storages.backends.s3 import S3Storage


class PublicObjects(S3Storage):
    """media/ in the bucket: attachments that may be published. Still no direct address: the portal streams
    a published item's attachment (cacheable) and staff get drafts' through the workspace's checks."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("文件经 gongkai 的页面下载，不给出存储桶的网址")


class PrivateObjects(S3Storage):
    """private/ in the bucket: identity documents, delivery proof, imported report sources."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("非公开文件没有网址")

    def overwrite(self, name: str, data: bytes) -> None:
        """Replace an object's content under the same key: one PUT, which S3 applies whole or not at all
        (save() would pick a new name instead, since files are never overwritten otherwise)."""
        self._save(name, ContentFile(data))


class Prefix:
    """What backups need of a storage's prefix in the bucket: every object under it, read as stored (an
    identity document stays encrypted), and putting objects back."""

    def __init__(self, storage: S3Storage):
        self.storage = storage
        self.root = storage.location.strip("/") + "/"

    def names(self) -> list[str]:
        """Every object's name under the prefix, relative to it, in order."""
        paginator = self.storage.connection.meta.client.get_paginator("list_objects_v2")
        found = []
        for page in paginator.paginate(Bucket=self.storage.bucket_name, Prefix=self.root):
            found += [entry["Key"][len(self.root) :] for entry in page.get("Contents", ())]
        return sorted(name for name in found if name and not name.endswith("/"))

    def read(self, name: str):
        """(size, a stream of the object's bytes)."""
        answer = self.storage.bucket.Object(self.root + name).get()
        return answer["ContentLength"], answer["Body"]

    def put(self, name: str, path) -> None:
        with open(path, "rb") as handle:
            self.storage.bucket.Object(self.root + name).put(Body=handle, **self._type(name))

    def delete(self, names: list[str]) -> None:
        for start in range(0, len(names), 1000):  # the most one request may delete
            batch = [{"Key": self.root + name} for name in names[start : start + 1000]]
            self.storage.bucket.delete_objects(Delete={"Objects": batch, "Quiet": True})

    @staticmethod
    def _type(name: str) -> dict:
        guessed, _ = mimetypes.guess_type(name)
        return {"ContentType": guessed or "application/octet-stream"}
