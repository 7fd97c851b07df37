"""受理编号 and query codes.

A 受理编号 is <AGENCY CODE>-<year>-<5-digit sequence>, e.g. YQTYJRSWJ-2026-00012, counted per agency and
year and never reused. The counter row is locked (select_for_update) for the allocation, so concurrent
submissions queue; on SQLite the IMMEDIATE transactions of the settings serialise writers anyway.

The query code (查询码) lets an applicant track a case without an account. It is random, shown once and
stored only as a password hash.
"""

import secrets

from django.contrib.auth.hashers import PBKDF2PasswordHasher, check_password

from gongkai.agencies.sequences import next_in_sequence

from .models import ApplicationCounter

# No 0/O, 1/I/L: the code is read off paper and typed back.
QUERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
QUERY_LENGTH = 10
# check_password on an unknown 受理编号 runs against this, so a miss takes as long as a wrong code.
_DUMMY_HASH = None


def allocate_reference(agency, year: int) -> tuple[str, int]:
    """The next (受理编号, sequence) of `agency` in `year`. Call inside the transaction that saves the case."""
    sequence = next_in_sequence(ApplicationCounter, agency, year)
    return format_reference(agency.code, year, sequence), sequence


def format_reference(agency_code: str, year: int, sequence: int) -> str:
    return f"{agency_code.upper()}-{year}-{sequence:05d}"


def new_query_code() -> str:
    raw = "".join(secrets.choice(QUERY_ALPHABET) for _ in range(QUERY_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def normalise_query_code(text: str) -> str:
    cleaned = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    return f"{cleaned[:5]}-{cleaned[5:]}" if len(cleaned) == QUERY_LENGTH else cleaned


# The code is random (~49 bits), not chosen by a person, and tracking is rate-limited, so it needs far
# fewer PBKDF2 rounds than a password: Django's 1.2 million cost a second of CPU per application and per
# look-up, which a busy portal (or an attacker) turns into queues. The rounds are written into the hash,
# so check_password reads codes hashed before and after this change alike.
QUERY_CODE_ITERATIONS = 20_000


class _QueryCodeHasher(PBKDF2PasswordHasher):
    iterations = QUERY_CODE_ITERATIONS


def hash_query_code(code: str) -> str:
    hasher = _QueryCodeHasher()
    return hasher.encode(normalise_query_code(code), hasher.salt())


def query_code_matches(code: str, stored_hash: str | None) -> bool:
    global _DUMMY_HASH
    if not stored_hash:
        if _DUMMY_HASH is None:
            _DUMMY_HASH = hash_query_code(new_query_code())
        _QueryCodeHasher().verify(normalise_query_code(code), _DUMMY_HASH)
        return False
    if stored_hash.startswith(f"{_QueryCodeHasher.algorithm}$"):
        # Verified by the hasher itself (rounds from the hash), whatever PASSWORD_HASHERS lists.
        return _QueryCodeHasher().verify(normalise_query_code(code), stored_hash)
    return check_password(normalise_query_code(code), stored_hash)
