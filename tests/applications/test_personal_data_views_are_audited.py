"""Every view of a case's personal data is written to the audit trail, with who looked."""

import pytest
from django.urls import reverse

from gongkai.audit.models import AuditEntry
from tests.factories import make_application

pytestmark = pytest.mark.django_db


def views_of(application):
    return AuditEntry.objects.filter(action="application.personal_data.view", target_id=str(application.pk))


def test_opening_a_case_is_recorded_each_time(personas, logged_in):
    application, _ = make_application(personas.agency)
    client = logged_in(personas.department_head)
    client.get(reverse("applications:detail", args=[application.pk]))
    client.get(reverse("applications:detail", args=[application.pk]))
    assert views_of(application).count() == 2
    assert set(views_of(application).values_list("actor_id", flat=True)) == {personas.department_head.pk}
    assert views_of(application).first().agency_id == personas.agency.pk


def test_the_case_list_shows_no_names_and_records_nothing(personas, logged_in):
    application, _ = make_application(personas.agency, applicant_name="吴某某")
    page = logged_in(personas.registrar).get(reverse("applications:list")).content.decode()
    assert application.reference in page and "吴某某" not in page
    assert not views_of(application).exists()


def test_registration_and_events_are_audited_without_personal_data(personas):
    application, _ = make_application(personas.agency, applicant_name="吴某某", actor=personas.registrar)
    entry = AuditEntry.objects.get(action="application.register")
    assert entry.actor_id == personas.registrar.pk and entry.target_text == application.reference
    assert "吴某某" not in str(entry.details)
