"""Identity documents are accepted by their content (PDF, JPEG, PNG), stored outside the public media
folder and served only through the permission-checked, audited view."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications.models import IdentityDocument
from gongkai.audit.models import AuditEntry
from tests.factories import make_application

from .conftest import PDF, PNG

pytestmark = pytest.mark.django_db


def upload(client, application, name, content):
    return client.post(
        reverse("applications:upload_document", args=[application.pk]),
        {"identity_document": SimpleUploadedFile(name, content, content_type="application/pdf")},
        follow=True,
    )


def test_a_pdf_is_stored_privately_and_served_to_the_agencys_staff(
    personas, logged_in, private_files, settings
):
    application, _ = make_application(personas.agency)
    upload(logged_in(personas.registrar), application, "scan.pdf", PDF)
    document = IdentityDocument.objects.get()
    assert document.content_type == "application/pdf"
    path = document.file.path
    assert path.startswith(str(private_files)) and not path.startswith(str(settings.MEDIA_ROOT))
    response = logged_in(personas.department_head).get(
        reverse("applications:identity_document", args=[application.pk, document.pk])
    )
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Cache-Control"] == "private, no-store"
    assert AuditEntry.objects.filter(details__what=f"identity_document:{document.pk}").exists()


def test_a_file_that_only_claims_to_be_a_pdf_is_refused(personas, logged_in):
    application, _ = make_application(personas.agency)
    page = upload(
        logged_in(personas.registrar), application, "id.pdf", b"MZ\x90\x00 not a pdf"
    ).content.decode()
    assert "只接受 PDF、JPEG 或 PNG" in page
    assert IdentityDocument.objects.count() == 0


def test_a_file_over_the_size_limit_is_refused(personas, logged_in, settings):
    settings.IDENTITY_DOCUMENT_MAX_BYTES = 1024
    application, _ = make_application(personas.agency)
    page = upload(logged_in(personas.registrar), application, "big.png", PNG + b"\0" * 2048).content.decode()
    assert "文件过大" in page
    assert IdentityDocument.objects.count() == 0


def test_a_supervisor_cannot_open_identity_documents(personas, logged_in):
    application, _ = make_application(personas.agency)
    upload(logged_in(personas.registrar), application, "id.png", PNG)
    document = IdentityDocument.objects.get()
    url = reverse("applications:identity_document", args=[application.pk, document.pk])
    assert logged_in(personas.supervisor).get(url).status_code == 403
