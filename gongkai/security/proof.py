"""A small proof of work for public forms, instead of a CAPTCHA that would shut out screen-reader users.

The form carries a signed challenge (when it was issued, a random part, what it is for). The page's own
script (static, so the Content-Security-Policy stays strict) searches for a number n such that
SHA-256("<challenge>:<n>") begins with `bits` zero bits — about 2**bits hashes, a moment for one person,
a real cost for software sending thousands. Without JavaScript there is no proof; the view then accepts
the form only after it has been open for a while, and fewer of them per address (gongkai.applications).

    token = issue("apply:yqtyjrswj")
    check(token, "apply:yqtyjrswj", counter, bits=16, max_age=7200) -> Checked
"""

import hashlib
import secrets
import time
from dataclasses import dataclass

from django.core import signing

SALT = "gongkai.security.proof"


@dataclass(frozen=True)
class Checked:
    valid: bool  # the challenge is ours, for this form, and not expired
    solved: bool  # the counter solves it
    age_seconds: float  # since it was issued (0 when not valid)


def issue(purpose: str) -> str:
    return signing.dumps({"p": purpose, "t": round(time.time(), 3), "r": secrets.token_hex(8)}, salt=SALT)


def leading_zero_bits(digest: bytes) -> int:
    bits = 0
    for byte in digest:
        if byte == 0:
            bits += 8
            continue
        return bits + 8 - byte.bit_length()
    return bits


def solves(token: str, counter: str, bits: int) -> bool:
    if bits <= 0:
        return True
    if not counter or len(counter) > 12 or not counter.isascii() or not counter.isdigit():
        return False
    digest = hashlib.sha256(f"{token}:{counter}".encode()).digest()
    return leading_zero_bits(digest) >= bits


def check(token: str, purpose: str, counter: str, *, bits: int, max_age: int) -> Checked:
    try:
        value = signing.loads(token or "", salt=SALT, max_age=max_age)
    except signing.BadSignature:
        return Checked(False, False, 0.0)
    if not isinstance(value, dict) or value.get("p") != purpose:
        return Checked(False, False, 0.0)
    age = max(0.0, time.time() - float(value.get("t", 0)))
    return Checked(True, solves(token, counter or "", bits), age)
