"""Cases are scoped to the agencies a person may see: elsewhere every case page is a 404."""

import pytest
from django.urls import reverse

from tests.factories import make_application

pytestmark = pytest.mark.django_db


def test_a_registrar_of_another_agency_cannot_open_this_agencys_case(personas, logged_in):
    application, _ = make_application(personas.agency)
    document_urls = []
    client = logged_in(personas.other_clerk)
    for name, args in [
        ("applications:detail", [application.pk]),
        ("applications:record_event", [application.pk, "withdrawn"]),
        ("applications:identity_document", [application.pk, 1]),
        *document_urls,
    ]:
        assert client.get(reverse(name, args=args)).status_code == 404
    assert client.post(reverse("applications:reveal_id_number", args=[application.pk])).status_code == 404
    assert application.reference not in client.get(reverse("applications:list")).content.decode()


def test_the_case_pages_need_a_log_in(personas, client):
    application, _ = make_application(personas.agency)
    response = client.get(reverse("applications:detail", args=[application.pk]))
    assert response.status_code == 302 and "login" in response.url
