"""Letters and the case file are scoped like the case: another agency's staff get a 404; inside the agency
only the registrar or admin exports the file, and the supervisor above does not read letters."""

from datetime import date

import pytest
from django.urls import reverse

from gongkai.applications import letters
from tests.factories import make_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(personas):
    application, _ = make_application(personas.agency, received_on=date(2026, 1, 12))
    return letters.draft_letter(application, "receipt", actor=personas.registrar)


def _urls(letter):
    pk = letter.application_id
    return [
        reverse("applications:letter", args=[pk, letter.pk]),
        reverse("applications:letter_file", args=[pk, letter.pk, "docx"]),
        reverse("applications:letter_file", args=[pk, letter.pk, "pdf"]),
        reverse("applications:letter_issue", args=[pk, letter.pk]),
        reverse("applications:archive", args=[pk]),
        reverse("applications:delivery_proof", args=[pk, 1]),
    ]


def test_another_agencys_registrar_gets_404(personas, letter, logged_in):
    client = logged_in(personas.other_clerk)
    for url in _urls(letter):
        assert client.get(url).status_code == 404, url
    new = reverse("applications:letter_new", args=[letter.application_id])
    assert client.post(new, {"kind": "receipt"}).status_code == 404


def test_a_leader_of_the_agency_cannot_export_the_case_file(personas, letter, logged_in):
    client = logged_in(personas.leader)
    assert client.get(reverse("applications:archive", args=[letter.application_id])).status_code == 403


def test_the_supervisor_above_does_not_read_letters(personas, letter, logged_in):
    client = logged_in(personas.supervisor)
    url = reverse("applications:letter_file", args=[letter.application_id, letter.pk, "pdf"])
    assert client.get(url).status_code == 403
