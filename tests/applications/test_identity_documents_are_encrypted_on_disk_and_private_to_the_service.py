"""Attack: read the identity-card scans from the data folder, a copy of it or a backup, without the
application. On disk every identity document and delivery proof is encrypted with the field key (nothing of
the scan is recognisable), the file is 0600 in folders 0700; through gongkai the same bytes come back as
uploaded (backups copy the ciphertext and are 0600: see tests/reliability). Files stored plain before
encryption still open, and `gongkai keys rotate` encrypts them; a key rotation re-encrypts every file."""

import stat

import pytest
from cryptography.fernet import Fernet
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications.file_storage import MAGIC, unseal
from gongkai.applications.models import IdentityDocument
from gongkai.cli import main
from tests.factories import make_application

from .conftest import PNG

pytestmark = pytest.mark.django_db

SCAN = PNG + "居民身份证 张三 330382198001010014".encode() * 50


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def uploaded(client, personas):
    application, _ = make_application(personas.agency)
    client.force_login(personas.registrar)
    client.post(
        reverse("applications:upload_document", args=[application.pk]),
        {"identity_document": SimpleUploadedFile("scan.png", SCAN, content_type="image/png")},
    )
    return application, IdentityDocument.objects.get()


def served(client, application, document) -> bytes:
    response = client.get(reverse("applications:identity_document", args=[application.pk, document.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_the_scan_on_disk_is_ciphertext_private_to_the_service(client, personas, private_files):
    application, document = uploaded(client, personas)
    stored = private_files / document.file.name
    raw = stored.read_bytes()
    assert raw.startswith(MAGIC) and PNG[:8] not in raw and "张三".encode() not in raw
    assert mode(stored) == 0o600
    assert mode(stored.parent) == 0o700 and mode(stored.parent.parent) == 0o700
    assert served(client, application, document) == SCAN


def test_a_plain_file_from_before_still_opens_and_rotation_encrypts_it(
    client, personas, private_files, capsys
):
    application, document = uploaded(client, personas)
    stored = private_files / document.file.name
    stored.write_bytes(SCAN)  # as written before files were encrypted
    assert served(client, application, document) == SCAN
    assert main(["keys", "rotate"]) == 0
    assert "1 个身份证明材料" in capsys.readouterr().out
    assert stored.read_bytes().startswith(MAGIC) and mode(stored) == 0o600
    assert served(client, application, document) == SCAN


def test_rotating_the_key_re_encrypts_the_file(client, personas, private_files, settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    application, document = uploaded(client, personas)
    stored = private_files / document.file.name
    before = stored.read_bytes()
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    assert main(["keys", "rotate"]) == 0
    settings.FIELD_ENCRYPTION_KEYS = [new]  # the old key is gone: the file must open with the new one
    assert stored.read_bytes() != before
    assert unseal(stored.read_bytes()) == SCAN
    assert served(client, application, document) == SCAN
