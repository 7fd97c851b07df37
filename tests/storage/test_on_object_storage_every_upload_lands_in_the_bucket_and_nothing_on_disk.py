"""With GONGKAI_S3_BUCKET set, what people upload goes to the bucket — published attachments under media/,
identity documents and imported report sources under private/ — and nothing to the data folder. An identity
document is in the bucket only encrypted with the field key: whoever runs the bucket cannot read it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications.file_storage import MAGIC
from gongkai.applications.key_rotation import reencrypt_files
from gongkai.applications.models import IdentityDocument
from gongkai.applications.services import add_identity_document
from gongkai.disclosure.models import Attachment
from gongkai.importer.models import PendingImport
from tests.applications.conftest import PNG
from tests.factories import make_application, make_pending_import

from .conftest import PDF

pytestmark = pytest.mark.django_db


def files_on_disk(settings) -> list:
    return [
        p
        for root in (settings.MEDIA_ROOT, settings.PRIVATE_FILES_ROOT)
        if root.exists()
        for p in root.rglob("*")
    ]


def test_an_attachment_uploaded_on_the_item_page_is_stored_in_the_bucket(
    object_storage, people, item_with_attachment, client, settings
):
    item, _ = item_with_attachment()
    client.force_login(people.registrar)
    page = client.post(
        reverse("disclosure:attachment_upload", args=[item.pk]),
        {"file": SimpleUploadedFile("实施细则.pdf", PDF + b"% second\n")},
        follow=True,
    ).content.decode()
    assert "附件已上传" in page
    stored = Attachment.objects.get(original_name="实施细则.pdf")
    assert f"media/{stored.file.name}" in object_storage.object_keys()
    assert object_storage.read(f"media/{stored.file.name}") == PDF + b"% second\n"
    assert files_on_disk(settings) == []


def test_an_identity_document_is_stored_in_the_bucket_only_encrypted(object_storage, people, settings):
    application, _ = make_application(people.agency)
    document = add_identity_document(
        application, SimpleUploadedFile("身份证.png", PNG), actor=people.registrar
    )
    key = f"private/{document.file.name}"
    assert key in object_storage.object_keys()
    stored = object_storage.read(key)
    assert stored.startswith(MAGIC) and PNG not in stored
    with IdentityDocument.objects.get().file.open("rb") as opened:  # gongkai itself reads it back
        assert opened.read() == PNG
    assert files_on_disk(settings) == []


def test_an_imported_reports_source_is_kept_privately_in_the_bucket(object_storage, people, settings):
    pending = make_pending_import(people.agency, people.supervisor)
    assert f"private/{PendingImport.objects.get(pk=pending.pk).source.name}" in object_storage.object_keys()
    assert files_on_disk(settings) == []


def test_rotating_the_field_key_encrypts_a_plain_identity_document_in_the_bucket(object_storage, people):
    application, _ = make_application(people.agency)
    document = add_identity_document(application, SimpleUploadedFile("id.png", PNG), actor=people.registrar)
    key = f"private/{document.file.name}"
    object_storage.put(key, PNG)  # as a file stored before encryption would be
    assert reencrypt_files() == 1
    assert object_storage.read(key).startswith(MAGIC)
    assert [k for k in object_storage.object_keys() if k.startswith("private/identity/")] == [
        key
    ]  # same key, no copy
    with IdentityDocument.objects.get().file.open("rb") as opened:
        assert opened.read() == PNG


def test_erasing_an_applicants_personal_data_deletes_the_identity_document_from_the_bucket(
    object_storage, people, django_capture_on_commit_callbacks
):
    from gongkai.applications.personal_data import erase_personal_data

    application, _ = make_application(people.agency)
    document = add_identity_document(application, SimpleUploadedFile("id.png", PNG), actor=people.registrar)
    key = f"private/{document.file.name}"
    assert key in object_storage.object_keys()
    with django_capture_on_commit_callbacks(execute=True):
        erase_personal_data(application, actor=people.registrar, reason="保存期限届满")
    assert key not in object_storage.object_keys()
    assert not IdentityDocument.objects.exists()
