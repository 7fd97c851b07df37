"""Private files: kept under settings.PRIVATE_FILES_ROOT, never given an address (views stream them after
their permission checks). Identity documents and delivery proof are moreover encrypted at rest with the
field key (GONGKAI_FIELD_KEY, the same keys as the applicants' names and numbers; gongkai.applications.crypto).

A scan of an identity card is the most sensitive thing gongkai keeps. On disk — and so in every backup
and on any copy of the data folder — each file is MAGIC followed by a Fernet token of its content;
without the key it is unreadable. The storage decrypts on open, so the views, the case archive and the
erasure work as before. Files written before encryption (no MAGIC) are still read as they are, and
`gongkai keys rotate` encrypts them (key_rotation.reencrypt_files), as it re-encrypts everything with a new key.
Files are written 0600 in folders 0700 (settings.FILE_UPLOAD_PERMISSIONS and …_DIRECTORY_PERMISSIONS).
"""

import os

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

from . import crypto

MAGIC = b"GKENC1\n"


class PrivateStorage(FileSystemStorage):
    """Files under settings.PRIVATE_FILES_ROOT (read on every use, so tests can point it elsewhere). They
    have no address: views.identity_document streams them after the permission checks."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_FILES_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("身份证明材料没有公开网址")


def is_encrypted(data: bytes) -> bool:
    return data.startswith(MAGIC)


def seal(data: bytes) -> bytes:
    return MAGIC + crypto.encrypt_bytes(data)


def unseal(data: bytes) -> bytes:
    return crypto.decrypt_bytes(data[len(MAGIC) :]) if is_encrypted(data) else data


class EncryptedPrivateStorage(PrivateStorage):
    def _save(self, name, content):
        content.seek(0)
        return super()._save(name, ContentFile(seal(content.read())))

    def _open(self, name, mode="rb"):
        with super()._open(name, "rb") as stored:
            return ContentFile(unseal(stored.read()), name=name)

    def size(self, name):
        with self.open(name) as opened:
            return len(opened.read())


def encrypted_private_storage() -> EncryptedPrivateStorage:
    return EncryptedPrivateStorage()
