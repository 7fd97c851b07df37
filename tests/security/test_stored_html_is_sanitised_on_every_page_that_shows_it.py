"""A body stored by a path that skipped the workflow's sanitising (an import, a script) still never runs
script on the workspace item page or the portal item page."""

import pytest
from django.urls import reverse

from gongkai.disclosure.models import Item
from tests.factories import make_item

pytestmark = pytest.mark.django_db

EVIL = '<p onclick="steal()">正文</p><script>steal()</script><a href="javascript:steal()">链接</a>'


def test_both_item_pages_sanitise_the_stored_body(client, personas):
    item = make_item(personas.agency, drafter=personas.registrar)
    Item.objects.filter(pk=item.pk).update(body=EVIL)  # behind the workflow's back
    client.force_login(personas.registrar)
    pages = [
        client.get(reverse("disclosure:item", args=[item.pk])),
        client.get(reverse("portal:item", args=[personas.agency.code, item.index_number])),
    ]
    for page in pages:
        html = page.content.decode()
        assert page.status_code == 200 and "正文" in html
        assert "steal()" not in html
