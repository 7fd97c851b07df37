"""系统配置 lists the 行政复议 and 行政诉讼 cases like the other records: read-only (changes go through the
audited workspace screens), and a staff member sees only those of the agencies they may see."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from gongkai.agencies.models import Role
from tests.factories import make_agency, make_appeal, make_person, make_personas

pytestmark = pytest.mark.django_db


def test_a_superuser_finds_every_appeal_and_cannot_change_one():
    people = make_personas()
    own = make_appeal(people.agency, filed_on=date(2026, 4, 1), case_number="乐政复〔2026〕7号")
    other = make_appeal(people.other_agency, filed_on=date(2026, 4, 2), case_number="乐政复〔2026〕8号")
    client = Client()
    client.force_login(make_person(username="root", is_superuser=True, is_staff=True))

    listing = client.get("/admin/appeals/appeal/").content.decode()
    assert "乐政复〔2026〕7号" in listing and "乐政复〔2026〕8号" in listing
    assert client.get("/admin/").content.decode().count("/admin/appeals/appeal/") >= 1
    assert client.get(f"/admin/appeals/appeal/{own.pk}/change/").status_code == 200  # shown, read-only
    assert client.post(f"/admin/appeals/appeal/{other.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get("/admin/appeals/appeal/add/").status_code == 403


def test_an_agency_administrator_sees_only_the_appeals_of_their_agency():
    own_agency, foreign = make_agency("乐清市某局"), make_agency("温州市某局")
    make_appeal(own_agency, filed_on=date(2026, 4, 1), case_number="乐政复〔2026〕1号")
    make_appeal(foreign, filed_on=date(2026, 4, 1), case_number="温政复〔2026〕2号")
    admin = make_person(own_agency, Role.ADMIN, is_staff=True)
    admin.user_permissions.add(Permission.objects.get(codename="view_appeal"))
    client = Client()
    client.force_login(admin)

    listing = client.get("/admin/appeals/appeal/").content.decode()
    assert "乐政复〔2026〕1号" in listing and "温政复〔2026〕2号" not in listing
