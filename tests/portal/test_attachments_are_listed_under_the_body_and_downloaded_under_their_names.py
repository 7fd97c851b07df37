"""Attachments on the portal and in the API: listed under the body with their type and size, downloaded
under their Chinese names, images shown where the body places them, gone (410) once the item is withdrawn."""

import hashlib
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.disclosure import workflow
from gongkai.disclosure.attachments import add_attachment
from gongkai.disclosure.models import Item
from tests.disclosure.conftest import published_with_attachments
from tests.factories import make_personas

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n" + b"%" * 4000
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
NAME = "附件1：2026年优待证申领点一览表.pdf"


@pytest.fixture
def published(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    people = make_personas()
    item, (pdf, image) = published_with_attachments(
        people,
        "关于优待证申领点的公告",
        [(NAME, PDF), ("申领流程图.png", PNG)],
        body='<p>申领流程如下图：</p><p><img src="{image}" alt="申领流程图"></p>',
        image="申领流程图.png",
    )
    return people, item, pdf, image


def test_the_item_page_lists_each_attachment_with_type_size_and_a_link(published, client):
    people, item, pdf, image = published
    page = client.get(f"/{people.agency.code}/items/{item.index_number}/").content.decode()

    section = page[page.index("附件（2）") :]
    assert NAME in section and "PDF 文档" in section and "PNG 图片" in section
    assert f'href="/{people.agency.code}/files/{pdf.pk}/" download' in section
    # The image the body refers to is shown from its public address, not the workspace one.
    assert f'<img src="/{people.agency.code}/files/{image.pk}/" alt="申领流程图"' in page
    assert "/workspace/" not in page[page.index('class="item__body"') :]


def test_a_download_carries_the_chinese_name_its_checksum_and_may_be_cached(published, client):
    people, item, pdf, _ = published
    response = client.get(f"/{people.agency.code}/files/{pdf.pk}/")

    assert response.status_code == 200 and response.streaming
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert f"filename*=utf-8''{quote(NAME)}" in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith("attachment")
    assert response["ETag"] == f'"{hashlib.sha256(PDF).hexdigest()}"'
    # Cached, but checked with the server before each use, so a withdrawal takes effect at once.
    assert response["Cache-Control"] == "public, no-cache"
    assert "script-src" not in response["Content-Security-Policy"]

    again = client.get(f"/{people.agency.code}/files/{pdf.pk}/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_the_api_gives_each_attachment_its_url_type_size_and_sha256(published, client):
    people, item, pdf, image = published
    data = client.get(f"/api/items/{item.index_number}/").json()

    first = data["attachments"][0]
    assert first["name"] == NAME and first["type_label"] == "PDF 文档"
    assert first["size"] == len(PDF) and first["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert first["url"].endswith(f"/{people.agency.code}/files/{pdf.pk}/")
    assert client.get(first["url"]).status_code == 200
    assert f"/{people.agency.code}/files/{image.pk}/" in data["body_html"]


def test_a_withdrawn_items_attachments_answer_410_with_the_notice(published, client):
    people, item, pdf, _ = published
    workflow.withdraw(item, people.leader, "公告期已满")

    response = client.get(f"/{people.agency.code}/files/{pdf.pk}/")

    assert response.status_code == 410
    text = response.content.decode()
    assert "已撤回" in text and item.title in text and "不再公开" in text


def test_attachments_of_drafts_and_other_agencies_are_not_found(published, client):
    people, item, pdf, _ = published
    draft = workflow.save_draft(
        Item(agency=people.agency, drafter=people.registrar, title="草稿", formed_on="2026-03-02"),
        people.registrar,
    )
    hidden = add_attachment(draft, SimpleUploadedFile("内部.pdf", PDF), people.registrar)

    assert client.get(f"/{people.agency.code}/files/{hidden.pk}/").status_code == 404
    assert client.get(f"/{people.other_agency.code}/files/{pdf.pk}/").status_code == 404


def test_a_body_cannot_show_another_items_file(published, client):
    people, item, pdf, _ = published
    link = f'<p><a href="/workspace/disclosure/{item.pk}/attachments/{pdf.pk}/">别处的附件</a></p>'
    other, _ = published_with_attachments(people, "另一条", [], body=link)

    page = client.get(f"/{people.agency.code}/items/{other.index_number}/").content.decode()
    assert f"/{people.agency.code}/files/{pdf.pk}/" not in page
