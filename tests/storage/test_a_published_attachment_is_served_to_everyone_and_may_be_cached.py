"""A published 主动公开 item's attachments are listed on its portal page and downloaded by anyone under their
own names, cacheable by anyone and revalidated by their checksum — from the data folder or from the bucket
alike. An attachment asked for under another agency is 404; once the item is withdrawn, 410."""

import pytest
from django.urls import reverse

from gongkai.disclosure import workflow
from gongkai.portal.catalogue import item_url

from .conftest import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["disk", "bucket"])
def where(request, settings, tmp_path):
    if request.param == "bucket":
        return request.getfixturevalue("object_storage")
    settings.MEDIA_ROOT = tmp_path / "media"
    return None


def test_the_item_page_links_the_attachment_and_anyone_downloads_it(
    where, people, item_with_attachment, client
):
    item, attachment = item_with_attachment(publish=True)
    page = client.get(item_url(item)).content.decode()
    url = reverse("portal:attachment", args=[people.agency.code, attachment.pk])
    assert f'href="{url}"' in page and "关于退役军人优待证申领的通知.pdf" in page

    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert "filename*=utf-8''%E5%85%B3%E4%BA%8E" in response["Content-Disposition"]
    assert response["Cache-Control"] == "public, no-cache"
    assert response["ETag"] == f'"{attachment.sha256}"'
    again = client.get(url, headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304 and again.content == b""


def test_another_agencys_address_is_404_and_a_withdrawn_items_attachment_410(
    where, people, item_with_attachment, client
):
    item, attachment = item_with_attachment(publish=True)
    assert (
        client.get(reverse("portal:attachment", args=[people.other_agency.code, attachment.pk])).status_code
        == 404
    )
    workflow.withdraw(item, people.leader, "政策已废止")
    gone = client.get(reverse("portal:attachment", args=[people.agency.code, attachment.pk]))
    assert gone.status_code == 410 and not hasattr(gone, "streaming_content")  # the notice, not the file
    assert "关于退役军人优待证申领的通知.pdf" not in client.get(item_url(item)).content.decode()


def test_a_file_missing_from_storage_answers_the_chinese_404_page_not_an_error(
    where, people, item_with_attachment, client
):
    item, attachment = item_with_attachment(publish=True)
    attachment.file.storage.delete(attachment.file.name)
    response = client.get(reverse("portal:attachment", args=[people.agency.code, attachment.pk]))
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()
