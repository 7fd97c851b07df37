"""Identity numbers at rest: encrypted with Fernet, plus a keyed HMAC so equal numbers can be matched
(repeat applications) without decrypting anything.

The key comes from GONGKAI_FIELD_KEY (settings.FIELD_ENCRYPTION_KEYS; the first key encrypts, all decrypt,
so a key can be rotated by putting the new one first). In development and tests a key is derived from
SECRET_KEY instead (settings.FIELD_KEY_FROM_SECRET); a production server without the key refuses to store
or show identity numbers rather than fall back silently.
"""

import base64
import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

MISSING_KEY = "未设置 GONGKAI_FIELD_KEY（32 字节密钥的 urlsafe base64 编码），无法加密或解密身份证件号码"


def _keys() -> list[bytes]:
    keys = [k.encode() for k in getattr(settings, "FIELD_ENCRYPTION_KEYS", [])]
    if not keys and getattr(settings, "FIELD_KEY_FROM_SECRET", False):
        digest = hashlib.sha256(f"gongkai-field-key:{settings.SECRET_KEY}".encode()).digest()
        keys = [base64.urlsafe_b64encode(digest)]
    if not keys:
        raise ImproperlyConfigured(MISSING_KEY)
    return keys


def _fernet() -> MultiFernet:
    try:
        return MultiFernet([Fernet(k) for k in _keys()])
    except ValueError as exc:
        raise ImproperlyConfigured(f"GONGKAI_FIELD_KEY 格式错误：{exc}") from exc


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        raise ImproperlyConfigured("无法解密身份证件号码：GONGKAI_FIELD_KEY 与加密时的密钥不一致") from exc


def encrypt_bytes(data: bytes) -> bytes:
    """A file's content encrypted with the first key (gongkai.applications.encrypted_storage)."""
    return _fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    try:
        return _fernet().decrypt(token)
    except InvalidToken as exc:
        raise ImproperlyConfigured("无法解密文件：GONGKAI_FIELD_KEY 与加密时的密钥不一致") from exc


def fingerprint(text: str) -> str:
    """Keyed HMAC-SHA256 (hex) of `text`; the HMAC key is derived from the current encryption key, so the
    fingerprints cannot be recomputed from the numbers alone."""
    mac_key = hashlib.sha256(b"gongkai-field-hmac:" + _keys()[0]).digest()
    return hmac.new(mac_key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def check_field_key(app_configs=None, **kwargs):
    try:
        _fernet()
    except ImproperlyConfigured as exc:
        return [
            checks.Warning(
                str(exc), hint="生产环境请设置环境变量 GONGKAI_FIELD_KEY。", id="applications.W001"
            )
        ]
    return []
