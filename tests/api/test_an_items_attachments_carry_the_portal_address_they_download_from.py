"""The open-data API lists a published item's attachments with the portal address each one downloads from,
and that address gives the very bytes whose SHA-256 the API states."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.disclosure.attachments import add_attachment
from tests.factories import make_item

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def test_the_listed_address_downloads_the_attachment_with_the_stated_checksum(
    personas, client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    item = make_item(
        personas.agency, drafter=personas.registrar, title="关于开展退役军人优待证申领工作的通知"
    )
    add_attachment(item, SimpleUploadedFile("申领办法.pdf", PDF), personas.registrar)

    listed = client.get(reverse("api:item", args=[item.index_number])).json()["attachments"]
    assert [(a["name"], a["size"], a["content_type"]) for a in listed] == [
        ("申领办法.pdf", len(PDF), "application/pdf")
    ]
    response = client.get(listed[0]["url"])
    assert response.status_code == 200
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == listed[0]["sha256"]
