"""The applicant's name, phone, e-mail and address are ciphertext in the database and read back as text;
the case page shows the contact data masked until a registrar asks for it in full, which is audited."""

import pytest
from django.db import connection
from django.urls import reverse

from gongkai.audit.models import AuditEntry
from tests.factories import make_application

pytestmark = pytest.mark.django_db

CONTACT = {
    "applicant_name": "王小明",
    "phone": "13812345678",
    "email": "wangxm@example.cn",
    "address": "浙江省乐清市城东街道旭阳路6号",
}


def raw_row(pk):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT applicant_name, phone, email, address FROM applications_application WHERE id = %s", [pk]
        )
        return cursor.fetchone()


def test_the_columns_hold_ciphertext_and_the_model_reads_text(personas):
    application, _ = make_application(personas.agency, **CONTACT)
    stored = raw_row(application.pk)
    for value, plain in zip(stored, CONTACT.values(), strict=True):
        assert plain not in value and value.startswith("gAAAAA")
    application.refresh_from_db()
    assert [getattr(application, f) for f in CONTACT] == list(CONTACT.values())


def test_the_case_page_masks_contact_data(personas, client):
    application, _ = make_application(personas.agency, **CONTACT)
    client.force_login(personas.registrar)
    html = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert "138****5678" in html and "w*****@example.cn" in html and "浙江省乐清市" in html
    assert "13812345678" not in html and "wangxm@" not in html and "旭阳路" not in html


def test_the_full_contact_data_is_shown_on_request_and_audited(personas, client):
    application, _ = make_application(personas.agency, **CONTACT)
    client.force_login(personas.registrar)
    html = client.post(reverse("applications:reveal_contact", args=[application.pk])).content.decode()
    assert "13812345678" in html and "旭阳路6号" in html
    entry = AuditEntry.objects.get(action="application.personal_data.view", details__what="full_contact")
    assert entry.actor_id == personas.registrar.pk


@pytest.mark.parametrize("who", ["department_head", "leader", "supervisor"])
def test_other_roles_cannot_ask_for_the_full_contact_data(personas, client, who):
    application, _ = make_application(personas.agency, **CONTACT)
    client.force_login(getattr(personas, who))
    response = client.post(reverse("applications:reveal_contact", args=[application.pk]))
    assert response.status_code == 403
