"""Private files of a case: identity documents and delivery proof, in the private storage (gongkai.storage:
a folder under GONGKAI_DATA or the private/ prefix of the bucket), never given an address (views stream them
after their permission checks), and encrypted at rest with the field key (GONGKAI_FIELD_KEY, the same keys as
the applicants' names and numbers; gongkai.applications.crypto).

A scan of an identity card is the most sensitive thing gongkai keeps. Where it is stored — on disk or in a
bucket, and so in every backup and on any copy of either — each file is MAGIC followed by a Fernet token of
its content; without the key it is unreadable, whoever runs the bucket. The storage encrypts before the bytes
leave gongkai and decrypts on open, so the views, the case archive and the erasure work the same on both.
Files written before encryption (no MAGIC) are still read as they are, and `gongkai keys rotate` encrypts
them (key_rotation.reencrypt_files), as it re-encrypts everything with a new key. On disk, files are written
0600 in folders 0700 (settings.FILE_UPLOAD_PERMISSIONS and …_DIRECTORY_PERMISSIONS).
"""

from django.core.files.base import ContentFile

from gongkai.storage import Delegating

from . import crypto

MAGIC = b"GKENC1\n"


def is_encrypted(data: bytes) -> bool:
    return data.startswith(MAGIC)


def seal(data: bytes) -> bytes:
    return MAGIC + crypto.encrypt_bytes(data)


def unseal(data: bytes) -> bytes:
    return crypto.decrypt_bytes(data[len(MAGIC) :]) if is_encrypted(data) else data


class EncryptedPrivateStorage(Delegating):
    """The private storage, sealing what is saved and unsealing what is opened."""

    def _save(self, name, content):
        content.seek(0)
        return self.inner.save(name, ContentFile(seal(content.read())))

    def _open(self, name, mode="rb"):
        with self.inner.open(name, "rb") as stored:
            return ContentFile(unseal(stored.read()), name=name)

    def size(self, name):
        with self.open(name) as opened:
            return len(opened.read())

    def url(self, name):
        raise ValueError("身份证明材料没有公开网址")


def encrypted_private_storage() -> EncryptedPrivateStorage:
    return EncryptedPrivateStorage()
