import re

import pytest

from tests.factories import make_personas

pytestmark = pytest.mark.django_db


def test_the_portal_home_is_titled_and_nests_agencies_under_their_government(client):
    p = make_personas()
    html = client.get("/").content.decode()
    assert "<title>政府信息公开</title>" in html
    assert "<h1>政府信息公开</h1>" in html
    # The government is a top-level entry; its departments and township are in the list inside it.
    government_item = re.search(
        r'<li>\s*<a href="/yqszf/">乐清市人民政府</a>(.*?)</li>\s*</ul>\s*</section>', html, re.S
    )
    assert government_item, html
    for child in (p.agency, p.other_agency, p.township):
        assert f'<a href="/{child.code}/">{child.name}</a>' in government_item.group(1)


def test_the_portal_home_offers_staff_a_log_in_link_and_no_personal_data(client):
    p = make_personas()
    html = client.get("/").content.decode()
    assert 'href="/accounts/login/"' in html
    assert p.registrar.username not in html
