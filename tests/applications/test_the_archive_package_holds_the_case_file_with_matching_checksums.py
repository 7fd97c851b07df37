"""A closed case's file exports as one ZIP whose manifest lists every file with its SHA-256, the issued letters'
attachments included."""

import hashlib
import json
import zipfile
from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications import archive, letters, services
from gongkai.applications.letters import workflow as letter_workflow
from gongkai.audit.models import AuditEntry

from .conftest import PDF, PNG
from .letters_support import decided_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_case(personas):
    application = decided_case(personas, "granted")
    services.add_identity_document(application, SimpleUploadedFile("id.png", PNG), actor=personas.registrar)
    reply = letters.draft_letter(application, "reply_granted", actor=personas.registrar)
    letter_workflow.add_attachment(
        reply, SimpleUploadedFile("清单.pdf", PDF), title="公开的信息清单", actor=personas.registrar
    )
    reply = letters.sign_as_head(reply, actor=personas.department_head)
    letters.issue_letter(reply, actor=personas.leader, issued_on=date(2026, 1, 21))
    letters.draft_letter(application, "receipt", actor=personas.registrar)  # a draft stays out
    services.record_event(
        application, "delivered", date=date(2026, 1, 22), data={"method": "post"}, actor=personas.registrar
    )
    archive.add_delivery_proof(application, SimpleUploadedFile("r.pdf", PDF), actor=personas.registrar)
    return application


def _unpack(data):
    package = zipfile.ZipFile(BytesIO(data))
    names = package.namelist()
    root = names[0].split("/")[0]
    manifest = json.loads(package.read(f"{root}/manifest.json"))
    return package, root, manifest


def test_the_manifest_checksums_match_the_files(personas, closed_case, logged_in):
    response = logged_in(personas.registrar).get(reverse("applications:archive", args=[closed_case.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    body = response.getvalue()
    package, root, manifest = _unpack(body)
    paths = [f["path"] for f in manifest["files"]]
    assert root == closed_case.reference
    assert sorted(paths) == sorted(
        [
            "application.json",
            "identity/01.png",
            "letters/01-reply_granted.docx",
            "letters/01-reply_granted.pdf",
            "letters/01-reply_granted-附件1.pdf",
            "delivery/01.pdf",
        ]
    )
    for entry in manifest["files"]:
        data = package.read(f"{root}/{entry['path']}")
        assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["size"]
    assert package.read(f"{root}/identity/01.png") == PNG
    record = json.loads(package.read(f"{root}/application.json"))
    assert [e["type"] for e in record["events"]] == ["received", "decided", "delivered"]
    assert record["letters"][0]["number"].endswith("〔2026〕1号")
    assert package.read(f"{root}/letters/01-reply_granted-附件1.pdf") == PDF
    assert record["letters"][0]["attachments"][0]["title"] == "公开的信息清单"
    entry = AuditEntry.objects.get(action="application.archive.export")
    assert entry.details["sha256"] == hashlib.sha256(body).hexdigest()


def test_an_open_case_cannot_be_archived_yet(personas, logged_in):
    application = decided_case(personas, "granted")  # decided, not yet delivered
    client = logged_in(personas.registrar)
    response = client.get(reverse("applications:archive", args=[application.pk]), follow=True)
    assert "尚未办结" in response.content.decode()
    assert not AuditEntry.objects.filter(action="application.archive.export").exists()
