"""Files in the bucket reach a person only through gongkai's views, after the same checks as on disk: the
agency's own staff get an identity document or a draft's attachment (never to be cached), another agency's
registrar gets 404, a visitor is sent to log in, and the public site knows no draft's attachment. Nothing
in the bucket has an address of its own."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications.services import add_identity_document
from tests.applications.conftest import PNG
from tests.factories import make_application

from .conftest import PDF

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_an_identity_document_goes_to_the_agencys_staff_and_to_no_one_else(object_storage, people, client):
    application, _ = make_application(people.agency)
    document = add_identity_document(application, SimpleUploadedFile("id.png", PNG), actor=people.registrar)
    url = reverse("applications:identity_document", args=[application.pk, document.pk])

    assert client.get(url).status_code == 302  # a visitor is sent to log in
    client.force_login(people.other_clerk)
    assert client.get(url).status_code == 404
    client.force_login(people.supervisor)
    assert client.get(url).status_code == 403
    client.force_login(people.registrar)
    response = client.get(url)
    assert response.status_code == 200 and body(response) == PNG
    assert response["Cache-Control"] == "private, no-store"
    with pytest.raises(ValueError):
        document.file.url  # noqa: B018 — no address that would bypass the view


def test_a_drafts_attachment_goes_to_its_agency_only_and_the_portal_does_not_know_it(
    object_storage, people, item_with_attachment, client
):
    item, attachment = item_with_attachment()
    url = reverse("disclosure:attachment", args=[item.pk, attachment.pk])
    public = reverse("portal:attachment", args=[people.agency.code, attachment.pk])

    assert client.get(public).status_code == 404
    assert client.get(url).status_code == 302
    client.force_login(people.other_clerk)
    assert client.get(url).status_code == 404
    client.force_login(people.registrar)
    response = client.get(url)
    assert response.status_code == 200 and body(response) == PDF
    assert response["Cache-Control"] == "private, no-store"
    with pytest.raises(ValueError):
        attachment.file.url  # noqa: B018
