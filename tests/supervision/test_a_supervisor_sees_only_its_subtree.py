"""A supervisor sees the agencies of its own subtree only: an agency outside is a 404, and the staff of an
office below never see the aggregate of the agency above them."""

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.agencies.models import Role
from tests.factories import make_person
from tests.supervision.tree import build_city

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_district_supervisor_sees_its_district_and_nothing_else():
    city = build_city(2025)
    district, other_district = city.districts
    client = client_for(make_person(district, Role.SUPERVISOR))

    page = client.get(reverse("supervision:tree", args=[district.code]), {"year": 2025}).content.decode()

    for office in city.offices[:3]:
        assert office.name in page
    for agency in (city.city, other_district, *city.offices[3:], city.outside):
        assert agency.name not in page
    assert client.get(reverse("supervision:tree", args=[city.city.code])).status_code == 404
    assert client.get(reverse("supervision:total", args=[city.outside.code])).status_code == 404
    assert client.get(reverse("supervision:total", args=[city.offices[0].code])).status_code == 200


def test_an_offices_registrar_never_sees_the_district_total():
    city = build_city(2025)
    registrar = make_person(city.offices[0], Role.REGISTRAR)
    client = client_for(registrar)

    district = city.districts[0]
    assert client.get(reverse("supervision:total", args=[district.code])).status_code == 404
    assert client.get(reverse("supervision:total", args=[city.offices[0].code])).status_code == 403
    url = reverse("supervision:total_download", args=[district.code, 2025, "csv"])
    assert client.get(url).status_code == 404


def test_the_workspace_home_links_a_supervisor_to_the_supervision_pages():
    city = build_city(2025)
    supervisor = make_person(city.city, Role.SUPERVISOR)
    home = client_for(supervisor).get(reverse("workspace:home")).content.decode()
    assert reverse("supervision:index") in home
    index = client_for(supervisor).get(reverse("supervision:index")).content.decode()
    assert reverse("supervision:tree", args=[city.city.code]) in index
    # The districts are reached through the city, not listed again.
    assert reverse("supervision:tree", args=[city.districts[0].code]) not in index
