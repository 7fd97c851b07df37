"""Rotating GONGKAI_FIELD_KEY: re-encrypt every stored identity number, name and contact with the first
key of the list, and recompute the keyed fingerprints (they hash with the first key, so without this the
repeat-application proposals would no longer match old cases); re-encrypt the identity documents and
delivery proof files too (and encrypt any still stored plain, from before files were encrypted).
Afterwards the old key can be dropped.

    1. GONGKAI_FIELD_KEY=NEW,OLD      (new first: it encrypts; both decrypt) — restart the app servers
    2. gongkai keys rotate            (this module; one transaction per batch, safe to run again)
    3. GONGKAI_FIELD_KEY=NEW          — restart again
"""

import base64
import os

from django.db import transaction

from gongkai import audit

from . import crypto
from .file_storage import encrypted_private_storage, seal, unseal
from .models import Application, DeliveryProof, IdentityDocument
from .services import matching_keys

BATCH = 500
ENCRYPTED_TEXT = ["applicant_name", "legal_representative", "contact_person", "phone", "email", "address"]


def new_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


def rotate_field_key() -> tuple[int, int]:
    """Re-encrypt and re-fingerprint every case, re-encrypt every private personal file; returns how many
    cases and files were rewritten."""
    ids = list(Application.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            for application in Application.objects.select_for_update().filter(
                pk__in=ids[start : start + BATCH]
            ):
                if application.id_number_encrypted:
                    number = crypto.decrypt(application.id_number_encrypted)
                    application.id_number_encrypted = crypto.encrypt(number)
                    application.id_number_fingerprint = crypto.fingerprint(f"{application.id_type}:{number}")
                application.applicant_key, application.information_digest = matching_keys(application)
                # Saving writes the encrypted text columns again, with the first key.
                application.save(
                    update_fields=[
                        *ENCRYPTED_TEXT,
                        "id_number_encrypted",
                        "id_number_fingerprint",
                        "applicant_key",
                        "information_digest",
                    ]
                )
    files = reencrypt_files()
    audit.record("keys.field_key.rotate", details={"applications": len(ids), "files": files})
    return len(ids), files


def reencrypt_files() -> int:
    """Encrypt every identity document and delivery proof with the first key (a file still plain is
    encrypted, one under an older key re-encrypted); returns how many files were rewritten. Each file is
    replaced atomically (gongkai.storage: overwrite), so an interrupted
    run leaves every file readable, and it can be run again."""
    stored = encrypted_private_storage().inner
    names = [d.file.name for d in IdentityDocument.objects.exclude(file="")]
    names += [p.file.name for p in DeliveryProof.objects.exclude(file="")]
    rewritten = 0
    for name in names:
        if not stored.exists(name):
            continue
        with stored.open(name, "rb") as handle:
            sealed = seal(unseal(handle.read()))
        stored.overwrite(name, sealed)
        rewritten += 1
    return rewritten
