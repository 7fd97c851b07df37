"""居民身份证 numbers are checked (GB 11643), stored only encrypted with a fingerprint and a mask, and shown in
full only to a registrar or admin who asks, which is audited."""

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.urls import reverse

from gongkai.applications.models import Application
from gongkai.audit.models import AuditEntry
from tests.factories import make_application, valid_resident_id

pytestmark = pytest.mark.django_db
NUMBER = valid_resident_id("33038219850615123")


def test_a_wrong_check_digit_is_refused_in_chinese(personas, logged_in):
    client = logged_in(personas.registrar)
    wrong = NUMBER[:17] + ("0" if NUMBER[17] != "0" else "1")
    response = client.post(
        reverse("applications:register"),
        {
            "agency": "yqtyjrswj",
            "channel": "in_person",
            "arrived_on": "2026-01-05",
            "applicant_type": "natural_person",
            "applicant_name": "王五",
            "id_type": "resident_id",
            "id_number": wrong,
            "phone": "1",
            "request_description": "x",
            "carriers": ["paper"],
            "routes": ["post"],
        },
    )
    assert "校验码错误" in response.context["form"].errors["id_number"][0]
    assert Application.objects.count() == 0


def test_the_database_never_holds_the_plain_number(personas):
    application, _ = make_application(personas.agency, id_number=NUMBER)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM applications_application WHERE id = %s", [application.pk])
        row = cursor.fetchone()
    assert not any(NUMBER in str(value) for value in row)
    assert not any(NUMBER[6:14] in str(value) for value in row)  # not even the birth date
    application.refresh_from_db()
    assert application.id_number_masked == NUMBER[:6] + "********" + NUMBER[-4:]
    assert len(application.id_number_fingerprint) == 64


def test_the_same_number_gets_the_same_fingerprint_whatever_its_spacing(personas):
    first, _ = make_application(personas.agency, id_number=NUMBER)
    second, _ = make_application(personas.agency, id_number=f" {NUMBER[:6]} {NUMBER[6:].lower()} ")
    assert first.id_number_fingerprint == second.id_number_fingerprint
    assert first.id_number_encrypted != second.id_number_encrypted  # Fernet tokens are randomised


@pytest.mark.parametrize("who", ["department_head", "leader", "reviewer"])
def test_other_staff_see_only_the_mask(personas, logged_in, who):
    application, _ = make_application(personas.agency, id_number=NUMBER)
    client = logged_in(getattr(personas, who))
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert NUMBER[:6] + "********" + NUMBER[-4:] in page
    assert NUMBER not in page
    assert "显示完整号码" not in page
    assert client.post(reverse("applications:reveal_id_number", args=[application.pk])).status_code == 403


@pytest.mark.parametrize("who", ["registrar", "admin"])
def test_registrars_and_admins_see_the_full_number_on_request_and_it_is_audited(personas, logged_in, who):
    application, _ = make_application(personas.agency, id_number=NUMBER)
    client = logged_in(getattr(personas, who))
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert NUMBER not in page and "显示完整号码" in page
    page = client.post(reverse("applications:reveal_id_number", args=[application.pk])).content.decode()
    assert NUMBER in page
    reveal = AuditEntry.objects.filter(
        action="application.personal_data.view", details__what="full_id_number", target_id=str(application.pk)
    )
    assert reveal.count() == 1
    assert reveal.get().actor_id == getattr(personas, who).pk


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_a_supervisor_reads_the_case_without_personal_data(personas, logged_in):
    application, _ = make_application(
        personas.agency, applicant_name="赵六", id_number=NUMBER, phone="13711112222"
    )
    page = (
        logged_in(personas.supervisor)
        .get(reverse("applications:detail", args=[application.pk]))
        .content.decode()
    )
    assert application.reference in page
    for secret in ("赵六", "13711112222", NUMBER[:6] + "********", NUMBER):
        assert secret not in page
    assert not AuditEntry.objects.filter(action="application.personal_data.view").exists()
