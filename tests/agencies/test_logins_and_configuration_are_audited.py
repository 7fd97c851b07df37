import pytest
from django.contrib.auth.models import Permission

from gongkai.agencies.models import Agency, AgencyKind, Level, Membership, Role
from gongkai.audit.models import AuditEntry
from tests.factories import PASSWORD, make_agency, make_person, valid_uscc

pytestmark = pytest.mark.django_db


def test_logging_in_and_out_writes_audit_entries(client):
    person = make_person(make_agency(), Role.REGISTRAR, username="dengji")
    client.post("/accounts/login/", {"username": "dengji", "password": PASSWORD})
    client.post("/accounts/logout/")
    entries = list(AuditEntry.objects.filter(actor_id=person.pk).values_list("action", flat=True))
    assert entries == ["auth.login", "auth.logout"]


def test_a_failed_log_in_is_recorded_with_the_username_but_not_the_password(client):
    client.post("/accounts/login/", {"username": "nobody", "password": "guessed-password"})
    entry = AuditEntry.objects.get(action="auth.login_failed")
    assert entry.details["username"] == "nobody"
    assert "guessed-password" not in str(entry.details)


def test_saving_an_agency_in_the_admin_writes_an_audit_entry(client):
    root = make_person(username="root", is_superuser=True, is_staff=True)
    client.force_login(root)
    response = client.post(
        "/admin/agencies/agency/add/",
        {
            "name": "乐清市司法局",
            "code": "yqssfj",
            "uscc": valid_uscc(),
            "level": Level.COUNTY,
            "kind": AgencyKind.DEPARTMENT,
            "departments-TOTAL_FORMS": "1",
            "departments-INITIAL_FORMS": "0",
            "departments-MIN_NUM_FORMS": "0",
            "departments-MAX_NUM_FORMS": "1000",
            "departments-0-name": "办公室",
            "departments-0-kind": "section",
        },
    )
    assert response.status_code == 302, response.content.decode()
    agency = Agency.objects.get(code="yqssfj")
    created = AuditEntry.objects.get(action="agencies.agency.create")
    assert created.actor_id == root.pk and created.agency_id == agency.pk
    assert created.details["name"] == "乐清市司法局"
    assert AuditEntry.objects.filter(action="agencies.department.create", agency_id=agency.pk).count() == 1


def test_an_invalid_code_in_the_admin_shows_the_chinese_reason(client):
    client.force_login(make_person(username="root", is_superuser=True, is_staff=True))
    bad = valid_uscc()[:17] + "I"
    response = client.post(
        "/admin/agencies/agency/add/",
        {"name": "某局", "code": "mouju", "uscc": bad, "level": "county", "kind": "department"}
        | {"departments-TOTAL_FORMS": "0", "departments-INITIAL_FORMS": "0"},
    )
    assert response.status_code == 200
    assert "非法字符" in response.content.decode()
    assert not AuditEntry.objects.filter(action="agencies.agency.create").exists()


def test_granting_a_role_in_the_admin_is_audited_against_that_agency(client):
    agency = make_agency()
    person = make_person()
    client.force_login(make_person(username="root", is_superuser=True, is_staff=True))
    response = client.post(
        "/admin/agencies/membership/add/", {"user": person.pk, "agency": agency.pk, "role": Role.LEADER}
    )
    assert response.status_code == 302, response.content.decode()
    membership = Membership.objects.get(user=person)
    entry = AuditEntry.objects.get(action="agencies.membership.create")
    assert entry.agency_id == agency.pk and entry.target_id == str(membership.pk)
    assert entry.details["role"] == Role.LEADER


def test_an_agency_admin_configures_only_their_own_agency(client):
    own, other = make_agency("乐清市退役军人事务局"), make_agency("乐清市民政局")
    admin = make_person(own, Role.ADMIN, is_staff=True)
    admin.user_permissions.add(*Permission.objects.filter(content_type__app_label="agencies"))
    client.force_login(admin)
    html = client.get("/admin/agencies/agency/").content.decode()
    assert "乐清市退役军人事务局" in html and "乐清市民政局" not in html
    assert client.get(f"/admin/agencies/agency/{other.pk}/change/").status_code == 302  # not found → redirect
    form = client.get("/admin/agencies/membership/add/").content.decode()
    assert "上级监督员" not in form
