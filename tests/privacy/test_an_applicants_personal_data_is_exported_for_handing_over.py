"""On request, the registrar downloads what gongkai holds about the applicant — every case of theirs at
this agency, in full, with their identity documents — as a ZIP; the export is audited."""

import io
import json
import zipfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications.services import add_identity_document
from gongkai.audit.models import AuditEntry
from tests.applications.conftest import PNG
from tests.factories import make_application, valid_resident_id

pytestmark = pytest.mark.django_db


def test_the_export_holds_every_case_of_the_applicant_and_nobody_elses(personas, client):
    number = valid_resident_id("33038219900101002")
    first, _ = make_application(
        personas.agency, received_on=date(2026, 3, 2), id_number=number, applicant_name="李四"
    )
    add_identity_document(first, SimpleUploadedFile("id.png", PNG))
    second, _ = make_application(
        personas.agency,
        received_on=date(2026, 4, 1),
        id_number=number,
        applicant_name="李四",
        request_description="另一项信息",
    )
    make_application(personas.agency, applicant_name="别人")  # the factory's default ID number
    client.force_login(personas.registrar)

    response = client.get(reverse("applications:export_personal_data", args=[second.pk]))

    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    body = response.getvalue()
    package = zipfile.ZipFile(io.BytesIO(body))
    data = json.loads(package.read("个人信息.json"))
    assert data["applicant"]["name"] == "李四"
    assert data["applicant"]["id_number"] == number
    assert [case["reference"] for case in data["applications"]] == [first.reference, second.reference]
    assert any(name.startswith("身份证明/") for name in package.namelist())
    assert "别人" not in body.decode("utf-8", "ignore")
    entry = AuditEntry.objects.get(action="application.personal_data.export")
    assert entry.details["cases"] == [first.reference, second.reference]


@pytest.mark.parametrize("who", ["leader", "supervisor", "other_clerk"])
def test_only_the_agencys_registrar_or_administrator_exports(personas, client, who):
    application, _ = make_application(personas.agency)
    client.force_login(getattr(personas, who))
    response = client.get(reverse("applications:export_personal_data", args=[application.pk]))
    assert response.status_code in (403, 404)
    assert not AuditEntry.objects.filter(action="application.personal_data.export").exists()
