"""A text column stored encrypted (Fernet, gongkai.applications.crypto) and read back as plain text, for
the applicant's name and contact data. Code that reads and writes the model sees plain strings; the
database, its backups and anyone with SQL access see only ciphertext.

Encryption is randomised, so these columns cannot be searched or matched in SQL: matching uses the keyed
fingerprints of services.matching_keys instead. An empty value is stored empty (nothing to hide, and
forms can keep treating "" as absent).
"""

from django.db import models

from . import crypto

TOKEN_PREFIX = "gAAAAA"  # every Fernet token starts so (version byte 0x80 and a timestamp)


class EncryptedTextField(models.TextField):
    def from_db_value(self, value, expression, connection):
        if not value:
            return value
        if not value.startswith(TOKEN_PREFIX):
            return value  # written before the column was encrypted; the migration encrypts such rows
        return crypto.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if not value:
            return value
        return crypto.encrypt(value)


def without_personal_data(queryset):
    """`queryset` with its encrypted columns left unread: counting and clock work never needs them, and
    then runs without the field key and decrypts nothing."""
    encrypted = [f.name for f in queryset.model._meta.get_fields() if isinstance(f, EncryptedTextField)]
    return queryset.defer(*encrypted)
