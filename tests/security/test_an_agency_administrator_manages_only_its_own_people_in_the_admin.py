"""Attack: an agency's 管理员 (is_staff, with the permissions to manage accounts and roles) lists every
account in 系统配置, opens another agency's clerk, and makes that clerk a 管理员 of their own agency — after
which the clerk would be theirs to reset. Now they see and edit only the people who work only in agencies
they administer (and new accounts with no role yet); another agency's clerk, a superuser or a person with a
role elsewhere is a 404 and cannot be chosen for a role; and they never see the fields that hand out power."""

import pytest
from django.contrib.auth.models import Permission

from gongkai.agencies.models import Membership, Role
from tests.factories import make_person

pytestmark = pytest.mark.django_db

USERS = "/admin/auth/user/"


@pytest.fixture
def agency_admin(client, personas):
    permissions = Permission.objects.filter(
        content_type__app_label__in=["auth", "agencies"],
        codename__in=["view_user", "change_user", "add_user", "view_membership", "add_membership"],
    )
    personas.admin.user_permissions.add(*permissions)
    client.force_login(personas.admin)
    return client


def test_the_list_holds_only_the_agencys_own_people(agency_admin, personas):
    page = agency_admin.get(USERS).content.decode()
    assert "registrar" in page and "department_head" in page
    assert "other_clerk" not in page and "supervisor" not in page


def test_another_agencys_clerk_and_a_person_with_a_role_elsewhere_are_not_there(agency_admin, personas):
    Membership.objects.create(user=personas.reviewer, agency=personas.other_agency, role=Role.REGISTRAR)
    root = make_person(username="root", is_superuser=True, is_staff=True)
    for person in (personas.other_clerk, personas.reviewer, root):
        assert agency_admin.get(f"{USERS}{person.pk}/change/").status_code == 302  # "does not exist"
        assert agency_admin.get(f"{USERS}{person.pk}/password/").status_code == 404


def test_another_agencys_clerk_cannot_be_given_a_role_here(agency_admin, personas):
    response = agency_admin.post(
        "/admin/agencies/membership/add/",
        {"user": personas.other_clerk.pk, "agency": personas.agency.pk, "role": Role.ADMIN},
    )
    assert response.status_code == 200 and "选择一个有效的选项" in response.content.decode()
    assert not Membership.objects.filter(user=personas.other_clerk, agency=personas.agency).exists()


def test_a_new_account_can_be_given_its_first_role(agency_admin, personas):
    newcomer = make_person(username="newcomer")
    response = agency_admin.post(
        "/admin/agencies/membership/add/",
        {"user": newcomer.pk, "agency": personas.agency.pk, "role": Role.REGISTRAR},
    )
    assert response.status_code == 302
    assert Membership.objects.filter(user=newcomer, agency=personas.agency, role=Role.REGISTRAR).exists()


def test_the_power_fields_are_not_offered_and_cannot_be_posted(agency_admin, personas):
    registrar = personas.registrar
    page = agency_admin.get(f"{USERS}{registrar.pk}/change/").content.decode()
    assert 'name="is_superuser"' not in page and 'name="user_permissions"' not in page
    response = agency_admin.post(
        f"{USERS}{registrar.pk}/change/",
        {"username": "registrar", "first_name": "王", "last_name": "", "email": "", "is_active": "on",
         "is_staff": "on", "is_superuser": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    registrar.refresh_from_db()
    assert registrar.first_name == "王"
    assert not registrar.is_staff and not registrar.is_superuser


def test_a_superuser_still_sees_everyone(client, personas):
    client.force_login(make_person(username="root", is_superuser=True, is_staff=True))
    page = client.get(USERS).content.decode()
    assert "other_clerk" in page and "registrar" in page
