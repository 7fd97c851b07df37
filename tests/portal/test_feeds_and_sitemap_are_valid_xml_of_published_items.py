import xml.etree.ElementTree as ET

import pytest

from tests.factories import make_category, make_item, make_personas

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def catalogue():
    p = make_personas()
    category = make_category(p.agency, "通知公告", code="tzgg")
    shown = make_item(p.agency, title="公开的公告", category=category, summary="概述")
    hidden = [
        make_item(p.agency, title="草稿公告", category=category, status="draft"),
        make_item(p.agency, title="撤回公告", category=category, status="withdrawn"),
    ]
    return p, category, shown, hidden


def test_the_category_feed_is_atom_with_published_items_only(client, catalogue):
    p, category, shown, hidden = catalogue
    response = client.get("/yqtyjrswj/catalogue/tzgg/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["公开的公告"]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link.endswith(f"/yqtyjrswj/items/{shown.index_number}/")


def test_the_sitemap_lists_agencies_categories_and_published_items_only(client, catalogue):
    p, category, shown, hidden = catalogue
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    locations = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert any(loc.endswith("/yqtyjrswj/") for loc in locations)
    assert any(loc.endswith("/yqtyjrswj/catalogue/tzgg/") for loc in locations)
    assert any(loc.endswith(f"/items/{shown.index_number}/") for loc in locations)
    for item in hidden:
        assert not any(loc.endswith(f"/items/{item.index_number or item.pk}/") for loc in locations)
